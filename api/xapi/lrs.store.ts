/**
 * @module xapi/lrs.store
 * An organisation's Learning Record Store settings. xAPI is off until an admin configures one.
 * The LRS needs its password in clear for Basic auth, so it is stored sealed with the data key
 * (AES-GCM, auth/data-key), opened only to send statements, and never returned by the API. A row
 * stored in clear before encryption keeps working and is sealed the next time it is used.
 */
import { and, eq, sql } from 'drizzle-orm';
import { isSealed, openSecret, sealSecret } from '../auth/data-key.js';
import type { Database } from '../db/index.js';
import { preparedPerDatabase } from '../db/prepared.js';
import { xapiLrs } from '../db/schema/index.js';
import { StoreError } from '../store/errors.js';

export type LrsRow = typeof xapiLrs.$inferSelect;

/** What the sealed password is bound to: a sealed value cannot be passed off as another secret. */
const PURPOSE = 'xapi-lrs-password';

// Prepared: every session that ends asks this (see db/prepared), most often to hear "none".
const lrsOf = preparedPerDatabase((db) =>
  db
    .select()
    .from(xapiLrs)
    .where(eq(xapiLrs.orgId, sql.placeholder('orgId')))
    .limit(1)
    .prepare('lrs_by_org'),
);

/** The row as stored: its password is sealed (or, from before encryption, in clear). */
export async function findLrs(db: Database, orgId: string): Promise<LrsRow | null> {
  const [row] = await lrsOf(db).execute({ orgId });
  return row ?? null;
}

export async function saveLrs(
  db: Database,
  orgId: string,
  v: { endpoint: string; username: string; password: string; enabled: boolean },
  now: Date,
  dataKey: CryptoKey | null,
): Promise<LrsRow> {
  if (!dataKey)
    throw StoreError.conflict(
      'The server has no data key to store the LRS password with; its operator sets SB_DATA_KEY.',
    );
  const sealed = { ...v, password: await sealSecret(dataKey, v.password, PURPOSE) };
  const [row] = await db
    .insert(xapiLrs)
    .values({ orgId, ...sealed, updatedAt: now })
    .onConflictDoUpdate({ target: xapiLrs.orgId, set: { ...sealed, updatedAt: now } })
    .returning();
  return row;
}

/**
 * The LRS password in clear, to send statements with. A password stored in clear before
 * encryption is sealed on the way (only if nobody changed it meanwhile).
 */
export async function lrsPassword(
  db: Database,
  row: LrsRow,
  dataKey: CryptoKey | null,
): Promise<string> {
  const plain = await openSecret(dataKey, row.password, PURPOSE);
  if (!isSealed(row.password) && dataKey) {
    await db
      .update(xapiLrs)
      .set({ password: await sealSecret(dataKey, plain, PURPOSE) })
      .where(and(eq(xapiLrs.orgId, row.orgId), eq(xapiLrs.password, row.password)));
  }
  return plain;
}

export async function deleteLrs(db: Database, orgId: string): Promise<boolean> {
  return (
    (await db.delete(xapiLrs).where(eq(xapiLrs.orgId, orgId)).returning({ orgId: xapiLrs.orgId }))
      .length > 0
  );
}

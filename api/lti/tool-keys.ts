/**
 * @module lti/tool-keys
 * The tool's own RSA key pairs, one set per organisation, kept in the database (private key as a
 * JWK) and generated on first use. An organisation's active key signs its deep-linking responses
 * and AGS client assertions; rotating makes it a new active key and keeps the one before it
 * published as `previous`, so anything signed just before the rotation (a deep-linking response
 * on its way back to the LMS) still verifies. Keys older than that are retired from the published
 * set. Per organisation, so one organisation's admin can never replace the key another signs with.
 */
import { and, desc, eq, inArray } from 'drizzle-orm';
import { exportJWK, generateKeyPair, importJWK, type JWK } from 'jose';
import type { Database } from '../db/index.js';
import { ltiToolKeys } from '../db/schema/index.js';

export const TOOL_KEY_ALG = 'RS256';

export interface SigningKey {
  kid: string;
  key: CryptoKey | Uint8Array;
}

async function createKey(db: Database, orgId: string, now: Date) {
  const { publicKey, privateKey } = await generateKeyPair(TOOL_KEY_ALG, {
    modulusLength: 2048,
    extractable: true,
  });
  const kid = crypto.randomUUID();
  const publicJwk = { ...(await exportJWK(publicKey)), kid, alg: TOOL_KEY_ALG, use: 'sig' };
  const privateJwk = { ...(await exportJWK(privateKey)), kid, alg: TOOL_KEY_ALG };
  await db
    .insert(ltiToolKeys)
    .values({ kid, orgId, publicJwk, privateJwk, status: 'active', createdAt: now });
  return kid;
}

const newestActive = async (db: Database, orgId: string) =>
  (
    await db
      .select()
      .from(ltiToolKeys)
      .where(and(eq(ltiToolKeys.orgId, orgId), eq(ltiToolKeys.status, 'active')))
      .orderBy(desc(ltiToolKeys.createdAt))
      .limit(1)
  )[0];

/** The organisation's active key to sign with, created if it has none yet. */
export async function activeSigningKey(
  db: Database,
  orgId: string,
  now = new Date(),
): Promise<SigningKey> {
  let row = await newestActive(db, orgId);
  if (!row) {
    await createKey(db, orgId, now);
    // two first uses racing may both create one: everyone then signs with the newest, and both are published
    row = await newestActive(db, orgId);
  }
  return { kid: row.kid, key: await importJWK(row.privateJwk as JWK, TOOL_KEY_ALG) };
}

/** The published key set: every organisation's active and previous public keys, newest first. */
export async function publicKeySet(db: Database): Promise<{ keys: JWK[] }> {
  const rows = await db
    .select({ publicJwk: ltiToolKeys.publicJwk })
    .from(ltiToolKeys)
    .where(inArray(ltiToolKeys.status, ['active', 'previous']))
    .orderBy(desc(ltiToolKeys.createdAt));
  return { keys: rows.map((r) => r.publicJwk as JWK) };
}

/**
 * Rotates the organisation's keys: a new active key; its current active key(s) become previous;
 * its older previous keys retire. Returns the new kid and the organisation's kids still published.
 */
export async function rotateToolKeys(
  db: Database,
  orgId: string,
  now = new Date(),
): Promise<{ kid: string; published: string[] }> {
  await db.transaction(async (tx) => {
    await tx
      .update(ltiToolKeys)
      .set({ status: 'retired', rotatedAt: now })
      .where(and(eq(ltiToolKeys.orgId, orgId), eq(ltiToolKeys.status, 'previous')));
    await tx
      .update(ltiToolKeys)
      .set({ status: 'previous', rotatedAt: now })
      .where(and(eq(ltiToolKeys.orgId, orgId), eq(ltiToolKeys.status, 'active')));
  });
  const kid = await createKey(db, orgId, now);
  const rows = await db
    .select({ kid: ltiToolKeys.kid })
    .from(ltiToolKeys)
    .where(and(eq(ltiToolKeys.orgId, orgId), inArray(ltiToolKeys.status, ['active', 'previous'])))
    .orderBy(desc(ltiToolKeys.createdAt));
  return { kid, published: rows.map((r) => r.kid) };
}

/**
 * @module xapi/lrs.store
 * An organisation's Learning Record Store settings. xAPI is off until an admin configures one.
 * The LRS password is stored as given (the LRS needs it in clear for Basic auth) and is never
 * returned by the API.
 */
import { eq, sql } from 'drizzle-orm';
import type { Database } from '../db/index.js';
import { preparedPerDatabase } from '../db/prepared.js';
import { xapiLrs } from '../db/schema/index.js';

export type LrsRow = typeof xapiLrs.$inferSelect;

// Prepared: every session that ends asks this (see db/prepared), most often to hear "none".
const lrsOf = preparedPerDatabase((db) => db.select().from(xapiLrs).where(eq(xapiLrs.orgId, sql.placeholder('orgId'))).limit(1).prepare('lrs_by_org'));

export async function findLrs(db: Database, orgId: string): Promise<LrsRow | null> {
  const [row] = await lrsOf(db).execute({ orgId });
  return row ?? null;
}

export async function saveLrs(db: Database, orgId: string, v: { endpoint: string; username: string; password: string; enabled: boolean }, now: Date): Promise<LrsRow> {
  const [row] = await db
    .insert(xapiLrs)
    .values({ orgId, ...v, updatedAt: now })
    .onConflictDoUpdate({ target: xapiLrs.orgId, set: { ...v, updatedAt: now } })
    .returning();
  return row;
}

export async function deleteLrs(db: Database, orgId: string): Promise<boolean> {
  return (await db.delete(xapiLrs).where(eq(xapiLrs.orgId, orgId)).returning({ orgId: xapiLrs.orgId })).length > 0;
}

/**
 * @module lti/tool-keys
 * The tool's own RSA key pairs, kept in the database (private key as a JWK) and generated on first
 * use. The active key signs deep-linking responses and AGS client assertions; rotating makes a new
 * active key and keeps the one before it published as `previous`, so anything signed just before
 * the rotation (a deep-linking response on its way back to the LMS) still verifies. Keys older than
 * that are retired from the published set.
 */
import { desc, eq, inArray } from 'drizzle-orm';
import { exportJWK, generateKeyPair, importJWK, type JWK } from 'jose';
import type { Database } from '../db/index.js';
import { ltiToolKeys } from '../db/schema/index.js';

export const TOOL_KEY_ALG = 'RS256';

export interface SigningKey {
  kid: string;
  key: CryptoKey | Uint8Array;
}

async function createKey(db: Database, now: Date) {
  const { publicKey, privateKey } = await generateKeyPair(TOOL_KEY_ALG, { modulusLength: 2048, extractable: true });
  const kid = crypto.randomUUID();
  const publicJwk = { ...(await exportJWK(publicKey)), kid, alg: TOOL_KEY_ALG, use: 'sig' };
  const privateJwk = { ...(await exportJWK(privateKey)), kid, alg: TOOL_KEY_ALG };
  await db.insert(ltiToolKeys).values({ kid, publicJwk, privateJwk, status: 'active', createdAt: now });
  return kid;
}

/** The active key to sign with, created if there is none yet. */
export async function activeSigningKey(db: Database, now = new Date()): Promise<SigningKey> {
  let [row] = await db.select().from(ltiToolKeys).where(eq(ltiToolKeys.status, 'active')).orderBy(desc(ltiToolKeys.createdAt)).limit(1);
  if (!row) {
    await createKey(db, now);
    // two first uses racing may both create one: everyone then signs with the newest, and both are published
    [row] = await db.select().from(ltiToolKeys).where(eq(ltiToolKeys.status, 'active')).orderBy(desc(ltiToolKeys.createdAt)).limit(1);
  }
  return { kid: row.kid, key: await importJWK(row.privateJwk as JWK, TOOL_KEY_ALG) };
}

/** The published key set: active and previous public keys. */
export async function publicKeySet(db: Database, now = new Date()): Promise<{ keys: JWK[] }> {
  let rows = await db.select().from(ltiToolKeys).where(inArray(ltiToolKeys.status, ['active', 'previous'])).orderBy(desc(ltiToolKeys.createdAt));
  if (!rows.some((r) => r.status === 'active')) {
    await activeSigningKey(db, now);
    rows = await db.select().from(ltiToolKeys).where(inArray(ltiToolKeys.status, ['active', 'previous'])).orderBy(desc(ltiToolKeys.createdAt));
  }
  return { keys: rows.map((r) => r.publicJwk as JWK) };
}

/**
 * Rotates: a new active key; the current active key(s) become previous; older previous keys retire.
 * Returns the new kid and the kids still published.
 */
export async function rotateToolKeys(db: Database, now = new Date()): Promise<{ kid: string; published: string[] }> {
  await db.transaction(async (tx) => {
    await tx.update(ltiToolKeys).set({ status: 'retired', rotatedAt: now }).where(eq(ltiToolKeys.status, 'previous'));
    await tx.update(ltiToolKeys).set({ status: 'previous', rotatedAt: now }).where(eq(ltiToolKeys.status, 'active'));
  });
  const kid = await createKey(db, now);
  const { keys } = await publicKeySet(db, now);
  return { kid, published: keys.map((k) => k.kid as string) };
}

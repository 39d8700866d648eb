/**
 * @module routes/embed/api-keys.store
 * Storage for LMS API keys and the people an embed token may be minted for. The key itself is
 * shown once, when created; afterwards only its hash is compared.
 */
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Database } from '../../db/index.js';
import { apiKeys } from '../../db/schema/embed.js';
import { people } from '../../db/schema/organisations.js';

const KEY_PREFIX = 'sbk_';

/** A new random key: `sbk_` and 32 random bytes in base64url (256 bits). */
export function generateApiKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return KEY_PREFIX + btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export async function hashApiKey(key: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(key));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Creates a key for an organisation and returns it in clear, the only time it is available.
 * @example const { key } = await createApiKey(db, { orgId, name: 'Moodle' });
 */
export async function createApiKey(
  db: Database,
  input: { orgId: string; name: string; key?: string },
): Promise<{ id: string; key: string }> {
  const key = input.key ?? generateApiKey();
  const [row] = await db
    .insert(apiKeys)
    .values({
      orgId: input.orgId,
      name: input.name,
      keyHash: await hashApiKey(key),
      prefix: key.slice(0, KEY_PREFIX.length + 6),
    })
    .returning({ id: apiKeys.id });
  return { id: row.id, key };
}

/** The organisation a presented key belongs to, or null for an unknown or revoked key. */
export async function findActiveApiKey(
  db: Database,
  key: string,
  now: Date = new Date(),
): Promise<{ id: string; orgId: string } | null> {
  if (!key || key.length > 200) return null;
  const [row] = await db
    .select({ id: apiKeys.id, orgId: apiKeys.orgId })
    .from(apiKeys)
    .where(and(eq(apiKeys.keyHash, await hashApiKey(key)), isNull(apiKeys.revokedAt)))
    .limit(1);
  if (!row) return null;
  await db.update(apiKeys).set({ lastUsedAt: now }).where(eq(apiKeys.id, row.id));
  return row;
}

export async function revokeApiKey(
  db: Database,
  id: string,
  now: Date = new Date(),
): Promise<void> {
  await db.update(apiKeys).set({ revokedAt: now }).where(eq(apiKeys.id, id));
}

/** A person of that organisation, by id or email; never one from another organisation. */
export async function findPersonInOrg(
  db: Database,
  orgId: string,
  who: { personId?: string; personEmail?: string },
): Promise<{
  id: string;
  orgId: string;
  role: 'learner' | 'facilitator' | 'admin';
  name: string;
} | null> {
  const match = who.personId
    ? eq(people.id, who.personId)
    : sql`lower(${people.email}) = ${(who.personEmail ?? '').toLowerCase()}`;
  const [row] = await db
    .select({ id: people.id, orgId: people.orgId, role: people.role, name: people.name })
    .from(people)
    .where(and(eq(people.orgId, orgId), match))
    .limit(1);
  return row ?? null;
}

/**
 * The demo organisation's API key: fixed and public, so the README can show a working
 * `curl` against a demo server. Demo mode never runs in production (the config refuses it).
 */
export const DEMO_API_KEY = 'sbk_demo_not_secret_for_local_use_only';

/** Creates the demo API key for an organisation unless it exists; returns the key. */
export async function ensureDemoApiKey(db: Database, orgId: string): Promise<string> {
  const hash = await hashApiKey(DEMO_API_KEY);
  const [existing] = await db
    .select({ id: apiKeys.id })
    .from(apiKeys)
    .where(eq(apiKeys.keyHash, hash))
    .limit(1);
  if (!existing) await createApiKey(db, { orgId, name: 'Demo LMS', key: DEMO_API_KEY });
  return DEMO_API_KEY;
}

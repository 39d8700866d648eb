/**
 * @module auth/data-key
 * The key that encrypts secrets the app must keep and use again (an LRS password: the LRS wants
 * it in clear for Basic auth), with AES-256-GCM through Web Crypto (Node and Workers alike).
 * The key comes from `SB_DATA_KEY` (32 bytes, hex or base64); outside production, without it, one
 * is generated on first start and kept in the database (like the signing secret), which protects
 * against dumps of single tables but not of the whole database: production sets SB_DATA_KEY.
 *
 * Sealed values read `enc:v1:<iv>:<ciphertext>` (base64url). A value without the prefix was stored
 * in clear before encryption existed: `openSecret` returns it as it is, and callers seal it again.
 */
import { eq } from 'drizzle-orm';
import type { Config } from '../config/index.js';
import type { Database } from '../db/index.js';
import { instanceSecrets } from '../db/schema/index.js';

const PREFIX = 'enc:v1:';
const encoder = new TextEncoder();

const b64url = (bytes: Uint8Array) =>
  btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
const fromB64url = (s: string) =>
  Uint8Array.from(atob(s.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0));

/** The 32 key bytes of a configured key (64 hex digits, or base64 / base64url of 32 bytes), or null. */
export function dataKeyBytes(text: string): Uint8Array | null {
  const t = text.trim();
  if (/^[0-9a-f]{64}$/i.test(t)) return Uint8Array.from(t.match(/../g)!, (h) => parseInt(h, 16));
  try {
    const bytes = fromB64url(t.replace(/=+$/, ''));
    return bytes.length === 32 ? bytes : null;
  } catch {
    return null;
  }
}

const importKey = (bytes: Uint8Array) =>
  crypto.subtle.importKey('raw', new Uint8Array(bytes), { name: 'AES-GCM' }, false, [
    'encrypt',
    'decrypt',
  ]);

/** The AES-GCM key of a configured key's text (as `SB_DATA_KEY` holds it). */
export function importDataKey(text: string): Promise<CryptoKey> {
  const bytes = dataKeyBytes(text);
  if (!bytes) throw new Error('SB_DATA_KEY must be 32 bytes as 64 hex digits or base64');
  return importKey(bytes);
}

/** The data key: configured, or (outside production) generated once and kept; null in production without one. */
export async function resolveDataKey(
  db: Database,
  config: Pick<Config, 'dataKey' | 'env'>,
): Promise<CryptoKey | null> {
  if (config.dataKey) return importDataKey(config.dataKey);
  if (config.env === 'production') return null;
  const generated = Array.from(crypto.getRandomValues(new Uint8Array(32)), (b) =>
    b.toString(16).padStart(2, '0'),
  ).join('');
  await db.insert(instanceSecrets).values({ name: 'data', value: generated }).onConflictDoNothing();
  const [row] = await db.select().from(instanceSecrets).where(eq(instanceSecrets.name, 'data'));
  return importKey(dataKeyBytes(row.value)!);
}

/** Whether a stored value is sealed (else it was stored in clear before encryption). */
export const isSealed = (stored: string) => stored.startsWith(PREFIX);

/** Encrypts `plain` with a fresh 96-bit IV; `purpose` binds it to its use (an LRS password stays one). */
export async function sealSecret(key: CryptoKey, plain: string, purpose: string): Promise<string> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const sealed = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: encoder.encode(purpose) },
    key,
    encoder.encode(plain),
  );
  return `${PREFIX}${b64url(iv)}:${b64url(new Uint8Array(sealed))}`;
}

export class SealedSecretError extends Error {
  constructor() {
    super(
      'A stored secret cannot be decrypted: SB_DATA_KEY is missing or is not the key it was stored with.',
    );
    this.name = 'SealedSecretError';
  }
}

/** The clear text of a stored value (a value stored in clear comes back as it is). */
export async function openSecret(
  key: CryptoKey | null,
  stored: string,
  purpose: string,
): Promise<string> {
  if (!isSealed(stored)) return stored;
  if (!key) throw new SealedSecretError();
  const [iv, data] = stored.slice(PREFIX.length).split(':');
  try {
    const plain = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: fromB64url(iv), additionalData: encoder.encode(purpose) },
      key,
      fromB64url(data),
    );
    return new TextDecoder().decode(plain);
  } catch {
    throw new SealedSecretError();
  }
}

/**
 * @module auth/secret
 * The token-signing secret: the configured one, or (outside production) one generated on first
 * start and kept in the database, so tokens survive restarts of a demo or dev install.
 */
import { eq } from 'drizzle-orm';
import type { Config } from '../config/index.js';
import type { Database } from '../db/index.js';
import { instanceSecrets } from '../db/schema/index.js';

export async function resolveJwtSecret(
  db: Database,
  config: Pick<Config, 'jwtSecret' | 'env'>,
): Promise<string> {
  if (config.jwtSecret) return config.jwtSecret;
  if (config.env === 'production') throw new Error('SB_JWT_SECRET is required in production');
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  const generated = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  await db.insert(instanceSecrets).values({ name: 'jwt', value: generated }).onConflictDoNothing();
  const [row] = await db.select().from(instanceSecrets).where(eq(instanceSecrets.name, 'jwt'));
  return row.value;
}

/**
 * @module node-deps
 * Builds the app's dependencies on Node from a parsed config: opens and migrates the database,
 * resolves the signing secret, seeds the demo once, and picks the scripted or LLM voice.
 * Shared by `npm start` and the tests so both run the same start-up path.
 */
import type { AppDeps } from './app-env.js';
import { resolveDataKey } from './auth/data-key.js';
import { resolveJwtSecret } from './auth/secret.js';
import type { Config } from './config/index.js';
import { openDatabase, type OpenDatabase } from './db/index.js';
import { seedDemo, type DemoPeople } from './demo/seed.js';
import { scriptedServices } from './llm/types.js';
import { createLogger, type Logger } from './logger.js';

export interface NodeRuntime {
  deps: AppDeps;
  database: OpenDatabase;
  demo: DemoPeople | null;
  close(): Promise<void>;
}

export async function buildNodeDeps(
  config: Config,
  opts: { logger?: Logger; database?: OpenDatabase } = {},
): Promise<NodeRuntime> {
  const logger = opts.logger ?? createLogger(config.logLevel);
  const database = opts.database ?? (await openDatabase(config));
  if (!opts.database) await database.migrate();
  const jwtSecret = await resolveJwtSecret(database.db, config);
  logger.protect(jwtSecret, config.llm?.apiKey, config.dataKey);
  const dataKey = await resolveDataKey(database.db, config);
  const demo = config.demo ? await seedDemo(database.db) : null;
  // the LLM layer (and the openai package, a fifth of the server bundle) is loaded only when an
  // endpoint is configured: a server with the scripted partner never holds its code or source
  const llm = config.llm
    ? (await import('./llm/index.js')).createLlmServices(config.llm, { logger })
    : scriptedServices();
  const deps: AppDeps = {
    db: database.db,
    dbKind: database.kind,
    llm,
    config,
    logger,
    jwtSecret,
    dataKey,
    now: () => new Date(),
  };
  return { deps, database, demo, close: () => database.close() };
}

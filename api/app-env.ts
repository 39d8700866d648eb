/**
 * @module app-env
 * The dependencies the app is built from and the Hono environment type every route shares.
 * `api/server.ts` (Node) and `api/worker.ts` (Workers) build these; tests build their own.
 */
import type { Caller } from './auth/index.js';
import type { Config } from './config/index.js';
import type { Database, DbKind } from './db/index.js';
import type { LlmServices } from './llm/types.js';
import type { Logger } from './logger.js';

export interface AppDeps {
  db: Database;
  dbKind: DbKind;
  llm: LlmServices;
  config: Config;
  logger: Logger;
  /** the resolved signing secret (configured, or generated and kept in the database) */
  jwtSecret: string;
  now: () => Date;
}

export interface AppEnv {
  Variables: {
    deps: AppDeps;
    caller: Caller;
  };
}

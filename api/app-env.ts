/**
 * @module app-env
 * The dependencies the app is built from and the Hono environment type every route shares.
 * `api/server.ts` (Node) and `api/worker.ts` (Workers) build these; tests build their own.
 */
import type { Caller, TokenCaller } from './auth/index.js';
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
  /** encrypts stored secrets (LRS passwords); null in production without SB_DATA_KEY (auth/data-key) */
  dataKey: CryptoKey | null;
  now: () => Date;
  /**
   * Work that outlives the response (delivering a grade or xAPI statements right after a session
   * ends). On Workers the invocation and its database connection are kept open until it settles;
   * without it (Node) the work simply runs on. Callers catch their own errors.
   */
  background?: (work: Promise<unknown>) => void;
}

/** Runs `work` after the response as the runtime allows (see `AppDeps.background`). */
export function runInBackground(deps: AppDeps, work: Promise<unknown>): void {
  if (deps.background) deps.background(work);
}

export interface AppEnv {
  Variables: {
    deps: AppDeps;
    caller: Caller;
    /** the verified bearer token of a route behind `requireToken`, before its person is read */
    token: TokenCaller;
  };
}

/**
 * @module worker
 * The Cloudflare Workers runtime: the same `createApp` as on Node, on PostgreSQL through
 * postgres.js over Hyperdrive (or a DATABASE_URL var in local dev). Migrations are not run here:
 * run `npm run db:migrate` against the database first. Embedded PGlite is Node-only and never
 * imported on this path.
 *
 * Workers forbid sharing a socket between requests, so each request opens its own one-connection
 * client (Hyperdrive pools the real connections) and closes it when the response body is done.
 * The app itself is built once per isolate; its `deps.db` reads the current request's database
 * from an AsyncLocalStorage, so concurrent requests in one isolate never share a connection.
 *
 * The embed bundle is a static asset (`[assets]` in wrangler.toml, read through `env.ASSETS`) served
 * by the same embed route as on Node. A cron trigger (`scheduled`) drains the LMS grade and xAPI
 * outboxes, which on Node a timer does.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { ExecutionContext } from 'hono';
import { createApp, type App } from './app.js';
import type { AppDeps } from './app-env.js';
import { resolveJwtSecret } from './auth/secret.js';
import { ConfigError, loadConfig, type Config } from './config/index.js';
import { openPostgres, type Database, type OpenDatabase } from './db/index.js';
import { seedDemo } from './demo/seed.js';
import { createLlmServices, scriptedServices } from './llm/index.js';
import { createLogger } from './logger.js';
import { Problem } from './problems/index.js';
import { resolveDataKey } from './auth/data-key.js';
import { drainOutboxesOnSchedule } from './outbox/schedule.js';
import {
  assetBundleSource,
  type AssetFetcher,
  type EmbedDeps,
} from './routes/embed/embed.index.js';

/** The bindings `wrangler.toml` declares; every plain-string var is offered to `loadConfig`. */
export interface WorkerEnv {
  /** Hyperdrive binding: postgres.js connects to its pooled connection string */
  HYPERDRIVE?: { connectionString: string };
  /** static assets binding: the built embed bundle (web-components/dist) */
  ASSETS?: AssetFetcher;
  DATABASE_URL?: string;
  SB_JWT_SECRET?: string;
  [name: string]: unknown;
}

/** The Workers ExecutionContext (Hono's description of it, so no global Workers types are needed). */
export type WorkerContext = ExecutionContext;

/** The part of a cron trigger's ScheduledController used here. */
export interface WorkerScheduledController {
  cron: string;
  scheduledTime: number;
}

/**
 * The environment `loadConfig` sees: string vars and secrets as they are, with the Hyperdrive
 * connection string (when bound) as DATABASE_URL.
 * @example loadConfig(configEnv(env))
 */
export function configEnv(env: WorkerEnv): Record<string, string | undefined> {
  const vars: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(env))
    if (typeof value === 'string') vars[name] = value;
  if (env.HYPERDRIVE?.connectionString) vars.DATABASE_URL = env.HYPERDRIVE.connectionString;
  return vars;
}

interface Isolate {
  app: App;
  deps: AppDeps;
  config: Config;
}

const NO_DATABASE =
  'DATABASE_URL: bind HYPERDRIVE or set DATABASE_URL (Workers have no embedded database)';

/**
 * Builds the Workers handler. `export default createWorker()` is the deployed entry; tests may
 * build their own.
 * @example export default createWorker();
 */
export function createWorker() {
  /** This invocation's connection, and the work it must finish before the connection closes. */
  const current = new AsyncLocalStorage<Invocation>();
  let isolate: Promise<Isolate> | null = null;

  async function build(env: WorkerEnv, db: Database): Promise<Isolate> {
    const config = loadConfig(configEnv(env));
    if (!config.databaseUrl) throw new ConfigError([NO_DATABASE]);
    const logger = createLogger(config.logLevel);
    // Without SB_JWT_SECRET (dev only; production refuses to start) the secret kept in the database is used.
    const jwtSecret = await resolveJwtSecret(db, config);
    logger.protect(jwtSecret, config.llm?.apiKey, config.dataKey);
    const dataKey = await resolveDataKey(db, config);
    if (config.demo) await seedDemo(db);
    const deps: AppDeps & EmbedDeps = {
      get db(): Database {
        const db = current.getStore()?.db;
        if (!db) throw new Error('no database outside a request');
        return db;
      },
      // delivery right after a session ends queries through this invocation's connection
      background: (work) => current.getStore()?.pending.push(work),
      dbKind: 'postgres',
      llm: config.llm ? createLlmServices(config.llm, { logger }) : scriptedServices(),
      config,
      logger,
      jwtSecret,
      dataKey,
      now: () => new Date(),
      // without the binding (no [assets] section) the route answers 503 "not built", as on Node
      ...(env.ASSETS ? { embedBundle: assetBundleSource(env.ASSETS) } : {}),
    };
    return { app: createApp(deps), deps, config };
  }

  /** This invocation's own connection, and the isolate's app (built on first use with it). */
  async function open(
    env: WorkerEnv,
  ): Promise<{ database: OpenDatabase; isolate: Promise<Isolate> }> {
    const url =
      env.HYPERDRIVE?.connectionString ??
      (typeof env.DATABASE_URL === 'string' ? env.DATABASE_URL : '');
    if (!url) throw new ConfigError([NO_DATABASE]);
    const database = await openPostgres(url, { max: 1, fetchTypes: false });
    isolate ??= build(env, database.db).catch((err) => {
      isolate = null; // a failed start (database down) is retried by the next invocation
      throw err;
    });
    return { database, isolate };
  }

  return {
    async fetch(request: Request, env: WorkerEnv, ctx: WorkerContext): Promise<Response> {
      let database: OpenDatabase | null = null;
      try {
        // A bad config or a missing database answers every request with the reason, naming the variable.
        const opened = await open(env);
        database = opened.database;
        const db = database.db;
        const { app } = await opened.isolate;
        const invocation: Invocation = { db, pending: [] };
        const response = await current.run(invocation, () => app.fetch(request, env, ctx));
        return closeAfterBody(response, database, invocation, ctx);
      } catch (err) {
        if (database) ctx.waitUntil(database.close().catch(() => {}));
        return startupProblem(err);
      }
    },

    /**
     * The cron trigger (`[triggers] crons` in wrangler.toml): one bounded drain of the outboxes.
     * A failure is logged and rethrown, so the dashboard shows the run as failed. A row it had
     * claimed has had its attempt counted at the claim: a later run takes it again once its lease
     * runs out, or marks it failed if that was its last attempt (api/outbox). The same holds when
     * the platform ends this invocation mid-delivery.
     */
    async scheduled(
      controller: WorkerScheduledController,
      env: WorkerEnv,
      _ctx: WorkerContext,
    ): Promise<void> {
      let database: OpenDatabase | null = null;
      try {
        const opened = await open(env);
        database = opened.database;
        const db = database.db;
        const { deps } = await opened.isolate;
        const invocation: Invocation = { db, pending: [] };
        await current.run(invocation, () =>
          drainOutboxesOnSchedule(deps, { cron: controller.cron }),
        );
        await settled(invocation);
      } catch (err) {
        logFailure('scheduled outbox drain failed', err);
        throw err;
      } finally {
        await database?.close().catch(() => {});
      }
    },
  };
}

/** One JSON line naming what failed: the error's message only, never configuration values. */
function logFailure(msg: string, err: unknown) {
  createLogger('error', (l) => console.error(l)).error(msg, { error: err });
}

interface Invocation {
  db: Database;
  /** background work (`AppDeps.background`); more may be added while earlier work runs */
  pending: Promise<unknown>[];
}

/** Waits for every piece of background work, including work started by other background work. */
async function settled(invocation: Invocation): Promise<void> {
  while (invocation.pending.length > 0) await Promise.allSettled(invocation.pending.splice(0));
}

/**
 * Closes the request's connection once the body has been sent and its background work is done.
 * Streamed turns (Server-Sent Events) keep querying after the handler returns, and a grade or
 * xAPI delivery started as a session ends runs after the response: closing any earlier would cut
 * them off.
 */
function closeAfterBody(
  response: Response,
  database: OpenDatabase,
  invocation: Invocation,
  ctx: WorkerContext,
): Response {
  const close = () => settled(invocation).then(() => database.close().catch(() => {}));
  if (!response.body) {
    ctx.waitUntil(close());
    return response;
  }
  const { readable, writable } = new TransformStream();
  ctx.waitUntil(
    response.body
      .pipeTo(writable)
      .catch(() => {})
      .finally(close),
  );
  return new Response(readable, response);
}

function startupProblem(err: unknown): Response {
  const configProblem = err instanceof ConfigError;
  // Config problems name variables, never values; anything else stays in the log.
  if (!configProblem) logFailure('worker could not serve', err);
  const body = configProblem
    ? Problem.internal((err as ConfigError).message).toBody()
    : new Problem(
        503,
        'Service unavailable',
        'The server could not reach its database; please try again shortly.',
      ).toBody();
  return new Response(JSON.stringify(body), {
    status: body.status,
    headers: { 'content-type': 'application/problem+json; charset=utf-8' },
  });
}

export default createWorker();

/**
 * @module bench/support/in-process
 * What the in-process benches (turns, turn-growth) share: the app on a database of either kind
 * with the demo seeded and two learners signed in, a request through `app.request` timed in wall
 * and CPU time, and the databases themselves: a PGlite folder in a temp dir, or a fresh database
 * on DATABASE_URL's PostgreSQL server (default the local one), dropped afterwards.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { createApp, type App } from '../../api/app.js';
import { signToken } from '../../api/auth/index.js';
import { loadConfig } from '../../api/config/index.js';
import { createLogger } from '../../api/logger.js';
import { buildNodeDeps, type NodeRuntime } from '../../api/node-deps.js';

const SECRET = 'bench-secret-bench-secret-bench-secret';

/** Ten coach turns of the scripted path, one session's worth: questions, reflections, one piece of advice. */
export const SCRIPTED_COACH_LINES = [
  'What would you like to get out of our conversation today?',
  'It sounds like you are carrying a lot since the promotion.',
  'You feel torn between being one of the team and being their manager.',
  'What else is going on for you?',
  'So on the one hand you want to be liked, and on the other hand you need to make decisions they may not like.',
  'What are you assuming about how they see you?',
  'Have you tried just telling them how you feel?',
  'That feels like an important realisation for you.',
  'What will you do first, and by when?',
  'You sound clearer about the next step.',
];

/** A response's JSON body, with the server time it took (wall) and this process's CPU time (ms). */
export interface Timed {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a bench reads whatever the route answers
  json: any;
  elapsed: number;
  cpu: number;
}

export interface BenchApp {
  app: App;
  runtime: NodeRuntime;
  /** the demo's two learners (learner, learner2), signed in */
  tokens: [string, string];
  /** one request through the whole Hono handler (only the socket is left out); throws on a 3xx-5xx */
  request(method: string, path: string, token: string, body?: unknown): Promise<Timed>;
}

/**
 * Runs `work` on the app built over `env`'s database (DATA_DIR or DATABASE_URL), closing it after.
 * @example await withBenchApp({ DATA_DIR: dir }, async ({ request, tokens }) => ...)
 */
export async function withBenchApp<T>(
  env: Record<string, string>,
  work: (bench: BenchApp) => Promise<T>,
): Promise<T> {
  // the rate limits off: the bench measures capacity, not the limiter (reads would meet the per-person limit)
  const config = loadConfig({
    NODE_ENV: 'test',
    DEMO: 'true',
    SB_JWT_SECRET: SECRET,
    LOG_LEVEL: 'silent',
    SB_RATE_LIMIT_PERSON_PER_MINUTE: '0',
    SB_RATE_LIMIT_IP_PER_MINUTE: '0',
    ...env,
  });
  const runtime = await buildNodeDeps(config, { logger: createLogger('silent') });
  try {
    const app = createApp(runtime.deps);
    const { learner, learner2 } = runtime.demo!;
    const [t1, t2] = await Promise.all(
      [learner, learner2].map((p) =>
        signToken(SECRET, { sub: p.id, org: p.orgId, role: p.role }, 3600),
      ),
    );
    const request = async (
      method: string,
      path: string,
      token: string,
      body?: unknown,
    ): Promise<Timed> => {
      const t0 = performance.now();
      const cpu0 = process.cpuUsage();
      const res = await app.request(path, {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          ...(body ? { 'content-type': 'application/json' } : {}),
        },
        body: body ? JSON.stringify(body) : undefined,
      });
      const json = await res.json();
      const elapsed = performance.now() - t0;
      const cpu = process.cpuUsage(cpu0);
      if (res.status >= 300)
        throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
      return { json, elapsed, cpu: (cpu.user + cpu.system) / 1000 };
    };
    return await work({ app, runtime, tokens: [t1, t2], request });
  } finally {
    await runtime.close();
  }
}

/** Runs `work` with the env of an embedded PGlite database in a fresh temp dir (removed after). */
export async function onPglite<T>(work: (env: Record<string, string>) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'sb-bench-'));
  try {
    return await work({ DATA_DIR: join(dir, 'data') });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Runs `work` with the env of a fresh database on DATABASE_URL's PostgreSQL server (dropped
 * after), or returns why it could not (no server there) as a string.
 */
export async function onFreshPostgres<T>(
  work: (env: Record<string, string>) => Promise<T>,
): Promise<T | string> {
  const server = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const name = `sb_bench_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  const admin = postgres(server, { max: 1, onnotice: () => {}, connect_timeout: 5 });
  try {
    await admin.unsafe(`create database ${name}`);
  } catch (err) {
    await admin.end().catch(() => {});
    return `skipped: no PostgreSQL at ${new URL(server).host} (${(err as Error).message}); set DATABASE_URL`;
  }
  await admin.end();
  const url = new URL(server);
  url.pathname = `/${name}`;
  try {
    return await work({ DATABASE_URL: url.toString() });
  } finally {
    const a = postgres(server, { max: 1, onnotice: () => {} });
    await a.unsafe(`drop database if exists ${name} with (force)`);
    await a.end();
  }
}

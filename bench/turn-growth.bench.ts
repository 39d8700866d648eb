/**
 * @module bench/turn-growth.bench
 * `npx tsx bench/turn-growth.bench.ts`: does a coach turn cost more as the session grows, or as
 * the learner's history grows? Scripted path, in process (`app.request`, as bench/turns), on
 * PGlite and on PostgreSQL (a fresh database on DATABASE_URL's server; dropped after).
 *
 * Length: one session of GROWTH_TURNS coach turns (default 320); the median server time of coach
 * turns 6-15 ("turn 10") beside that of the last 20 turns, and their ratio.
 * History: the median of 10-turn sessions for a learner with no history, then again after
 * GROWTH_HISTORY (default 1500) ended sessions of that learner are added straight to the
 * database (no ANALYZE is run: PGlite never runs one, and a fresh PostgreSQL table has none).
 * GROWTH_DB (`pglite` or `postgres`) runs one database only.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { sql } from 'drizzle-orm';
import { createApp } from '../api/app.js';
import { signToken } from '../api/auth/index.js';
import { loadConfig } from '../api/config/index.js';
import { createLogger } from '../api/logger.js';
import { buildNodeDeps } from '../api/node-deps.js';

const TURNS = Number(process.env.GROWTH_TURNS ?? 320);
const HISTORY = Number(process.env.GROWTH_HISTORY ?? 1500);
const ONLY_DB = process.env.GROWTH_DB;
const SECRET = 'bench-secret-bench-secret-bench-secret';
const LINES = [
  'What would you like to get out of our conversation today?',
  'It sounds like you are carrying a lot since the promotion.',
  'You feel torn between being one of the team and being their manager.',
  'What else is going on for you?',
  'So on the one hand you want to be liked, and on the other you need to make decisions.',
  'What are you assuming about how they see you?',
  'Have you tried just telling them how you feel?',
  'That feels like an important realisation for you.',
  'What will you do first, and by when?',
  'You sound clearer about the next step.',
];
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x: number) => `${x.toFixed(2)} ms`;

async function run(kind: string, env: Record<string, string>) {
  // the rate limits off: the bench measures capacity, not the limiter (reads would meet the per-person limit)
  const config = loadConfig({ NODE_ENV: 'test', DEMO: 'true', SB_JWT_SECRET: SECRET, LOG_LEVEL: 'silent', SB_RATE_LIMIT_PERSON_PER_MINUTE: '0', SB_RATE_LIMIT_IP_PER_MINUTE: '0', ...env });
  const runtime = await buildNodeDeps(config, { logger: createLogger('silent') });
  try {
    const app = createApp(runtime.deps);
    const { learner, learner2 } = runtime.demo!;
    const [t1, t2] = await Promise.all([learner, learner2].map((p) => signToken(SECRET, { sub: p.id, org: p.orgId, role: p.role }, 3600)));
    const call = async (path: string, token: string, body?: unknown) => {
      const t0 = performance.now();
      const res = await app.request(path, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body ?? {}) });
      const json = await res.json();
      if (res.status >= 300) throw new Error(`${path}: ${res.status} ${JSON.stringify(json)}`);
      return { json, elapsed: performance.now() - t0 };
    };
    const session = async (token: string, turns: number) => {
      const { json } = await call('/api/sessions', token, { scenarioId: 'new-manager-overwhelmed' });
      const times: number[] = [];
      for (let i = 0; i < turns; i++) {
        times.push((await call(`/api/sessions/${json.id}/turns`, token, { clientTurnId: randomUUID(), text: LINES[i % LINES.length] })).elapsed);
      }
      await call(`/api/sessions/${json.id}/end`, token);
      return times;
    };
    await session(t1, 10); // warm-up
    const long = await session(t1, TURNS);
    const early = median(long.slice(5, 15));
    const late = median(long.slice(-20));

    const fresh = async (token: string) => median([...(await session(token, 10)), ...(await session(token, 10)), ...(await session(token, 10))]);
    const before = await fresh(t2);
    const { db } = runtime.deps;
    await db.execute(sql`
      insert into sessions (org_id, person_id, scenario_id, status, seed, partner_state, next_index, versions, started_at, ended_at)
      select s.org_id, s.person_id, s.scenario_id, 'ended', s.seed, s.partner_state, s.next_index, s.versions,
             now() - (g || ' minutes')::interval, now() - (g || ' minutes')::interval
      from (select * from sessions where person_id = ${learner2.id} limit 1) s cross join generate_series(1, ${HISTORY}) g`);
    const after = await fresh(t2);
    return { kind, early, late, before, after };
  } finally {
    await runtime.close();
  }
}

async function onPostgres() {
  const server = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const name = `sb_growth_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  const admin = postgres(server, { max: 1, onnotice: () => {}, connect_timeout: 5 });
  try {
    await admin.unsafe(`create database ${name}`);
  } catch (err) {
    await admin.end().catch(() => {});
    return `postgres skipped: ${(err as Error).message}`;
  }
  await admin.end();
  const url = new URL(server);
  url.pathname = `/${name}`;
  try {
    return await run('postgres', { DATABASE_URL: url.toString() });
  } finally {
    const a = postgres(server, { max: 1, onnotice: () => {} });
    await a.unsafe(`drop database if exists ${name} with (force)`);
    await a.end();
  }
}

console.log(`bench/turn-growth on Node ${process.version}, ${availableParallelism()} CPUs, load ${loadavg().map((l) => l.toFixed(1)).join(' ')}; ${TURNS} turns in one session; ${HISTORY} sessions of history`);
const results = [];
if (ONLY_DB !== 'postgres') {
  const dir = mkdtempSync(join(tmpdir(), 'sb-growth-'));
  try {
    results.push(await run('pglite', { DATA_DIR: join(dir, 'data') }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
if (ONLY_DB !== 'pglite') results.push(await onPostgres());
for (const r of results) {
  if (typeof r === 'string') console.log(`  ${r}`);
  else
    console.log(
      `  ${r.kind.padEnd(8)} length: turn 10 p50 ${ms(r.early)}, last 20 of ${TURNS} p50 ${ms(r.late)} (x${(r.late / r.early).toFixed(2)})` +
        `   | history: 10-turn sessions p50 ${ms(r.before)} before, ${ms(r.after)} after ${HISTORY} sessions (x${(r.after / r.before).toFixed(2)})`,
    );
}

/**
 * @module bench/turns.bench
 * `npx tsx bench/turns.bench.ts`: server time per coach turn on the scripted path, and requests
 * per second for `GET /api/sessions/{id}`, on embedded PGlite (a data folder in a temp dir) and
 * on PostgreSQL (a fresh database on DATABASE_URL's server, default the local one; dropped after).
 *
 * Turn time is measured in process with `app.request`: the whole Hono handler, excluding nothing
 * the server does (body limit, CORS, auth: JWT verify and the person look-up, validation, coding,
 * the partner engine, feedback, every database write and read, JSON out); only the socket is
 * left out. Turns run one at a time across many sessions (10 turns each, 2 learners); the first
 * sessions are a warm-up. The reads go over real HTTP (@hono/node-server on 127.0.0.1) with a
 * fixed concurrency; the rate is the median of three rounds. BENCH_SESSIONS (default 30) and
 * BENCH_READS (default 1000 per round; 0 skips the reads) change the sizes, and BENCH_DB
 * (`pglite` or `postgres`) runs one database only: short runs for interleaved A/B comparisons.
 */
import { serve } from '@hono/node-server';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { availableParallelism, loadavg } from 'node:os';
import {
  onFreshPostgres,
  onPglite,
  SCRIPTED_COACH_LINES as LINES,
  withBenchApp,
} from './support/in-process.js';

const SESSIONS = Number(process.env.BENCH_SESSIONS ?? 30);
const WARMUP_SESSIONS = 4;
const READS = Number(process.env.BENCH_READS ?? 1000);
const CONCURRENCY = 16;
const ONLY_DB = process.env.BENCH_DB;

const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
const median = (xs: number[]) =>
  quantile(
    [...xs].sort((a, b) => a - b),
    0.5,
  );
const ms = (x: number) => `${x.toFixed(2)} ms`;

interface Result {
  db: string;
  turns: number;
  p50: number;
  p99: number;
  max: number;
  /** this process's CPU time per turn (PGlite runs in it; a PostgreSQL server does not) */
  cpuP50: number;
  /** SQL statements per turn, BEGIN/COMMIT included (PostgreSQL only) */
  statementsPerTurn: number | null;
  startP50: number;
  endP50: number;
  readsPerSecond: number;
  readP50: number;
}

function run(db: 'pglite' | 'postgres', env: Record<string, string>): Promise<Result> {
  return withBenchApp(env, async ({ app, runtime, tokens, request }) => {
    // Count SQL statements (BEGIN and COMMIT included) through postgres.js's debug hook.
    let statements = 0;
    const pgOptions = (
      runtime.deps.db as unknown as { $client?: { options?: { debug?: unknown } } }
    ).$client?.options;
    if (db === 'postgres' && pgOptions) pgOptions.debug = () => void statements++;

    const scenarios = (await request('GET', '/api/scenarios', tokens[0])).json.scenarios as {
      id: string;
    }[];
    const turnTimes: number[] = [];
    const turnCpu: number[] = [];
    const turnStatements: number[] = [];
    const startTimes: number[] = [];
    const endTimes: number[] = [];
    const ended: { id: string; token: string }[] = [];
    for (let s = 0; s < SESSIONS + WARMUP_SESSIONS; s++) {
      const token = tokens[s % tokens.length];
      const counted = s >= WARMUP_SESSIONS;
      const start = await request('POST', '/api/sessions', token, {
        scenarioId: scenarios[s % scenarios.length].id,
      });
      if (counted) startTimes.push(start.elapsed);
      for (const text of LINES) {
        const before = statements;
        const turn = await request('POST', `/api/sessions/${start.json.id}/turns`, token, {
          clientTurnId: randomUUID(),
          text,
        });
        if (counted) {
          turnTimes.push(turn.elapsed);
          turnCpu.push(turn.cpu);
          turnStatements.push(statements - before);
        }
      }
      const end = await request('POST', `/api/sessions/${start.json.id}/end`, token);
      if (counted) endTimes.push(end.elapsed);
      ended.push({ id: start.json.id, token });
    }
    const sorted = [...turnTimes].sort((a, b) => a - b);

    // reads over real HTTP, a fixed number with a fixed concurrency
    const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
    await new Promise<void>((r) => server.once('listening', () => r()));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const rounds: number[] = [];
    const readTimes: number[] = [];
    try {
      for (let round = 0; round < (READS > 0 ? 4 : 0); round++) {
        let next = 0;
        const t0 = performance.now();
        await Promise.all(
          Array.from({ length: CONCURRENCY }, async () => {
            while (next < READS) {
              const { id, token } = ended[next++ % ended.length];
              const r0 = performance.now();
              const res = await fetch(`${base}/api/sessions/${id}`, {
                headers: { authorization: `Bearer ${token}` },
              });
              await res.arrayBuffer();
              if (res.status !== 200) throw new Error(`GET /api/sessions/${id}: ${res.status}`);
              if (round > 0) readTimes.push(performance.now() - r0);
            }
          }),
        );
        if (round > 0) rounds.push(READS / ((performance.now() - t0) / 1000)); // round 0 warms up
      }
    } finally {
      await new Promise<void>((r) => server.close(() => r()));
    }
    return {
      db,
      turns: turnTimes.length,
      p50: quantile(sorted, 0.5),
      p99: quantile(sorted, 0.99),
      max: sorted[sorted.length - 1],
      cpuP50: median(turnCpu),
      statementsPerTurn: pgOptions && db === 'postgres' ? median(turnStatements) : null,
      startP50: median(startTimes),
      endP50: median(endTimes),
      readsPerSecond: rounds.length ? median(rounds) : NaN,
      readP50: readTimes.length ? median(readTimes) : NaN,
    };
  });
}

const results: (Result | string)[] = [];
console.log(
  `load average at start ${loadavg()
    .map((l) => l.toFixed(1))
    .join(
      ' ',
    )} on ${availableParallelism()} CPUs (other work on the machine inflates every figure)`,
);
console.log(
  `bench/turns: ${SESSIONS} sessions x ${LINES.length} turns (+${WARMUP_SESSIONS} warm-up sessions), scripted partner; ${READS} reads x 3 rounds at concurrency ${CONCURRENCY}`,
);
if (ONLY_DB !== 'postgres') results.push(await onPglite((env) => run('pglite', env)));
if (ONLY_DB !== 'pglite') results.push(await onFreshPostgres((env) => run('postgres', env)));
for (const r of results) {
  if (typeof r === 'string') {
    console.log(`  postgres: ${r}`);
    continue;
  }
  console.log(
    `  ${r.db.padEnd(8)} turn (server time, app.request, n=${r.turns}): p50 ${ms(r.p50)}  p99 ${ms(r.p99)}  max ${ms(r.max)}  (CPU in this process p50 ${ms(r.cpuP50)}${r.statementsPerTurn === null ? '' : `, ${r.statementsPerTurn} SQL statements`})` +
      `   | start p50 ${ms(r.startP50)}  end p50 ${ms(r.endP50)}` +
      (Number.isNaN(r.readsPerSecond)
        ? '   | reads skipped'
        : `   | GET /api/sessions/{id} over HTTP: ${Math.round(r.readsPerSecond)} req/s (median round), latency p50 ${ms(r.readP50)}`),
  );
}
const pg = results.find((r): r is Result => typeof r !== 'string' && r.db === 'postgres');
if (pg)
  console.log(
    `  target p99 < 20 ms per turn on PostgreSQL: ${pg.p99 < 20 ? 'met' : 'NOT met'} (${ms(pg.p99)})`,
  );

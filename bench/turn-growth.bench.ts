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
import { availableParallelism, loadavg } from 'node:os';
import { sql } from 'drizzle-orm';
import {
  onFreshPostgres,
  onPglite,
  SCRIPTED_COACH_LINES as LINES,
  withBenchApp,
} from './support/in-process.js';

const TURNS = Number(process.env.GROWTH_TURNS ?? 320);
const HISTORY = Number(process.env.GROWTH_HISTORY ?? 1500);
const ONLY_DB = process.env.GROWTH_DB;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x: number) => `${x.toFixed(2)} ms`;

function run(kind: string, env: Record<string, string>) {
  return withBenchApp(env, async ({ runtime, tokens: [t1, t2], request }) => {
    const session = async (token: string, turns: number) => {
      const { json } = await request('POST', '/api/sessions', token, {
        scenarioId: 'new-manager-overwhelmed',
      });
      const times: number[] = [];
      for (let i = 0; i < turns; i++) {
        times.push(
          (
            await request('POST', `/api/sessions/${json.id}/turns`, token, {
              clientTurnId: randomUUID(),
              text: LINES[i % LINES.length],
            })
          ).elapsed,
        );
      }
      await request('POST', `/api/sessions/${json.id}/end`, token);
      return times;
    };
    await session(t1, 10); // warm-up
    const long = await session(t1, TURNS);
    const early = median(long.slice(5, 15));
    const late = median(long.slice(-20));

    const fresh = async (token: string) =>
      median([
        ...(await session(token, 10)),
        ...(await session(token, 10)),
        ...(await session(token, 10)),
      ]);
    const before = await fresh(t2);
    const { db } = runtime.deps;
    const learner2 = runtime.demo!.learner2;
    await db.execute(sql`
      insert into sessions (org_id, person_id, scenario_id, status, seed, partner_state, next_index, versions, started_at, ended_at)
      select s.org_id, s.person_id, s.scenario_id, 'ended', s.seed, s.partner_state, s.next_index, s.versions,
             now() - (g || ' minutes')::interval, now() - (g || ' minutes')::interval
      from (select * from sessions where person_id = ${learner2.id} limit 1) s cross join generate_series(1, ${HISTORY}) g`);
    const after = await fresh(t2);
    return { kind, early, late, before, after };
  });
}

console.log(
  `bench/turn-growth on Node ${process.version}, ${availableParallelism()} CPUs, load ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}; ${TURNS} turns in one session; ${HISTORY} sessions of history`,
);
const results = [];
if (ONLY_DB !== 'postgres') results.push(await onPglite((env) => run('pglite', env)));
if (ONLY_DB !== 'pglite') results.push(await onFreshPostgres((env) => run('postgres', env)));
for (const r of results) {
  if (typeof r === 'string') console.log(`  postgres ${r}`);
  else
    console.log(
      `  ${r.kind.padEnd(8)} length: turn 10 p50 ${ms(r.early)}, last 20 of ${TURNS} p50 ${ms(r.late)} (x${(r.late / r.early).toFixed(2)})` +
        `   | history: 10-turn sessions p50 ${ms(r.before)} before, ${ms(r.after)} after ${HISTORY} sessions (x${(r.after / r.before).toFixed(2)})`,
    );
}

/**
 * @module test/api/end-history-cost
 * Ending a session reads the same number of rows for a learner with 2,000 sessions behind them
 * as for one with 50: the end refreshes the learner's progress (store/cohort-progress), and that
 * refresh takes their session count from the per-skill counts the ledger keeps
 * (`skill_result_counts`) and only each skill's last points, never counting their whole ledger.
 * Measured on the plans the database runs (EXPLAIN ANALYZE of every read the end makes, rows read
 * per scan node), on PGlite and PostgreSQL alike; no clock involved.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SKILLS } from '../../api/practice/types.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { sessionWithTurns } from '../support/session-races.js';
import { statementsOf } from '../support/statements.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t?.close());

/** `sessions` ended sessions for this learner, each with a scorecard and a ledger row per skill. */
async function seedHistory(orgId: string, personId: string, sessions: number) {
  const skills = SKILLS.map((skill) => ({
    skill,
    status: 'scored',
    level: 'fair',
    score: 60,
    checks: [],
  }));
  await t.runtime.deps.db.execute(sql`
    with s as (
      insert into sessions (org_id, person_id, scenario_id, seed, partner_state, versions, status, started_at, ended_at, scorecard)
      select ${orgId}, ${personId}, 'new-manager-overwhelmed', g, '{}'::jsonb, '{}'::jsonb, 'ended',
        timestamptz '2026-01-01' + g * interval '1 minute', timestamptz '2026-01-01' + g * interval '1 minute',
        jsonb_build_object('skills', ${JSON.stringify(skills)}::jsonb, 'metrics', '{}'::jsonb)
      from generate_series(1, ${sessions}) g
      returning id, seed, ended_at
    )
    insert into skill_results (org_id, person_id, session_id, skill, level, score, at)
    select ${orgId}, ${personId}, s.id, k.skill, 'fair', 40 + (s.seed * 7 + k.n) % 50, s.ended_at
    from s cross join unnest(array[${sql.join(
      SKILLS.map((k) => sql`${k}`),
      sql`, `,
    )}]::text[]) with ordinality as k(skill, n)`);
}

type PlanNode = {
  'Node Type': string;
  'Actual Rows': number;
  'Actual Loops': number;
  'Rows Removed by Filter'?: number;
  'Rows Removed by Index Recheck'?: number;
  'Shared Hit Blocks'?: number;
  'Shared Read Blocks'?: number;
  Plans?: PlanNode[];
};
const nodes = (n: PlanNode): PlanNode[] => [n, ...(n.Plans ?? []).flatMap(nodes)];
const SCANS = /Scan$/;

/** Rows the scans of one statement read (kept or filtered out), and the shared buffers it used. */
async function costOf(query: string, params: unknown[]) {
  const client = (t.runtime.deps.db as unknown as { $client: unknown }).$client as {
    query?: (q: string, p: unknown[]) => Promise<{ rows: Record<string, unknown>[] }>;
    unsafe?: (q: string, p: unknown[]) => Promise<Record<string, unknown>[]>;
  };
  const explain = `explain (analyze, buffers, format json) ${query}`;
  const rows = client.query
    ? (await client.query(explain, params)).rows
    : await client.unsafe!(explain, params);
  const cell = Object.values(rows[0])[0];
  const plan = (typeof cell === 'string' ? JSON.parse(cell) : cell)[0].Plan as PlanNode;
  const rowsRead = nodes(plan)
    .filter((n) => SCANS.test(n['Node Type']))
    .reduce(
      (sum, n) =>
        sum +
        (n['Actual Rows'] +
          (n['Rows Removed by Filter'] ?? 0) +
          (n['Rows Removed by Index Recheck'] ?? 0)) *
          n['Actual Loops'],
      0,
    );
  return {
    rowsRead,
    buffers: (plan['Shared Hit Blocks'] ?? 0) + (plan['Shared Read Blocks'] ?? 0),
  };
}

/** Ends a fresh session of this learner (every skill scored) and measures the end's reads. */
async function endCost(token: string) {
  const id = await sessionWithTurns(t, token);
  const statements = await statementsOf(t, async () => {
    const end = await t.call('POST', `/api/sessions/${id}/end`, { token });
    expect(end.status).toBe(200);
  });
  // the reads: the end's own and its hooks' (the progress refresh reads the learner's series and
  // recent scorecards); the writes cannot be run again, and touch the rows they write by key
  const reads = statements.filter(([q]) => !/\b(insert|update|delete)\b/i.test(q));
  expect(reads.length).toBeGreaterThanOrEqual(3);
  let rowsRead = 0;
  let buffers = 0;
  const each: number[] = [];
  for (const [query, params] of reads) {
    const cost = await costOf(query, params);
    rowsRead += cost.rowsRead;
    buffers += cost.buffers;
    each.push(cost.rowsRead);
  }
  return { rowsRead, buffers, each };
}

describe('ending a session for a learner with a long history', () => {
  it('reads as many rows at 2,000 past sessions as at 50', async () => {
    const { learner, learner2 } = t.runtime.demo!;
    await seedHistory(learner.orgId, learner.id, 50);
    await seedHistory(learner2.orgId, learner2.id, 2000);
    const short = await endCost(t.tokens.learner);
    const long = await endCost(t.tokens.learner2);
    // before: the refresh counted every ledger row of the learner (51 x 6 against 2,001 x 6)
    expect(long.each, JSON.stringify({ short, long })).toEqual(short.each);
    expect(long.rowsRead).toBeLessThan(1000);
  });

  it('still gives the learner’s whole session count and their newest result', async () => {
    const me = await t.call('GET', '/api/me/progress', { token: t.tokens.learner2 });
    expect(me.status).toBe(200);
    const { learner2 } = t.runtime.demo!;
    const [stored] = (await t.runtime.deps.db
      .execute(sql`select snapshot from learner_progress where person_id = ${learner2.id}`)
      .then((r) => (r as { rows?: unknown[] }).rows ?? r)) as { snapshot: unknown }[];
    const snapshot = (
      typeof stored.snapshot === 'string' ? JSON.parse(stored.snapshot) : stored.snapshot
    ) as { sessions: number; lastSessionAt: string };
    expect(snapshot.sessions).toBe(2001);
    expect(Date.parse(snapshot.lastSessionAt)).toBeGreaterThan(Date.parse('2026-02-01'));
  });
});

/**
 * The learner's progress series, read every time one of their sessions ends, costs the same
 * whatever their history: it never sorts their whole ledger (a soak's second wave did half the
 * work of its first while two learners' ledgers grew), and it still gives each skill's latest
 * points in time order, the per-skill count and the newest result.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { skillSeriesOf, skillSeriesQuery } from '../../api/store/cohort-progress.js';
import { startTestApp, type TestApp } from '../support/app.js';

const SESSIONS = 600;
const SKILLS = ['empathy', 'questions', 'reflections', 'summaries'];

let t: TestApp;
let orgId: string;
let personId: string;
beforeAll(async () => {
  t = await startTestApp();
  ({ orgId, id: personId } = t.runtime.demo!.learner);
  // a long history: SESSIONS ended sessions, each with a ledger row per skill, a minute apart
  await t.runtime.deps.db.execute(sql`
    with s as (
      insert into sessions (id, org_id, person_id, scenario_id, seed, partner_state, versions, status, started_at, ended_at)
      select gen_random_uuid(), ${orgId}, ${personId}, 'new-manager-overwhelmed', g, '{}'::jsonb, '{}'::jsonb, 'ended',
        timestamptz '2026-01-01' + g * interval '1 minute', timestamptz '2026-01-01' + g * interval '1 minute'
      from generate_series(1, ${SESSIONS}) g
      returning id, seed, ended_at
    )
    insert into skill_results (org_id, person_id, session_id, skill, level, score, at)
    select ${orgId}, ${personId}, s.id, k.skill, case when s.seed % 3 = 0 then 'good' else 'fair' end,
      (s.seed * 7 + k.n) % 100 / 100.0, s.ended_at
    from s cross join unnest(array[${sql.join(
      SKILLS.map((k) => sql`${k}`),
      sql`, `,
    )}]::text[]) with ordinality as k(skill, n)`);
});
afterAll(async () => t?.close());

type PlanNode = { 'Node Type': string; 'Actual Rows': number; Plans?: PlanNode[] };
const nodes = (n: PlanNode): PlanNode[] => [n, ...(n.Plans ?? []).flatMap(nodes)];

describe('a learner progress series', () => {
  it('gives the latest 20 points of each skill in time order, the count and the newest result', async () => {
    const series = (await skillSeriesOf(t.runtime.deps.db, orgId, [personId])).get(personId)!;
    expect(series.sessions).toBe(SESSIONS);
    expect(new Date(series.lastSessionAt!).getTime()).toBe(
      new Date('2026-01-01').getTime() + SESSIONS * 60_000,
    );
    expect(Object.keys(series.skills).sort()).toEqual([...SKILLS].sort());
    SKILLS.forEach((skill, i) => {
      const expected = Array.from({ length: 20 }, (_, j) => {
        const g = SESSIONS - 19 + j;
        return {
          score: Math.fround(((g * 7 + i + 1) % 100) / 100),
          level: g % 3 ? 'fair' : 'good',
        };
      });
      expect(series.skills[skill]!.map((p) => ({ ...p, score: Math.fround(p.score) }))).toEqual(
        expected,
      );
    });
  });

  it('sorts no more than a skill’s latest points, however long the history', async () => {
    const result = await t.runtime.deps.db.execute(
      sql`explain (analyze, format json) ${skillSeriesQuery(orgId, [personId])}`,
    );
    const rows = ((result as { rows?: unknown[] }).rows ?? result) as Record<string, unknown>[];
    const cell = Object.values(rows[0])[0];
    const plan = (typeof cell === 'string' ? JSON.parse(cell) : cell)[0].Plan as PlanNode;
    const sorted = nodes(plan)
      .filter((n) => n['Node Type'] === 'Sort')
      .map((n) => n['Actual Rows']);
    // before: one sort of the learner's whole ledger (SESSIONS x SKILLS rows)
    expect(Math.max(0, ...sorted)).toBeLessThanOrEqual(20);
    // and the ledger is read through the (org, person, skill, at) index, never scanned whole
    expect(nodes(plan).map((n) => n['Node Type'])).not.toContain('Seq Scan');
  });
});

/**
 * A turn's write and an ending's read find the learner's session in one index probe, however many
 * sessions the learner has had. Without table statistics (PGlite never gathers any, nor does a
 * PostgreSQL without autovacuum) the planner reached the row through (organisation, person) and
 * filtered every other session of the learner: in a soak, two learners' histories grew by
 * thousands of sessions and the second wave did half the work of the first.
 */
import { randomUUID } from 'node:crypto';
import { sql, type SQL } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.js';

const HISTORY = 400;

let t: TestApp;
let orgId: string;
let personId: string;
let sessionId: string;
beforeAll(async () => {
  t = await startTestApp();
  ({ orgId, id: personId } = t.runtime.demo!.learner);
  await t.runtime.deps.db.execute(sql`
    insert into sessions (id, org_id, person_id, scenario_id, seed, partner_state, versions, status, started_at)
    select gen_random_uuid(), ${orgId}, ${personId}, 'new-manager-overwhelmed', g, '{}'::jsonb, '{}'::jsonb, 'ended',
      timestamptz '2026-01-01' + g * interval '1 minute'
    from generate_series(1, ${HISTORY}) g`);
  const started = await t.call('POST', '/api/sessions', {
    token: t.tokens.learner,
    body: { scenarioId: 'new-manager-overwhelmed' },
  });
  sessionId = started.body.id;
});
afterAll(async () => t?.close());

type PlanNode = { 'Actual Rows': number; 'Rows Removed by Filter'?: number; Plans?: PlanNode[] };
const nodes = (n: PlanNode): PlanNode[] => [n, ...(n.Plans ?? []).flatMap(nodes)];

/** The rows each node of `statement`'s plan read and threw away, run and rolled back. */
async function rowsFiltered(statement: SQL): Promise<number[]> {
  let plan: PlanNode | undefined;
  await t.runtime.deps.db
    .transaction(async (tx) => {
      const result = await tx.execute(sql`explain (analyze, format json) ${statement}`);
      const rows = ((result as { rows?: unknown[] }).rows ?? result) as Record<string, unknown>[];
      const cell = Object.values(rows[0])[0];
      plan = (typeof cell === 'string' ? JSON.parse(cell) : cell)[0].Plan;
      throw new Error('roll back');
    })
    .catch(() => {});
  return nodes(plan!).map((n) => n['Rows Removed by Filter'] ?? 0);
}

describe(`a learner with ${HISTORY} sessions behind them`, () => {
  it('has a turn recorded through one probe of their session (the turn_append write)', async () => {
    const filtered = await rowsFiltered(sql`
      update sessions set next_index = next_index
      where org_id = ${orgId} and id = ${sessionId} and person_id = ${personId}
        and status = 'active' and next_index = 1`);
    // before: an index scan of the learner's sessions, every other one filtered out
    expect(Math.max(...filtered)).toBe(0);
  });

  it('has a session ended through one probe of it (the end_context read)', async () => {
    const filtered = await rowsFiltered(sql`
      select s.id, t.index from sessions s left join turns t on t.session_id = s.id
      where s.org_id = ${orgId} and s.id = ${sessionId} and s.person_id = ${personId}
      order by t.index`);
    expect(Math.max(...filtered)).toBe(0);
  });

  it('still takes turns and ends', async () => {
    const turn = await t.call('POST', `/api/sessions/${sessionId}/turns`, {
      token: t.tokens.learner,
      body: { clientTurnId: randomUUID(), text: 'What would you like to get out of today?' },
    });
    expect(turn.status).toBe(200);
    const ended = await t.call('POST', `/api/sessions/${sessionId}/end`, {
      token: t.tokens.learner,
    });
    expect(ended.status).toBe(200);
  });
});

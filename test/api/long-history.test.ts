/**
 * @module test/api/long-history
 * A coach turn and ending a session cost the same for a learner with a long history: every
 * statement they run on the sessions table finds the session by its primary key, never through
 * the (organisation, person) index filtering each of the learner's sessions. Checked on the plans
 * the database chooses with no table statistics (PGlite never gathers any; a fresh PostgreSQL
 * table has none until it is analysed), for a learner with 400 sessions.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.js';
import { startScenarioSession } from '../support/session-races.js';
import { statementsOf } from '../support/statements.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t?.close());

/** The plan of one statement, as text. */
async function planOf(query: string, params: unknown[]): Promise<string> {
  const { db } = t.runtime.deps;
  const client = (db as unknown as { $client: unknown }).$client as {
    query?: (q: string, p: unknown[]) => Promise<{ rows: Record<string, string>[] }>;
    unsafe?: (q: string, p: unknown[]) => Promise<Record<string, string>[]>;
  };
  const rows = client.query
    ? (await client.query(`explain ${query}`, params)).rows
    : await client.unsafe!(`explain ${query}`, params);
  return rows.map((r) => r['QUERY PLAN']).join('\n');
}

describe('a learner with a long history', () => {
  it('a turn and the end find the session by its key, not by scanning the learner’s sessions', async () => {
    const id = await startScenarioSession(t);
    const { db } = t.runtime.deps;
    await db.execute(sql`
      insert into sessions (org_id, person_id, scenario_id, status, seed, partner_state, next_index, versions, started_at, ended_at)
      select s.org_id, s.person_id, s.scenario_id, 'ended', s.seed, s.partner_state, s.next_index, s.versions, now(), now()
      from (select * from sessions where id = ${id}) s cross join generate_series(1, 400)`);
    const statements = await statementsOf(t, async () => {
      const turn = await t.call('POST', `/api/sessions/${id}/turns`, {
        token: t.tokens.learner,
        body: { clientTurnId: randomUUID(), text: 'What would you like from today?' },
      });
      expect(turn.status).toBe(200);
      const end = await t.call('POST', `/api/sessions/${id}/end`, { token: t.tokens.learner });
      expect(end.status).toBe(200);
    });
    // the turn's read and write, the end's read and write (the hooks after it read the learner's
    // history by design: their progress snapshot)
    const own = statements.filter(([q]) => q.includes('"sessions"'));
    expect(own).toHaveLength(4);
    for (const [query, params] of own) {
      const plan = await planOf(query, params);
      expect(plan, query.slice(0, 60)).toMatch(/sessions_pkey/);
      expect(plan, query.slice(0, 60)).not.toMatch(/sessions_person_idx/);
    }
  });
});

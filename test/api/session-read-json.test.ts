/**
 * @module test/api/session-read-json
 * A session read answers with the transcript and scorecard as the database wrote them as JSON
 * text (store/sessions `readReadableSession`, session-flow/view `sessionViewJson`), while a turn's
 * and a start's answers build the same turns in JavaScript (`turnView`). The two must show a turn
 * the same way, key order included, for every shape a stored turn can take: a coach turn without
 * coding or with null codes, feedback with its source (never shown) or without one of its parts,
 * a partner reply still pending.
 */
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessions, turns } from '../../api/db/schema/index.js';
import { turnView, type sessionView } from '../../api/session-flow/view.js';
import type { VisibleTurn } from '../../api/store/sessions.js';
import { startTestApp, type TestApp } from '../support/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t?.close());

const read = async (id: string) => {
  const res = await t.app.request(`/api/sessions/${id}`, {
    headers: { authorization: `Bearer ${t.tokens.learner}` },
  });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('application/json');
  return res.text();
};

/** The session's turns as `turnView` shows them, from the rows as stored. */
const viewedInJs = async (id: string) => {
  const rows: VisibleTurn[] = await t.runtime.deps.db
    .select({
      index: turns.index,
      role: turns.role,
      status: turns.status,
      text: turns.text,
      coding: turns.coding,
      feedback: turns.feedback,
    })
    .from(turns)
    .where(eq(turns.sessionId, id))
    .orderBy(turns.index);
  // as a turn's answer sends them: through JSON, which leaves out a feedback's missing parts
  return JSON.parse(JSON.stringify(rows.map(turnView))) as ReturnType<typeof turnView>[];
};

/** Key order matters (the start answer is compared with the read): the keys of every object, in order. */
const keyOrder = (v: unknown): unknown =>
  Array.isArray(v)
    ? v.map(keyOrder)
    : v && typeof v === 'object'
      ? Object.entries(v).map(([k, x]) => [k, keyOrder(x)])
      : v;

describe('a session read spliced from the database', () => {
  it('shows every stored turn shape exactly as turnView does, and the scorecard as stored', async () => {
    const token = t.tokens.learner;
    const started = await t.call('POST', '/api/sessions', {
      token,
      body: { scenarioId: 'new-manager-overwhelmed' },
    });
    const id: string = started.body.id;
    for (const text of [
      'What would you like to get out of our conversation today?',
      'It sounds like a lot has landed on you at once.',
      'What else is going on for you?',
      'You feel pulled between what the team needs and what you need.',
    ])
      expect(
        (
          await t.call('POST', `/api/sessions/${id}/turns`, {
            token,
            body: { clientTurnId: crypto.randomUUID(), text },
          })
        ).status,
      ).toBe(200);
    const db = t.runtime.deps.db;
    const coach = (i: number) =>
      and(eq(turns.sessionId, id), sql`${turns.index} = ${i} and ${turns.role} = 'coach'`);
    const coachIndexes = (
      await db
        .select({ index: turns.index })
        .from(turns)
        .where(and(eq(turns.sessionId, id), sql`${turns.role} = 'coach'`))
        .orderBy(turns.index)
    ).map((r) => r.index);
    expect(coachIndexes.length).toBeGreaterThanOrEqual(4);
    const [a, b, c, d] = coachIndexes;
    // feedback with its source and with a part missing; no coding at all; codes and label null;
    // neither coding nor feedback (JSON null); a partner reply still pending
    await db
      .update(turns)
      .set({ feedback: sql`${turns.feedback} || '{"source": "llm"}'::jsonb` })
      .where(coach(a));
    await db
      .update(turns)
      .set({
        coding: null,
        feedback: { worked: 'Good', improve: 'More', suggestion: 'Try', alternative: 'Other' },
      })
      .where(coach(b));
    await db
      .update(turns)
      .set({
        coding: sql`'{"codes": null, "label": null}'::jsonb`,
        feedback: sql`'{"worked": "Only this"}'::jsonb`,
      })
      .where(coach(c));
    await db
      .update(turns)
      .set({ coding: null, feedback: sql`'null'::jsonb` })
      .where(coach(d));
    await db
      .update(turns)
      .set({ status: 'pending' })
      .where(and(eq(turns.sessionId, id), sql`${turns.index} = ${d + 1}`));

    const answer: ReturnType<typeof sessionView> = JSON.parse(await read(id));
    const expected = await viewedInJs(id);
    expect(expected.some((x) => 'pending' in x)).toBe(true);
    expect(expected.some((x) => 'feedback' in x && x.feedback && !('source' in x.feedback))).toBe(
      true,
    );
    expect(keyOrder(answer.turns)).toEqual(keyOrder(expected));
    expect(JSON.stringify(answer.turns)).not.toContain('"source"');

    // ended: the scorecard as stored
    const ended = await t.call('POST', `/api/sessions/${id}/end`, { token });
    expect(ended.status).toBe(200);
    const [row] = await db
      .select({ scorecard: sessions.scorecard })
      .from(sessions)
      .where(eq(sessions.id, id));
    const after: ReturnType<typeof sessionView> = JSON.parse(await read(id));
    expect(after.scorecard).toEqual(row.scorecard);
    expect(keyOrder(after.scorecard)).toEqual(keyOrder(row.scorecard));
  });
});

/**
 * @module test/api/long-session
 * A session longer than the window a turn reads (practice/turn TURN_WINDOW): every turn's rule
 * feedback is the one the whole transcript gives, a resend of a turn older than the window returns
 * the stored turn (found through the unique (session, clientTurnId) index) without adding one,
 * and a session stored before coach records were kept still gets whole-session feedback.
 */
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessions } from '../../api/db/schema/index.js';
import { TURN_WINDOW } from '../../api/practice/turn/index.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { startScenarioSession } from '../support/session-races.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t?.close());

const LINES = [
  'What would you like to get out of our conversation today?',
  'What else is going on for you?',
  'Why did you not say so?',
  'It sounds like you are carrying a lot.',
  'What are you assuming about how they see you?',
  'You should just tell them.',
  'What will you do first, and by when?',
];

const say = (id: string, text: string, clientTurnId = randomUUID()) =>
  t.call('POST', `/api/sessions/${id}/turns`, {
    token: t.tokens.learner,
    body: { clientTurnId, text },
  });

describe('a session longer than a turn’s window', () => {
  it('keeps whole-session feedback, and a resend of an old turn returns it without adding one', async () => {
    const id = await startScenarioSession(t);
    const coachTurns = TURN_WINDOW; // twice the window in rows
    const first = { clientTurnId: randomUUID(), text: LINES[0] };
    const firstAnswer = await say(id, first.text, first.clientTurnId);
    expect(firstAnswer.status).toBe(200);
    for (let i = 1; i < coachTurns; i++)
      expect((await say(id, LINES[i % LINES.length])).status).toBe(200);

    const read = (await t.call('GET', `/api/sessions/${id}`, { token: t.tokens.learner })).body;
    expect(read.turns).toHaveLength(1 + 2 * coachTurns);
    // the goal was asked at turn 1 only, long out of the window: later feedback still knows it
    for (const turn of read.turns.slice(6).filter((x) => x.role === 'coach')) {
      expect(turn.feedback!.improve).not.toMatch(/haven't yet asked what/);
    }

    const again = await say(id, first.text, first.clientTurnId);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(firstAnswer.body);
    expect(
      (await t.call('GET', `/api/sessions/${id}`, { token: t.tokens.learner })).body.turns,
    ).toHaveLength(1 + 2 * coachTurns);
  });

  it('a session stored before coach records were kept reads its whole transcript once, then keeps a record', async () => {
    const id = await startScenarioSession(t);
    for (let i = 0; i < 3; i++) expect((await say(id, LINES[i])).status).toBe(200);
    const { db } = t.runtime.deps;
    await db.update(sessions).set({ coaching: null }).where(eq(sessions.id, id));
    expect((await say(id, LINES[3])).status).toBe(200);
    const [row] = await db
      .select({ coaching: sessions.coaching })
      .from(sessions)
      .where(eq(sessions.id, id));
    expect(row.coaching?.coachTurns).toBe(4);
    expect(row.coaching?.codesSeen).toContain('goal_question');
  });
});

/**
 * @module test/api/turn-races
 * Turns recorded without holding a lock (store/turns: one read, then one conditional write) stay
 * exactly-once under races: the same clientTurnId from two servers at once, different turns sent
 * at once to one session, a turn racing the end of its session. On PostgreSQL (DATABASE_URL) the
 * racing statements run on different connections; on PGlite they interleave on one.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Caller } from '../../api/auth/index.js';
import { takeTurn as takeTurnHere } from '../../api/session-flow/take-turn.js';
import { appendTurns, readTurnContext, readTurnPair } from '../../api/store/turns.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { demoLearnerCaller, startScenarioSession } from '../support/session-races.js';

let t: TestApp;
let learner: Caller;
beforeAll(async () => {
  t = await startTestApp();
  learner = demoLearnerCaller(t);
});
afterAll(async () => t?.close());

const LINES = [
  'What would you like to get out of our conversation today?',
  'What else is going on for you?',
  'It sounds like you are carrying a lot.',
  'What will you do first?',
];

const startSession = () => startScenarioSession(t);

const read = async (id: string) =>
  (await t.call('GET', `/api/sessions/${id}`, { token: t.tokens.learner })).body;

describe('racing turns', () => {
  it('the same clientTurnId from two servers at once gives one turn, and both get it', async () => {
    // A second copy of the module has its own in-process map of running turns, as a second
    // server would: the two runs meet only in the database.
    const secondServer = '../../api/session-flow/take-turn.js?second-server'; // a variable: TypeScript cannot resolve the query
    const { takeTurn: takeTurnThere } = (await import(
      /* @vite-ignore */ secondServer
    )) as typeof import('../../api/session-flow/take-turn.js');
    expect(takeTurnThere).not.toBe(takeTurnHere);
    const id = await startSession();
    const input = { clientTurnId: randomUUID(), text: LINES[0] };
    const [a, b] = await Promise.all([
      takeTurnHere(t.runtime.deps, learner, id, input),
      takeTurnThere(t.runtime.deps, learner, id, input),
    ]);
    expect(b).toEqual(a);
    const session = await read(id);
    expect(session.turns.map((x: { index: number }) => x.index)).toEqual([0, 1, 2]);
    expect(session.turns[1].text).toBe(input.text);
  });

  it('different turns sent at once are all stored, each followed by its own reply, at distinct indexes', async () => {
    const id = await startSession();
    const sent = LINES.map((text) => ({ clientTurnId: randomUUID(), text }));
    const results = await Promise.all(
      sent.map((body) =>
        t.call('POST', `/api/sessions/${id}/turns`, { token: t.tokens.learner, body }),
      ),
    );
    for (const r of results) expect(r.status, JSON.stringify(r.body)).toBe(200);
    const session = await read(id);
    expect(session.turns.map((x: { index: number }) => x.index)).toEqual([
      0, 1, 2, 3, 4, 5, 6, 7, 8,
    ]);
    for (const r of results) {
      expect(session.turns[r.body.turn.index]).toMatchObject({
        role: 'coach',
        text: r.body.turn.text,
      });
      expect(session.turns[r.body.reply.index]).toMatchObject({
        role: 'partner',
        text: r.body.reply.text,
      });
      expect(r.body.reply.index).toBe(r.body.turn.index + 1);
    }
    expect(
      new Set(
        session.turns
          .filter((x: { role: string }) => x.role === 'coach')
          .map((x: { text: string }) => x.text),
      ),
    ).toEqual(new Set(LINES));
  });

  it('a turn racing the end of its session is either scored or refused, never stored unscored', async () => {
    for (let round = 0; round < 4; round++) {
      const id = await startSession();
      const [turn, end] = await Promise.all([
        t.call('POST', `/api/sessions/${id}/turns`, {
          token: t.tokens.learner,
          body: { clientTurnId: randomUUID(), text: LINES[1] },
        }),
        t.call('POST', `/api/sessions/${id}/end`, { token: t.tokens.learner }),
      ]);
      expect(end.status).toBe(200);
      const session = await read(id);
      if (turn.status === 200) {
        expect(session.turns).toHaveLength(3);
        expect(end.body.scorecard.metrics.coach_turns).toBe(1);
      } else {
        expect(turn.status).toBe(409);
        expect(session.turns).toHaveLength(1);
        expect(end.body.scorecard.metrics.coach_turns ?? 0).toBe(0);
      }
    }
  });
});

/** A done coach turn as the store appends it, with nothing coded yet. */
const coachRow = (sessionId: string, index: number, text: string, createdAt = new Date()) => ({
  id: randomUUID(),
  sessionId,
  index,
  role: 'coach' as const,
  status: 'done' as const,
  text,
  clientTurnId: randomUUID(),
  coding: null,
  feedback: null,
  directive: null,
  fallbackText: null,
  source: null,
  createdAt,
});

describe('the conditional append (store/turns)', () => {
  it('applies once for one expected index, whoever comes first; the loser writes nothing', async () => {
    const id = await startSession();
    const context = (await readTurnContext(t.runtime.deps.db, learner, id))!;
    expect(context.session.nextIndex).toBe(1);
    const now = new Date();
    const row = (index: number, text: string) => coachRow(id, index, text, now);
    const next = { nextIndex: 2, partnerState: context.session.partnerState };
    const [first, second] = [row(1, 'first'), row(1, 'second')];
    const outcomes = await Promise.all([
      appendTurns(t.runtime.deps.db, learner, id, 1, [first], next),
      appendTurns(t.runtime.deps.db, learner, id, 1, [second], next),
    ]);
    expect(outcomes.filter(Boolean)).toHaveLength(1);
    const after = (await readTurnContext(t.runtime.deps.db, learner, id))!;
    expect(after.session.nextIndex).toBe(2);
    expect(after.turns.map((x) => x.index)).toEqual([0, 1]);
    const winner = outcomes[0] ? first : second;
    expect(after.turns[1].clientTurnId).toBe(winner.clientTurnId);
    const stored = await readTurnPair(t.runtime.deps.db, learner, id, winner.clientTurnId);
    expect(stored?.coach.createdAt).toEqual(now);
  });

  it('writes nothing for another person’s session, or in another organisation', async () => {
    const id = await startSession();
    const context = (await readTurnContext(t.runtime.deps.db, learner, id))!;
    const { learner2, otherOrgLearner } = t.runtime.demo!;
    for (const caller of [
      { ...learner, personId: learner2.id },
      { ...learner, orgId: otherOrgLearner.orgId },
    ]) {
      expect(await readTurnContext(t.runtime.deps.db, caller, id)).toBeNull();
      const row = coachRow(id, 1, 'x');
      expect(
        await appendTurns(t.runtime.deps.db, caller, id, 1, [row], {
          nextIndex: 2,
          partnerState: context.session.partnerState,
        }),
      ).toBe(false);
    }
    expect((await read(id)).turns).toHaveLength(1);
  });
});

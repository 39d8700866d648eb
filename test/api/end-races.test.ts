/**
 * @module test/api/end-races
 * Ending without holding a lock (store/ending: one read, then one conditional write) stays
 * exactly-once: two ends at once give one scorecard and one set of ledger rows, a turn stored
 * between an end's read and its write makes that write apply nothing (the end reads again and
 * scores the turn), and nothing is written for another person's session or organisation. The
 * read is one statement: the caller's person (the bearer check) and the drill come with it.
 */
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Caller } from '../../api/auth/index.js';
import { learnerProgress, skillResults } from '../../api/db/schema/index.js';
import { endSession, type OnSessionEnded } from '../../api/session-flow/end.js';
import { readEndContext, storeEnding } from '../../api/store/ending.js';
import { scoreSession } from '../../api/practice/rubric/index.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { demoLearnerCaller, startScenarioSession } from '../support/session-races.js';

let t: TestApp;
let learner: Caller;
beforeAll(async () => {
  t = await startTestApp();
  learner = demoLearnerCaller(t);
});
afterAll(async () => t?.close());

const startSession = () => startScenarioSession(t);
const turn = (id: string, text: string) =>
  t.call('POST', `/api/sessions/${id}/turns`, {
    token: t.tokens.learner,
    body: { clientTurnId: randomUUID(), text },
  });
const ledgerRows = (id: string) =>
  t.runtime.deps.db.select().from(skillResults).where(eq(skillResults.sessionId, id));

describe('racing ends', () => {
  it('two ends at once store one scorecard, one set of ledger rows, and run the hooks once', async () => {
    for (let round = 0; round < 4; round++) {
      const id = await startSession();
      // three coach turns, so every skill is scored and gets its ledger row (fewer: not enough evidence)
      for (const text of [
        'What would you like to get out of our conversation today?',
        'So it has been a lot.',
        'What else is going on for you?',
      ]) {
        expect((await turn(id, text)).status).toBe(200);
      }
      let hookRuns = 0;
      const hook: OnSessionEnded = async () => void hookRuns++;
      const [a, b] = await Promise.all([
        endSession(t.runtime.deps, learner, id, [hook]),
        endSession(t.runtime.deps, learner, id, [hook]),
      ]);
      expect(b).toEqual(a);
      expect(hookRuns).toBe(1);
      expect(await ledgerRows(id)).toHaveLength(6);
      expect(a.scorecard.skills.length).toBe(6);
      const again = await t.call('POST', `/api/sessions/${id}/end`, { token: t.tokens.learner });
      expect(again.body.scorecard).toEqual(JSON.parse(JSON.stringify(a.scorecard)));
      expect(await ledgerRows(id)).toHaveLength(a.scorecard.skills.length);
    }
  });

  it('over HTTP, racing ends all answer 200 with the same scorecard and the learner’s progress follows', async () => {
    const id = await startSession();
    for (const text of [
      'What would you like from today?',
      'So it has been a lot.',
      'What else is going on for you?',
    ])
      expect((await turn(id, text)).status).toBe(200);
    const results = await Promise.all(
      [1, 2, 3].map(() => t.call('POST', `/api/sessions/${id}/end`, { token: t.tokens.learner })),
    );
    for (const r of results) expect(r.status).toBe(200);
    expect(results[1].body).toEqual(results[0].body);
    expect(results[2].body).toEqual(results[0].body);
    expect(await ledgerRows(id)).toHaveLength(results[0].body.scorecard.skills.length);
    const [progress] = await t.runtime.deps.db
      .select()
      .from(learnerProgress)
      .where(and(eq(learnerProgress.personId, learner.personId)));
    const [newest] = (await ledgerRows(id)).map((r) => r.at);
    expect(progress.lastResultAt?.getTime()).toBe(newest.getTime());
  });
});

describe('the conditional ending write (store/ending)', () => {
  it('applies nothing when a turn was stored after the read; ending again scores that turn', async () => {
    const id = await startSession();
    const context = (await readEndContext(t.runtime.deps.db, learner, id))!;
    expect(context.session.nextIndex).toBe(1);
    const scorecard = scoreSession([], {});
    // a turn lands between the end's read and its write
    expect(
      (await turn(id, 'What would you like to get out of our conversation today?')).status,
    ).toBe(200);
    expect(
      await storeEnding(t.runtime.deps.db, learner, id, context.session.nextIndex, {
        scorecard,
        drillResult: null,
        endedAt: new Date(),
      }),
    ).toBe(false);
    expect(await ledgerRows(id)).toHaveLength(0);
    expect((await readEndContext(t.runtime.deps.db, learner, id))!.session.status).toBe('active');
    const ended = await endSession(t.runtime.deps, learner, id);
    expect(ended.scorecard.metrics.coach_turns).toBe(1);
    // and the session takes no more turns
    expect((await turn(id, 'What else?')).status).toBe(409);
  });

  it('writes nothing for another person’s session, or in another organisation', async () => {
    const id = await startSession();
    const { learner2, otherOrgLearner } = t.runtime.demo!;
    const scorecard = scoreSession([], {});
    for (const caller of [
      { ...learner, personId: learner2.id },
      { ...learner, orgId: otherOrgLearner.orgId },
    ]) {
      expect(await readEndContext(t.runtime.deps.db, caller, id)).toBeNull();
      expect(
        await storeEnding(t.runtime.deps.db, caller, id, 1, {
          scorecard,
          drillResult: null,
          endedAt: new Date(),
        }),
      ).toBe(false);
    }
    expect(await ledgerRows(id)).toHaveLength(0);
    expect((await readEndContext(t.runtime.deps.db, learner, id))!.session.status).toBe('active');
  });
});

describe('the ending read (store/ending)', () => {
  /** The statements an end of `id` runs before its write (the hooks' come after it). */
  async function statementsBeforeTheWrite(id: string): Promise<string[]> {
    const logger = (t.runtime.deps.db as unknown as { session: { logger: { logQuery: unknown } } })
      .session.logger;
    const logQuery = logger.logQuery;
    const seen: string[] = [];
    logger.logQuery = (query: string) => void seen.push(query);
    try {
      expect(
        (await t.call('POST', `/api/sessions/${id}/end`, { token: t.tokens.learner })).status,
      ).toBe(200);
    } finally {
      logger.logQuery = logQuery;
    }
    const write = seen.findIndex((q) => q.startsWith('with "ended" as (update "sessions"'));
    expect(write).toBeGreaterThan(0);
    return seen.slice(0, write);
  }

  it('reads the caller’s person, the session, its drill and its transcript in one statement', async () => {
    const scenarioSession = await startSession();
    await turn(scenarioSession, 'What would you like to get out of our conversation today?');
    expect(await statementsBeforeTheWrite(scenarioSession)).toHaveLength(1);

    const drills = await t.call('GET', '/api/drills', { token: t.tokens.learner });
    const started = await t.call('POST', '/api/sessions', {
      token: t.tokens.learner,
      body: { drillId: drills.body.drills[0].id },
    });
    expect(started.status).toBe(201);
    await turn(started.body.id, 'What would you like to get out of our conversation today?');
    expect(await statementsBeforeTheWrite(started.body.id)).toHaveLength(1);
    // and the drill's pass criteria were judged
    const read = await t.call('GET', `/api/sessions/${started.body.id}`, {
      token: t.tokens.learner,
    });
    expect(read.body.drillResult).not.toBeNull();
  });

  it('answers 404 for a session of another person or organisation', async () => {
    const id = await startSession();
    expect(
      (await t.call('POST', `/api/sessions/${id}/end`, { token: t.tokens.learner2 })).status,
    ).toBe(404);
    expect(
      (await t.call('POST', `/api/sessions/${id}/end`, { token: t.tokens.otherOrgLearner })).status,
    ).toBe(404);
  });
});

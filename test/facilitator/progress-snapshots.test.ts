/**
 * Stored progress snapshots (`learner_progress`) agree with progress computed from the ledger:
 * refreshed when a session ends, and recomputed (not trusted) when one is missing or stale.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { learnerProgress } from '../../api/db/schema/index.js';
import { computeSnapshots } from '../../api/store/cohort-progress.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { practiseSession } from '../support/practise.js';

let t: TestApp;
let cohortId: string;
beforeAll(async () => {
  t = await startTestApp();
  cohortId = (await t.call('GET', '/api/cohorts', { token: t.tokens.facilitator })).body.cohorts[0]
    .id;
});
afterAll(async () => t?.close());

const LINES = [
  'It sounds like a lot is on you right now.',
  'What would you like from today?',
  'You should just delegate more.',
  'What else matters here?',
];

const practise = (token: string) => practiseSession(t, token, LINES);

const progressOf = async (id: string) =>
  (
    await t.call('GET', `/api/cohorts/${cohortId}/progress`, { token: t.tokens.facilitator })
  ).body.learners.find((l) => l.id === id);

describe('learner progress snapshots', () => {
  it('are stored when a session ends and match the ledger', async () => {
    const alex = t.runtime.demo!.learner;
    await practise(t.tokens.learner);
    await practise(t.tokens.learner);
    const [row] = await t.runtime.deps.db
      .select()
      .from(learnerProgress)
      .where(eq(learnerProgress.personId, alex.id));
    expect(row.snapshot.sessions).toBe(2);
    const computed = (await computeSnapshots(t.runtime.deps.db, alex.orgId, [alex.id], {})).get(
      alex.id,
    )!;
    expect(row.snapshot).toEqual(computed);
    const view = await progressOf(alex.id);
    expect({
      skills: view!.skills,
      readyToPartner: view!.readyToPartner,
      reasons: view!.reasons,
      sessions: view!.sessions,
      lastSessionAt: view!.lastSessionAt,
    }).toEqual(computed);
  });

  it('a stale or missing snapshot is recomputed, not trusted', async () => {
    const alex = t.runtime.demo!.learner;
    const { db } = t.runtime.deps;
    const truth = await progressOf(alex.id);
    const bogus = { ...truth!, sessions: 99, readyToPartner: true, reasons: [] };
    await db
      .update(learnerProgress)
      .set({ snapshot: bogus, lastResultAt: new Date('2020-01-01T00:00:00Z') })
      .where(eq(learnerProgress.personId, alex.id));
    expect(await progressOf(alex.id)).toEqual(truth);
    const [healed] = await db
      .select()
      .from(learnerProgress)
      .where(eq(learnerProgress.personId, alex.id));
    expect(healed.snapshot.sessions).toBe(2);
    await db.delete(learnerProgress).where(eq(learnerProgress.personId, alex.id));
    expect(await progressOf(alex.id)).toEqual(truth);
  });

  it('a cohort with its own readiness rule is judged under that rule', async () => {
    const alex = t.runtime.demo!.learner;
    await t.call('PATCH', `/api/cohorts/${cohortId}`, {
      token: t.tokens.facilitator,
      body: { readiness: { minSessions: 2, window: 2 } },
    });
    const view = await progressOf(alex.id);
    expect(view!.reasons.some((r: string) => /practise at least 3/.test(r))).toBe(false);
    const computed = (
      await computeSnapshots(t.runtime.deps.db, alex.orgId, [alex.id], {
        minSessions: 2,
        window: 2,
      })
    ).get(alex.id)!;
    expect(view!.reasons).toEqual(computed.reasons);
  });
});

/**
 * A session with no coach turns, or too few, records "not enough evidence" and leaves progress
 * untouched, over real HTTP on a real database: no ledger rows, the same progress, the same
 * cohort view and CSV (no zeros written, no trend flipped), and no zero grade averaged in.
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { skillResults } from '../../api/db/schema/index.js';
import { SKILLS } from '../../api/practice/types.js';
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
  'What would you like to get out of our conversation today?',
  'So the new role has left you doing two jobs at once.',
  'What feels hardest about handing work over?',
  'You care a lot about keeping the friendships you had with the team.',
];

const practise = async (token: string, lines: readonly string[]) =>
  (await practiseSession(t, token, lines)).scorecard;

describe('not enough evidence', () => {
  it('is recorded per skill and leaves the ledger, progress, the cohort view and CSV as they were', async () => {
    const sam = t.runtime.demo!.learner2;
    const token = t.tokens.learner2;
    for (let i = 0; i < 3; i++) await practise(token, LINES);
    const rows = async () =>
      t.runtime.deps.db
        .select({ id: skillResults.id })
        .from(skillResults)
        .where(and(eq(skillResults.orgId, sam.orgId), eq(skillResults.personId, sam.id)));
    const before = {
      rows: (await rows()).length,
      progress: (await t.call('GET', '/api/me/progress', { token })).body,
      cohort: (
        await t.call('GET', `/api/cohorts/${cohortId}/progress`, { token: t.tokens.facilitator })
      ).body.learners.find((l) => l.id === sam.id),
      csv: (
        await t.call('GET', `/api/cohorts/${cohortId}/progress.csv`, {
          token: t.tokens.facilitator,
        })
      ).body,
    };
    expect(before.rows).toBe(18);

    const empty = await practise(token, []);
    const short = await practise(token, LINES.slice(0, 2));
    for (const card of [empty, short]) {
      for (const s of card.skills)
        expect(s).toMatchObject({ status: 'not_enough_evidence', level: 'not_yet' });
    }
    expect(empty.summary).toMatch(/nothing to score/);
    expect(short.summary).toMatch(/not enough evidence/);

    expect((await rows()).length).toBe(before.rows);
    expect((await t.call('GET', '/api/me/progress', { token })).body).toEqual(before.progress);
    const cohort = (
      await t.call('GET', `/api/cohorts/${cohortId}/progress`, { token: t.tokens.facilitator })
    ).body.learners.find((l) => l.id === sam.id);
    expect(cohort!.skills).toEqual(before.cohort!.skills);
    expect(cohort!.readyToPartner).toBe(before.cohort!.readyToPartner);
    // no trend flipped: each skill's trend is what it was (the scored sessions before vary with the
    // partner's seed, so a trend may already be declining; the empty sessions must not change it)
    for (const [skill, s] of Object.entries(cohort!.skills) as [
      keyof NonNullable<typeof cohort>['skills'],
      { trend: string },
    ][])
      expect(s.trend).toBe(before.cohort!.skills[skill].trend);
    const csv = (
      await t.call('GET', `/api/cohorts/${cohortId}/progress.csv`, { token: t.tokens.facilitator })
    ).body;
    expect(csv).toBe(before.csv);
  });

  it('never shows "ready" beside a "not yet" skill in the cohort view or CSV', async () => {
    const view = (
      await t.call('GET', `/api/cohorts/${cohortId}/progress`, { token: t.tokens.facilitator })
    ).body.learners;
    for (const l of view)
      if (l.readyToPartner)
        for (const s of Object.values(l.skills)) expect(s.level).not.toBe('not_yet');
    const csv: string = (
      await t.call('GET', `/api/cohorts/${cohortId}/progress.csv`, { token: t.tokens.facilitator })
    ).body;
    const [header, ...lines] = csv
      .trim()
      .split(/\r?\n/)
      .map((l) => l.split(','));
    const ready = header.indexOf('ready_to_partner');
    const skills = SKILLS.map((s) => header.indexOf(s));
    for (const l of lines)
      if (l[ready] === 'yes') for (const i of skills) expect(l[i]).not.toBe('not_yet');
  });
});

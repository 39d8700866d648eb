/**
 * A Learning Partnership programme end to end over real HTTP on a real database: a facilitator
 * imports a cohort from CSV, creates and assigns a drill, learners practise it, the facilitator
 * follows progress and readiness (JSON and CSV) and reads a transcript; a learner exports and
 * deletes their data. Bad input is refused with problems and nothing half-written.
 */
import { randomUUID } from 'node:crypto';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signToken } from '../../api/auth/index.js';
import {
  assignments,
  cohortMembers,
  cohorts,
  people,
  sessions,
  skillResults,
  turns,
} from '../../api/db/schema/index.js';
import { parseCsv } from '../../api/programme/index.js';
import { SKILLS } from '../../api/practice/types.js';
import { startTestApp, type TestApp } from '../support/app.js';

let t: TestApp;
const csv = (token: string, text: string) =>
  t.call('POST', '/api/people/import', {
    token,
    raw: text,
    headers: { 'content-type': 'text/csv' },
  });
const count = async (
  table: typeof people | typeof cohorts | typeof cohortMembers | typeof assignments,
): Promise<number> => {
  const [row] = (await t.runtime.deps.db
    .select({ n: sql<number>`count(*)::int` })
    .from(table as typeof people)) as { n: number }[];
  return Number(row.n);
};
const tokenFor = async (id: string) => {
  const [p] = await t.runtime.deps.db.select().from(people).where(eq(people.id, id));
  return signToken(t.runtime.deps.jwtSecret, { sub: p.id, org: p.orgId, role: p.role }, 3600);
};

const REFLECTIVE = [
  'It sounds like the last few weeks have been a lot to carry.',
  'You are feeling stretched between the team and your own work.',
  'So part of you wants to be there for everyone, and part of you is running out of room.',
  'It matters to you that people can rely on you.',
  'You are not sure where to start.',
  'What would you like to get from our conversation today?',
  'What feels most pressing for you right now?',
  'What else is going on for you?',
];

beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t?.close());

describe('a facilitator runs a programme', () => {
  const state: {
    cohortId?: string;
    learners?: { id: string; email: string }[];
    drillId?: string;
    sessionId?: string;
  } = {};

  it('refuses a malformed roster with every bad row, and imports nothing', async () => {
    const before = [await count(people), await count(cohorts), await count(cohortMembers)];
    const bad = await csv(
      t.tokens.facilitator,
      'name,email,cohort\nMina Shah,mina@northwind.example,Autumn Partners\n,nobody@northwind.example,Autumn Partners\nJo Park,not-an-email,Autumn Partners\n',
    );
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(bad.body.rows).toEqual([
      { line: 3, field: 'name', message: 'a name is required' },
      { line: 4, field: 'email', message: '"not-an-email" is not an email address' },
    ]);
    const unterminated = await csv(
      t.tokens.facilitator,
      'name,email,cohort\n"Mina,mina@northwind.example,Autumn\n',
    );
    expect(unterminated.status).toBe(400);
    expect(unterminated.body.errors[0].message).toMatch(/never closed/);
    // a valid-looking row that only an admin may import stops the whole file too
    const role = await csv(
      t.tokens.facilitator,
      'name,email,cohort,role\nMina Shah,mina@northwind.example,Autumn Partners,learner\nBoss,boss@northwind.example,,admin\n',
    );
    expect(role.status).toBe(400);
    expect((role.body.rows as unknown[])[0]).toMatchObject({ line: 3, field: 'role' });
    // an existing learner the facilitator does not facilitate cannot be pulled into their cohort
    const una = await t.call('POST', '/api/people', {
      token: t.tokens.admin,
      body: { name: 'Una Free', email: 'una@northwind.example' },
    });
    expect(una.status).toBe(201);
    before[0] += 1;
    const poach = await csv(
      t.tokens.facilitator,
      'name,email,cohort\nUna Free,una@northwind.example,Autumn Partners\n',
    );
    expect(poach.status).toBe(400);
    expect((poach.body.rows as { message: string }[])[0].message).toMatch(/ask an admin/);
    expect([await count(people), await count(cohorts), await count(cohortMembers)]).toEqual(before);
    expect(
      (
        await t.call('POST', '/api/people/import', {
          token: t.tokens.facilitator,
          body: { csv: 'x' },
        })
      ).status,
    ).toBe(415);
  });

  it('imports a cohort from CSV; the facilitator runs it', async () => {
    const r = await csv(
      t.tokens.facilitator,
      'name,email,cohort\nMina Shah,Mina@Northwind.example,Autumn Partners\n"Park, Jo",jo@northwind.example,Autumn Partners\n',
    );
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body.people).toEqual({ created: 2, existing: 0 });
    expect(r.body.cohorts).toEqual([
      { id: expect.any(String), name: 'Autumn Partners', created: true },
    ]);
    state.cohortId = r.body.cohorts[0].id;
    const list = await t.call('GET', '/api/cohorts', { token: t.tokens.facilitator });
    // the demo facilitator also runs the two demo cohorts (Spring, and Summer for Learning Partnerships)
    expect(list.body.cohorts.map((c) => c.name)).toEqual([
      'Autumn Partners',
      'Spring Learning Partners',
      'Summer Learning Partners',
    ]);
    const cohort = await t.call('GET', `/api/cohorts/${state.cohortId}`, {
      token: t.tokens.facilitator,
    });
    expect(cohort.body.learners.map((l) => l.email)).toEqual([
      'mina@northwind.example',
      'jo@northwind.example',
    ]);
    expect(cohort.body.facilitators.map((f) => f.name)).toEqual(['Fran Mills']);
    state.learners = cohort.body.learners;
    // importing the same file again adds nobody twice
    const again = await csv(
      t.tokens.facilitator,
      'name,email,cohort\nMina Shah,mina@northwind.example,Autumn Partners\n',
    );
    expect(again.body).toMatchObject({ people: { created: 0, existing: 1 }, memberships: 0 });
    // another facilitator in the organisation does not see it
    const adminMade = await t.call('POST', '/api/people', {
      token: t.tokens.admin,
      body: { name: 'Gus Other', email: 'gus@northwind.example', role: 'facilitator' },
    });
    expect(adminMade.status).toBe(201);
    const gus = await tokenFor(adminMade.body.id);
    expect((await t.call('GET', '/api/cohorts', { token: gus })).body.cohorts).toEqual([]);
    expect(
      (await t.call('GET', `/api/cohorts/${state.cohortId}/progress`, { token: gus })).status,
    ).toBe(404);
    expect(
      (
        await t.call('POST', '/api/people', {
          token: t.tokens.admin,
          body: { name: 'Dup', email: 'gus@northwind.example' },
        })
      ).status,
    ).toBe(409);
  });

  it('creates a drill with pass criteria and constraints; refuses unknown checks and scenarios', async () => {
    const body = {
      title: 'Listen first',
      scenarioId: 'new-manager-overwhelmed',
      focus: ['listening', 'non_judgement'],
      description: 'Reflect for the first five turns, then ask open questions one at a time.',
      passLevels: { non_judgement: 'fair' },
      passChecks: ['no_unasked_advice'],
      constraints: { reflectionsOnlyFirstTurns: 5 },
    };
    const r = await t.call('POST', '/api/drills', { token: t.tokens.facilitator, body });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body).toMatchObject({ ...body, builtIn: false });
    state.drillId = r.body.id;
    const bad = await t.call('POST', '/api/drills', {
      token: t.tokens.facilitator,
      body: { ...body, passChecks: ['be_nice'] },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].path).toBe('passChecks.0');
    expect(
      (
        await t.call('POST', '/api/drills', {
          token: t.tokens.facilitator,
          body: { ...body, scenarioId: 'nope' },
        })
      ).status,
    ).toBe(400);
    expect(
      (
        await t.call('POST', '/api/drills', {
          token: t.tokens.facilitator,
          body: { ...body, passLevels: {}, passChecks: [] },
        })
      ).status,
    ).toBe(400);
    expect(
      (await t.call('GET', '/api/drills', { token: t.tokens.learner })).body.drills.some(
        (d) => d.id === state.drillId,
      ),
    ).toBe(true);
  });

  it('refuses bad assignments with clear problems and writes nothing', async () => {
    const before = await count(assignments);
    const due = new Date(Date.now() + 7 * 86400e3).toISOString();
    const post = (body: unknown) =>
      t.call('POST', '/api/assignments', { token: t.tokens.facilitator, body });
    expect(
      (await post({ drillId: randomUUID(), cohortId: state.cohortId, dueAt: due })).status,
    ).toBe(404);
    expect(
      (await post({ drillId: state.drillId, cohortId: randomUUID(), dueAt: due })).status,
    ).toBe(404);
    expect(
      (
        await post({
          drillId: state.drillId,
          cohortId: state.cohortId,
          dueAt: '2020-01-01T00:00:00Z',
        })
      ).body.errors,
    ).toEqual([{ path: 'dueAt', message: 'must be in the future' }]);
    expect(
      (await post({ drillId: state.drillId, cohortId: state.cohortId, dueAt: 'next tuesday' }))
        .status,
    ).toBe(400);
    expect(
      (
        await post({
          drillId: state.drillId,
          cohortId: state.cohortId,
          learnerIds: [state.learners![0].id],
          dueAt: due,
        })
      ).status,
    ).toBe(400);
    const lee = t.runtime.demo!.otherOrgLearner.id;
    const cross = await post({
      drillId: state.drillId,
      learnerIds: [state.learners![0].id, lee],
      dueAt: due,
    });
    expect(cross.status).toBe(404);
    expect(cross.body.errors).toEqual([
      { path: 'learnerIds.1', message: `no learner ${lee} that you manage` },
    ]);
    expect(await count(assignments)).toBe(before);
  });

  it('assigns the drill to the cohort; a second time is a conflict', async () => {
    const due = new Date(Date.now() + 7 * 86400e3).toISOString().slice(0, 10);
    const r = await t.call('POST', '/api/assignments', {
      token: t.tokens.facilitator,
      body: { drillId: state.drillId, cohortId: state.cohortId, dueAt: due },
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body.assignments).toHaveLength(2);
    expect(r.body.assignments[0].dueAt).toBe(`${due}T23:59:59.000Z`);
    const again = await t.call('POST', '/api/assignments', {
      token: t.tokens.facilitator,
      body: { drillId: state.drillId, learnerIds: [state.learners![1].id], dueAt: due },
    });
    expect(again.status).toBe(409);
    expect(again.body.learnerIds).toEqual([state.learners![1].id]);
  });

  it('a learner sees the drill, practises it, and the status follows the drill result', async () => {
    const mina = await tokenFor(state.learners![0].id);
    const mine = await t.call('GET', '/api/me/assignments', { token: mina });
    expect(mine.body.assignments).toHaveLength(1);
    expect(mine.body.assignments[0]).toMatchObject({
      drillId: state.drillId,
      status: 'not_started',
      attempts: 0,
      bestLevel: null,
      drill: { title: 'Listen first' },
    });
    const start = await t.call('POST', '/api/sessions', {
      token: mina,
      body: { drillId: state.drillId },
    });
    expect(start.status).toBe(201);
    state.sessionId = start.body.id;
    expect(
      (await t.call('GET', '/api/me/assignments', { token: mina })).body.assignments[0].status,
    ).toBe('in_progress');
    for (const text of REFLECTIVE)
      expect(
        (
          await t.call('POST', `/api/sessions/${start.body.id}/turns`, {
            token: mina,
            body: { clientTurnId: randomUUID(), text },
          })
        ).status,
      ).toBe(200);
    const end = await t.call('POST', `/api/sessions/${start.body.id}/end`, { token: mina });
    expect(end.status).toBe(200);
    const after = (await t.call('GET', '/api/me/assignments', { token: mina })).body.assignments[0];
    expect(after.attempts).toBe(1);
    expect(after.status).toBe(end.body.drillResult!.passed ? 'passed' : 'not_passed');
    expect(after.lastReasons).toEqual(end.body.drillResult!.reasons);
    const focusLevels = ['listening', 'non_judgement'].map(
      (s) => end.body.scorecard.skills.find((k) => k.skill === s)!.level,
    );
    expect(after.bestLevel).toBe(
      (['not_yet', 'fair', 'good'] as const).find((l) => focusLevels.includes(l)),
    );
  });

  it('the facilitator follows progress and readiness, exports CSV and reads the transcript', async () => {
    const p = await t.call('GET', `/api/cohorts/${state.cohortId}/progress`, {
      token: t.tokens.facilitator,
    });
    expect(p.status).toBe(200);
    const [mina, jo] = [
      p.body.learners.find((l) => l.id === state.learners![0].id),
      p.body.learners.find((l) => l.id === state.learners![1].id),
    ];
    expect(mina!.sessions).toBe(1);
    expect(mina!.skills.listening).toMatchObject({ confidence: 'low', sessions: 1 });
    expect(mina!.readyToPartner).toBe(false);
    expect(
      mina!.reasons.some((r: string) => /1 scored session so far; practise at least 3/.test(r)),
    ).toBe(true);
    expect(mina!.assignments[0]).toMatchObject({
      drillId: state.drillId,
      title: 'Listen first',
      attempts: 1,
    });
    expect(jo!.assignments[0]).toMatchObject({ status: 'not_started', attempts: 0 });
    const file = await t.call('GET', `/api/cohorts/${state.cohortId}/progress.csv`, {
      token: t.tokens.facilitator,
    });
    expect(file.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(file.headers.get('content-disposition')).toBe(
      'attachment; filename="Autumn-Partners-progress.csv"',
    );
    const rows = parseCsv(file.body).map((r) => r.cells);
    expect(rows).toHaveLength(3);
    expect(rows[0].slice(0, 9)).toEqual(['learner_id', 'name', 'email', ...SKILLS]);
    expect(rows.find((r) => r[0] === jo!.id)![1]).toBe('Park, Jo');
    const list = await t.call(
      'GET',
      `/api/cohorts/${state.cohortId}/learners/${mina!.id}/sessions`,
      { token: t.tokens.facilitator },
    );
    expect(list.body.sessions.map((s) => s.id)).toEqual([state.sessionId]);
    const transcript = await t.call('GET', `/api/sessions/${state.sessionId}`, {
      token: t.tokens.facilitator,
    });
    expect(transcript.status).toBe(200);
    expect(transcript.body.turns.filter((x) => x.role === 'coach')[0].codes.length).toBeGreaterThan(
      0,
    );
    // read-only: the facilitator cannot take turns or end it
    expect(
      (
        await t.call('POST', `/api/sessions/${state.sessionId}/end`, {
          token: t.tokens.facilitator,
        })
      ).status,
    ).toBe(404);
    // a learner of another cohort is not the facilitator's to read
    expect(
      (
        await t.call(
          'GET',
          `/api/cohorts/${state.cohortId}/learners/${t.runtime.demo!.learner.id}/sessions`,
          { token: t.tokens.facilitator },
        )
      ).status,
    ).toBe(404);
    const attention = await t.call('GET', `/api/cohorts/${state.cohortId}/attention`, {
      token: t.tokens.facilitator,
    });
    expect(attention.body.learners.find((l) => l.id === jo!.id)!.items[0]).toEqual({
      kind: 'stalled',
      detail: 'has assigned drills but has not practised yet',
    });
  });

  it('a cohort’s readiness rule is configurable', async () => {
    const r = await t.call('PATCH', `/api/cohorts/${state.cohortId}`, {
      token: t.tokens.facilitator,
      body: { readiness: { minSessions: 1, window: 1, skills: ['non_judgement'] } },
    });
    expect(r.status).toBe(200);
    const p = await t.call('GET', `/api/cohorts/${state.cohortId}/progress`, {
      token: t.tokens.facilitator,
    });
    const mina = p.body.learners.find((l) => l.id === state.learners![0].id);
    expect(mina!.reasons.every((x: string) => /^Non-judgement/.test(x))).toBe(true);
  });

  it('a learner exports all their data, then deletes it for real; cohort views stay consistent', async () => {
    const id = state.learners![0].id;
    const mina = await tokenFor(id);
    const exp = await t.call('GET', '/api/me/export', { token: mina });
    expect(exp.status).toBe(200);
    expect(exp.body.person.email).toBe('mina@northwind.example');
    expect(exp.body.sessions).toHaveLength(1);
    expect(exp.body.sessions[0].turns.map((x) => x.text)).toEqual(
      expect.arrayContaining(REFLECTIVE),
    );
    expect(exp.body.skillResults).toHaveLength(6);
    expect(exp.body.assignments).toHaveLength(1);
    expect(exp.body.cohorts[0].cohort).toBe('Autumn Partners');

    const del = await t.call('DELETE', '/api/me', { token: mina });
    expect(del.status).toBe(204);
    const db = t.runtime.deps.db;
    expect(await db.select().from(people).where(eq(people.id, id))).toEqual([]);
    expect(await db.select().from(sessions).where(eq(sessions.personId, id))).toEqual([]);
    expect(await db.select().from(turns).where(eq(turns.sessionId, state.sessionId!))).toEqual([]);
    expect(await db.select().from(skillResults).where(eq(skillResults.personId, id))).toEqual([]);
    expect(await db.select().from(assignments).where(eq(assignments.personId, id))).toEqual([]);
    expect(
      await db
        .select()
        .from(cohortMembers)
        .where(
          and(eq(cohortMembers.personId, id), inArray(cohortMembers.cohortId, [state.cohortId!])),
        ),
    ).toEqual([]);
    expect((await t.call('GET', '/api/me/assignments', { token: mina })).status).toBe(401);
    const p = await t.call('GET', `/api/cohorts/${state.cohortId}/progress`, {
      token: t.tokens.facilitator,
    });
    expect(p.body.learners.map((l) => l.id)).toEqual([state.learners![1].id]);
    expect(
      (await t.call('GET', '/api/cohorts', { token: t.tokens.facilitator })).body.cohorts.find(
        (c) => c.id === state.cohortId,
      )!.learners,
    ).toBe(1);
    expect(
      (await t.call('GET', `/api/sessions/${state.sessionId}`, { token: t.tokens.facilitator }))
        .status,
    ).toBe(404);
  });

  it('the last admin cannot delete their own account', async () => {
    expect((await t.call('DELETE', '/api/me', { token: t.tokens.admin })).status).toBe(409);
  });
});

/**
 * Learning Partnerships end to end over real HTTP on a real database: a facilitator proposes pairs
 * across departments and confirms one; both partners write, change and confirm their agreement; they
 * log alternating sessions with actions and follow them up; notes stay private until both share;
 * the facilitator's series says who needs attention and why; the partnership ends with a review from
 * each; the report shows the returns. Export and deletion include partnerships.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signToken } from '../../api/auth/index.js';
import { cohorts, people, xapiLrs, xapiOutbox } from '../../api/db/schema/index.js';
import { DEMO_COHORT } from '../../api/demo/seed.js';
import { SECOND_COHORT } from '../../api/demo/partnership-seed.js';
import { startTestApp, type TestApp } from '../support/app.js';
import type { ProblemBody } from '../support/typed-call.js';

let t: TestApp;
let spring: string;
let summer: string;
const ids: Record<string, string> = {};
const tokens: Record<string, string> = {};
const fac = () => t.tokens.facilitator;
const DAY = 86_400_000;

const tokenFor = async (email: string) => {
  const [p] = await t.runtime.deps.db.select().from(people).where(eq(people.email, email));
  ids[email.split('@')[0]] = p.id;
  return signToken(t.runtime.deps.jwtSecret, { sub: p.id, org: p.orgId, role: p.role }, 3600);
};
const problem = (r: { status: number; body: unknown; headers: Headers }, status: number) => {
  expect(r.status, JSON.stringify(r.body)).toBe(status);
  expect(r.headers.get('content-type')).toMatch(/application\/problem\+json/);
  return r.body as ProblemBody;
};

beforeAll(async () => {
  t = await startTestApp();
  const db = t.runtime.deps.db;
  spring = (await db.select().from(cohorts).where(eq(cohorts.name, DEMO_COHORT.name)))[0].id;
  summer = (await db.select().from(cohorts).where(eq(cohorts.name, SECOND_COHORT.name)))[0].id;
  for (const e of ['alex', 'sam', 'priya', 'tom', 'kemi', 'rosa', 'dan'])
    tokens[e] = await tokenFor(`${e}@northwind.example`);
  tokens.jo = await tokenFor('jo.whitfield@northwind.example');
  ids.jo = ids['jo.whitfield'];
}, 60_000);
afterAll(async () => t?.close());

describe('people and places', () => {
  it('the demo learners are in the facilitator’s first cohort, in different departments; a second cohort spans five', async () => {
    const list = await t.call('GET', '/api/cohorts', { token: fac() });
    expect(list.body.cohorts.map((c) => c.name)).toEqual([
      'Spring Learning Partners',
      'Summer Learning Partners',
    ]);
    const first = await t.call('GET', `/api/cohorts/${spring}`, { token: fac() });
    expect(first.body.learners.map((l) => l.name).sort()).toEqual(['Alex Rivera', 'Sam Okafor']);
    const rows = await t.runtime.deps.db
      .select({ email: people.email, department: people.department })
      .from(people);
    const dept = Object.fromEntries(rows.map((r) => [r.email, r.department]));
    expect(dept['alex@northwind.example']).not.toBe(dept['sam@northwind.example']);
    const progress = await t.call('GET', `/api/cohorts/${summer}/progress`, { token: fac() });
    expect(progress.body.learners.filter((l) => l.readyToPartner).length).toBeGreaterThanOrEqual(4);
    const summerDepts = new Set(progress.body.learners.map((l) => dept[l.email]));
    expect(
      new Set([...summerDepts, dept['alex@northwind.example'], dept['sam@northwind.example']]).size,
    ).toBeGreaterThanOrEqual(4);
  });

  it('sets a department and line manager through the API, and refuses nonsense', async () => {
    const r = await t.call('PUT', `/api/people/${ids.dan}/placement`, {
      token: fac(),
      body: { department: 'Digital', lineManagerId: null },
    });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toEqual({ id: ids.dan, department: 'Digital', lineManagerId: null });
    problem(
      await t.call('PUT', `/api/people/${ids.dan}/placement`, {
        token: fac(),
        body: { department: 'Digital', lineManagerId: ids.dan },
      }),
      400,
    );
    problem(
      await t.call('PUT', `/api/people/${ids.dan}/placement`, {
        token: tokens.alex,
        body: { department: 'X' },
      }),
      403,
    );
    problem(
      await t.call('PUT', `/api/people/${ids.dan}/placement`, {
        token: t.tokens.otherOrgFacilitator,
        body: { department: 'X' },
      }),
      404,
    );
  });

  it('imports departments and line managers from CSV', async () => {
    const csv =
      'name,email,cohort,department,line_manager_email\nMo Farah,mo@northwind.example,Autumn Imports,Research,lena@northwind.example\nLena Berg,lena@northwind.example,Autumn Imports,Research,\n';
    const r = await t.call('POST', '/api/people/import', {
      token: t.tokens.admin,
      raw: csv,
      headers: { 'content-type': 'text/csv' },
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    const [mo] = await t.runtime.deps.db
      .select()
      .from(people)
      .where(eq(people.email, 'mo@northwind.example'));
    const [lena] = await t.runtime.deps.db
      .select()
      .from(people)
      .where(eq(people.email, 'lena@northwind.example'));
    expect([mo.department, mo.lineManagerId]).toEqual(['Research', lena.id]);
    const bad = await t.call('POST', '/api/people/import', {
      token: t.tokens.admin,
      raw: 'name,email,line_manager_email\nZed,zed@northwind.example,ghost@northwind.example\n',
      headers: { 'content-type': 'text/csv' },
    });
    expect(problem(bad, 400).rows).toEqual([
      {
        line: 2,
        field: 'line_manager_email',
        message: 'no one with the email ghost@northwind.example here or in the file',
      },
    ]);
  });

  it('keeps a learner’s own pairing wishes', async () => {
    const r = await t.call('PUT', '/api/me/pairing-preferences', {
      token: tokens.tom,
      body: { notWith: [ids.priya], availability: ['mon-am', 'thu-pm'] },
    });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    problem(
      await t.call('PUT', '/api/me/pairing-preferences', {
        token: tokens.tom,
        body: { availability: ['someday'] },
      }),
      400,
    );
  });
});

describe('pairing proposals', () => {
  const propose = (cohortId: string, body: unknown = {}, token = fac()) =>
    t.call('POST', `/api/cohorts/${cohortId}/pairings/proposals`, { token, body });

  it('pairs ready learners across departments, never with a line manager or against a wish, and names the odd one out', async () => {
    const r = await propose(summer);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const rows = await t.runtime.deps.db.select().from(people);
    const byId = new Map(rows.map((p) => [p.id, p]));
    expect(r.body.pairs).toHaveLength(2);
    for (const {
      learnerIds: [a, b],
      score,
      reasons,
    } of r.body.pairs) {
      expect(byId.get(a)!.department).not.toBe(byId.get(b)!.department);
      expect(byId.get(a)!.lineManagerId).not.toBe(b);
      expect(byId.get(b)!.lineManagerId).not.toBe(a);
      expect([a, b].sort()).not.toEqual([ids.tom, ids.priya].sort());
      expect(score).toBeGreaterThanOrEqual(0);
      expect(reasons[0]).toMatch(/^Different parts of the organisation/);
    }
    const unpaired = Object.fromEntries(r.body.unpaired.map((u) => [u.learnerId, u.reason]));
    expect(unpaired[ids.dan]).toMatch(/^Not ready to partner yet/);
    expect(
      Object.values(unpaired).filter((x) => /^The odd one out: 5 learners/.test(x as string)),
    ).toHaveLength(1);
  });

  it('is the same for the same input, whatever the order', async () => {
    const all = [ids.priya, ids.tom, ids.jo, ids.kemi, ids.rosa];
    const one = await propose(summer, { learnerIds: all });
    const two = await propose(summer, { learnerIds: [...all].reverse() });
    expect(two.body).toEqual(one.body);
    expect((await propose(summer)).body.pairs).toEqual(one.body.pairs);
  });

  it('includes learners not ready when asked, saying who', async () => {
    const strict = await propose(spring);
    expect(strict.body.pairs).toEqual([]);
    const loose = await propose(spring, { allowNotReady: true });
    expect(loose.body.pairs).toHaveLength(1);
    expect(
      loose.body.pairs[0].reasons.filter((x: string) => /was not ready to partner yet/.test(x)),
    ).toHaveLength(2);
  });

  it('refuses learners of another cohort, and callers who do not run it', async () => {
    expect(problem(await propose(spring, { learnerIds: [ids.priya] }), 404).errors[0].path).toBe(
      'learnerIds.0',
    );
    problem(await propose(spring, {}, tokens.alex), 403);
    problem(await propose(spring, {}, t.tokens.otherOrgFacilitator), 404);
    problem(await propose(spring, { allowNotReady: 'yes' }), 400);
  });
});

describe('a partnership from pairing to review', () => {
  let id: string;
  const as = (who: string) => (who === 'fac' ? fac() : tokens[who]);
  const get = (who: string) => t.call('GET', `/api/partnerships/${id}`, { token: as(who) });
  const agreement = (over: Record<string, unknown> = {}) => ({
    outcomes: ['Become confident Learning Partners'],
    goals: { [ids.alex]: 'Delegate more on the ward', [ids.sam]: 'Speak up in budget meetings' },
    roles: { [ids.alex]: ['Thinking Partner', 'Companion'], [ids.sam]: ['Objective Supporter'] },
    responsibilities: ['Turn up prepared', 'Keep to time'],
    confidentiality: 'What we say stays between us unless we both agree.',
    cadence: 'weekly',
    firstCoachId: ids.alex,
    ...over,
  });
  const session = (body: Record<string, unknown>, who = 'alex') =>
    t.call('POST', `/api/partnerships/${id}/sessions`, { token: as(who), body });

  it('a facilitator confirms a pair; rules that would break a pair are refused', async () => {
    problem(
      await t.call('POST', '/api/partnerships', {
        token: fac(),
        body: { learnerIds: [ids.kemi, ids.rosa], cohortId: summer },
      }),
      409,
    );
    problem(
      await t.call('POST', '/api/partnerships', {
        token: fac(),
        body: { learnerIds: [ids.tom, ids.priya], cohortId: summer },
      }),
      409,
    );
    problem(
      await t.call('POST', '/api/partnerships', {
        token: fac(),
        body: { learnerIds: [ids.alex, ids.priya], cohortId: spring },
      }),
      404,
    );
    problem(
      await t.call('POST', '/api/partnerships', {
        token: tokens.alex,
        body: { learnerIds: [ids.alex, ids.sam], cohortId: spring },
      }),
      403,
    );
    const r = await t.call('POST', '/api/partnerships', {
      token: fac(),
      body: { learnerIds: [ids.alex, ids.sam], cohortId: spring },
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body).toMatchObject({ id: expect.any(String), status: 'proposed' });
    id = r.body.id;
    expect(
      problem(
        await t.call('POST', '/api/partnerships', {
          token: fac(),
          body: { learnerIds: [ids.sam, ids.alex], cohortId: spring },
        }),
        409,
      ).detail,
    ).toMatch(/already in a Learning Partnership/);
    const proposals = await t.call('POST', `/api/cohorts/${spring}/pairings/proposals`, {
      token: fac(),
      body: { allowNotReady: true },
    });
    expect(proposals.body.pairs).toEqual([]);
    expect(proposals.body.unpaired.map((u) => u.reason)).toEqual([
      'Already in a Learning Partnership in this cohort.',
      'Already in a Learning Partnership in this cohort.',
    ]);
  });

  it('each partner sees it; nobody else does', async () => {
    for (const who of ['alex', 'sam']) {
      const mine = await t.call('GET', '/api/me/partnerships', { token: as(who) });
      expect(mine.body.partnerships.map((p) => [p.id, p.status])).toEqual([[id, 'proposed']]);
    }
    expect((await get('fac')).status).toBe(200);
    problem(await get('priya'), 404);
    problem(
      await t.call('GET', `/api/partnerships/${id}`, { token: t.tokens.otherOrgFacilitator }),
      404,
    );
    expect(
      (await t.call('GET', '/api/me/partnerships', { token: tokens.priya })).body.partnerships,
    ).toEqual([]);
  });

  it('an agreement becomes active only when both confirm the same version; a change needs both again', async () => {
    problem(
      await t.call('POST', `/api/partnerships/${id}/agreement/confirm`, {
        token: as('alex'),
        body: { version: 1 },
      }),
      409,
    );
    const bad = problem(
      await t.call('PUT', `/api/partnerships/${id}/agreement`, {
        token: as('alex'),
        body: agreement({ goals: { [ids.alex]: 'Mine only' } }),
      }),
      400,
    );
    expect(bad.errors).toEqual([
      { path: `goals.${ids.sam}`, message: 'each partner states their own goal' },
    ]);
    problem(
      await t.call('PUT', `/api/partnerships/${id}/agreement`, { token: fac(), body: agreement() }),
      403,
    );
    problem(
      await t.call('PUT', `/api/partnerships/${id}/agreement`, {
        token: as('alex'),
        body: { ...agreement(), roles: { [ids.alex]: ['Guru'], [ids.sam]: ['Companion'] } },
      }),
      400,
    );
    const v1 = await t.call('PUT', `/api/partnerships/${id}/agreement`, {
      token: as('alex'),
      body: agreement(),
    });
    expect(v1.status, JSON.stringify(v1.body)).toBe(200);
    expect(v1.body.agreement).toMatchObject({
      phase: 'awaiting',
      version: 1,
      agreedVersion: 0,
      body: { cadence: 'weekly' },
    });
    expect(
      (
        await t.call('POST', `/api/partnerships/${id}/agreement/confirm`, {
          token: as('alex'),
          body: { version: 1 },
        })
      ).body.status,
    ).toBe('proposed');
    // Sam changes it before confirming: Alex's confirmation was of version 1, so version 2 needs both
    const v2 = await t.call('PUT', `/api/partnerships/${id}/agreement`, {
      token: as('sam'),
      body: agreement({ cadence: 'fortnightly' }),
    });
    expect(v2.body.agreement).toMatchObject({ version: 2, confirmedBy: [] });
    expect(
      problem(
        await t.call('POST', `/api/partnerships/${id}/agreement/confirm`, {
          token: as('sam'),
          body: { version: 1 },
        }),
        409,
      ).version,
    ).toBe(2);
    expect(
      (
        await t.call('POST', `/api/partnerships/${id}/agreement/confirm`, {
          token: as('sam'),
          body: { version: 2 },
        })
      ).body.status,
    ).toBe('proposed');
    const both = await t.call('POST', `/api/partnerships/${id}/agreement/confirm`, {
      token: as('alex'),
      body: { version: 2 },
    });
    expect(both.body).toMatchObject({
      status: 'active',
      agreement: { phase: 'agreed', version: 2, agreedVersion: 2 },
    });
    // the facilitator sees the state, not the words
    const staff = await get('fac');
    expect(staff.body.agreement.phase).toBe('agreed');
    expect(staff.body.agreement.body).toBeUndefined();
  });

  it('partners log alternating sessions with the coachee’s actions, and follow them up next time', async () => {
    problem(
      await session({
        heldOn: '2026-01-05',
        coachId: ids.alex,
        topic: 'x',
        actions: [{ ownerId: ids.alex, text: 'Mine' }],
      }),
      400,
    );
    problem(await session({ heldOn: '2999-01-05', coachId: ids.alex, topic: 'x' }), 400);
    problem(await session({ heldOn: '2026-01-05', coachId: ids.priya, topic: 'x' }), 400);
    problem(await session({ heldOn: '2026-01-05', coachId: ids.alex, topic: 'x' }, 'fac'), 403);
    const first = await session({
      heldOn: '2026-01-05',
      coachId: ids.alex,
      topic: 'Speaking up with the finance board',
      learning: 'Sam noticed she waits to be asked.',
      actions: [
        { text: 'Say one thing in the first ten minutes', dueOn: '2026-01-12' },
        { text: 'Ask the chair for a slot' },
      ],
    });
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(first.body.toFollowUp.map((a) => [a.ownerId, a.text, a.status])).toEqual([
      [ids.sam, 'Say one thing in the first ten minutes', 'open'],
      [ids.sam, 'Ask the chair for a slot', 'open'],
    ]);
    expect(first.body.reciprocity).toMatchObject({
      lastCoachId: ids.alex,
      nextCoachId: ids.sam,
      coached: { [ids.alex]: 1, [ids.sam]: 0 },
    });
    const [a1, a2] = first.body.toFollowUp.map((a) => a.id);
    const second = await session(
      {
        heldOn: '2026-01-12',
        coachId: ids.sam,
        topic: 'Delegating on nights',
        actions: [{ text: 'Hand over the rota to Dee' }],
        followUp: [
          { actionId: a1, status: 'done' },
          { actionId: a2, status: 'not_yet' },
        ],
      },
      'sam',
    );
    expect(second.status, JSON.stringify(second.body)).toBe(201);
    expect(second.body.actions.map((a) => a.status)).toEqual(['done', 'not_yet', 'open']);
    expect(second.body.toFollowUp.map((a) => a.text)).toEqual([
      'Ask the chair for a slot',
      'Hand over the rota to Dee',
    ]);
    expect(second.body.reciprocity).toMatchObject({ balance: 1, nextCoachId: ids.alex });
    // an action of another partnership cannot be followed up here
    problem(
      await session({
        heldOn: '2026-01-13',
        coachId: ids.alex,
        topic: 'x',
        followUp: [{ actionId: crypto.randomUUID(), status: 'done' }],
      }),
      404,
    );
  });

  it('nudges after three sessions in a row coached by one partner, and the series flags it', async () => {
    for (const heldOn of ['2026-01-19', '2026-01-26', '2026-02-02'])
      expect(
        (await session({ heldOn, coachId: ids.alex, topic: 'More on speaking up' })).status,
      ).toBe(201);
    const r = await get('alex');
    expect(r.body.reciprocity.nudge).toBe(
      'Alex Rivera has coached the last 3 sessions; next time, Sam Okafor could coach.',
    );
    t.runtime.deps.now = () => new Date('2026-02-03T12:00:00Z');
    const series = await t.call('GET', `/api/cohorts/${spring}/partnerships`, { token: fac() });
    expect(series.status, JSON.stringify(series.body)).toBe(200);
    const mine = series.body.partnerships.find((p) => p.id === id);
    expect(mine!.attention).toEqual([
      'One-sided coaching lately: Alex Rivera has coached the last 3 sessions.',
    ]);
    expect(mine).toMatchObject({
      status: 'active',
      agreement: { phase: 'agreed', cadence: 'fortnightly' },
      sessions: { held: 5 },
      daysSinceLastSession: 1,
      actions: { agreed: 3, completed: 1 },
    });
  });

  it('keeps notes private to the pair until both share them', async () => {
    const staff = await get('fac');
    expect(staff.body.sessions[0].learning).toBeUndefined();
    expect(staff.body.sessions[0].topic).toBeUndefined();
    expect(staff.body.actions[0].text).toBeUndefined();
    const sid = staff.body.sessions[0].id;
    await t.call('PUT', `/api/partnerships/${id}/sessions/${sid}/sharing`, {
      token: as('alex'),
      body: { share: true },
    });
    expect((await get('fac')).body.sessions[0].learning).toBeUndefined();
    problem(
      await t.call('PUT', `/api/partnerships/${id}/sessions/${sid}/sharing`, {
        token: fac(),
        body: { share: true },
      }),
      403,
    );
    await t.call('PUT', `/api/partnerships/${id}/sessions/${sid}/sharing`, {
      token: as('sam'),
      body: { share: true },
    });
    expect((await get('fac')).body.sessions[0]).toMatchObject({
      learning: 'Sam noticed she waits to be asked.',
      sharedWithFacilitator: true,
    });
    const series = await t.call('GET', `/api/cohorts/${spring}/partnerships`, { token: fac() });
    expect(JSON.stringify(series.body)).not.toMatch(
      /waits to be asked|Delegate more|first ten minutes/,
    );
  });

  it('the facilitator sees who needs attention, in plain words', async () => {
    await t.call('POST', `/api/partnerships/${id}/help`, {
      token: as('sam'),
      body: { message: 'We keep cancelling; could you help us find a rhythm?' },
    });
    t.runtime.deps.now = () => new Date(Date.parse('2026-02-02T00:00:00Z') + 30 * DAY);
    const series = await t.call('GET', `/api/cohorts/${spring}/partnerships`, { token: fac() });
    expect(series.body.partnerships.find((p) => p.id === id)!.attention).toEqual([
      'Sam Okafor asked for your help: “We keep cancelling; could you help us find a rhythm?”',
      'No session for 30 days; they agreed to meet fortnightly.',
      'One-sided coaching lately: Alex Rivera has coached the last 3 sessions.',
    ]);
    // a pair that has not agreed two weeks after pairing
    const pair = await t.call('POST', '/api/partnerships', {
      token: fac(),
      body: { learnerIds: [ids.priya, ids.jo], cohortId: summer },
    });
    t.runtime.deps.now = () => new Date(Date.now() + 15 * DAY);
    const later = await t.call('GET', `/api/cohorts/${summer}/partnerships`, { token: fac() });
    expect(later.body.partnerships.find((p) => p.id === pair.body.id)!.attention).toEqual([
      'No agreement yet, 15 days after they were paired.',
    ]);
    t.runtime.deps.now = () => new Date();
    problem(
      await t.call('GET', `/api/cohorts/${spring}/partnerships`, {
        token: t.tokens.otherOrgFacilitator,
      }),
      404,
    );
    problem(
      await t.call('GET', `/api/cohorts/${spring}/partnerships`, { token: tokens.alex }),
      403,
    );
  });

  it('a change to an active agreement needs both confirmations again; the partnership stays active', async () => {
    const v3 = await t.call('PUT', `/api/partnerships/${id}/agreement`, {
      token: as('alex'),
      body: agreement({ cadence: 'weekly' }),
    });
    expect(v3.body).toMatchObject({
      status: 'active',
      agreement: { phase: 'awaiting', version: 3, agreedVersion: 2 },
    });
    await t.call('POST', `/api/partnerships/${id}/agreement/confirm`, {
      token: as('alex'),
      body: { version: 3 },
    });
    const done = await t.call('POST', `/api/partnerships/${id}/agreement/confirm`, {
      token: as('sam'),
      body: { version: 3 },
    });
    expect(done.body.agreement).toMatchObject({ phase: 'agreed', agreedVersion: 3 });
  });

  it('ends with a short review from each partner', async () => {
    problem(
      await t.call('PUT', `/api/partnerships/${id}/review`, {
        token: as('alex'),
        body: { rating: 5 },
      }),
      409,
    );
    const ended = await t.call('POST', `/api/partnerships/${id}/end`, {
      token: as('alex'),
      body: { review: { rating: 5, valued: 'A neutral space to think.' } },
    });
    expect(ended.body.status).toBe('ended');
    problem(
      await t.call('POST', `/api/partnerships/${id}/end`, { token: as('sam'), body: {} }),
      409,
    );
    problem(
      await t.call('PUT', `/api/partnerships/${id}/review`, {
        token: as('sam'),
        body: { rating: 9 },
      }),
      400,
    );
    const sam = await t.call('PUT', `/api/partnerships/${id}/review`, {
      token: as('sam'),
      body: { rating: 4, valued: 'Being challenged kindly.' },
    });
    expect(sam.body.reviews.map((r) => r.rating).sort()).toEqual([4, 5]);
    problem(await session({ heldOn: '2026-02-09', coachId: ids.sam, topic: 'x' }, 'sam'), 409);
  });

  it('the report shows the returns, as JSON, CSV and an accessible picture; scoped to the caller', async () => {
    const r = await t.call('GET', '/api/programme/report?from=2025-01-01&to=2030-12-31', {
      token: t.tokens.admin,
    });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toMatchObject({
      partnerships: { formed: 2, active: 1, ended: 1 },
      sessions: { held: 5 },
      actions: { agreed: 3, completed: 1 },
      ratings: { count: 2, mean: 4.5 },
    });
    expect(r.body.departments.links).toEqual(
      expect.arrayContaining([
        { a: 'Finance', b: 'Nursing', pairs: 1 },
        { a: 'Finance', b: 'Pharmacy', pairs: 1 },
      ]),
    );
    expect(r.body.skills).toHaveLength(6);
    const fran = await t.call('GET', '/api/programme/report?from=2025-01-01&to=2030-12-31', {
      token: fac(),
    });
    expect(fran.body.partnerships.formed).toBe(2);
    const olu = await t.call('GET', '/api/programme/report?from=2025-01-01&to=2030-12-31', {
      token: t.tokens.otherOrgFacilitator,
    });
    expect(olu.body.partnerships).toEqual({ formed: 0, active: 0, ended: 0 });
    problem(await t.call('GET', '/api/programme/report', { token: tokens.alex }), 403);
    problem(
      await t.call('GET', '/api/programme/report?from=2026-05-01&to=2026-01-01', { token: fac() }),
      400,
    );
    problem(await t.call('GET', '/api/programme/report?from=yesterday', { token: fac() }), 400);
    const csv = await t.call('GET', '/api/programme/report.csv?from=2025-01-01&to=2030-12-31', {
      token: fac(),
    });
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    expect(csv.body).toContain('sessions,held,5');
    expect(csv.body).toContain('departments connected,Finance – Nursing,1');
    const svg = await t.call(
      'GET',
      '/api/programme/report/departments.svg?from=2025-01-01&to=2030-12-31',
      { token: fac() },
    );
    expect(svg.headers.get('content-type')).toMatch(/image\/svg\+xml/);
    expect(svg.body).toMatch(/role="img" aria-labelledby="dept-title dept-desc"/);
    expect(svg.body).toContain('Finance and Nursing, 1 pair');
  });

  it('sends xAPI statements for agreement, session and action events when the organisation has an LRS', async () => {
    const db = t.runtime.deps.db;
    const [alex] = await db.select().from(people).where(eq(people.id, ids.alex));
    await db.insert(xapiLrs).values({
      orgId: alex.orgId,
      endpoint: 'http://127.0.0.1:9/xapi',
      username: 'u',
      password: 'p',
      enabled: true,
    } as never);
    const pair = await t.call('POST', '/api/partnerships', {
      token: fac(),
      body: { learnerIds: [ids.tom, ids.kemi], cohortId: summer },
    });
    const pid = pair.body.id;
    const tom = tokens.tom;
    const kemi = tokens.kemi;
    await t.call('PUT', `/api/partnerships/${pid}/agreement`, {
      token: tom,
      body: {
        ...agreement(),
        goals: { [ids.tom]: 'a', [ids.kemi]: 'b' },
        roles: { [ids.tom]: ['Companion'], [ids.kemi]: ['Companion'] },
        firstCoachId: undefined,
      },
    });
    await t.call('POST', `/api/partnerships/${pid}/agreement/confirm`, {
      token: tom,
      body: { version: 1 },
    });
    await t.call('POST', `/api/partnerships/${pid}/agreement/confirm`, {
      token: kemi,
      body: { version: 1 },
    });
    const s = await t.call('POST', `/api/partnerships/${pid}/sessions`, {
      token: kemi,
      body: {
        heldOn: '2026-01-05',
        coachId: ids.kemi,
        topic: 'Estates backlog',
        actions: [{ text: 'Call the contractor' }],
      },
    });
    expect(s.status, JSON.stringify(s.body)).toBe(201);
    const queued = await db.select().from(xapiOutbox).where(eq(xapiOutbox.orgId, alex.orgId));
    expect(queued.map((q) => q.verb).sort()).toEqual([
      'agreed',
      'agreed',
      'attended',
      'attended',
      'committed',
    ]);
    expect(JSON.stringify(queued.map((q) => q.statement))).not.toMatch(
      /Call the contractor|Estates backlog/,
    );
  });
});

describe('privacy', () => {
  it('export includes partnerships; deleting one partner leaves the other’s records readable to them', async () => {
    const exp = await t.call('GET', '/api/me/export', { token: tokens.sam });
    expect(exp.body.partnerships).toHaveLength(1);
    expect(exp.body.partnerships[0].sessions).toHaveLength(5);
    expect(exp.body.partnerships[0].reviews.map((r) => r.rating)).toEqual([4]);
    expect(exp.body.person.department).toBe('Finance');
    expect((await t.call('DELETE', '/api/me', { token: tokens.sam })).status).toBe(204);
    const mine = await t.call('GET', '/api/me/partnerships', { token: tokens.alex });
    const p = mine.body.partnerships[0];
    expect(p.status).toBe('ended');
    expect(p.partners.map((x) => x.name).sort()).toEqual(['A former colleague', 'Alex Rivera']);
    expect(p.sessions).toHaveLength(5);
    // Sam's actions went with Sam; Alex's own stayed, and so did Alex's review
    expect(p.actions.map((a) => a.ownerId)).toEqual([ids.alex]);
    expect(p.reviews.map((r) => r.rating)).toEqual([5]);
    expect(p.sessions[0].learning).toBe('Sam noticed she waits to be asked.');
  });
});

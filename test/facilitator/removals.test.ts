/**
 * Facilitators and admins undo programme set-up over real HTTP: take a learner out of a cohort,
 * delete a cohort, cancel an assignment. What goes is only the membership, cohort or assignment
 * (with the drills assigned through it); the learners' sessions and progress stay theirs. Every
 * refusal is a problem response that leaves what was stored as it was, with a detail that names
 * no ids (components show it to people). A cohort an LMS course feeds says so (`lmsLinked`), so
 * the removal dialog can warn that the course would put the learner back.
 */
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signToken } from '../../api/auth/index.js';
import {
  assignments,
  cohortMembers,
  cohorts,
  ltiContexts,
  ltiPlatforms,
  people,
  sessions,
  skillResults,
} from '../../api/db/schema/index.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { newDrill as createDrill } from '../support/drills.js';
import type { ProblemBody } from '../support/typed-call.js';

let t: TestApp;
let spring: string;
const db = () => t.runtime.deps.db;
const fac = () => t.tokens.facilitator;
const admin = () => t.tokens.admin;
const future = '2099-01-01';

function problem(
  r: { status: number; body: unknown; headers: Headers },
  status: number,
): ProblemBody {
  expect(r.status, JSON.stringify(r.body)).toBe(status);
  expect(r.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  expect(r.body).toMatchObject({ status, title: expect.any(String), detail: expect.any(String) });
  // the detail may reach a person as it is: no raw ids (the caller sent them; `errors` points at fields)
  const body = r.body as ProblemBody;
  expect(body.detail).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/i);
  return body;
}

const tokenFor = async (id: string) => {
  const [p] = await db().select().from(people).where(eq(people.id, id));
  return signToken(t.runtime.deps.jwtSecret, { sub: p.id, org: p.orgId, role: p.role }, 3600);
};

const newDrill = (token = admin()) => createDrill(t, token);

async function newCohort(token = fac()) {
  const r = await t.call('POST', '/api/cohorts', {
    token,
    body: { name: `Cohort ${randomUUID().slice(0, 6)}` },
  });
  expect(r.status).toBe(201);
  return r.body.id as string;
}

async function newLearner(cohortId: string) {
  const r = await t.call('POST', '/api/people', {
    token: admin(),
    body: {
      name: `Learner ${randomUUID().slice(0, 4)}`,
      email: `${randomUUID().slice(0, 8)}@northwind.example`,
      cohortId,
    },
  });
  expect(r.status).toBe(201);
  return r.body.id as string;
}

async function assign(body: { cohortId?: string; learnerIds?: string[] }, token = fac()) {
  const r = await t.call('POST', '/api/assignments', {
    token,
    body: { drillId: await newDrill(), dueAt: future, ...body },
  });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body.assignments as { id: string; learnerId: string; drillId: string }[];
}

/** An ended session, on a drill when given: leaves a session row and skill results. */
async function practise(personId: string, drillId?: string) {
  const token = await tokenFor(personId);
  const s = await t.call('POST', '/api/sessions', {
    token,
    body: drillId ? { drillId } : { scenarioId: 'new-manager-overwhelmed' },
  });
  expect(s.status, JSON.stringify(s.body)).toBe(201);
  await t.call('POST', `/api/sessions/${s.body.id}/turns`, {
    token,
    body: { clientTurnId: randomUUID(), text: 'It sounds like a lot is on you right now.' },
  });
  expect((await t.call('POST', `/api/sessions/${s.body.id}/end`, { token })).status).toBe(200);
  return s.body.id as string;
}

const kept = async (personId: string) => ({
  sessions: (await db().select().from(sessions).where(eq(sessions.personId, personId))).length,
  results: (await db().select().from(skillResults).where(eq(skillResults.personId, personId)))
    .length,
});
const assignmentIds = async (personId: string) =>
  (
    await db()
      .select({ id: assignments.id })
      .from(assignments)
      .where(eq(assignments.personId, personId))
  )
    .map((a) => a.id)
    .sort();
const isMember = async (cohortId: string, personId: string) =>
  (
    await db()
      .select()
      .from(cohortMembers)
      .where(and(eq(cohortMembers.cohortId, cohortId), eq(cohortMembers.personId, personId)))
  ).length === 1;

beforeAll(async () => {
  t = await startTestApp();
  spring = (await t.call('GET', '/api/cohorts', { token: fac() })).body.cohorts[0].id;
});
afterAll(async () => t?.close());

/**
 * A learner in a new cohort with one drill through the cohort (practised) and one assigned to
 * them directly, and what of theirs must outlast a removal (`kept`), read before it.
 */
async function learnerWithBothKinds() {
  const cohortId = await newCohort();
  const learner = await newLearner(cohortId);
  const [viaCohort] = await assign({ cohortId });
  const [direct] = await assign({ learnerIds: [learner] });
  await practise(learner, viaCohort.drillId);
  return { cohortId, learner, viaCohort, direct, before: await kept(learner) };
}

describe('DELETE /api/cohorts/{id}/members/{personId}', () => {
  it('a facilitator takes a learner out: the cohort’s drills go, their sessions and direct assignments stay', async () => {
    const { cohortId, learner, viaCohort, direct, before } = await learnerWithBothKinds();
    // the progress view says which drills came through the cohort (they go) and which not (they stay)
    const progress = await t.call('GET', `/api/cohorts/${cohortId}/progress`, { token: fac() });
    const through = Object.fromEntries(
      progress.body.learners[0].assignments.map((a) => [a.id, a.cohortId]),
    );
    expect(through).toEqual({ [viaCohort.id]: cohortId, [direct.id]: null });

    expect(
      (await t.call('DELETE', `/api/cohorts/${cohortId}/members/${learner}`, { token: fac() }))
        .status,
    ).toBe(204);
    expect(await isMember(cohortId, learner)).toBe(false);
    expect(await assignmentIds(learner)).toEqual([direct.id]);
    expect(await kept(learner)).toEqual(before);
    const cohort = await t.call('GET', `/api/cohorts/${cohortId}`, { token: fac() });
    expect(cohort.body.learners).toEqual([]);
    // already out
    expect(
      problem(
        await t.call('DELETE', `/api/cohorts/${cohortId}/members/${learner}`, { token: fac() }),
        404,
      ).detail,
    ).toBe('That person is not in this cohort; they may have been taken out already.');
  });

  it('the facilitator can undo a removal: the learner is added back to that cohort, and only that one', async () => {
    const cohortId = await newCohort();
    const learner = await newLearner(cohortId);
    expect(
      (await t.call('DELETE', `/api/cohorts/${cohortId}/members/${learner}`, { token: fac() }))
        .status,
    ).toBe(204);
    // no longer in any cohort she runs: she could not enrol them anywhere else
    const other = await newCohort();
    problem(
      await t.call('POST', `/api/cohorts/${other}/members`, {
        token: fac(),
        body: { personIds: [learner] },
      }),
      404,
    );
    const back = await t.call('POST', `/api/cohorts/${cohortId}/members`, {
      token: fac(),
      body: { personIds: [learner] },
    });
    expect(back.status, JSON.stringify(back.body)).toBe(200);
    expect(await isMember(cohortId, learner)).toBe(true);
    expect(await isMember(other, learner)).toBe(false);
  });

  it('only an admin takes a facilitator off a cohort', async () => {
    const other = await t.call('POST', '/api/people', {
      token: admin(),
      body: {
        name: 'Second Fac',
        email: `f-${randomUUID().slice(0, 6)}@northwind.example`,
        role: 'facilitator',
        cohortId: spring,
      },
    });
    expect(other.status).toBe(201);
    const fran = t.runtime.demo!.facilitator.id;
    expect(
      problem(
        await t.call('DELETE', `/api/cohorts/${spring}/members/${other.body.id}`, { token: fac() }),
        403,
      ).detail,
    ).toMatch(/only an admin/i);
    expect(
      problem(
        await t.call('DELETE', `/api/cohorts/${spring}/members/${fran}`, { token: fac() }),
        403,
      ).detail,
    ).toMatch(/ask an admin/i);
    expect(await isMember(spring, other.body.id)).toBe(true);
    expect(await isMember(spring, fran)).toBe(true);
    expect(
      (
        await t.call('DELETE', `/api/cohorts/${spring}/members/${other.body.id}`, {
          token: admin(),
        })
      ).status,
    ).toBe(204);
  });

  it('refuses learners, cohorts the facilitator does not run, other organisations, non-members and bad ids', async () => {
    const notHers = await newCohort(admin());
    const learner = await newLearner(notHers);
    problem(
      await t.call('DELETE', `/api/cohorts/${notHers}/members/${learner}`, { token: fac() }),
      404,
    );
    problem(
      await t.call('DELETE', `/api/cohorts/${notHers}/members/${learner}`, {
        token: t.tokens.learner,
      }),
      403,
    );
    const contoso = (await t.call('GET', '/api/cohorts', { token: t.tokens.otherOrgFacilitator }))
      .body.cohorts[0].id;
    const lee = t.runtime.demo!.otherOrgLearner.id;
    problem(
      await t.call('DELETE', `/api/cohorts/${contoso}/members/${lee}`, { token: admin() }),
      404,
    );
    problem(
      await t.call('DELETE', `/api/cohorts/${spring}/members/${lee}`, { token: admin() }),
      404,
    );
    problem(
      await t.call('DELETE', `/api/cohorts/${spring}/members/${learner}`, { token: fac() }),
      404,
    );
    const bad = problem(
      await t.call('DELETE', `/api/cohorts/nope/members/also-nope`, { token: fac() }),
      400,
    );
    expect(bad.errors.map((e) => e.path).sort()).toEqual(['id', 'personId']);
    expect(await isMember(notHers, learner)).toBe(true);
    expect(await isMember(contoso, lee)).toBe(true);
  });
});

describe('DELETE /api/cohorts/{id}', () => {
  it('a facilitator deletes a cohort they run: memberships and its drills go; sessions, progress and direct assignments stay', async () => {
    const { cohortId, learner, direct, before } = await learnerWithBothKinds();
    expect(before.sessions).toBe(1);

    expect((await t.call('DELETE', `/api/cohorts/${cohortId}`, { token: fac() })).status).toBe(204);
    expect(await db().select().from(cohorts).where(eq(cohorts.id, cohortId))).toEqual([]);
    expect(
      await db().select().from(cohortMembers).where(eq(cohortMembers.cohortId, cohortId)),
    ).toEqual([]);
    expect(await assignmentIds(learner)).toEqual([direct.id]);
    expect(await kept(learner)).toEqual(before);
    const progress = await t.call('GET', '/api/me/progress', { token: await tokenFor(learner) });
    expect(progress.status).toBe(200);
    expect(
      (await t.call('GET', '/api/cohorts', { token: fac() })).body.cohorts.map((c) => c.id),
    ).not.toContain(cohortId);
    // already deleted
    problem(await t.call('DELETE', `/api/cohorts/${cohortId}`, { token: fac() }), 404);
    problem(await t.call('DELETE', `/api/cohorts/${cohortId}`, { token: admin() }), 404);
  });

  it('an admin deletes any cohort of the organisation', async () => {
    const cohortId = await newCohort();
    expect((await t.call('DELETE', `/api/cohorts/${cohortId}`, { token: admin() })).status).toBe(
      204,
    );
  });

  it('refuses learners, cohorts the facilitator does not run, other organisations and bad ids; nothing is deleted', async () => {
    const notHers = await newCohort(admin());
    const learner = await newLearner(notHers);
    problem(await t.call('DELETE', `/api/cohorts/${notHers}`, { token: fac() }), 404);
    problem(await t.call('DELETE', `/api/cohorts/${spring}`, { token: t.tokens.learner }), 403);
    problem(await t.call('DELETE', `/api/cohorts/${spring}`), 401);
    const contoso = (await t.call('GET', '/api/cohorts', { token: t.tokens.otherOrgFacilitator }))
      .body.cohorts[0].id;
    problem(await t.call('DELETE', `/api/cohorts/${contoso}`, { token: admin() }), 404);
    problem(
      await t.call('DELETE', `/api/cohorts/${spring}`, { token: t.tokens.otherOrgFacilitator }),
      404,
    );
    expect(
      problem(await t.call('DELETE', '/api/cohorts/12', { token: admin() }), 400).errors,
    ).toEqual([{ path: 'id', message: 'id must be a UUID' }]);
    for (const id of [notHers, contoso, spring])
      expect(await db().select().from(cohorts).where(eq(cohorts.id, id))).toHaveLength(1);
    expect(await isMember(notHers, learner)).toBe(true);
  });
});

describe('DELETE /api/assignments/{id}', () => {
  it('a facilitator cancels an assignment: past attempts stay in progress; assigning again starts afresh', async () => {
    const alex = t.runtime.demo!.learner.id;
    const [a] = await assign({ learnerIds: [alex] });
    await practise(alex, a.drillId);
    const mine = await t.call('GET', '/api/me/assignments', { token: t.tokens.learner });
    expect(mine.body.assignments.find((x) => x.id === a.id)!.attempts).toBe(1);
    const before = await kept(alex);

    expect((await t.call('DELETE', `/api/assignments/${a.id}`, { token: fac() })).status).toBe(204);
    const after = await t.call('GET', '/api/me/assignments', { token: t.tokens.learner });
    expect(after.body.assignments.map((x) => x.id)).not.toContain(a.id);
    expect(await kept(alex)).toEqual(before);
    const progress = await t.call('GET', `/api/cohorts/${spring}/progress`, { token: fac() });
    expect(
      progress.body.learners.find((l) => l.id === alex)!.assignments.map((x) => x.id),
    ).not.toContain(a.id);
    expect(
      problem(await t.call('DELETE', `/api/assignments/${a.id}`, { token: fac() }), 404).detail,
    ).toBe('That assignment was not found; it may have been cancelled already.');

    const again = await t.call('POST', '/api/assignments', {
      token: fac(),
      body: { drillId: a.drillId, learnerIds: [alex], dueAt: future },
    });
    expect(again.status).toBe(201);
    const fresh = (
      await t.call('GET', '/api/me/assignments', { token: t.tokens.learner })
    ).body.assignments.find((x) => x.id === again.body.assignments[0].id);
    expect(fresh).toMatchObject({ attempts: 0, status: 'not_started' });
  });

  it('an admin cancels any assignment of the organisation', async () => {
    const loner = (
      await t.call('POST', '/api/people', {
        token: admin(),
        body: { name: 'Loner', email: `l-${randomUUID().slice(0, 6)}@northwind.example` },
      })
    ).body.id;
    const [a] = await assign({ learnerIds: [loner] }, admin());
    problem(await t.call('DELETE', `/api/assignments/${a.id}`, { token: fac() }), 404);
    expect((await t.call('DELETE', `/api/assignments/${a.id}`, { token: admin() })).status).toBe(
      204,
    );
  });

  it('refuses learners, learners outside the facilitator’s cohorts, other organisations and bad ids; nothing is cancelled', async () => {
    const notHers = await newCohort(admin());
    const outsider = await newLearner(notHers);
    const [theirs] = await assign({ learnerIds: [outsider] }, admin());
    problem(await t.call('DELETE', `/api/assignments/${theirs.id}`, { token: fac() }), 404);
    const [own] = await assign({ learnerIds: [t.runtime.demo!.learner.id] });
    problem(await t.call('DELETE', `/api/assignments/${own.id}`, { token: t.tokens.learner }), 403);
    problem(await t.call('DELETE', `/api/assignments/${own.id}`), 401);
    problem(
      await t.call('DELETE', `/api/assignments/${own.id}`, { token: t.tokens.otherOrgFacilitator }),
      404,
    );
    const contoso = (
      await t.call('POST', '/api/assignments', {
        token: t.tokens.otherOrgFacilitator,
        body: {
          drillId: await newDrill(t.tokens.otherOrgFacilitator),
          learnerIds: [t.runtime.demo!.otherOrgLearner.id],
          dueAt: future,
        },
      })
    ).body.assignments[0];
    problem(await t.call('DELETE', `/api/assignments/${contoso.id}`, { token: admin() }), 404);
    problem(await t.call('DELETE', `/api/assignments/${randomUUID()}`, { token: admin() }), 404);
    expect(
      problem(await t.call('DELETE', '/api/assignments/x', { token: admin() }), 400).errors,
    ).toEqual([{ path: 'id', message: 'id must be a UUID' }]);
    for (const id of [theirs.id, own.id, contoso.id])
      expect(await db().select().from(assignments).where(eq(assignments.id, id))).toHaveLength(1);
  });
});

describe('lmsLinked: whether an LMS course feeds the cohort', () => {
  it('is true for a cohort an LTI course is linked to, in the list, the cohort and its progress; false otherwise', async () => {
    const manual = await newCohort();
    const linked = await newCohort();
    // what the first launch from a course records (api/lti/launch-mapping.ts): the context points at its cohort
    const orgId = t.runtime.demo!.facilitator.orgId;
    const [platform] = await db()
      .insert(ltiPlatforms)
      .values({
        orgId,
        name: 'Moodle',
        issuer: `https://moodle-${randomUUID().slice(0, 6)}.example`,
        clientId: 'c',
        deploymentIds: ['1'],
        authEndpoint: 'https://m.example/auth',
        tokenEndpoint: 'https://m.example/token',
        jwksUrl: 'https://m.example/jwks',
      })
      .returning();
    await db().insert(ltiContexts).values({
      platformId: platform.id,
      orgId,
      contextId: 'course-1',
      title: 'Coaching 101',
      cohortId: linked,
    });

    const listed = Object.fromEntries(
      (await t.call('GET', '/api/cohorts', { token: fac() })).body.cohorts.map((c) => [
        c.id,
        c.lmsLinked,
      ]),
    );
    expect(listed).toMatchObject({ [manual]: false, [linked]: true });
    expect((await t.call('GET', `/api/cohorts/${linked}`, { token: fac() })).body.lmsLinked).toBe(
      true,
    );
    expect((await t.call('GET', `/api/cohorts/${manual}`, { token: admin() })).body.lmsLinked).toBe(
      false,
    );
    expect(
      (await t.call('GET', `/api/cohorts/${linked}/progress`, { token: fac() })).body.cohort,
    ).toEqual({ id: linked, name: expect.any(String), lmsLinked: true });
    expect(
      (await t.call('GET', `/api/cohorts/${manual}/progress`, { token: fac() })).body.cohort
        .lmsLinked,
    ).toBe(false);
    expect(
      (
        await t.call('PATCH', `/api/cohorts/${linked}`, {
          token: fac(),
          body: { description: 'From Moodle' },
        })
      ).body.lmsLinked,
    ).toBe(true);
    expect(
      (
        await t.call('POST', '/api/cohorts', {
          token: fac(),
          body: { name: `New ${randomUUID().slice(0, 6)}` },
        })
      ).body.lmsLinked,
    ).toBe(false);
  });

  it('is in the OpenAPI document, on the cohort and on the progress answer’s cohort', async () => {
    const { schemas } = (await t.call('GET', '/api/openapi.json')).body.components;
    expect(schemas.Cohort.properties.lmsLinked).toMatchObject({
      type: 'boolean',
      description: expect.stringMatching(/LMS course/),
    });
    expect(schemas.Cohort.required).toContain('lmsLinked');
    expect(schemas.CohortRef.properties.lmsLinked.type).toBe('boolean');
  });
});

/**
 * LTI launches under the people rules (docs/facilitators.md sections 6-7, docs/lms/README.md),
 * over real HTTP against a simulated platform: an instructor launch never promotes a learner who
 * is still in cohorts, a launch never puts back someone taken out of the course's cohort (until a
 * facilitator or admin adds them back), admins never become members, facilitators opening a
 * student link are not listed as learners, and a deleted person comes back as a new account.
 * After every launch the state is one the people API itself would accept.
 */
import { randomUUID } from 'node:crypto';
import { and, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  cohortMembers,
  cohortRemovals,
  ltiLaunches,
  ltiUsers,
  people,
} from '../../api/db/schema/index.js';
import { listOrgDrills } from '../../api/lti/index.js';
import { startTestApp, type TestApp } from '../support/app.js';
import {
  launchThrough,
  ROLE,
  startPlatform,
  type LaunchUser,
  type SimulatedPlatform,
} from './support/platform.js';

let t: TestApp;
let platform: SimulatedPlatform;
let drillId: string;
const db = () => t.runtime.deps.db;
const admin = () => t.tokens.admin;

beforeAll(async () => {
  t = await startTestApp({ LOG_LEVEL: 'info' });
  platform = await startPlatform(t.url);
  expect(
    (await t.call('POST', '/api/lti/platforms', { token: admin(), body: platform.registration() }))
      .status,
  ).toBe(201);
  drillId = (await listOrgDrills(db(), t.runtime.demo!.admin.orgId))[0].id;
});
afterAll(async () => {
  await platform?.close();
  await t?.close();
});

const user = (
  role: 'learner' | 'instructor',
  name = `User ${randomUUID().slice(0, 4)}`,
): LaunchUser => ({ sub: `sub-${randomUUID()}`, name, roles: [ROLE[role]] });
const course = () => ({
  id: `course-${randomUUID().slice(0, 8)}`,
  title: `Course ${randomUUID().slice(0, 4)}`,
});

/** A launch of the course's drill link as `who` acting in `role`; the page, its token and what it shows. */
async function launch(
  who: LaunchUser,
  role: 'learner' | 'instructor',
  context: { id: string; title: string } | null,
) {
  const res = await launchThrough(t.url, platform, {
    user: { ...who, roles: [ROLE[role]] },
    context,
    custom: { drill_id: drillId },
  });
  expect(res.status, res.html).toBe(200);
  const view = res.html.includes('<sb-facilitator')
    ? 'facilitator'
    : res.html.includes('<sb-practice')
      ? 'learner'
      : null;
  return {
    view,
    token: /token="([^"]+)"/.exec(res.html)![1],
    cohortId: /cohort="([^"]+)"/.exec(res.html)?.[1] ?? null,
    notice: /data-notice="([^"]+)"/.exec(res.html)?.[1] ?? null,
    html: res.html,
  };
}

async function personOf(who: LaunchUser) {
  const [link] = await db().select().from(ltiUsers).where(eq(ltiUsers.sub, who.sub));
  const [p] = await db().select().from(people).where(eq(people.id, link.personId));
  return p;
}
const membershipsOf = async (personId: string) =>
  db()
    .select({ cohortId: cohortMembers.cohortId, role: cohortMembers.role })
    .from(cohortMembers)
    .where(eq(cohortMembers.personId, personId));
const removalsOf = async (personId: string) =>
  db().select().from(cohortRemovals).where(eq(cohortRemovals.personId, personId));
/** The roles the person's latest recorded launch asked for and acted in, as an admin auditing `lti_launches` reads them. */
const lastLaunchOf = async (personId: string) =>
  (
    await db()
      .select({ role: ltiLaunches.role, actedAs: ltiLaunches.actedAs })
      .from(ltiLaunches)
      .where(eq(ltiLaunches.personId, personId))
      .orderBy(desc(ltiLaunches.launchedAt))
      .limit(1)
  )[0];
/** The course's cohort, as an instructor who runs it sees it. */
async function courseCohort(context: { id: string; title: string }) {
  const teacher = user('instructor', 'Course Teacher');
  const page = await launch(teacher, 'instructor', context);
  expect(page.view).toBe('facilitator');
  return { id: page.cohortId!, teacherToken: page.token, teacher };
}
/**
 * A learner who launched into a new course, then taken out of its cohort by the course's
 * instructor, with the token the instructor's own launch gave them.
 */
async function launchedThenTakenOut() {
  const ctx = course();
  const { id: cohortId, teacherToken, teacher } = await courseCohort(ctx);
  const who = user('learner');
  await launch(who, 'learner', ctx);
  const p = await personOf(who);
  expect(
    (await t.call('DELETE', `/api/cohorts/${cohortId}/members/${p.id}`, { token: teacherToken }))
      .status,
  ).toBe(204);
  return { ctx, cohortId, teacherToken, teacher, who, p };
}

const logged = (msg: RegExp) => t.logs.map((l) => JSON.parse(l)).filter((l) => msg.test(l.msg));

describe('an instructor launch by a learner', () => {
  it('promotes a learner who is in no cohort, who then runs the course cohort', async () => {
    const who = user('learner');
    expect((await launch(who, 'learner', null)).view).toBe('learner');
    const ctx = course();
    const page = await launch(who, 'instructor', ctx);
    expect(page.view).toBe('facilitator');
    const p = await personOf(who);
    expect(p.role).toBe('facilitator');
    expect(await membershipsOf(p.id)).toEqual([{ cohortId: page.cohortId, role: 'facilitator' }]);
    expect(await lastLaunchOf(p.id)).toEqual({ role: 'facilitator', actedAs: 'facilitator' });
  });

  it('keeps a learner who is still in a cohort a learner, says why on the page and in the log, and changes no membership', async () => {
    const ctx = course();
    const who = user('learner', 'Tara Assistant');
    await launch(who, 'learner', ctx);
    const p = await personOf(who);
    expect(await membershipsOf(p.id)).toEqual([{ cohortId: expect.any(String), role: 'learner' }]);

    const page = await launch(who, 'instructor', ctx);
    expect(page.view).toBe('learner');
    expect(page.notice).toBe('role_kept');
    expect(page.html).toMatch(/learner in 1 cohort,/);
    expect((await personOf(who)).role).toBe('learner');
    // not promoted to run the cohort they practise in
    expect(await membershipsOf(p.id)).toEqual([{ cohortId: expect.any(String), role: 'learner' }]);
    // the page's token is a learner's: no cohort views
    expect((await t.call('GET', '/api/cohorts', { token: page.token })).status).toBe(403);
    // the launch record keeps both: what the LMS asked for and what the person acted as
    expect(await lastLaunchOf(p.id)).toEqual({ role: 'facilitator', actedAs: 'learner' });

    const [line] = logged(/kept the stored role/).filter((l) => l.personId === p.id);
    expect(line).toMatchObject({
      level: 'warn',
      storedRole: 'learner',
      lmsRole: 'facilitator',
      cohorts: 1,
    });
    // ids and roles only: nothing that names the person or could sign in as them
    expect(JSON.stringify(line)).not.toMatch(/Tara|@|token|sub-/);
    // the API agrees: their role cannot change while they are in that cohort
    expect(
      (
        await t.call('PATCH', `/api/people/${p.id}`, {
          token: admin(),
          body: { role: 'facilitator' },
        })
      ).status,
    ).toBe(409);
  });

  it('once an admin takes them out, the next instructor launch promotes them; the course cohort waits until they are added back', async () => {
    const ctx = course();
    const { id: cohortId } = await courseCohort(ctx);
    const who = user('learner');
    await launch(who, 'learner', ctx);
    const p = await personOf(who);
    expect(
      (await t.call('DELETE', `/api/cohorts/${cohortId}/members/${p.id}`, { token: admin() }))
        .status,
    ).toBe(204);

    const page = await launch(who, 'instructor', ctx);
    expect((await personOf(who)).role).toBe('facilitator');
    // promoted (in no cohort), but taken out of this cohort: not put back, as a facilitator either
    expect(page).toMatchObject({ view: 'learner', notice: 'removed' });
    expect(await membershipsOf(p.id)).toEqual([]);
    expect(await lastLaunchOf(p.id)).toEqual({ role: 'facilitator', actedAs: 'learner' });

    const back = await t.call('POST', `/api/cohorts/${cohortId}/members`, {
      token: admin(),
      body: { personIds: [p.id], role: 'facilitator' },
    });
    expect(back.status, JSON.stringify(back.body)).toBe(200);
    expect(await removalsOf(p.id)).toEqual([]);
    const again = await launch(who, 'instructor', ctx);
    expect(again).toMatchObject({ view: 'facilitator', cohortId, notice: null });
    expect(await lastLaunchOf(p.id)).toEqual({ role: 'facilitator', actedAs: 'facilitator' });
  });
});

describe('a learner taken out of the course cohort', () => {
  it('is not put back by their next launches, can still practise, and is back once the facilitator adds them', async () => {
    const { ctx, cohortId, teacherToken, who, p } = await launchedThenTakenOut();
    expect(await removalsOf(p.id)).toEqual([expect.objectContaining({ cohortId })]);

    for (let i = 0; i < 2; i++) {
      const page = await launch(who, 'learner', ctx);
      expect(page).toMatchObject({ view: 'learner', notice: null });
      expect(await membershipsOf(p.id)).toEqual([]);
      const s = await t.call('POST', '/api/sessions', { token: page.token, body: { drillId } });
      expect(s.status).toBe(201);
    }
    const roster = await t.call('GET', `/api/cohorts/${cohortId}`, { token: teacherToken });
    expect(roster.body.learners.map((l: { id: string }) => l.id)).not.toContain(p.id);
    expect(
      logged(/did not put back/).some((l) => l.personId === p.id && l.cohortId === cohortId),
    ).toBe(true);
    // their export says so: the removal is stored about them
    const exported = await t.call('GET', '/api/me/export', {
      token: (await launch(who, 'learner', ctx)).token,
    });
    expect(exported.body.removedFromCohorts).toEqual([
      { cohortId, cohort: expect.any(String), removedAt: expect.any(String) },
    ]);

    // a facilitator of another cohort cannot enrol them; the one who runs this cohort can add them back
    const elsewhere = (await t.call('GET', '/api/cohorts', { token: t.tokens.facilitator })).body
      .cohorts[0].id;
    expect(
      (
        await t.call('POST', `/api/cohorts/${elsewhere}/members`, {
          token: t.tokens.facilitator,
          body: { personIds: [p.id] },
        })
      ).status,
    ).toBe(404);
    const back = await t.call('POST', `/api/cohorts/${cohortId}/members`, {
      token: teacherToken,
      body: { personIds: [p.id] },
    });
    expect(back.body).toEqual({ added: 1 });
    expect(await removalsOf(p.id)).toEqual([]);
    await launch(who, 'learner', ctx);
    expect(await membershipsOf(p.id)).toEqual([{ cohortId, role: 'learner' }]);
  });

  it('a cohort deleted by its facilitator is recreated on the next launch, with everyone in it again', async () => {
    const { ctx, cohortId, teacherToken, teacher, who, p } = await launchedThenTakenOut();
    expect(
      (await t.call('DELETE', `/api/cohorts/${cohortId}`, { token: teacherToken })).status,
    ).toBe(204);
    expect(await removalsOf(p.id)).toEqual([]);
    const fresh = await launch(teacher, 'instructor', ctx);
    expect(fresh.cohortId).not.toBe(cohortId);
    await launch(who, 'learner', ctx);
    expect(await membershipsOf(p.id)).toEqual([{ cohortId: fresh.cohortId, role: 'learner' }]);
  });
});

describe('facilitators and admins launching', () => {
  it('a facilitator opening a student link practises and is not listed among the course’s learners', async () => {
    const { teacher } = await courseCohort(course());
    const other = course();
    const { id: otherCohort } = await courseCohort(other);
    const page = await launch(teacher, 'learner', other);
    expect(page).toMatchObject({ view: 'learner', notice: null });
    const p = await personOf(teacher);
    expect(p.role).toBe('facilitator');
    expect(await lastLaunchOf(p.id)).toEqual({ role: 'learner', actedAs: 'learner' });
    expect((await membershipsOf(p.id)).map((m) => m.cohortId)).not.toContain(otherCohort);
  });

  it('an admin is never a cohort member, and gets the course’s facilitator view as an instructor', async () => {
    const who = user('learner');
    await launch(who, 'learner', null);
    const p = await personOf(who);
    expect(
      (await t.call('PATCH', `/api/people/${p.id}`, { token: admin(), body: { role: 'admin' } }))
        .status,
    ).toBe(200);
    const ctx = course();
    const { id: cohortId } = await courseCohort(ctx);
    const teach = await launch(who, 'instructor', ctx);
    expect(teach).toMatchObject({ view: 'facilitator', cohortId, notice: null });
    expect(
      (await t.call('GET', `/api/cohorts/${cohortId}/progress`, { token: teach.token })).status,
    ).toBe(200);
    expect((await launch(who, 'learner', ctx)).view).toBe('learner');
    expect(await membershipsOf(p.id)).toEqual([]);
    expect((await personOf(who)).role).toBe('admin');
  });
});

describe('a deleted person', () => {
  it('launches again as a new, empty account in the course cohort', async () => {
    const ctx = course();
    const who = user('learner');
    const first = await launch(who, 'learner', ctx);
    const before = await personOf(who);
    expect(
      (await t.call('POST', '/api/sessions', { token: first.token, body: { drillId } })).status,
    ).toBe(201);
    expect((await t.call('DELETE', `/api/people/${before.id}`, { token: admin() })).status).toBe(
      204,
    );

    const again = await launch(who, 'learner', ctx);
    const after = await personOf(who);
    expect(after.id).not.toBe(before.id);
    expect((await t.call('GET', '/api/sessions', { token: again.token })).body.sessions).toEqual(
      [],
    );
    const [m] = await db()
      .select()
      .from(cohortMembers)
      .where(and(eq(cohortMembers.personId, after.id), eq(cohortMembers.role, 'learner')));
    expect(m).toBeTruthy();
  });
});

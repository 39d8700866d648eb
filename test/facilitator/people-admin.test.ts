/**
 * An admin manages the people of their organisation over real HTTP: changes a role
 * (`PATCH /api/people/{id}`) and deletes a person with all their data (`DELETE /api/people/{id}`).
 * Every refusal (wrong role, another organisation, bad ids, self, last admin, cohorts still held,
 * already deleted) is a problem response, and leaves what was stored exactly as it was.
 */
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signToken } from '../../api/auth/index.js';
import {
  assignments,
  cohortMembers,
  people,
  sessions,
  skillResults,
  turns,
} from '../../api/db/schema/index.js';
import { createOrganisation, upsertPerson } from '../../api/store/people.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { practiseSession } from '../support/practise.js';
import type { ProblemBody } from '../support/typed-call.js';

let t: TestApp;
let cohortId: string;
const db = () => t.runtime.deps.db;
const admin = () => t.tokens.admin;

const tokenFor = async (id: string) => {
  const [p] = await db().select().from(people).where(eq(people.id, id));
  return signToken(t.runtime.deps.jwtSecret, { sub: p.id, org: p.orgId, role: p.role }, 3600);
};
const roleOf = async (id: string) =>
  (await db().select({ role: people.role }).from(people).where(eq(people.id, id)))[0]?.role ?? null;

/** A 4xx problem+json with a detail; returns the body. */
function problem(
  r: { status: number; body: unknown; headers: Headers },
  status: number,
): ProblemBody {
  expect(r.status, JSON.stringify(r.body)).toBe(status);
  expect(r.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  expect(r.body).toMatchObject({ status, title: expect.any(String), detail: expect.any(String) });
  return r.body as ProblemBody;
}

async function addPerson(
  role: 'learner' | 'facilitator' | 'admin',
  opts: { cohortId?: string } = {},
) {
  const r = await t.call('POST', '/api/people', {
    token: admin(),
    body: {
      name: `${role} ${randomUUID().slice(0, 4)}`,
      email: `${randomUUID().slice(0, 8)}@northwind.example`,
      role,
      ...opts,
    },
  });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body.id as string;
}

// three coach turns: fewer leave every skill "not enough evidence" and write no progress
const practise = async (token: string) =>
  (
    await practiseSession(t, token, [
      'It sounds like a lot is on you right now.',
      'What would you like from today?',
      'What else is going on?',
    ])
  ).id;

beforeAll(async () => {
  t = await startTestApp();
  cohortId = (await t.call('GET', '/api/cohorts', { token: t.tokens.facilitator })).body.cohorts[0]
    .id;
});
afterAll(async () => t?.close());

describe('PATCH /api/people/{id}: change a role', () => {
  it('an admin promotes a learner who is in no cohort; the new role takes effect at once', async () => {
    const id = await addPerson('learner');
    const token = await tokenFor(id);
    expect((await t.call('GET', '/api/cohorts', { token })).status).toBe(403);
    const r = await t.call('PATCH', `/api/people/${id}`, {
      token: admin(),
      body: { role: 'facilitator' },
    });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toMatchObject({ id, role: 'facilitator', cohortIds: [] });
    // the same token: roles are re-read on every request
    expect((await t.call('GET', '/api/cohorts', { token })).status).toBe(200);
    const again = await t.call('PATCH', `/api/people/${id}`, {
      token: admin(),
      body: { role: 'facilitator' },
    });
    expect(again.status).toBe(200);
  });

  it('refuses a facilitator who still runs cohorts, naming them; nothing changes', async () => {
    const fran = t.runtime.demo!.facilitator.id;
    const body = problem(
      await t.call('PATCH', `/api/people/${fran}`, { token: admin(), body: { role: 'learner' } }),
      409,
    );
    expect(body.detail).toMatch(/still runs 2 cohorts/);
    expect(body.cohorts).toEqual([
      { id: cohortId, name: 'Spring Learning Partners' },
      { id: expect.any(String), name: 'Summer Learning Partners' },
    ]);
    expect(await roleOf(fran)).toBe('facilitator');
    expect(
      (await t.call('GET', `/api/cohorts/${cohortId}`, { token: t.tokens.facilitator })).status,
    ).toBe(200);
  });

  it('refuses a learner still in a cohort (they would see their cohort-mates); fine once taken out', async () => {
    const id = await addPerson('learner', { cohortId });
    const body = problem(
      await t.call('PATCH', `/api/people/${id}`, { token: admin(), body: { role: 'facilitator' } }),
      409,
    );
    expect(body.detail).toMatch(/still a learner in 1 cohort/);
    expect(await roleOf(id)).toBe('learner');
    expect(
      (await t.call('DELETE', `/api/cohorts/${cohortId}/members/${id}`, { token: admin() })).status,
    ).toBe(204);
    expect(
      (
        await t.call('PATCH', `/api/people/${id}`, {
          token: admin(),
          body: { role: 'facilitator' },
        })
      ).status,
    ).toBe(200);
  });

  it('the last admin cannot demote themselves; with a second admin they can', async () => {
    const ada = t.runtime.demo!.admin.id;
    const body = problem(
      await t.call('PATCH', `/api/people/${ada}`, {
        token: admin(),
        body: { role: 'facilitator' },
      }),
      409,
    );
    expect(body.detail).toMatch(/last admin/);
    expect(await roleOf(ada)).toBe('admin');
    const second = await addPerson('admin');
    const token = await tokenFor(second);
    expect(
      (await t.call('PATCH', `/api/people/${second}`, { token, body: { role: 'facilitator' } }))
        .status,
    ).toBe(200);
    // no longer an admin: the same token is refused now
    problem(await t.call('PATCH', `/api/people/${ada}`, { token, body: { role: 'learner' } }), 403);
    expect(await roleOf(ada)).toBe('admin');
  });

  it('refuses other roles, other organisations, bad ids and bad bodies', async () => {
    const id = await addPerson('learner');
    problem(
      await t.call('PATCH', `/api/people/${id}`, {
        token: t.tokens.facilitator,
        body: { role: 'facilitator' },
      }),
      403,
    );
    problem(
      await t.call('PATCH', `/api/people/${id}`, {
        token: t.tokens.learner,
        body: { role: 'admin' },
      }),
      403,
    );
    problem(await t.call('PATCH', `/api/people/${id}`, { body: { role: 'admin' } }), 401);
    const lee = t.runtime.demo!.otherOrgLearner.id;
    const cross = problem(
      await t.call('PATCH', `/api/people/${lee}`, {
        token: admin(),
        body: { role: 'facilitator' },
      }),
      404,
    );
    const none = problem(
      await t.call('PATCH', `/api/people/${randomUUID()}`, {
        token: admin(),
        body: { role: 'facilitator' },
      }),
      404,
    );
    expect(cross.title).toBe(none.title);
    expect(await roleOf(lee)).toBe('learner');
    expect(
      problem(
        await t.call('PATCH', '/api/people/not-a-uuid', {
          token: admin(),
          body: { role: 'facilitator' },
        }),
        400,
      ).errors,
    ).toEqual([{ path: 'id', message: 'id must be a UUID' }]);
    expect(
      problem(
        await t.call('PATCH', `/api/people/${id}`, { token: admin(), body: { role: 'owner' } }),
        400,
      ).errors[0].path,
    ).toBe('role');
    expect(
      problem(await t.call('PATCH', `/api/people/${id}`, { token: admin(), body: {} }), 400)
        .errors[0].path,
    ).toBe('role');
    problem(
      await t.call('PATCH', `/api/people/${id}`, {
        token: admin(),
        body: { role: 'admin', name: 'Renamed' },
      }),
      400,
    );
    expect(await roleOf(id)).toBe('learner');
  });
});

describe('DELETE /api/people/{id}: delete a person and their data', () => {
  it('an admin deletes a learner: account, sessions, transcripts, progress, memberships and assignments go', async () => {
    const id = await addPerson('learner', { cohortId });
    const drill = (await t.call('GET', '/api/drills', { token: admin() })).body.drills[0].id;
    expect(
      (
        await t.call('POST', '/api/assignments', {
          token: admin(),
          body: { drillId: drill, learnerIds: [id], dueAt: '2099-01-01' },
        })
      ).status,
    ).toBe(201);
    const token = await tokenFor(id);
    const sessionId = await practise(token);
    expect(await db().select().from(skillResults).where(eq(skillResults.personId, id))).not.toEqual(
      [],
    );

    expect((await t.call('DELETE', `/api/people/${id}`, { token: admin() })).status).toBe(204);
    expect(await db().select().from(people).where(eq(people.id, id))).toEqual([]);
    expect(await db().select().from(sessions).where(eq(sessions.personId, id))).toEqual([]);
    expect(await db().select().from(turns).where(eq(turns.sessionId, sessionId))).toEqual([]);
    expect(await db().select().from(skillResults).where(eq(skillResults.personId, id))).toEqual([]);
    expect(await db().select().from(assignments).where(eq(assignments.personId, id))).toEqual([]);
    expect(await db().select().from(cohortMembers).where(eq(cohortMembers.personId, id))).toEqual(
      [],
    );
    problem(await t.call('GET', '/api/me/progress', { token }), 401);
    const progress = await t.call('GET', `/api/cohorts/${cohortId}/progress`, {
      token: t.tokens.facilitator,
    });
    expect(progress.body.learners.map((l) => l.id)).not.toContain(id);
    // already deleted
    problem(await t.call('DELETE', `/api/people/${id}`, { token: admin() }), 404);
  });

  it('deleting a facilitator leaves their cohorts to the admins, without a facilitator', async () => {
    const fac = await addPerson('facilitator');
    const token = await tokenFor(fac);
    const created = await t.call('POST', '/api/cohorts', { token, body: { name: 'Left behind' } });
    expect(created.status).toBe(201);
    expect((await t.call('DELETE', `/api/people/${fac}`, { token: admin() })).status).toBe(204);
    const cohort = await t.call('GET', `/api/cohorts/${created.body.id}`, { token: admin() });
    expect(cohort.status).toBe(200);
    expect(cohort.body.facilitators).toEqual([]);
  });

  it('refuses other roles, other organisations, bad ids and the admin themselves; nothing is deleted', async () => {
    const id = await addPerson('learner');
    problem(await t.call('DELETE', `/api/people/${id}`, { token: t.tokens.facilitator }), 403);
    problem(await t.call('DELETE', `/api/people/${id}`, { token: t.tokens.learner }), 403);
    problem(await t.call('DELETE', `/api/people/${id}`), 401);
    const lee = t.runtime.demo!.otherOrgLearner.id;
    problem(await t.call('DELETE', `/api/people/${lee}`, { token: admin() }), 404);
    problem(await t.call('DELETE', `/api/people/${randomUUID()}`, { token: admin() }), 404);
    expect(
      problem(await t.call('DELETE', '/api/people/1234', { token: admin() }), 400).errors,
    ).toEqual([{ path: 'id', message: 'id must be a UUID' }]);
    const self = problem(
      await t.call('DELETE', `/api/people/${t.runtime.demo!.admin.id}`, { token: admin() }),
      403,
    );
    expect(self.detail).toMatch(/DELETE \/api\/me/);
    expect(await roleOf(id)).toBe('learner');
    expect(await roleOf(lee)).toBe('learner');
    expect(await roleOf(t.runtime.demo!.admin.id)).toBe('admin');
  });

  it('an admin may delete another admin', async () => {
    const other = await addPerson('admin');
    expect((await t.call('DELETE', `/api/people/${other}`, { token: admin() })).status).toBe(204);
    expect(await roleOf(other)).toBeNull();
  });
});

describe('an organisation always keeps an admin', () => {
  it('two admins deleting each other at once leave exactly one', async () => {
    const org = await createOrganisation(db(), 'Fabrikam', `fabrikam-${randomUUID().slice(0, 6)}`);
    const a = await upsertPerson(db(), org.id, {
      name: 'Ann',
      email: 'ann@fabrikam.example',
      role: 'admin',
    });
    const b = await upsertPerson(db(), org.id, {
      name: 'Bo',
      email: 'bo@fabrikam.example',
      role: 'admin',
    });
    const [ta, tb] = [await tokenFor(a.id), await tokenFor(b.id)];
    const [ra, rb] = await Promise.all([
      t.call('DELETE', `/api/people/${b.id}`, { token: ta }),
      t.call('DELETE', `/api/people/${a.id}`, { token: tb }),
    ]);
    const statuses = [ra.status, rb.status].sort();
    expect(statuses[0], JSON.stringify([ra.body, rb.body])).toBe(204);
    expect([401, 403]).toContain(statuses[1]);
    const left = await db()
      .select()
      .from(people)
      .where(and(eq(people.orgId, org.id), eq(people.role, 'admin')));
    expect(left).toHaveLength(1);

    // the one left is the last admin: cannot demote or delete themselves
    const token = ra.status === 204 ? ta : tb;
    problem(
      await t.call('PATCH', `/api/people/${left[0].id}`, { token, body: { role: 'learner' } }),
      409,
    );
    problem(await t.call('DELETE', `/api/people/${left[0].id}`, { token }), 403);
    problem(await t.call('DELETE', '/api/me', { token }), 409);
    expect(await roleOf(left[0].id)).toBe('admin');
  });
});

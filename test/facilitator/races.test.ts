/**
 * Requests that race over real HTTP: a drill assigned to a cohort while it is deleted, a learner
 * added to a cohort while an admin changes their role, a learner taken out while a drill is
 * assigned to their cohort. Each pair runs at the same moment several times; whichever wins, the
 * loser gets a problem response (never a 500) and what is stored is a state the API would accept.
 * On PGlite (one connection) the requests are served one after the other; DATABASE_URL runs them
 * truly in parallel on PostgreSQL, which is where these races were seen.
 */
import { randomUUID } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assignments, cohortMembers, cohorts, people } from '../../api/db/schema/index.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { newDrill as createDrill } from '../support/drills.js';

let t: TestApp;
const db = () => t.runtime.deps.db;
const admin = () => t.tokens.admin;
const fac = () => t.tokens.facilitator;
const ROUNDS = 8;

beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t?.close());

type Reply = { status: number; body: unknown; headers: Headers };
function refusedCleanly(r: Reply, statuses: number[]) {
  expect(statuses, JSON.stringify(r.body)).toContain(r.status);
  expect(r.headers.get('content-type')).toMatch(/^application\/problem\+json/);
}

async function newCohort(token = fac()) {
  const r = await t.call('POST', '/api/cohorts', {
    token,
    body: { name: `Race ${randomUUID().slice(0, 8)}` },
  });
  expect(r.status).toBe(201);
  return r.body.id as string;
}
async function newLearner(cohortId?: string) {
  const r = await t.call('POST', '/api/people', {
    token: admin(),
    body: {
      name: 'Racer',
      email: `${randomUUID().slice(0, 8)}@northwind.example`,
      ...(cohortId ? { cohortId } : {}),
    },
  });
  expect(r.status).toBe(201);
  return r.body.id as string;
}
const newDrill = () => createDrill(t, fac(), 'Race');
const drillRows = async (drillId: string) =>
  db()
    .select({ personId: assignments.personId, cohortId: assignments.cohortId })
    .from(assignments)
    .where(eq(assignments.drillId, drillId));

describe('a drill assigned to a cohort while the cohort is deleted', () => {
  it('either assigns first (and the deletion takes the drills with it) or answers 404; never a 500 or a drill left behind', async () => {
    const seen = new Set<number>();
    for (let i = 0; i < ROUNDS; i++) {
      const cohortId = await newCohort();
      await newLearner(cohortId);
      await newLearner(cohortId);
      const drillId = await newDrill();
      const [assign, del] = await Promise.all([
        t.call('POST', '/api/assignments', {
          token: fac(),
          body: { drillId, cohortId, dueAt: '2099-01-01' },
        }),
        t.call('DELETE', `/api/cohorts/${cohortId}`, { token: fac() }),
      ]);
      seen.add(assign.status);
      expect(del.status, JSON.stringify(del.body)).toBe(204);
      if (assign.status !== 201) {
        refusedCleanly(assign, [404]);
        expect(assign.body.errors).toEqual([
          { path: 'cohortId', message: 'no such cohort that you run' },
        ]);
      }
      // the cohort's drills went with it, whichever came first
      expect(await drillRows(drillId)).toEqual([]);
      expect(await db().select().from(cohorts).where(eq(cohorts.id, cohortId))).toEqual([]);
    }
    expect([...seen].every((s) => s === 201 || s === 404)).toBe(true);
  });

  it('adding members to a cohort being deleted is a 404, not a foreign-key error', async () => {
    for (let i = 0; i < ROUNDS; i++) {
      const cohortId = await newCohort(admin());
      const learner = await newLearner();
      const [add, del] = await Promise.all([
        t.call('POST', `/api/cohorts/${cohortId}/members`, {
          token: admin(),
          body: { personIds: [learner] },
        }),
        t.call('DELETE', `/api/cohorts/${cohortId}`, { token: admin() }),
      ]);
      expect(del.status).toBe(204);
      if (add.status !== 200) refusedCleanly(add, [404]);
      expect(
        await db().select().from(cohortMembers).where(eq(cohortMembers.personId, learner)),
      ).toEqual([]);
    }
  });
});

describe('a learner added to a cohort while an admin changes their role', () => {
  it('one of the two is refused: no facilitator is left holding a learner’s place', async () => {
    const cohortId = await newCohort(admin());
    for (let i = 0; i < ROUNDS; i++) {
      const learner = await newLearner();
      const [patch, add] = await Promise.all([
        t.call('PATCH', `/api/people/${learner}`, {
          token: admin(),
          body: { role: 'facilitator' },
        }),
        t.call('POST', `/api/cohorts/${cohortId}/members`, {
          token: admin(),
          body: { personIds: [learner] },
        }),
      ]);
      const [p] = await db()
        .select({ role: people.role })
        .from(people)
        .where(eq(people.id, learner));
      const member = await db()
        .select({ role: cohortMembers.role })
        .from(cohortMembers)
        .where(and(eq(cohortMembers.cohortId, cohortId), eq(cohortMembers.personId, learner)));
      if (patch.status === 200) {
        // promoted first: the add saw the new role (409 under the lock, or 404 before it)
        refusedCleanly(add, [404, 409]);
        expect(p.role).toBe('facilitator');
        expect(member).toEqual([]);
      } else {
        refusedCleanly(patch, [409]);
        expect(add.status, JSON.stringify(add.body)).toBe(200);
        expect(p.role).toBe('learner');
        expect(member).toEqual([{ role: 'learner' }]);
      }
    }
  });
});

describe('a learner taken out of a cohort while a drill is assigned to it', () => {
  it('the drill is never left assigned through a cohort they are no longer in', async () => {
    for (let i = 0; i < ROUNDS; i++) {
      const cohortId = await newCohort();
      const stays = await newLearner(cohortId);
      const leaves = await newLearner(cohortId);
      const drillId = await newDrill();
      const [assign, remove] = await Promise.all([
        t.call('POST', '/api/assignments', {
          token: fac(),
          body: { drillId, cohortId, dueAt: '2099-01-01' },
        }),
        t.call('DELETE', `/api/cohorts/${cohortId}/members/${leaves}`, { token: fac() }),
      ]);
      expect(assign.status, JSON.stringify(assign.body)).toBe(201);
      expect(remove.status, JSON.stringify(remove.body)).toBe(204);
      const rows = await db()
        .select({ personId: assignments.personId })
        .from(assignments)
        .where(
          and(eq(assignments.drillId, drillId), inArray(assignments.personId, [stays, leaves])),
        );
      expect(rows).toEqual([{ personId: stays }]);
    }
  });
});

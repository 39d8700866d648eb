/**
 * The two callers the access table does not have, on every Learning Partnership route: a learner
 * of the organisation who is not one of the pair, and a facilitator who runs another cohort but not
 * the partnership's. Both must get 404 for the partnership (no hint it exists) and nothing from its
 * cohort; the learner 403 on staff routes.
 */
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signToken } from '../../api/auth/index.js';
import { people } from '../../api/db/schema/index.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { buildFixtures, type Fixtures } from '../access/fixtures.js';

let t: TestApp;
let f: Fixtures;
let otherLearner: string;
let otherFacilitator: string;

beforeAll(async () => {
  t = await startTestApp();
  f = await buildFixtures(t);
  const db = t.runtime.deps.db;
  const [priya] = await db.select().from(people).where(eq(people.email, 'priya@northwind.example'));
  otherLearner = await signToken(
    t.runtime.deps.jwtSecret,
    { sub: priya.id, org: priya.orgId, role: 'learner' },
    600,
  );
  const [gus] = await db
    .insert(people)
    .values({
      orgId: priya.orgId,
      name: 'Gus Other',
      email: `gus-${randomUUID()}@northwind.example`,
      role: 'facilitator',
    })
    .returning();
  otherFacilitator = await signToken(
    t.runtime.deps.jwtSecret,
    { sub: gus.id, org: gus.orgId, role: 'facilitator' },
    600,
  );
  expect(
    (
      await t.call('POST', '/api/cohorts', {
        token: otherFacilitator,
        body: { name: 'Gus’s own cohort' },
      })
    ).status,
  ).toBe(201);
}, 60_000);
afterAll(async () => t?.close());

describe('the other learner and the facilitator of another cohort', () => {
  it('get 404 for the partnership on every partnership route', async () => {
    const p = await f.freshPartnership('session');
    const routes: [string, string, unknown][] = [
      ['GET', `/api/partnerships/${p.id}`, undefined],
      [
        'PUT',
        `/api/partnerships/${p.id}/agreement`,
        {
          outcomes: ['x'],
          goals: {},
          roles: {},
          responsibilities: ['r'],
          confidentiality: 'c',
          cadence: 'monthly',
        },
      ],
      ['POST', `/api/partnerships/${p.id}/agreement/confirm`, { version: 1 }],
      [
        'POST',
        `/api/partnerships/${p.id}/sessions`,
        { heldOn: '2026-01-05', coachId: f.northwind.learnerId, topic: 'x' },
      ],
      ['PUT', `/api/partnerships/${p.id}/sessions/${p.sessionId}/sharing`, { share: true }],
      ['POST', `/api/partnerships/${p.id}/help`, { message: 'x' }],
      ['POST', `/api/partnerships/${p.id}/end`, {}],
      ['PUT', `/api/partnerships/${p.id}/review`, { rating: 3 }],
    ];
    for (const token of [otherLearner, otherFacilitator]) {
      for (const [method, path, body] of routes)
        expect((await t.call(method, path, { token, body })).status, `${method} ${path}`).toBe(404);
      const mine = await t.call('GET', '/api/me/partnerships', { token });
      expect(mine.body.partnerships.map((x) => x.id)).not.toContain(p.id);
    }
    expect(
      (await t.call('GET', `/api/partnerships/${p.id}`, { token: t.tokens.learner })).body.status,
    ).toBe('active');
  });

  it('get nothing of the partnership’s cohort', async () => {
    const cohort = f.northwind.cohortId;
    expect(
      (
        await t.call('POST', `/api/cohorts/${cohort}/pairings/proposals`, {
          token: otherFacilitator,
          body: {},
        })
      ).status,
    ).toBe(404);
    expect(
      (await t.call('GET', `/api/cohorts/${cohort}/partnerships`, { token: otherFacilitator }))
        .status,
    ).toBe(404);
    expect(
      (
        await t.call('POST', `/api/cohorts/${cohort}/pairings/proposals`, {
          token: otherLearner,
          body: {},
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await t.call('PUT', `/api/people/${f.northwind.learnerId}/placement`, {
          token: otherFacilitator,
          body: { department: 'X' },
        })
      ).status,
    ).toBe(404);
    const report = await t.call('GET', '/api/programme/report?from=2020-01-01&to=2035-01-01', {
      token: otherFacilitator,
    });
    expect(report.body.partnerships).toEqual({ formed: 0, active: 0, ended: 0 });
  });
});

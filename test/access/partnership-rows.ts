/**
 * @module test/access/partnership-rows
 * Access rows for the Learning Partnership routes (see route-table.ts). The Northwind learner and
 * learner2 are the two partners; the facilitator runs the partnership's cohort; an admin may see
 * and end it but not write to it; another organisation's facilitator gets 404. A fresh partnership
 * is made for each caller where a request changes it. The other learner and the facilitator of
 * another cohort are in test/partnerships/partnership-access.test.ts.
 */
import type { CallerKey, RouteAccess } from './route-table.js';
import { runsNoCohort, signedIn, staff } from './caller-statuses.js';

const partners = (ok: number, staffGets: number) => ({
  none: 401,
  learner: ok,
  learner2: ok,
  facilitator: staffGets,
  admin: staffGets,
  otherOrgFacilitator: 404,
});
const northwind: CallerKey[] = ['learner', 'facilitator', 'admin'];
/**
 * Narrowed identities (see NARROWED in route-table): the demo admin and facilitator are no
 * partner in the fixtures' partnerships and the demo admin runs no cohort, so with a lesser role
 * in their token they do not see these objects at all (404).
 */
const notPartners = {
  narrowed: { adminAsLearner: 404, adminAsFacilitator: 404, facilitatorAsLearner: 404 },
};
const agreement = (a: string, b: string) => ({
  outcomes: ['x'],
  goals: { [a]: 'g', [b]: 'h' },
  roles: { [a]: ['Companion'], [b]: ['Companion'] },
  responsibilities: ['r'],
  confidentiality: 'c',
  cadence: 'monthly',
});
const contoso = (suffix: string, body?: unknown) => ({
  request: async (f: Parameters<RouteAccess['request']>[0]) => ({
    path: `/api/partnerships/${await f.contosoPartnership()}${suffix}`,
    body,
  }),
  callers: northwind,
  status: 404,
});

export const PARTNERSHIP_ROUTES: RouteAccess[] = [
  {
    method: 'POST',
    path: '/api/cohorts/:id/pairings/proposals',
    ...runsNoCohort,
    request: (f) => ({
      path: `/api/cohorts/${f.northwind.cohortId}/pairings/proposals`,
      body: { allowNotReady: true },
    }),
    expect: staff(200),
    crossOrg: {
      request: (f) => ({ path: `/api/cohorts/${f.contoso.cohortId}/pairings/proposals`, body: {} }),
      callers: ['facilitator', 'admin'],
      status: 404,
    },
  },
  {
    method: 'GET',
    path: '/api/cohorts/:id/partnerships',
    ...runsNoCohort,
    request: (f) => ({ path: `/api/cohorts/${f.northwind.cohortId}/partnerships` }),
    expect: staff(200),
    crossOrg: {
      request: (f) => ({ path: `/api/cohorts/${f.contoso.cohortId}/partnerships` }),
      callers: ['facilitator', 'admin'],
      status: 404,
    },
  },
  {
    method: 'POST',
    path: '/api/partnerships',
    ...runsNoCohort,
    request: async (f, who) => ({
      path: '/api/partnerships',
      body: {
        learnerIds:
          who === 'facilitator' || who === 'admin'
            ? await f.freshPairLearners()
            : [f.northwind.learnerId, f.northwind.learner2Id],
        cohortId: f.northwind.cohortId,
      },
    }),
    expect: staff(201),
    crossOrg: {
      request: async (f) => ({
        path: '/api/partnerships',
        body: {
          learnerIds: [f.contoso.learnerId, (await f.freshContoso()).learnerId],
          cohortId: f.contoso.cohortId,
        },
      }),
      callers: ['facilitator', 'admin'],
      status: 404,
    },
  },
  {
    method: 'GET',
    path: '/api/me/partnerships',
    request: () => ({ path: '/api/me/partnerships' }),
    expect: signedIn(200),
    crossOrg: { none: 'the route names no object; it lists the caller’s own' },
  },
  {
    method: 'GET',
    path: '/api/partnerships/:id',
    ...notPartners,
    request: async (f) => ({
      path: `/api/partnerships/${(await f.freshPartnership('session')).id}`,
    }),
    expect: partners(200, 200),
    crossOrg: contoso(''),
  },
  {
    method: 'PUT',
    path: '/api/partnerships/:id/agreement',
    ...notPartners,
    request: async (f) => ({
      path: `/api/partnerships/${(await f.freshPartnership('proposed')).id}/agreement`,
      body: agreement(f.northwind.learnerId, f.northwind.learner2Id),
    }),
    expect: partners(200, 403),
    crossOrg: contoso('/agreement', {
      outcomes: ['x'],
      goals: {},
      roles: {},
      responsibilities: ['r'],
      confidentiality: 'c',
      cadence: 'monthly',
    }),
  },
  {
    method: 'POST',
    path: '/api/partnerships/:id/agreement/confirm',
    ...notPartners,
    request: async (f) => ({
      path: `/api/partnerships/${(await f.freshPartnership('written')).id}/agreement/confirm`,
      body: { version: 1 },
    }),
    expect: partners(200, 403),
    crossOrg: contoso('/agreement/confirm', { version: 1 }),
  },
  {
    method: 'POST',
    path: '/api/partnerships/:id/sessions',
    ...notPartners,
    request: async (f) => ({
      path: `/api/partnerships/${(await f.freshPartnership('active')).id}/sessions`,
      body: {
        heldOn: '2026-01-05',
        coachId: f.northwind.learnerId,
        topic: 'A session',
        actions: [{ text: 'An action' }],
      },
    }),
    expect: partners(201, 403),
    crossOrg: contoso('/sessions', {
      heldOn: '2026-01-05',
      coachId: '7b1e4c2a-3f0e-4c7e-9a51-0d3c1c2b9f10',
      topic: 'x',
    }),
  },
  {
    method: 'PUT',
    path: '/api/partnerships/:id/sessions/:sessionId/sharing',
    ...notPartners,
    request: async (f) => {
      const p = await f.freshPartnership('session');
      return {
        path: `/api/partnerships/${p.id}/sessions/${p.sessionId}/sharing`,
        body: { share: true },
      };
    },
    expect: partners(200, 403),
    crossOrg: {
      request: async (f) => ({
        path: `/api/partnerships/${await f.contosoPartnership()}/sessions/${(await f.freshPartnership('session')).sessionId}/sharing`,
        body: { share: true },
      }),
      callers: northwind,
      status: 404,
    },
  },
  {
    method: 'POST',
    path: '/api/partnerships/:id/help',
    ...notPartners,
    request: async (f) => ({
      path: `/api/partnerships/${(await f.freshPartnership('active')).id}/help`,
      body: { message: 'Could we talk?' },
    }),
    expect: partners(200, 403),
    crossOrg: contoso('/help', { message: 'x' }),
  },
  {
    method: 'POST',
    path: '/api/partnerships/:id/end',
    ...notPartners,
    request: async (f) => ({
      path: `/api/partnerships/${(await f.freshPartnership('active')).id}/end`,
      body: {},
    }),
    expect: partners(200, 200),
    crossOrg: contoso('/end', {}),
  },
  {
    method: 'PUT',
    path: '/api/partnerships/:id/review',
    ...notPartners,
    request: async (f) => ({
      path: `/api/partnerships/${(await f.freshPartnership('ended')).id}/review`,
      body: { rating: 4 },
    }),
    expect: partners(200, 403),
    crossOrg: contoso('/review', { rating: 4 }),
  },
  {
    method: 'PUT',
    path: '/api/people/:id/placement',
    ...runsNoCohort,
    request: (f) => ({
      path: `/api/people/${f.northwind.learnerId}/placement`,
      body: { department: 'Nursing' },
    }),
    expect: staff(200),
    crossOrg: {
      request: (f) => ({
        path: `/api/people/${f.contoso.learnerId}/placement`,
        body: { department: 'Nursing' },
      }),
      callers: ['facilitator', 'admin'],
      status: 404,
    },
  },
  {
    method: 'PUT',
    path: '/api/me/pairing-preferences',
    request: () => ({ path: '/api/me/pairing-preferences', body: {} }),
    expect: signedIn(200),
    crossOrg: {
      none: 'the caller’s own wishes; ids in notWith resolve in their organisation only',
    },
  },
  ...(
    [
      '/api/programme/report',
      '/api/programme/report.csv',
      '/api/programme/report/departments.svg',
    ] as const
  ).map((path): RouteAccess => ({
    method: 'GET',
    path,
    request: () => ({ path }),
    expect: staff(200, 200),
    crossOrg: { none: 'names no object: scoped to the caller’s organisation and cohorts' },
  })),
];

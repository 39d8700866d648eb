/**
 * @module test/access/route-table
 * The access-control table: for EVERY route of the app, what each caller gets, and what a caller
 * of one organisation gets when it names another organisation's object. `access.test.ts` runs every
 * row over real HTTP and fails when the app has a route this table does not list.
 *
 * Adding a route? Add one object below: its method and path exactly as Hono registers them
 * (`/api/things/:id`), how to call it (`request`), and the status each caller must get. Public
 * routes say `public: true` and still list what every caller gets. Routes that take ids list a
 * `crossOrg` request naming the other organisation's objects (expected 404) or say why not.
 */
import { randomUUID } from 'node:crypto';
import type { Fixtures } from './fixtures.js';
import { LMS_ROUTES } from '../lti/support/access-rows.js';
import { PARTNERSHIP_ROUTES } from './partnership-rows.js';
import { orgScenarioYaml, YAML_HEADERS } from '../support/org-scenario.js';
import { all, noIds, runsNoCohort, signedIn, staff } from './caller-statuses.js';

export const CALLERS = [
  'none',
  'learner',
  'learner2',
  'facilitator',
  'admin',
  'otherOrgFacilitator',
] as const;
export type CallerKey = (typeof CALLERS)[number];

/**
 * Narrowed identities: a Northwind person holding a token minted with a lesser role (an embed
 * token for a preview). Each must get what a caller of the token's role gets, never what the
 * person's stored role would allow. By default that is what `learner2` (a learner who owns none of
 * the fixtures' objects) or `facilitator` gets; a row states `narrowed` where it differs.
 */
export const NARROWED = {
  adminAsLearner: { person: 'admin', role: 'learner', like: 'learner2' },
  adminAsFacilitator: { person: 'admin', role: 'facilitator', like: 'facilitator' },
  facilitatorAsLearner: { person: 'facilitator', role: 'learner', like: 'learner2' },
} as const;
export type NarrowedKey = keyof typeof NARROWED;

export interface RouteRequest {
  path: string;
  body?: unknown;
  raw?: string;
  headers?: Record<string, string>;
}

export interface RouteAccess {
  method: string;
  path: string;
  public?: true;
  /** the request a caller sends; may create fresh objects first (each caller gets its own) */
  request: (f: Fixtures, who: CallerKey) => RouteRequest | Promise<RouteRequest>;
  /** status per caller; several allowed where the outcome legitimately varies (an unbuilt bundle) */
  expect: Record<CallerKey, number | number[]>;
  /** act as a fresh person of each caller's role and organisation (routes that delete the caller) */
  throwawayCallers?: true;
  /** what a narrowed identity gets, where it is not what its `like` caller gets (see NARROWED) */
  narrowed?: Partial<Record<NarrowedKey, number | number[]>>;
  /** callers of Northwind naming Contoso's objects: every listed caller must get `status` */
  crossOrg:
    | {
        request: (f: Fixtures, who: CallerKey) => RouteRequest | Promise<RouteRequest>;
        callers: CallerKey[];
        status: number;
      }
    | { none: string };
}

const staffNorthwind: CallerKey[] = ['facilitator', 'admin'];
const unique = (prefix: string) => `${prefix}-${randomUUID().slice(0, 8)}`;
/**
 * The demo admin cannot become a cohort's facilitator member, its stored role being admin (409);
 * and runs no cohort (`runsNoCohort`).
 */
const cannotRunCohort = { narrowed: { adminAsFacilitator: 409 } };

export const ROUTES: RouteAccess[] = [
  // --- system
  {
    method: 'GET',
    path: '/api/health',
    public: true,
    request: () => ({ path: '/api/health' }),
    expect: all(200),
    crossOrg: noIds,
  },
  {
    method: 'GET',
    path: '/api/demo/tokens',
    public: true,
    request: () => ({ path: '/api/demo/tokens' }),
    expect: all(200),
    crossOrg: noIds,
  },
  {
    method: 'GET',
    path: '/api/openapi.json',
    public: true,
    request: () => ({ path: '/api/openapi.json' }),
    expect: all(200),
    crossOrg: noIds,
  },
  {
    method: 'GET',
    path: '/api/docs',
    public: true,
    request: () => ({ path: '/api/docs' }),
    expect: all(200),
    crossOrg: noIds,
  },
  {
    method: 'GET',
    path: '/api/docs/docs.js',
    public: true,
    request: () => ({ path: '/api/docs/docs.js' }),
    expect: all(200),
    crossOrg: noIds,
  },
  {
    method: 'GET',
    path: '/api/docs/docs.css',
    public: true,
    request: () => ({ path: '/api/docs/docs.css' }),
    expect: all(200),
    crossOrg: noIds,
  },

  // --- practice (issue 2): a learner sees only their own sessions
  {
    method: 'GET',
    path: '/api/scenarios',
    request: () => ({ path: '/api/scenarios' }),
    expect: signedIn(200),
    crossOrg: noIds,
  },
  {
    method: 'POST',
    path: '/api/sessions',
    request: () => ({ path: '/api/sessions', body: { scenarioId: 'new-manager-overwhelmed' } }),
    expect: signedIn(201),
    crossOrg: {
      request: (f) => ({ path: '/api/sessions', body: { drillId: f.contoso.drillId } }),
      callers: ['learner', 'facilitator', 'admin'],
      status: 404,
    },
  },
  {
    method: 'GET',
    path: '/api/sessions',
    request: () => ({ path: '/api/sessions' }),
    expect: signedIn(200),
    crossOrg: noIds,
  },
  {
    method: 'GET',
    path: '/api/sessions/:id',
    ...runsNoCohort,
    request: async (f) => ({ path: `/api/sessions/${await f.learnerSession()}` }),
    expect: {
      none: 401,
      learner: 200,
      learner2: 404,
      facilitator: 200,
      admin: 200,
      otherOrgFacilitator: 404,
    },
    crossOrg: {
      request: async (f) => ({ path: `/api/sessions/${await f.contosoSession()}` }),
      callers: ['learner', 'facilitator', 'admin'],
      status: 404,
    },
  },
  {
    method: 'POST',
    path: '/api/sessions/:id/turns',
    request: async (f) => ({
      path: `/api/sessions/${await f.learnerSession()}/turns`,
      body: { clientTurnId: randomUUID(), text: 'What would you like from today?' },
    }),
    expect: {
      none: 401,
      learner: 200,
      learner2: 404,
      facilitator: 404,
      admin: 404,
      otherOrgFacilitator: 404,
    },
    crossOrg: {
      request: async (f) => ({
        path: `/api/sessions/${await f.contosoSession()}/turns`,
        body: { clientTurnId: randomUUID(), text: 'Hello?' },
      }),
      callers: ['learner', 'facilitator', 'admin'],
      status: 404,
    },
  },
  {
    method: 'POST',
    path: '/api/sessions/:id/end',
    request: async (f) => ({ path: `/api/sessions/${await f.learnerSession()}/end` }),
    expect: {
      none: 401,
      learner: 200,
      learner2: 404,
      facilitator: 404,
      admin: 404,
      otherOrgFacilitator: 404,
    },
    crossOrg: {
      request: async (f) => ({ path: `/api/sessions/${await f.contosoSession()}/end` }),
      callers: ['learner', 'facilitator', 'admin'],
      status: 404,
    },
  },
  {
    method: 'GET',
    path: '/api/me/progress',
    request: () => ({ path: '/api/me/progress' }),
    expect: signedIn(200),
    crossOrg: noIds,
  },

  // --- drills
  {
    method: 'GET',
    path: '/api/drills',
    request: () => ({ path: '/api/drills' }),
    expect: signedIn(200),
    crossOrg: noIds,
  },
  {
    method: 'GET',
    path: '/api/drills/:id',
    request: (f) => ({ path: `/api/drills/${f.northwind.drillId}` }),
    expect: { ...signedIn(200), otherOrgFacilitator: 404 },
    crossOrg: {
      request: (f) => ({ path: `/api/drills/${f.contoso.drillId}` }),
      callers: ['learner', 'facilitator', 'admin'],
      status: 404,
    },
  },
  {
    method: 'POST',
    path: '/api/drills',
    request: () => ({
      path: '/api/drills',
      body: {
        title: unique('Drill'),
        scenarioId: 'new-manager-overwhelmed',
        focus: ['listening'],
        description: 'Reflect.',
        passChecks: ['no_unasked_advice'],
      },
    }),
    expect: staff(201, 201),
    crossOrg: { none: 'creates in the caller’s own organisation; names no object' },
  },

  // --- an organisation's own scenarios (issue 13): staff of that organisation only
  {
    method: 'GET',
    path: '/api/org/scenarios',
    request: () => ({ path: '/api/org/scenarios' }),
    expect: staff(200, 200),
    crossOrg: noIds,
  },
  {
    method: 'POST',
    path: '/api/org/scenarios',
    request: () => ({ path: '/api/org/scenarios', raw: orgScenarioYaml(), headers: YAML_HEADERS }),
    expect: staff(201, 201),
    crossOrg: { none: 'creates in the caller’s own organisation; names no object' },
  },
  {
    method: 'POST',
    path: '/api/org/scenarios/preview',
    request: () => ({
      path: '/api/org/scenarios/preview',
      raw: orgScenarioYaml(),
      headers: YAML_HEADERS,
    }),
    expect: staff(200, 200),
    crossOrg: { none: 'saves nothing and names no object' },
  },
  {
    method: 'GET',
    path: '/api/org/scenarios/:scenarioId',
    request: async (f) => ({ path: `/api/org/scenarios/${await f.freshOrgScenario('northwind')}` }),
    expect: staff(200),
    crossOrg: {
      request: async (f) => ({ path: `/api/org/scenarios/${await f.freshOrgScenario('contoso')}` }),
      callers: staffNorthwind,
      status: 404,
    },
  },
  {
    method: 'PUT',
    path: '/api/org/scenarios/:scenarioId',
    request: async (f) => {
      const id = await f.freshOrgScenario('northwind');
      return {
        path: `/api/org/scenarios/${id}`,
        raw: orgScenarioYaml(id, 'Edited by the access suite'),
        headers: YAML_HEADERS,
      };
    },
    expect: staff(200),
    crossOrg: {
      request: async (f) => {
        const id = await f.freshOrgScenario('contoso');
        return {
          path: `/api/org/scenarios/${id}`,
          raw: orgScenarioYaml(id, 'Edited across organisations'),
          headers: YAML_HEADERS,
        };
      },
      callers: staffNorthwind,
      status: 404,
    },
  },
  {
    method: 'DELETE',
    path: '/api/org/scenarios/:scenarioId',
    request: async (f) => ({ path: `/api/org/scenarios/${await f.freshOrgScenario('northwind')}` }),
    expect: staff(204),
    crossOrg: {
      request: async (f) => ({ path: `/api/org/scenarios/${await f.freshOrgScenario('contoso')}` }),
      callers: staffNorthwind,
      status: 404,
    },
  },

  // --- cohorts
  {
    method: 'GET',
    path: '/api/cohorts',
    request: () => ({ path: '/api/cohorts' }),
    expect: staff(200, 200),
    crossOrg: noIds,
  },
  {
    method: 'POST',
    path: '/api/cohorts',
    ...cannotRunCohort,
    request: () => ({ path: '/api/cohorts', body: { name: unique('Cohort') } }),
    expect: staff(201, 201),
    crossOrg: {
      request: (f) => ({
        path: '/api/cohorts',
        body: { name: unique('Cohort'), facilitatorIds: [f.contoso.facilitatorId] },
      }),
      callers: ['admin'],
      status: 404,
    },
  },
  {
    method: 'GET',
    path: '/api/cohorts/:id',
    ...runsNoCohort,
    request: (f) => ({ path: `/api/cohorts/${f.northwind.cohortId}` }),
    expect: staff(200),
    crossOrg: {
      request: (f) => ({ path: `/api/cohorts/${f.contoso.cohortId}` }),
      callers: staffNorthwind,
      status: 404,
    },
  },
  {
    method: 'PATCH',
    path: '/api/cohorts/:id',
    ...runsNoCohort,
    request: (f) => ({
      path: `/api/cohorts/${f.northwind.cohortId}`,
      body: { description: 'Updated by the access suite' },
    }),
    expect: staff(200),
    crossOrg: {
      request: (f) => ({ path: `/api/cohorts/${f.contoso.cohortId}`, body: { description: 'x' } }),
      callers: staffNorthwind,
      status: 404,
    },
  },
  {
    method: 'POST',
    path: '/api/cohorts/:id/members',
    ...runsNoCohort,
    request: (f) => ({
      path: `/api/cohorts/${f.northwind.cohortId}/members`,
      body: { personIds: [f.northwind.learner2Id] },
    }),
    expect: staff(200),
    crossOrg: {
      request: (f) => ({
        path: `/api/cohorts/${f.northwind.cohortId}/members`,
        body: { personIds: [f.contoso.learnerId] },
      }),
      callers: staffNorthwind,
      status: 404,
    },
  },
  {
    method: 'DELETE',
    path: '/api/cohorts/:id/members/:personId',
    ...runsNoCohort,
    request: async (f) => ({
      path: `/api/cohorts/${f.northwind.cohortId}/members/${await f.freshCohortLearner()}`,
    }),
    expect: staff(204),
    crossOrg: {
      request: (f) => ({
        path: `/api/cohorts/${f.contoso.cohortId}/members/${f.contoso.learnerId}`,
      }),
      callers: staffNorthwind,
      status: 404,
    },
  },
  {
    method: 'DELETE',
    path: '/api/cohorts/:id',
    ...runsNoCohort,
    request: async (f) => ({ path: `/api/cohorts/${await f.freshCohort()}` }),
    expect: staff(204),
    crossOrg: {
      request: async (f) => ({ path: `/api/cohorts/${(await f.freshContoso()).cohortId}` }),
      callers: staffNorthwind,
      status: 404,
    },
  },
  ...(['progress', 'progress.csv', 'attention'] as const).map((view): RouteAccess => ({
    method: 'GET',
    path: `/api/cohorts/:id/${view}`,
    ...runsNoCohort,
    request: (f) => ({ path: `/api/cohorts/${f.northwind.cohortId}/${view}` }),
    expect: staff(200),
    crossOrg: {
      request: (f) => ({ path: `/api/cohorts/${f.contoso.cohortId}/${view}` }),
      callers: staffNorthwind,
      status: 404,
    },
  })),
  {
    method: 'GET',
    path: '/api/cohorts/:id/learners/:personId/sessions',
    ...runsNoCohort,
    request: (f) => ({
      path: `/api/cohorts/${f.northwind.cohortId}/learners/${f.northwind.learnerId}/sessions`,
    }),
    expect: staff(200),
    crossOrg: {
      request: (f) => ({
        path: `/api/cohorts/${f.contoso.cohortId}/learners/${f.contoso.learnerId}/sessions`,
      }),
      callers: staffNorthwind,
      status: 404,
    },
  },

  // --- people
  {
    method: 'GET',
    path: '/api/people',
    request: () => ({ path: '/api/people' }),
    expect: staff(200, 200),
    crossOrg: noIds,
  },
  {
    method: 'POST',
    path: '/api/people',
    ...runsNoCohort,
    request: (f) => ({
      path: '/api/people',
      body: {
        name: 'New Learner',
        email: `${unique('new')}@northwind.example`,
        cohortId: f.northwind.cohortId,
      },
    }),
    expect: staff(201),
    crossOrg: {
      request: (f) => ({
        path: '/api/people',
        body: {
          name: 'X',
          email: `${unique('x')}@northwind.example`,
          cohortId: f.contoso.cohortId,
        },
      }),
      callers: staffNorthwind,
      status: 404,
    },
  },
  {
    method: 'POST',
    path: '/api/people/import',
    ...cannotRunCohort,
    request: () => ({
      path: '/api/people/import',
      raw: `name,email,cohort\nImported,${unique('imp')}@example.org,${unique('Imported cohort')}\n`,
      headers: { 'content-type': 'text/csv' },
    }),
    expect: staff(201, 201),
    crossOrg: {
      none: 'cohorts are named, and names resolve inside the caller’s organisation only',
    },
  },

  {
    method: 'PATCH',
    path: '/api/people/:id',
    request: async (f) => ({
      path: `/api/people/${await f.freshLoneLearner()}`,
      body: { role: 'facilitator' },
    }),
    expect: { ...staff(200, 403), facilitator: 403 },
    // asks for the role the Contoso learner already has, so even a leak would change nothing
    crossOrg: {
      request: (f) => ({ path: `/api/people/${f.contoso.learnerId}`, body: { role: 'learner' } }),
      callers: ['admin'],
      status: 404,
    },
  },
  {
    method: 'DELETE',
    path: '/api/people/:id',
    request: async (f) => ({ path: `/api/people/${await f.freshCohortLearner()}` }),
    expect: { ...staff(204, 403), facilitator: 403 },
    crossOrg: {
      request: async (f) => ({ path: `/api/people/${(await f.freshContoso()).learnerId}` }),
      callers: ['admin'],
      status: 404,
    },
  },

  // --- assignments
  {
    method: 'POST',
    path: '/api/assignments',
    ...runsNoCohort,
    request: async (f) => ({
      path: '/api/assignments',
      body: {
        drillId: await f.freshNorthwindDrill(),
        learnerIds: [f.northwind.learnerId],
        dueAt: f.futureDue,
      },
    }),
    expect: staff(201),
    crossOrg: {
      request: (f) => ({
        path: '/api/assignments',
        body: {
          drillId: f.contoso.drillId,
          learnerIds: [f.northwind.learnerId],
          dueAt: f.futureDue,
        },
      }),
      callers: staffNorthwind,
      status: 404,
    },
  },
  {
    method: 'DELETE',
    path: '/api/assignments/:id',
    ...runsNoCohort,
    request: async (f) => ({ path: `/api/assignments/${await f.freshAssignment()}` }),
    expect: staff(204),
    crossOrg: {
      request: async (f) => ({ path: `/api/assignments/${(await f.freshContoso()).assignmentId}` }),
      callers: staffNorthwind,
      status: 404,
    },
  },
  {
    method: 'GET',
    path: '/api/me/assignments',
    request: () => ({ path: '/api/me/assignments' }),
    expect: signedIn(200),
    crossOrg: noIds,
  },

  // --- privacy: only ever the caller's own data
  {
    method: 'GET',
    path: '/api/me/export',
    request: () => ({ path: '/api/me/export' }),
    expect: signedIn(200),
    crossOrg: noIds,
  },
  {
    method: 'DELETE',
    path: '/api/me',
    throwawayCallers: true,
    request: () => ({ path: '/api/me' }),
    expect: signedIn(204),
    crossOrg: noIds,
  },

  // --- Learning Partnerships (issue 14): rows in partnership-rows.ts
  ...PARTNERSHIP_ROUTES,

  // --- embedding: tokens need the organisation's API key, never a bearer token
  {
    method: 'POST',
    path: '/api/embed/tokens',
    request: (f) => ({ path: '/api/embed/tokens', body: { personId: f.northwind.learnerId } }),
    expect: all(401),
    crossOrg: {
      request: (f) => ({
        path: '/api/embed/tokens',
        body: { personId: f.northwind.learnerId },
        headers: { 'x-api-key': f.contoso.apiKey },
      }),
      callers: ['none', 'learner', 'admin'],
      status: 404,
    },
  },
  {
    method: 'GET',
    path: '/',
    public: true,
    request: () => ({ path: '/' }),
    expect: all(200),
    crossOrg: noIds,
  },
  {
    method: 'GET',
    path: '/facilitator',
    public: true,
    request: () => ({ path: '/facilitator' }),
    expect: all(200),
    crossOrg: noIds,
  },
  // the bundle answers 503 on a server where it has not been built yet
  {
    method: 'GET',
    path: '/embed/sounding-board.js',
    public: true,
    request: () => ({ path: '/embed/sounding-board.js' }),
    expect: all([200, 503]),
    crossOrg: noIds,
  },
  {
    method: 'HEAD',
    path: '/embed/sounding-board.js',
    public: true,
    request: () => ({ path: '/embed/sounding-board.js' }),
    expect: all([200, 503]),
    crossOrg: noIds,
  },
  {
    method: 'OPTIONS',
    path: '/embed/sounding-board.js',
    public: true,
    request: () => ({ path: '/embed/sounding-board.js' }),
    expect: all(204),
    crossOrg: noIds,
  },

  // --- LMS integration (LTI 1.3, SCORM, xAPI): rows in test/lti/support/access-rows.ts
  ...LMS_ROUTES,
];

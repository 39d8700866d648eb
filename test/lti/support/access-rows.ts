/**
 * @module test/lti/support/access-rows
 * The access-control rows for the LMS integration's routes (LTI tool endpoints, LTI admin API,
 * SCORM, xAPI), spread into `test/access/route-table.ts`. Rows that name objects create them first
 * (a platform, a queued grade) through the app or its database.
 */
import { randomUUID } from 'node:crypto';
import { createPlatform, enqueueGrade } from '../../../api/lti/index.js';
import type { Fixtures } from '../../access/fixtures.js';
import type { RouteAccess } from '../../access/route-table.js';
import { adminOnly, all, noIds, staff } from '../../access/caller-statuses.js';

/** a registration body nobody has used (issuer and client id are unique) */
const registration = () => {
  const base = `https://lms-${randomUUID().slice(0, 8)}.example`;
  return {
    name: 'Access LMS',
    issuer: base,
    clientId: randomUUID(),
    deploymentIds: ['1'],
    authEndpoint: `${base}/auth`,
    tokenEndpoint: `${base}/token`,
    jwksUrl: `${base}/jwks`,
  };
};

async function northwindPlatform(f: Fixtures): Promise<string> {
  const r = await f.app.call('POST', '/api/lti/platforms', {
    token: f.app.tokens.admin,
    body: registration(),
  });
  if (r.status !== 201) throw new Error(`fixture platform: ${r.status}`);
  return r.body.id;
}

async function contosoPlatform(f: Fixtures): Promise<string> {
  return (await createPlatform(f.app.runtime.deps.db, f.contoso.orgId, registration())).id;
}

/** A grade waiting for an LMS that does not answer (port 9 refuses at once). */
async function queuedGrade(f: Fixtures, org: 'northwind' | 'contoso'): Promise<string> {
  const db = f.app.runtime.deps.db;
  const o = f[org];
  const platformId = (
    await createPlatform(db, o.orgId, {
      ...registration(),
      tokenEndpoint: 'http://127.0.0.1:9/token',
    })
  ).id;
  const sessionId = org === 'northwind' ? await f.learnerSession() : await f.contosoSession();
  await enqueueGrade(
    db,
    {
      orgId: o.orgId,
      platformId,
      personId: o.learnerId,
      sessionId,
      lineItemUrl: 'http://127.0.0.1:9/lineitems/1',
      userSub: 'u-1',
      scoreGiven: 50,
      scoreMaximum: 100,
    },
    new Date(),
  );
  const rows = await f.app.call('GET', '/api/lti/grades', {
    token: org === 'northwind' ? f.app.tokens.admin : f.app.tokens.otherOrgFacilitator,
  });
  return rows.body.grades.find((g: { sessionId: string }) => g.sessionId === sessionId)!.id;
}

export const LMS_ROUTES: RouteAccess[] = [
  // --- LTI tool endpoints: called by the LMS and the browser, never with a bearer token; refusals are error pages
  {
    method: 'GET',
    path: '/lti/login',
    public: true,
    request: () => ({ path: '/lti/login' }),
    expect: all(400),
    crossOrg: noIds,
  },
  {
    method: 'POST',
    path: '/lti/login',
    public: true,
    request: () => ({
      path: '/lti/login',
      raw: 'iss=https%3A%2F%2Funknown.example&login_hint=x&target_link_uri=x',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    }),
    expect: all(400),
    crossOrg: noIds,
  },
  {
    method: 'POST',
    path: '/lti/launch',
    public: true,
    request: () => ({
      path: '/lti/launch',
      raw: 'state=forged&id_token=x.y.z',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    }),
    expect: all(401),
    crossOrg: noIds,
  },
  {
    method: 'POST',
    path: '/lti/deep-link',
    public: true,
    request: (f) => ({
      path: '/lti/deep-link',
      raw: `ticket=forged&drill_id=${f.northwind.drillId}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    }),
    expect: all(401),
    crossOrg: noIds,
  },
  {
    method: 'GET',
    path: '/lti/jwks.json',
    public: true,
    request: () => ({ path: '/lti/jwks.json' }),
    expect: all(200),
    crossOrg: noIds,
  },

  // --- LTI admin API: registrations and keys are the admin's; grade queues are staff's, per organisation
  {
    method: 'GET',
    path: '/api/lti/tool-configuration',
    request: () => ({ path: '/api/lti/tool-configuration' }),
    expect: adminOnly(200),
    crossOrg: noIds,
  },
  {
    method: 'GET',
    path: '/api/lti/platforms',
    request: () => ({ path: '/api/lti/platforms' }),
    expect: adminOnly(200),
    crossOrg: noIds,
  },
  {
    method: 'POST',
    path: '/api/lti/platforms',
    request: () => ({ path: '/api/lti/platforms', body: registration() }),
    expect: adminOnly(201),
    crossOrg: noIds,
  },
  {
    method: 'GET',
    path: '/api/lti/platforms/:id',
    request: async (f) => ({ path: `/api/lti/platforms/${await northwindPlatform(f)}` }),
    expect: adminOnly(200),
    crossOrg: {
      request: async (f) => ({ path: `/api/lti/platforms/${await contosoPlatform(f)}` }),
      callers: ['admin'],
      status: 404,
    },
  },
  {
    method: 'PATCH',
    path: '/api/lti/platforms/:id',
    request: async (f) => ({
      path: `/api/lti/platforms/${await northwindPlatform(f)}`,
      body: { deploymentIds: ['1', '2'] },
    }),
    expect: adminOnly(200),
    crossOrg: {
      request: async (f) => ({
        path: `/api/lti/platforms/${await contosoPlatform(f)}`,
        body: { name: 'taken over' },
      }),
      callers: ['admin'],
      status: 404,
    },
  },
  {
    method: 'DELETE',
    path: '/api/lti/platforms/:id',
    request: async (f) => ({ path: `/api/lti/platforms/${await northwindPlatform(f)}` }),
    expect: adminOnly(204),
    crossOrg: {
      request: async (f) => ({ path: `/api/lti/platforms/${await contosoPlatform(f)}` }),
      callers: ['admin'],
      status: 404,
    },
  },
  {
    method: 'POST',
    path: '/api/lti/keys/rotate',
    request: () => ({ path: '/api/lti/keys/rotate' }),
    expect: adminOnly(200),
    crossOrg: noIds,
  },
  {
    method: 'GET',
    path: '/api/lti/grades',
    request: () => ({ path: '/api/lti/grades?status=pending' }),
    expect: staff(200, 200),
    crossOrg: noIds,
  },
  {
    method: 'POST',
    path: '/api/lti/grades/deliver',
    request: () => ({ path: '/api/lti/grades/deliver' }),
    expect: staff(200, 200),
    crossOrg: noIds,
  },
  {
    method: 'POST',
    path: '/api/lti/grades/:id/retry',
    request: async (f) => ({ path: `/api/lti/grades/${await queuedGrade(f, 'northwind')}/retry` }),
    expect: staff(200, 404),
    crossOrg: {
      request: async (f) => ({ path: `/api/lti/grades/${await queuedGrade(f, 'contoso')}/retry` }),
      callers: ['facilitator', 'admin'],
      status: 404,
    },
  },

  // --- SCORM: packages for staff; the package's own calls carry a package token or a learner token
  {
    method: 'GET',
    path: '/api/drills/:id/scorm.zip',
    request: (f) => ({ path: `/api/drills/${f.northwind.drillId}/scorm.zip` }),
    expect: staff(200, 404),
    crossOrg: {
      request: (f) => ({ path: `/api/drills/${f.contoso.drillId}/scorm.zip` }),
      callers: ['facilitator', 'admin'],
      status: 404,
    },
  },
  {
    method: 'POST',
    path: '/api/scorm/launch',
    public: true,
    request: () => ({
      path: '/api/scorm/launch',
      body: { packageToken: 'eyJhbGciOiJIUzI1NiJ9.e30.forged', learnerId: 'x' },
    }),
    expect: all(401),
    crossOrg: {
      none: 'the package token names the organisation; a forged or foreign one is refused (401)',
    },
  },
  {
    method: 'GET',
    path: '/api/scorm/sessions/:id/grade',
    // the demo admin runs no cohort, so as a facilitator it cannot read the learner's session
    narrowed: { adminAsFacilitator: 404 },
    // the session is still active, so those who may read it get 409 (not ended yet)
    request: async (f) => ({ path: `/api/scorm/sessions/${await f.learnerSession()}/grade` }),
    expect: {
      none: 401,
      learner: 409,
      learner2: 404,
      facilitator: 409,
      admin: 409,
      otherOrgFacilitator: 404,
    },
    crossOrg: {
      request: async (f) => ({ path: `/api/scorm/sessions/${await f.contosoSession()}/grade` }),
      callers: ['learner', 'facilitator', 'admin'],
      status: 404,
    },
  },

  // --- xAPI: the LRS is the admin's; the statement queue is staff's, per organisation
  {
    method: 'GET',
    path: '/api/xapi/lrs',
    request: () => ({ path: '/api/xapi/lrs' }),
    expect: adminOnly([200, 404]),
    crossOrg: noIds,
  },
  // switched off: the access suite must not start sending statements anywhere
  {
    method: 'PUT',
    path: '/api/xapi/lrs',
    request: () => ({
      path: '/api/xapi/lrs',
      body: { endpoint: 'http://127.0.0.1:9/xapi', username: 'u', password: 'p', enabled: false },
    }),
    expect: adminOnly(200),
    crossOrg: noIds,
  },
  {
    method: 'DELETE',
    path: '/api/xapi/lrs',
    request: () => ({ path: '/api/xapi/lrs' }),
    expect: adminOnly([204, 404]),
    crossOrg: noIds,
  },
  {
    method: 'GET',
    path: '/api/xapi/statements',
    request: () => ({ path: '/api/xapi/statements' }),
    expect: staff(200, 200),
    crossOrg: noIds,
  },
  {
    method: 'POST',
    path: '/api/xapi/statements/retry',
    request: () => ({ path: '/api/xapi/statements/retry' }),
    expect: staff(200, 200),
    crossOrg: noIds,
  },
];

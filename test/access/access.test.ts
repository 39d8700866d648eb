/**
 * The access-control suite: every route of the app, called by every kind of caller (no token, a
 * learner, another learner, a facilitator, an admin, another organisation's facilitator) and with
 * another organisation's ids, over real HTTP. A route the table (`route-table.ts`) does not list
 * fails the suite, so no route ships without its access rules being stated and tested.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.js';
import { buildFixtures, type Fixtures } from './fixtures.js';
import {
  CALLERS,
  NARROWED,
  ROUTES,
  type CallerKey,
  type NarrowedKey,
  type RouteAccess,
  type RouteRequest,
} from './route-table.js';

let t: TestApp;
let f: Fixtures;

beforeAll(async () => {
  t = await startTestApp();
  f = await buildFixtures(t);
}, 60_000);
afterAll(async () => t?.close());

const key = (method: string, path: string) => `${method.toUpperCase()} ${path}`;

/** The app's routes as Hono registered them, without middleware (`ALL`) entries. */
function appRoutes(app: TestApp['app']): string[] {
  return [
    ...new Set(app.routes.filter((r) => r.method !== 'ALL').map((r) => key(r.method, r.path))),
  ].sort();
}

async function tokenOf(route: RouteAccess, who: CallerKey): Promise<string | undefined> {
  if (who === 'none') return undefined;
  if (!route.throwawayCallers) return t.tokens[who];
  const demo = t.runtime.demo!;
  return f.throwawayToken(demo[who]);
}

/** A narrowed identity's token: the demo admin or facilitator, with a lesser role in the token. */
async function narrowedTokenOf(route: RouteAccess, who: NarrowedKey): Promise<string> {
  const { person, role } = NARROWED[who];
  const demo = t.runtime.demo!;
  if (route.throwawayCallers) return f.throwawayToken(demo[person], role);
  return f.narrowedToken(demo[person].id, demo[person].orgId, role);
}

async function send(route: RouteAccess, req: RouteRequest, token: string | undefined) {
  return t.call(route.method, req.path, {
    token,
    body: req.body,
    raw: req.raw,
    headers: req.headers,
  });
}

const allowed = (want: number | number[]) => (Array.isArray(want) ? want : [want]);

describe('access control', () => {
  it('every route of the app is in the access table (and the table lists no route that is gone)', async () => {
    const inApp = appRoutes(t.app);
    const inTable = ROUTES.map((r) => key(r.method, r.path));
    const missing = inApp.filter((r) => !inTable.includes(r));
    const stale = inTable.filter((r) => !inApp.includes(r));
    expect(
      missing,
      `Routes without access rules: add a row for each to test/access/route-table.ts (expected status per caller, and crossOrg):\n  ${missing.join('\n  ')}`,
    ).toEqual([]);
    expect(
      stale,
      `Rows in test/access/route-table.ts for routes the app no longer has:\n  ${stale.join('\n  ')}`,
    ).toEqual([]);
    expect(new Set(inTable).size, 'a route is listed twice in the access table').toBe(
      inTable.length,
    );
  });

  it('the OpenAPI document describes every route of the app, and only those', async () => {
    const doc = (await t.call('GET', '/api/openapi.json')).body;
    const inDoc: string[] = [];
    for (const [p, ops] of Object.entries(doc.paths as Record<string, object>)) {
      for (const [m, op] of Object.entries(
        ops as Record<string, { servers?: { url: string }[] }>,
      )) {
        // the document's server is /api; a page or an LTI endpoint names its own
        const base = (op.servers?.[0]?.url ?? '/api').replace(/\/$/, '');
        const path = `${base}${p.replace(/\{([^}]+)\}/g, ':$1')}`.replace(/(.)\/$/, '$1');
        inDoc.push(key(m, path));
      }
    }
    const inApp = appRoutes(t.app);
    expect(
      inApp.filter((r) => !inDoc.includes(r)),
      'routes the OpenAPI document does not describe',
    ).toEqual([]);
    expect(
      inDoc.filter((r) => !inApp.includes(r)),
      'operations in the document the app does not serve',
    ).toEqual([]);
  });

  describe.each(ROUTES.map((r) => [key(r.method, r.path), r] as const))('%s', (_name, route) => {
    it('gives each caller the stated status', async () => {
      // the owner of an object goes last, so a request that consumes it (end a session) does not spoil the others
      const order: CallerKey[] = [
        'none',
        'learner2',
        'facilitator',
        'admin',
        'otherOrgFacilitator',
        'learner',
      ];
      expect([...order].sort()).toEqual([...CALLERS].sort());
      const got: Record<string, number> = {};
      for (const who of order) {
        const req = await route.request(f, who);
        got[who] = (await send(route, req, await tokenOf(route, who))).status;
      }
      const mismatches = order
        .filter((who) => !allowed(route.expect[who]).includes(got[who]))
        .map((who) => `${who}: got ${got[who]}, expected ${route.expect[who]}`);
      expect(mismatches).toEqual([]);
    });

    it('gives a token minted with a narrower role only what that role gets', async () => {
      const mismatches: string[] = [];
      for (const who of Object.keys(NARROWED) as NarrowedKey[]) {
        const want = route.narrowed?.[who] ?? route.expect[NARROWED[who].like];
        const req = await route.request(f, NARROWED[who].like);
        const got = (await send(route, req, await narrowedTokenOf(route, who))).status;
        if (!allowed(want).includes(got)) mismatches.push(`${who}: got ${got}, expected ${want}`);
      }
      expect(mismatches, mismatches.join('; ')).toEqual([]);
    });

    it('refuses another organisation’s ids', async (ctx) => {
      if ('none' in route.crossOrg) {
        expect(
          route.crossOrg.none.length,
          'say why the route has no cross-organisation case',
        ).toBeGreaterThan(10);
        ctx.skip();
        return;
      }
      const { request, callers, status } = route.crossOrg;
      for (const who of callers) {
        const res = await send(route, await request(f, who), await tokenOf(route, who));
        expect(
          res.status,
          `${who} with the other organisation's ids: ${JSON.stringify(res.body).slice(0, 200)}`,
        ).toBe(status);
      }
    });
  });

  it('refusals are problem responses that do not say whether the object exists elsewhere', async () => {
    const theirs = await t.call('GET', `/api/cohorts/${f.contoso.cohortId}`, {
      token: t.tokens.facilitator,
    });
    const nothing = await t.call('GET', `/api/cohorts/${crypto.randomUUID()}`, {
      token: t.tokens.facilitator,
    });
    expect(theirs.status).toBe(404);
    expect(theirs.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(theirs.body.title).toBe(nothing.body.title);
    const role = await t.call('GET', '/api/cohorts', { token: t.tokens.learner });
    expect(role.body).toMatchObject({ status: 403, title: 'Forbidden' });
  });

  it('lists hold only what the caller may see', async () => {
    const olu = await t.call('GET', '/api/cohorts', { token: t.tokens.otherOrgFacilitator });
    expect(olu.body.cohorts.map((c: { id: string }) => c.id)).not.toContain(f.northwind.cohortId);
    const people = await t.call('GET', '/api/people', { token: t.tokens.otherOrgFacilitator });
    expect(people.body.people.map((p: { id: string }) => p.id)).not.toContain(
      f.northwind.learnerId,
    );
    const drills = await t.call('GET', '/api/drills', { token: t.tokens.learner });
    expect(drills.body.drills.map((d: { id: string }) => d.id)).not.toContain(f.contoso.drillId);
    const sessions = await t.call('GET', '/api/sessions', { token: t.tokens.learner2 });
    const alex = await f.learnerSession();
    expect(sessions.body.sessions.map((s: { id: string }) => s.id)).not.toContain(alex);
  });
});

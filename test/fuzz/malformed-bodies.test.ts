/**
 * @module test/fuzz/malformed-bodies
 * The fuzz corpus, kept as a test: every route of the access table, called by a signed-in admin
 * (and a learner) at its real path with malformed bodies: broken JSON, wrong shapes, and each field
 * of the route's valid body replaced by hostile values (a lone surrogate, NUL, huge numbers, deep
 * nesting, prototype keys). Whatever the route makes of them, it must never answer 500.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildFixtures, type Fixtures } from '../access/fixtures.js';
import { ROUTES, type RouteAccess } from '../access/route-table.js';
import { startTestApp, type TestApp } from '../support/app.js';

let t: TestApp;
let f: Fixtures;
beforeAll(async () => {
  t = await startTestApp();
  f = await buildFixtures(t);
}, 60_000);
afterAll(async () => t?.close());

const LONE = 'Half an emoji \ud83d';
const deep = (n: number) => '['.repeat(n) + ']'.repeat(n);

/** Raw bodies every route receives, whatever it expects. */
export const RAW_BODIES: { raw: string; type?: string }[] = [
  { raw: '' },
  { raw: '{' },
  { raw: '{}' },
  { raw: '[]' },
  { raw: 'null' },
  { raw: '"text"' },
  { raw: '12' },
  { raw: '{"__proto__":{"admin":true},"constructor":{"prototype":{"x":1}}}' },
  { raw: deep(5000) },
  { raw: `{"a":"${'\\u0000'}"}` },
  { raw: '{"text":"\\ud83d","title":"\\udc00\\ud83d"}' },
  { raw: '\u0000\u0001\u0002' },
  { raw: '\ufeff{}' },
  { raw: '{"a":1}', type: 'text/plain' },
  { raw: 'a=1&b=%ZZ', type: 'application/x-www-form-urlencoded' },
  {
    raw: '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--x--',
    type: 'multipart/form-data; boundary=x',
  },
  { raw: '{"a":1}', type: 'application/json; charset=latin-99' },
];

/** Hostile values put in place of each field of a route's valid body. */
export const FIELD_VALUES: unknown[] = [
  null,
  '',
  LONE,
  '\udc00',
  'nul \u0000 inside',
  'x'.repeat(70_000),
  -1,
  1e308,
  Number.MAX_SAFE_INTEGER + 2,
  true,
  [],
  [LONE],
  [null],
  {},
  { $gt: '' },
  '<script>alert(1)</script>',
  "'; drop table people; --",
  '=HYPERLINK("http://x")',
  '2026-02-30T25:61:00Z',
  '00000000-0000-0000-0000-000000000000',
];

/** The valid body's fields, each replaced by each hostile value (arrays: their first element too). */
function mutations(body: unknown): unknown[] {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return [];
  const out: unknown[] = [];
  for (const [k, v] of Object.entries(body)) {
    for (const value of FIELD_VALUES) {
      out.push({ ...body, [k]: value });
      if (Array.isArray(v) && v.length) out.push({ ...body, [k]: [value, ...v.slice(1)] });
    }
  }
  return out;
}

async function fuzz(route: RouteAccess, token: string): Promise<string[]> {
  const seen: string[] = [];
  const base = await route.request(f, 'admin');
  const send = async (raw: string, type = 'application/json') => {
    const r = await t.call(route.method, base.path, {
      token,
      raw: route.method === 'GET' || route.method === 'HEAD' ? undefined : raw,
      headers: { 'content-type': type },
    });
    if (r.status >= 500 && !(route.path === '/embed/sounding-board.js' && r.status === 503))
      seen.push(`${r.status} for ${raw.slice(0, 80)}: ${JSON.stringify(r.body).slice(0, 200)}`);
  };
  for (const b of RAW_BODIES) await send(b.raw, b.type);
  for (const m of mutations(base.body)) await send(JSON.stringify(m));
  // and hostile query strings on the same path
  for (const q of [
    '?status=%ZZ',
    '?status=%ED%A0%BD',
    '?status=pending&status=sent',
    `?${'a=1&'.repeat(500)}`,
  ]) {
    const r = await t.call(route.method, base.path.split('?')[0] + q, { token, body: base.body });
    if (r.status >= 500 && r.status !== 503) seen.push(`${r.status} for query ${q.slice(0, 40)}`);
  }
  return seen;
}

describe('the fuzz corpus: malformed bodies to every route never answer 500', () => {
  it.each(
    ROUTES.filter((r) => !r.throwawayCallers).map((r) => [`${r.method} ${r.path}`, r] as const),
  )(
    '%s',
    async (_name, route) => {
      expect(await fuzz(route, t.tokens.admin)).toEqual([]);
      expect(await fuzz(route, t.tokens.learner)).toEqual([]);
    },
    120_000,
  );
});

describe('the requests that answered 500', () => {
  it('an empty PATCH to a cohort or an LTI platform is a 400 that says what to send', async () => {
    const platform = await t.call('POST', '/api/lti/platforms', {
      token: t.tokens.admin,
      body: {
        name: 'Empty patch LMS',
        issuer: 'https://empty-patch.example',
        clientId: 'c-1',
        deploymentIds: ['1'],
        authEndpoint: 'https://empty-patch.example/auth',
        tokenEndpoint: 'https://empty-patch.example/token',
        jwksUrl: 'https://empty-patch.example/jwks',
      },
    });
    for (const path of [
      `/api/cohorts/${f.northwind.cohortId}`,
      `/api/lti/platforms/${platform.body.id}`,
    ]) {
      const r = await t.call('PATCH', path, { token: t.tokens.admin, body: {} });
      expect(r.status, path).toBe(400);
      expect(r.body.errors[0].message).toMatch(/at least one field/);
    }
  });

  it('a lone surrogate in a drill title or description, or an LTI deployment id, is stored as U+FFFD', async () => {
    const drill = await t.call('POST', '/api/drills', {
      token: t.tokens.admin,
      body: {
        title: `Reflect first ${LONE}`,
        scenarioId: 'new-manager-overwhelmed',
        focus: ['listening'],
        description: `Hold back \udc00 advice`,
        passChecks: ['no_unasked_advice'],
      },
    });
    expect(drill.status, JSON.stringify(drill.body)).toBe(201);
    expect(drill.body.title).toBe('Reflect first Half an emoji \ufffd');
    expect(
      (await t.call('GET', `/api/drills/${drill.body.id}`, { token: t.tokens.admin })).body
        .description,
    ).toBe('Hold back \ufffd advice');
    const platform = await t.call('POST', '/api/lti/platforms', {
      token: t.tokens.admin,
      body: {
        name: 'Surrogate LMS',
        issuer: 'https://surrogate.example',
        clientId: 'c-2',
        deploymentIds: ['1'],
        authEndpoint: 'https://surrogate.example/auth',
        tokenEndpoint: 'https://surrogate.example/token',
        jwksUrl: 'https://surrogate.example/jwks',
      },
    });
    const patched = await t.call('PATCH', `/api/lti/platforms/${platform.body.id}`, {
      token: t.tokens.admin,
      body: { deploymentIds: ['1', `dep-\ud83d`] },
    });
    expect(patched.status, JSON.stringify(patched.body)).toBe(200);
    expect(patched.body.deploymentIds).toEqual(['1', 'dep-\ufffd']);
  });
});

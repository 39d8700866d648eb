/**
 * @module routes/embed/embed.routes.test
 * The embed routes over real HTTP on the real app: the bundle (CORS, ETag, 503 when unbuilt),
 * framing only by configured LMS origins while the API stays unframeable, CORS preflight for the
 * API, and embed tokens minted with an API key (hash lookup, revocation, role never widened,
 * organisation boundary, lifetime cap).
 */
import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../../app-env.js';
import type { BundleSource } from './bundle-source.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PEOPLE, findDemoPeople } from '../../demo/seed.js';
import { apiKeys } from '../../db/schema/embed.js';
import { startTestApp, type TestApp } from '../../../test/support/app.js';
import { ensureBundle } from '../../../web-components/build.js';
import {
  DEMO_API_KEY,
  assetBundleSource,
  createApiKey,
  createEmbedRoutes,
  revokeApiKey,
  staticBundleSource,
} from './embed.index.js';

/** Only what the embed routes read of the dependencies (the frame policy, the bundle). */
const fakeDeps = (part: { config: { frameAncestors: string[] }; embedBundle?: BundleSource }) =>
  part as unknown as AppDeps;

let t: TestApp;
let key: { id: string; key: string };
let otherOrgKey: { id: string; key: string };

beforeAll(async () => {
  await ensureBundle();
  t = await startTestApp({
    SB_FRAME_ANCESTORS: 'https://lms.example.edu, https://moodle.example.org/path',
  });
  const people = (await findDemoPeople(t.runtime.deps.db))!;
  key = await createApiKey(t.runtime.deps.db, { orgId: people.learner.orgId, name: 'Test LMS' });
  otherOrgKey = await createApiKey(t.runtime.deps.db, {
    orgId: people.otherOrgLearner.orgId,
    name: 'Other LMS',
  });
});
afterAll(() => t?.close());

const mint = (apiKey: string | null, body: unknown) =>
  t.call('POST', '/api/embed/tokens', { headers: apiKey ? { 'x-api-key': apiKey } : {}, body });

describe('the bundle', () => {
  it('is served with CORS, a content type, an ETag, and revalidates with 304', async () => {
    const res = await fetch(`${t.url}/embed/sounding-board.js`, {
      headers: { Origin: 'https://elsewhere.example' },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(res.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
    const etag = res.headers.get('etag')!;
    expect(etag).toMatch(/^"[0-9a-f]+"$/);
    expect((await res.text()).length).toBeGreaterThan(10_000);
    const again = await fetch(`${t.url}/embed/sounding-board.js`, {
      headers: { 'If-None-Match': etag },
    });
    expect(again.status).toBe(304);
  });

  it('answers a clear 503 problem when the bundle has not been built', async () => {
    const app = new Hono<AppEnv>();
    app.use('*', async (c, next) => {
      c.set('deps', fakeDeps({ config: { frameAncestors: [] } }));
      await next();
    });
    app.route('/', createEmbedRoutes({ bundle: { read: async () => null } }));
    const res = await app.request('/embed/sounding-board.js');
    expect(res.status).toBe(503);
    expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect((await res.json()).detail).toMatch(/npm run build:web/);
    const built = new Hono<AppEnv>();
    built.use('*', async (c, next) => {
      c.set('deps', fakeDeps({ config: { frameAncestors: [] } }));
      await next();
    });
    built.route('/', createEmbedRoutes({ bundle: staticBundleSource('export {};') }));
    expect(await (await built.request('/embed/sounding-board.js')).text()).toBe('export {};');
  });

  it('takes the bundle from deps.embedBundle where there is no file system (Workers)', async () => {
    const worker = new Hono<AppEnv>();
    worker.use('*', async (c, next) => {
      c.set(
        'deps',
        fakeDeps({
          config: { frameAncestors: [] },
          embedBundle: staticBundleSource('/* from deps */'),
        }),
      );
      await next();
    });
    worker.route('/', createEmbedRoutes());
    const res = await worker.request('/embed/sounding-board.js');
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('/* from deps */');
  });

  it('reads a Workers static asset once it exists, then keeps it (same ETag as the text itself)', async () => {
    const asked: string[] = [];
    let built = false;
    const source = assetBundleSource({
      fetch: async (input) => {
        asked.push(new URL(typeof input === 'string' ? input : input.url).pathname);
        return built
          ? new Response('/* asset */', { headers: { 'content-type': 'text/javascript' } })
          : new Response('not found', { status: 404 });
      },
    });
    expect(await source.read()).toBeNull(); // not built yet: not cached, asked again next time
    built = true;
    const found = await source.read();
    expect(found).toEqual(await staticBundleSource('/* asset */').read());
    expect(await source.read()).toBe(found);
    expect(asked).toEqual(['/sounding-board.js', '/sounding-board.js']);
  });
});

describe('framing and headers', () => {
  it('lets the configured LMS origins frame the demo page, with a nonce CSP', async () => {
    const res = await fetch(`${t.url}/`);
    expect(res.status).toBe(200);
    const csp = res.headers.get('content-security-policy')!;
    expect(csp).toContain(
      "frame-ancestors 'self' https://lms.example.edu https://moodle.example.org",
    );
    expect(csp).not.toContain('/path');
    const nonce = /'nonce-([^']+)'/.exec(csp)![1];
    expect(await res.text()).toContain(`nonce="${nonce}"`);
    expect(res.headers.get('x-frame-options')).toBeNull();
    const second = await fetch(`${t.url}/`);
    expect(second.headers.get('content-security-policy')).not.toContain(nonce);
    expect((await fetch(`${t.url}/facilitator`)).status).toBe(200);
  });

  it('keeps the API unframeable', async () => {
    const res = await fetch(`${t.url}/api/health`);
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
  });

  it('answers CORS preflights for bearer-token calls from any origin, without credentials', async () => {
    const res = await fetch(`${t.url}/api/sessions`, {
      method: 'OPTIONS',
      headers: {
        Origin: 'https://lms.example.edu',
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'authorization, content-type',
      },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('access-control-allow-headers')?.toLowerCase()).toContain(
      'authorization',
    );
    expect(res.headers.get('access-control-allow-credentials')).toBeNull();
  });
});

describe('POST /api/embed/tokens', () => {
  it('mints a short-lived learner token that the API accepts', async () => {
    const before = Date.now();
    const res = await mint(key.key, {
      personEmail: DEMO_PEOPLE.learner.email.toUpperCase(),
      ttlSeconds: 600,
    });
    expect(res.status).toBe(201);
    expect(res.body.role).toBe('learner');
    const expires = Date.parse(res.body.expiresAt);
    expect(expires - before).toBeGreaterThanOrEqual(599_000);
    expect(expires - before).toBeLessThanOrEqual(601_000 + (Date.now() - before));
    const payload = JSON.parse(Buffer.from(res.body.token.split('.')[1], 'base64url').toString());
    expect(payload.exp - payload.iat).toBe(600);
    expect(payload.kind).toBe('embed');
    const me = await t.call('GET', '/api/me/progress', { token: res.body.token });
    expect(me.status).toBe(200);
  });

  it('refuses a missing, unknown or revoked key', async () => {
    expect((await mint(null, { personEmail: DEMO_PEOPLE.learner.email })).status).toBe(401);
    expect(
      (await mint('sbk_not-a-real-key', { personEmail: DEMO_PEOPLE.learner.email })).status,
    ).toBe(401);
    const temp = await createApiKey(t.runtime.deps.db, {
      orgId: (await findDemoPeople(t.runtime.deps.db))!.learner.orgId,
      name: 'Temp',
    });
    expect((await mint(temp.key, { personEmail: DEMO_PEOPLE.learner.email })).status).toBe(201);
    await revokeApiKey(t.runtime.deps.db, temp.id);
    const res = await mint(temp.key, { personEmail: DEMO_PEOPLE.learner.email });
    expect(res.status).toBe(401);
    expect(res.headers.get('content-type')).toMatch(/problem\+json/);
  });

  it('stores only a hash of each key', async () => {
    const rows = await t.runtime.deps.db.select().from(apiKeys);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row.keyHash).toMatch(/^[0-9a-f]{64}$/);
      expect(JSON.stringify(row)).not.toContain(key.key);
    }
  });

  it('may narrow a role but never widen it', async () => {
    const asLearner = await mint(key.key, {
      personEmail: DEMO_PEOPLE.facilitator.email,
      role: 'learner',
    });
    expect(asLearner.status).toBe(201);
    expect(asLearner.body.role).toBe('learner');
    expect(
      (await mint(key.key, { personEmail: DEMO_PEOPLE.learner.email, role: 'facilitator' })).status,
    ).toBe(403);
  });

  it('never reaches into another organisation', async () => {
    expect((await mint(key.key, { personEmail: DEMO_PEOPLE.otherOrgLearner.email })).status).toBe(
      404,
    );
    expect((await mint(otherOrgKey.key, { personEmail: DEMO_PEOPLE.learner.email })).status).toBe(
      404,
    );
    expect(
      (await mint(otherOrgKey.key, { personEmail: DEMO_PEOPLE.otherOrgLearner.email })).status,
    ).toBe(201);
  });

  it('validates the body: one person, a lifetime of at most an hour', async () => {
    for (const body of [
      {},
      { personEmail: DEMO_PEOPLE.learner.email, personId: '7b1e4c2a-3f0e-4c7e-9a51-0d3c1c2b9f10' },
      { personEmail: DEMO_PEOPLE.learner.email, ttlSeconds: 7200 },
      { personId: 'not-a-uuid' },
    ]) {
      const res = await mint(key.key, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.errors?.length).toBeGreaterThan(0);
    }
  });

  it('accepts the public demo key in demo mode only', async () => {
    const res = await mint(DEMO_API_KEY, { personEmail: DEMO_PEOPLE.learner.email });
    expect(res.status).toBe(201);
    const off = await startTestApp({ DEMO: 'false' }, { database: t.database });
    try {
      const refused = await off.call('POST', '/api/embed/tokens', {
        headers: { 'x-api-key': DEMO_API_KEY },
        body: { personEmail: DEMO_PEOPLE.learner.email },
      });
      expect(refused.status).toBe(401);
    } finally {
      await off.close();
    }
  });

  it('is documented in the OpenAPI document', async () => {
    const doc = await t.call('GET', '/api/openapi.json');
    expect(Object.keys(doc.body.paths)).toContain('/embed/tokens');
  });
});

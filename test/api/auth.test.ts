/**
 * @module test/api/auth
 * Bearer JWTs signed by the server carry person, organisation and role. No token or a bad one is
 * a 401 on every secured operation; a token is only as good as the person behind it now; every
 * read is scoped to the caller's organisation, and a learner sees only their own sessions.
 */
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { Hono } from 'hono';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppEnv } from '../../api/app-env.js';
import { requireAuth, requireRole, signToken, verifyToken } from '../../api/auth/index.js';
import { people } from '../../api/db/schema/index.js';
import { toProblemResponse } from '../../api/problems/index.js';
import { upsertPerson } from '../../api/store/people.js';
import { startTestApp, type TestApp } from '../support/app.js';
import type { ProblemBody } from '../support/typed-call.js';

const SECRET = 'test-secret-test-secret-test-secret-42'; // what startTestApp configures
let t: TestApp;
let demo: NonNullable<TestApp['runtime']['demo']>;
let alexSession: string;

beforeAll(async () => {
  t = await startTestApp();
  demo = t.runtime.demo!;
  const scenarios = await t.call('GET', '/api/scenarios', { token: t.tokens.learner });
  const s = await t.call('POST', '/api/sessions', {
    token: t.tokens.learner,
    body: { scenarioId: scenarios.body.scenarios[0].id },
  });
  alexSession = s.body.id;
});
afterAll(async () => t?.close());

const enc = new TextEncoder();
const unauthorized = (r: { status: number; body: unknown; headers: Headers }) => {
  expect(r.status, JSON.stringify(r.body)).toBe(401);
  expect(r.headers.get('content-type')).toMatch(/problem\+json/);
  const body = r.body as ProblemBody;
  expect(body.title).toBe('Unauthorized');
  return body;
};

/** A learner who exists for now and a token signed for them; `remove()` deletes the person. */
async function soonGone() {
  const ghost = await upsertPerson(t.runtime.deps.db, demo.learner.orgId, {
    name: 'Gone Soon',
    email: `gone-${randomUUID()}@northwind.example`,
    role: 'learner',
  });
  const token = await signToken(SECRET, { sub: ghost.id, org: ghost.orgId, role: 'learner' }, 3600);
  return {
    token,
    remove: () => t.runtime.deps.db.delete(people).where(eq(people.id, ghost.id)),
  };
}

describe('no token or a bad one: 401', () => {
  it('every secured operation in the OpenAPI document refuses a request without a token', async () => {
    const doc = (await t.call('GET', '/api/openapi.json')).body;
    const secured: [string, string][] = [];
    const paths = doc.paths as Record<string, Record<string, { security?: object[] }>>;
    for (const [path, ops] of Object.entries(paths)) {
      for (const [method, op] of Object.entries(ops))
        if (op.security?.some((s) => 'bearerAuth' in s)) secured.push([method.toUpperCase(), path]);
    }
    expect(secured.length).toBeGreaterThanOrEqual(6);
    for (const [method, path] of secured) {
      const concrete = '/api' + path.replace(/\{[^}]+\}/g, randomUUID());
      const r = await t.call(
        method,
        concrete,
        method === 'GET' || method === 'DELETE' ? {} : { body: {} },
      );
      expect(r.status, `${method} ${path} without a token answered ${r.status}`).toBe(401);
    }
  });

  it('a malformed Authorization header', async () => {
    for (const authorization of [
      'Basic YWxleDpwdw==',
      'Bearer',
      'Bearer ',
      `Bearer ${t.tokens.learner} extra`,
      t.tokens.learner,
      'Bearer not-a-jwt',
      `Bearer ${t.tokens.learner}=`,
      `Bearer ${t.tokens.learner}==`,
      `Bearer ${t.tokens.learner.replace(/\.([^.]+)$/, '.$1+')}`,
      `Bearer ${t.tokens.learner}.`,
      `Bearer\t${t.tokens.learner}`,
      `Bearer ${t.tokens.learner}%3D`,
      `Bearer ${t.tokens.learner.split('.').slice(0, 2).join('.')}`,
    ]) {
      unauthorized(await t.call('GET', '/api/sessions', { headers: { authorization } }));
    }
  });

  it('demo tokens are short-lived: 12 hours at most', async () => {
    const tokens = (await t.call('GET', '/api/demo/tokens')).body as Record<string, string>;
    for (const [who, token] of Object.entries(tokens)) {
      const { iat, exp } = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString());
      expect(exp - iat, who).toBeLessThanOrEqual(12 * 3600);
    }
  });

  it('a token signed with another secret', async () => {
    const forged = await signToken(
      'another-secret-another-secret-another',
      { sub: demo.learner.id, org: demo.learner.orgId, role: 'learner' },
      3600,
    );
    expect(unauthorized(await t.call('GET', '/api/sessions', { token: forged })).reason).toBe(
      'invalid',
    );
  });

  it('an expired token says it has expired', async () => {
    const expired = await new SignJWT({ org: demo.learner.orgId, role: 'learner', kind: 'session' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(demo.learner.id)
      .setIssuer('sounding-board')
      .setIssuedAt(Math.floor(Date.now() / 1000) - 7200)
      .setExpirationTime(Math.floor(Date.now() / 1000) - 60)
      .sign(enc.encode(SECRET));
    const body = unauthorized(await t.call('GET', '/api/sessions', { token: expired }));
    expect(body.reason).toBe('expired');
    expect(body.detail).toMatch(/expired/);
  });

  it('a token that worked is refused once it expires, and only ever verifies with the secret that signed it', async () => {
    // verified tokens are remembered (api/auth/tokens): expiry and secret must still hold on every use
    const token = await signToken(
      SECRET,
      { sub: demo.learner.id, org: demo.learner.orgId, role: 'learner' },
      2,
    );
    expect((await t.call('GET', '/api/sessions', { token })).status).toBe(200);
    await expect(verifyToken('another-secret-another-secret-another', token)).rejects.toMatchObject(
      { reason: 'invalid' },
    );
    expect((await verifyToken(SECRET, token)).sub).toBe(demo.learner.id);
    await new Promise((r) => setTimeout(r, 2100));
    expect(unauthorized(await t.call('GET', '/api/sessions', { token })).reason).toBe('expired');
  });

  it('an unsigned (alg none) token, a wrong issuer, a bad role claim, a non-UUID subject', async () => {
    const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const none = `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ sub: demo.admin.id, org: demo.admin.orgId, role: 'admin', iss: 'sounding-board', exp: Math.floor(Date.now() / 1000) + 3600 })}.`;
    unauthorized(
      await t.call('GET', '/api/sessions', { headers: { authorization: `Bearer ${none}` } }),
    );
    const signed = (claims: Record<string, unknown>, issuer = 'sounding-board') =>
      new SignJWT(claims)
        .setProtectedHeader({ alg: 'HS256' })
        .setIssuer(issuer)
        .setIssuedAt()
        .setExpirationTime('1h')
        .sign(enc.encode(SECRET));
    unauthorized(
      await t.call('GET', '/api/sessions', {
        token: await signed(
          { sub: demo.learner.id, org: demo.learner.orgId, role: 'learner' },
          'someone-else',
        ),
      }),
    );
    unauthorized(
      await t.call('GET', '/api/sessions', {
        token: await signed({ sub: demo.learner.id, org: demo.learner.orgId, role: 'superuser' }),
      }),
    );
    unauthorized(
      await t.call('GET', '/api/sessions', {
        token: await signed({ sub: "1' or '1'='1", org: demo.learner.orgId, role: 'learner' }),
      }),
    );
    unauthorized(
      await t.call('GET', '/api/sessions', {
        token: await signed({ org: demo.learner.orgId, role: 'learner' }),
      }),
    );
  });

  it('a person in one organisation cannot claim another', async () => {
    const crossed = await signToken(
      SECRET,
      { sub: demo.learner.id, org: demo.otherOrgLearner.orgId, role: 'learner' },
      3600,
    );
    unauthorized(await t.call('GET', '/api/sessions', { token: crossed }));
  });

  it('a token for someone who no longer exists', async () => {
    const { token, remove } = await soonGone();
    expect((await t.call('GET', '/api/sessions', { token })).status).toBe(200);
    await remove();
    expect(unauthorized(await t.call('GET', '/api/sessions', { token })).detail).toMatch(
      /no longer exists/,
    );
  });
});

describe('a turn and a session read check the person in their own first statement', () => {
  const turn = (sessionId: string, token: string) =>
    t.call('POST', `/api/sessions/${sessionId}/turns`, {
      token,
      body: { clientTurnId: randomUUID(), text: 'What would you like from today?' },
    });

  it('a token whose person is gone is a 401 there too, session or none', async () => {
    const { token, remove } = await soonGone();
    const started = await t.call('POST', '/api/sessions', {
      token,
      body: { scenarioId: 'new-manager-overwhelmed' },
    });
    expect(started.status).toBe(201);
    expect((await turn(started.body.id, token)).status).toBe(200);
    expect((await t.call('GET', `/api/sessions/${started.body.id}`, { token })).status).toBe(200);
    // an unknown session is a 404 while the person exists
    expect((await turn(randomUUID(), token)).status).toBe(404);
    expect((await t.call('GET', `/api/sessions/${randomUUID()}`, { token })).status).toBe(404);
    await remove();
    for (const id of [started.body.id, randomUUID()]) {
      expect(unauthorized(await turn(id, token)).detail).toMatch(/no longer exists/);
      const read = await t.call('GET', `/api/sessions/${id}`, { token });
      expect(unauthorized(read).detail).toMatch(/no longer exists/);
    }
  });

  it('a person claimed in another organisation is a 401, even for their own session', async () => {
    const crossed = await signToken(
      SECRET,
      { sub: demo.learner.id, org: demo.otherOrgLearner.orgId, role: 'learner' },
      3600,
    );
    unauthorized(await turn(alexSession, crossed));
    unauthorized(await t.call('GET', `/api/sessions/${alexSession}`, { token: crossed }));
  });

  it("an admin's embed token narrowed to a learner reads only their own sessions", async () => {
    const narrowed = await signToken(
      SECRET,
      { sub: demo.admin.id, org: demo.admin.orgId, role: 'learner', kind: 'embed' },
      600,
    );
    const asAdmin = await signToken(
      SECRET,
      { sub: demo.admin.id, org: demo.admin.orgId, role: 'admin' },
      600,
    );
    expect((await t.call('GET', `/api/sessions/${alexSession}`, { token: asAdmin })).status).toBe(
      200,
    );
    expect((await t.call('GET', `/api/sessions/${alexSession}`, { token: narrowed })).status).toBe(
      404,
    );
    expect((await turn(alexSession, asAdmin)).status).toBe(404);
  });
});

describe('the role is the one in the database now, not the one in the token', () => {
  it('a token claiming admin for a learner acts as a learner', async () => {
    const inflated = await signToken(
      SECRET,
      { sub: demo.learner2.id, org: demo.learner2.orgId, role: 'admin' },
      3600,
    );
    expect((await t.call('GET', `/api/sessions/${alexSession}`, { token: inflated })).status).toBe(
      404,
    );
  });

  it('requireRole answers 403 naming the roles needed', async () => {
    const app = new Hono<AppEnv>();
    app.use('*', async (c, next) => (c.set('deps', t.runtime.deps), next()));
    app.get('/facilitators-only', requireAuth, requireRole('facilitator', 'admin'), (c) =>
      c.json({ ok: c.var.caller.role }),
    );
    app.onError((err, c) => toProblemResponse(err, c));
    const asLearner = await app.request('/facilitators-only', {
      headers: { authorization: `Bearer ${t.tokens.learner}` },
    });
    expect(asLearner.status).toBe(403);
    expect((await asLearner.json()).detail).toMatch(/facilitator, admin/);
    const asFacilitator = await app.request('/facilitators-only', {
      headers: { authorization: `Bearer ${t.tokens.facilitator}` },
    });
    expect(await asFacilitator.json()).toEqual({ ok: 'facilitator' });
    expect((await app.request('/facilitators-only')).status).toBe(401);
  });
});

describe('tokens', () => {
  it('carry person, organisation and role, and verify only with the server secret', async () => {
    const claims = await verifyToken(SECRET, t.tokens.facilitator);
    expect(claims).toEqual({
      sub: demo.facilitator.id,
      org: demo.facilitator.orgId,
      role: 'facilitator',
      kind: 'session',
    });
    await expect(verifyToken('x'.repeat(40), t.tokens.facilitator)).rejects.toMatchObject({
      reason: 'invalid',
    });
  });
});

describe('scoped to the organisation; a learner sees only their own sessions', () => {
  it("another learner's session is a 404, and is not in their list", async () => {
    expect(
      (await t.call('GET', `/api/sessions/${alexSession}`, { token: t.tokens.learner2 })).status,
    ).toBe(404);
    const list = await t.call('GET', '/api/sessions', { token: t.tokens.learner2 });
    expect(list.status).toBe(200);
    expect(list.body.sessions.map((s) => s.id)).not.toContain(alexSession);
    const own = await t.call('GET', '/api/sessions', { token: t.tokens.learner });
    expect(own.body.sessions.map((s) => s.id)).toContain(alexSession);
  });

  it("another organisation's staff see a 404 (no hint that it exists)", async () => {
    const unknown = await t.call('GET', `/api/sessions/${randomUUID()}`, {
      token: t.tokens.otherOrgFacilitator,
    });
    const foreign = await t.call('GET', `/api/sessions/${alexSession}`, {
      token: t.tokens.otherOrgFacilitator,
    });
    expect(foreign.status).toBe(404);
    expect(foreign.body.title).toBe(unknown.body.title);
    expect(foreign.body.type).toBe(unknown.body.type);
  });

  it("an admin reads their own organisation's sessions", async () => {
    expect(
      (await t.call('GET', `/api/sessions/${alexSession}`, { token: t.tokens.admin })).status,
    ).toBe(200);
  });

  it("another learner's progress is not in mine", async () => {
    const mine = await t.call('GET', '/api/me/progress', { token: t.tokens.learner2 });
    expect(mine.status).toBe(200);
    expect(JSON.stringify(mine.body)).not.toContain(alexSession);
  });
});

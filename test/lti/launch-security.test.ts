/**
 * Every check of the launch, each proven by a launch that only that check stops: the simulated
 * platform spoils one thing at a time. Each refusal is an error page naming the check, with no
 * token in it, and nothing created (no person, no platform-user link, no launch record).
 */
import { count, eq } from 'drizzle-orm';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ltiLaunches, ltiLoginStates, ltiUsers, people } from '../../api/db/schema/index.js';
import { startTestApp, type TestApp } from '../support/app.js';
import {
  launchThrough,
  makeKey,
  ROLE,
  startPlatform,
  type LaunchSpec,
  type SimulatedPlatform,
} from './support/platform.js';

let t: TestApp;
let platform: SimulatedPlatform;
let clockOffsetMs = 0;
const LTI = 'https://purl.imsglobal.org/spec/lti/claim/';

beforeAll(async () => {
  t = await startTestApp();
  // the tool's clock, moved forward by tests that need time to pass (JWKS cooldown, state expiry)
  t.runtime.deps.now = () => new Date(Date.now() + clockOffsetMs);
  platform = await startPlatform(t.url, { clock: () => Date.now() + clockOffsetMs });
  const reg = await t.call('POST', '/api/lti/platforms', {
    token: t.tokens.admin,
    body: platform.registration(),
  });
  expect(reg.status).toBe(201);
});
afterAll(async () => {
  await platform?.close();
  await t?.close();
});

const user = { sub: 'sec-user-1', name: 'Sec Learner', roles: [ROLE.learner] };
const spec = (extra: Partial<LaunchSpec> = {}): LaunchSpec => ({ user, ...extra });

async function traces() {
  const db = t.runtime.deps.db;
  const [[p], [u], [l]] = await Promise.all([
    db.select({ n: count() }).from(people),
    db.select({ n: count() }).from(ltiUsers),
    db.select({ n: count() }).from(ltiLaunches),
  ]);
  return { people: p.n, links: u.n, launches: l.n };
}

async function expectRefused(
  run: () => Promise<{ status: number; html: string; headers: Headers }>,
  reason: string,
  status = 401,
) {
  const before = await traces();
  const res = await run();
  expect(res.headers.get('content-type')).toContain('text/html');
  expect(res.html).toContain(`data-reason>${reason}<`);
  expect(res.status).toBe(status);
  expect(res.html).not.toMatch(/token="/);
  expect(res.html).not.toContain('<sb-practice');
  expect(await traces()).toEqual(before);
}

describe('a valid launch (the baseline every refusal below differs from by one thing)', () => {
  it('is accepted', async () => {
    const res = await launchThrough(t.url, platform, spec());
    expect(res.status, res.html).toBe(200);
    expect(res.html).toContain('<sb-practice');
  });
});

describe('id_token checks', () => {
  it('bad signature: signed by another key under the platform’s kid', async () => {
    const impostor = await makeKey();
    await expectRefused(
      () => launchThrough(t.url, platform, spec({ signWith: impostor, kid: platform.keys[0].kid })),
      'signature',
    );
  });
  it('not RS256', async () => {
    const hs = await new SignJWT({ sub: 'x' })
      .setProtectedHeader({ alg: 'HS256', kid: platform.keys[0].kid })
      .sign(new TextEncoder().encode('guessable-secret-guessable-secret'));
    await expectRefused(
      () => launchThrough(t.url, platform, spec(), { tamperForm: (f) => (f.id_token = hs) }),
      'algorithm',
    );
  });
  it('not a JWT at all', async () => {
    await expectRefused(
      () =>
        launchThrough(t.url, platform, spec(), { tamperForm: (f) => (f.id_token = 'not-a-jwt') }),
      'malformed',
      400,
    );
  });
  it('wrong issuer', async () => {
    await expectRefused(
      () => launchThrough(t.url, platform, spec({ override: { iss: 'https://evil.example' } })),
      'issuer',
    );
  });
  it('wrong audience', async () => {
    await expectRefused(
      () => launchThrough(t.url, platform, spec({ override: { aud: 'another-tool' } })),
      'audience',
    );
  });
  it('several audiences without azp, and an azp naming someone else', async () => {
    await expectRefused(
      () =>
        launchThrough(
          t.url,
          platform,
          spec({ override: { aud: [platform.state.clientId, 'another-tool'] } }),
        ),
      'azp',
    );
    await expectRefused(
      () => launchThrough(t.url, platform, spec({ override: { azp: 'another-tool' } })),
      'azp',
    );
  });
  it('expired token', async () => {
    await expectRefused(() => launchThrough(t.url, platform, spec({ expOffset: -600 })), 'expired');
  });
  it('issued too long ago, or in the future', async () => {
    await expectRefused(() => launchThrough(t.url, platform, spec({ iatOffset: -3600 })), 'iat');
    await expectRefused(
      () => launchThrough(t.url, platform, spec({ iatOffset: 3600, expOffset: 3600 })),
      'iat',
    );
  });
  it('nonce that is not the login’s', async () => {
    await expectRefused(
      () => launchThrough(t.url, platform, spec({ override: { nonce: 'someone-elses-nonce' } })),
      'nonce',
    );
  });
  it('unknown deployment', async () => {
    await expectRefused(
      () => launchThrough(t.url, platform, spec({ deploymentId: 'deploy-unregistered' })),
      'deployment',
    );
  });
  it('unsupported message type and LTI version', async () => {
    await expectRefused(
      () => launchThrough(t.url, platform, spec({ messageType: 'LtiSubmissionReviewRequest' })),
      'message_type',
      400,
    );
    await expectRefused(
      () => launchThrough(t.url, platform, spec({ override: { [`${LTI}version`]: '1.1.0' } })),
      'version',
      400,
    );
  });
  it('missing claims: roles, resource link, subject, exp', async () => {
    await expectRefused(
      () => launchThrough(t.url, platform, spec({ override: { [`${LTI}roles`]: undefined } })),
      'claims',
      400,
    );
    await expectRefused(
      () => launchThrough(t.url, platform, spec({ resourceLink: null })),
      'claims',
      400,
    );
    await expectRefused(
      () => launchThrough(t.url, platform, spec({ override: { sub: undefined } })),
      'claims',
      400,
    );
    await expectRefused(
      () => launchThrough(t.url, platform, spec({ override: { exp: undefined } })),
      'claims',
      400,
    );
  });
  it('a drill the organisation does not have', async () => {
    await expectRefused(
      () => launchThrough(t.url, platform, spec({ custom: { drill_id: crypto.randomUUID() } })),
      'drill',
      404,
    );
  });
});

describe('state and nonce', () => {
  it('a replayed launch (same id_token and state) is refused: the state and its nonce are single-use', async () => {
    let form: Record<string, string> = {};
    const first = await launchThrough(t.url, platform, spec(), {
      tamperForm: (f) => (form = { ...f }),
    });
    expect(first.status).toBe(200);
    await expectRefused(async () => {
      const res = await fetch(`${t.url}/lti/launch`, {
        method: 'POST',
        body: new URLSearchParams(form),
      });
      return { status: res.status, html: await res.text(), headers: res.headers };
    }, 'state');
  });
  it('a state the tool never issued is refused', async () => {
    await expectRefused(
      () =>
        launchThrough(t.url, platform, spec(), { tamperForm: (f) => (f.state = 'forged-state') }),
      'state',
    );
  });
  it('a state older than the login window is refused, and consumed', async () => {
    let state = '';
    await expectRefused(
      () =>
        launchThrough(t.url, platform, spec(), {
          tamperForm: (f) => {
            state = f.state;
            clockOffsetMs += 11 * 60_000;
          },
        }),
      'state_expired',
    );
    expect(state).not.toBe('');
    expect(
      await t.runtime.deps.db.select().from(ltiLoginStates).where(eq(ltiLoginStates.state, state)),
    ).toEqual([]);
  });
});

describe('platform keys by kid', () => {
  it('an unknown kid makes the tool refetch the JWKS once, then refuse; within the cooldown it does not refetch', async () => {
    clockOffsetMs += 60_000;
    const stranger = await makeKey();
    const hits = platform.state.jwksHits;
    await expectRefused(
      () => launchThrough(t.url, platform, spec({ signWith: stranger })),
      'unknown_kid',
    );
    expect(platform.state.jwksHits).toBe(hits + 1);
    await expectRefused(
      () => launchThrough(t.url, platform, spec({ signWith: stranger })),
      'unknown_kid',
    );
    expect(platform.state.jwksHits).toBe(hits + 1);
  });
  it('a platform that rotated its key is followed on the next launch after the cooldown', async () => {
    clockOffsetMs += 60_000;
    await platform.rotate();
    const hits = platform.state.jwksHits;
    const res = await launchThrough(t.url, platform, spec());
    expect(res.status, res.html).toBe(200);
    expect(platform.state.jwksHits).toBe(hits + 1);
    // known kid now: no more fetches
    expect((await launchThrough(t.url, platform, spec())).status).toBe(200);
    expect(platform.state.jwksHits).toBe(hits + 1);
  });
});

describe('login', () => {
  it('refuses an unknown issuer, a foreign target and missing parameters, with an error page', async () => {
    const login = (q: Record<string, string>) =>
      fetch(`${t.url}/lti/login?${new URLSearchParams(q)}`, { redirect: 'manual' });
    const base = {
      iss: platform.url,
      login_hint: 'u',
      target_link_uri: `${t.url}/lti/launch`,
      client_id: platform.state.clientId,
    };
    const unknown = await login({ ...base, iss: 'https://unknown.example' });
    expect(unknown.status).toBe(400);
    expect(await unknown.text()).toContain('data-reason>platform<');
    const foreign = await login({ ...base, target_link_uri: 'https://evil.example/phish' });
    expect(foreign.status).toBe(400);
    expect(await foreign.text()).toContain('data-reason>target<');
    const missing = await login({ iss: platform.url });
    expect(await missing.text()).toContain('data-reason>login_params<');
    const wrongDeployment = await login({ ...base, lti_deployment_id: 'nope' });
    expect(await wrongDeployment.text()).toContain('data-reason>deployment<');
  });
  it('accepts the login as a POST too', async () => {
    const res = await fetch(`${t.url}/lti/login`, {
      method: 'POST',
      redirect: 'manual',
      body: new URLSearchParams({
        iss: platform.url,
        login_hint: 'u',
        target_link_uri: `${t.url}/lti/launch`,
      }),
    });
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toMatch(new RegExp(`^${platform.url}/auth\\?`));
  });
});

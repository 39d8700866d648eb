/**
 * @module test/lti/platform-targets
 * An LTI platform's URLs are requests the server makes on an admin's say-so (its key set, its
 * token endpoint, the line items it sends) or sends people to (its login endpoint), so, as with
 * the LRS endpoint, they may not point inside the server's network: loopback, private and
 * link-local targets are refused with a 400 naming each field when a platform is registered or
 * changed, and again at every fetch, on the address the name resolves to then (a name that was
 * public when saved may point inside later). The suite's own simulated platform runs on
 * 127.0.0.1 and is allowed by name through SB_ALLOW_PRIVATE_HOSTS, as an on-premises LMS would be.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PlatformRequestError } from '../../api/lti/ags/access-token.js';
import { AGS_SCOPE } from '../../api/lti/claims.js';
import { activeSigningKey } from '../../api/lti/tool-keys.js';
import { createPlatform, ltiRuntimeOf } from '../../api/lti/index.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { launchThrough, ROLE, startPlatform, type SimulatedPlatform } from './support/platform.js';

let t: TestApp;
let platform: SimulatedPlatform;
beforeAll(async () => {
  // no allow-list: the defaults production runs with
  t = await startTestApp({ SB_ALLOW_PRIVATE_HOSTS: '' });
  platform = await startPlatform(t.url);
});
afterAll(async () => {
  await platform?.close();
  await t?.close();
});

const good = {
  name: 'Campus LMS',
  issuer: 'https://lms.example.edu',
  clientId: 'client-1',
  deploymentIds: ['1'],
  authEndpoint: 'https://203.0.113.10/auth',
  tokenEndpoint: 'https://203.0.113.10/token',
  jwksUrl: 'https://203.0.113.10/jwks',
};

describe('registering a platform', () => {
  it('refuses loopback, private and link-local URLs with a 400 naming each field', async () => {
    const res = await t.call('POST', '/api/lti/platforms', {
      token: t.tokens.admin,
      body: {
        ...good,
        jwksUrl: 'http://169.254.169.254/latest/meta-data/',
        tokenEndpoint: `${platform.url}/token`,
        authEndpoint: 'http://[fd00::1]/auth',
      },
    });
    expect(res.status).toBe(400);
    expect(res.body.detail).toMatch(/reachable on the internet/);
    expect(res.body.errors.map((e: { path: string }) => e.path).sort()).toEqual([
      'authEndpoint',
      'jwksUrl',
      'tokenEndpoint',
    ]);
    expect(platform.state.jwksHits + platform.state.tokenRequests).toBe(0);
  });

  it('accepts public URLs, and refuses a change that points one inside', async () => {
    const created = await t.call('POST', '/api/lti/platforms', {
      token: t.tokens.admin,
      body: good,
    });
    expect(created.status).toBe(201);
    for (const patch of [
      { jwksUrl: 'http://10.0.0.8/jwks' },
      { tokenEndpoint: 'http://localhost:8080/token' },
      { authEndpoint: 'http://127.0.0.1/auth' },
    ]) {
      const res = await t.call('PATCH', `/api/lti/platforms/${created.body.id}`, {
        token: t.tokens.admin,
        body: patch,
      });
      expect(res.status, JSON.stringify(patch)).toBe(400);
      expect(res.body.errors[0].path).toBe(Object.keys(patch)[0]);
    }
    const renamed = await t.call('PATCH', `/api/lti/platforms/${created.body.id}`, {
      token: t.tokens.admin,
      body: { name: 'Campus LMS (live)' },
    });
    expect(renamed.status).toBe(200);
    expect(
      (await t.call('GET', `/api/lti/platforms/${created.body.id}`, { token: t.tokens.admin })).body
        .jwksUrl,
    ).toBe(good.jwksUrl);
  });
});

describe('at fetch time', () => {
  // saved as if its names resolved publicly then; they resolve to loopback now
  let row: Awaited<ReturnType<typeof createPlatform>>;
  beforeAll(async () => {
    row = await createPlatform(
      t.runtime.deps.db,
      t.runtime.demo!.admin.orgId,
      platform.registration(),
    );
  });

  it('a launch does not fetch a key set that now points inside: refused, and the platform is never called', async () => {
    const res = await launchThrough(t.url, platform, {
      user: { sub: 'rebind-1', roles: [ROLE.learner] },
    });
    expect(res.status).toBe(502);
    expect(res.html).toContain('data-reason>jwks_unavailable<');
    expect(res.html).not.toContain('<sb-practice');
    expect(platform.state.jwksHits).toBe(0);
    // whoever launched sees that the keys could not be fetched, never where or why
    expect(res.html).not.toMatch(/127\.0\.0\.1|resolves|loopback|key set at/);
  });

  it('no AGS token is asked of a token endpoint that now points inside; the refusal is not retried', async () => {
    const real = await ltiRuntimeOf(t.runtime.deps)
      .tokens.tokenFor(row, [AGS_SCOPE.score], () =>
        activeSigningKey(t.runtime.deps.db, row.orgId, new Date()),
      )
      .catch((e) => e);
    expect(real).toBeInstanceOf(PlatformRequestError);
    expect(real.message).toMatch(/token endpoint refused/);
    expect(real.retryable).toBe(false);
    expect(platform.state.tokenRequests).toBe(0);
  });
});

/**
 * @module test/api/limits
 * Limits on consumption: per-person and per-IP request limits answering 429 with Retry-After
 * (counted in the database, so every instance shares them), a longest session with a clear
 * problem (and the scorecard as usual when it ends), a cap on new SCORM learners per hour, and
 * LTI logins that cannot fill a table. The suite runs with limits off; this file switches them on.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ltiLoginStates } from '../../api/db/schema/index.js';
import { createPlatform } from '../../api/lti/index.js';
import { signPackageToken } from '../../api/scorm/package-token.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { clearOfMinuteEdge } from '../support/minute-window.js';

describe('request rate limits', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({
      SB_RATE_LIMIT_PERSON_PER_MINUTE: '5',
      SB_RATE_LIMIT_IP_PER_MINUTE: '12',
    });
  });
  afterAll(async () => t?.close());

  it("answer 429 with Retry-After once a person's requests pass the limit; another person is not held back", async () => {
    const statuses: number[] = [];
    let last;
    // this test and the next count against the same minute's per-IP window
    await clearOfMinuteEdge(20_000);
    for (let i = 0; i < 7; i++) {
      last = await t.call('GET', '/api/sessions', { token: t.tokens.learner });
      statuses.push(last.status);
    }
    expect(statuses.slice(0, 5)).toEqual([200, 200, 200, 200, 200]);
    expect(statuses.slice(5)).toEqual([429, 429]);
    expect(Number(last!.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(Number(last!.headers.get('retry-after'))).toBeLessThanOrEqual(60);
    expect(last!.body).toMatchObject({ status: 429, title: 'Too many requests' });
    expect((await t.call('GET', '/api/sessions', { token: t.tokens.learner2 })).status).toBe(200);
  });

  it('count unauthenticated requests per IP address', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 14; i++) statuses.push((await t.call('GET', '/api/health')).status);
    expect(statuses).toContain(429);
    const login = await t.call('GET', '/lti/login?iss=x&login_hint=y&target_link_uri=z');
    expect(login.status).toBe(429);
  });
});

describe('session length', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ SB_MAX_SESSION_TURNS: '3' });
  });
  afterAll(async () => t?.close());

  it('refuses a coach turn past the longest session with a clear problem; a resend is still answered; ending gives the scorecard', async () => {
    const s = await t.call('POST', '/api/sessions', {
      token: t.tokens.learner,
      body: { scenarioId: 'new-manager-overwhelmed' },
    });
    const ids: string[] = [];
    for (const text of [
      'What would you like from today?',
      'It sounds like a lot.',
      'What matters most?',
    ]) {
      ids.push(randomUUID());
      expect(
        (
          await t.call('POST', `/api/sessions/${s.body.id}/turns`, {
            token: t.tokens.learner,
            body: { clientTurnId: ids.at(-1), text },
          })
        ).status,
      ).toBe(200);
    }
    const over = await t.call('POST', `/api/sessions/${s.body.id}/turns`, {
      token: t.tokens.learner,
      body: { clientTurnId: randomUUID(), text: 'And what else?' },
    });
    expect(over.status).toBe(409);
    expect(over.body).toMatchObject({ title: 'Session limit reached', maxTurns: 3 });
    expect(over.body.detail).toMatch(/end/i);
    const resend = await t.call('POST', `/api/sessions/${s.body.id}/turns`, {
      token: t.tokens.learner,
      body: { clientTurnId: ids[2], text: 'What matters most?' },
    });
    expect(resend.status).toBe(200);
    const end = await t.call('POST', `/api/sessions/${s.body.id}/end`, { token: t.tokens.learner });
    expect(end.status).toBe(200);
    expect(end.body.scorecard.skills.length).toBeGreaterThan(0);
  });
});

describe('unauthenticated writes', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({
      SB_SCORM_NEW_LEARNERS_PER_HOUR: '3',
      SB_LTI_MAX_PENDING_LOGINS: '10',
      LOG_LEVEL: 'debug',
    });
  });
  afterAll(async () => t?.close());

  it('a SCORM package creates at most the hourly number of new learners; known learners still launch', async () => {
    const demo = t.runtime.demo!;
    const drillId = (await t.call('GET', '/api/drills', { token: t.tokens.admin })).body.drills[0]
      .id;
    const packageToken = await signPackageToken(
      t.runtime.deps.jwtSecret,
      { orgId: demo.admin.orgId, drillId },
      new Date(),
    );
    const launch = (learnerId: string) =>
      t.call('POST', '/api/scorm/launch', {
        body: { packageToken, learnerId, learnerName: 'Sam' },
      });
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await launch(`lms-${i}`)).status);
    expect(statuses).toEqual([201, 201, 201, 429, 429]);
    const refused = await launch('lms-9');
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await launch('lms-1')).status).toBe(201);
  });

  it('LTI logins hold at most the configured number of pending states; past it a login is refused with 503', async () => {
    const iss = 'https://capped-lms.example';
    await createPlatform(t.runtime.deps.db, t.runtime.demo!.admin.orgId, {
      name: 'Capped',
      issuer: iss,
      clientId: 'c',
      deploymentIds: ['1'],
      authEndpoint: `${iss}/auth`,
      tokenEndpoint: `${iss}/token`,
      jwksUrl: `${iss}/jwks`,
    });
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      const q = new URLSearchParams({
        iss,
        login_hint: `u${i}`,
        target_link_uri: `${t.url}/lti/launch`,
      });
      statuses.push((await fetch(`${t.url}/lti/login?${q}`, { redirect: 'manual' })).status);
    }
    expect(statuses.slice(0, 10).every((s) => s === 302)).toBe(true);
    expect(statuses.slice(10)).toEqual([503, 503]);
    expect((await t.runtime.deps.db.select().from(ltiLoginStates)).length).toBe(10);
  });

  it('refused LTI logins are not logged one warning each', async () => {
    const before = t.logs.length;
    for (let i = 0; i < 5; i++)
      await t.call(
        'GET',
        `/lti/login?iss=https://nobody-${i}.example&login_hint=x&target_link_uri=x`,
      );
    const warnings = t.logs.slice(before).filter((l) => JSON.parse(l).level !== 'debug');
    expect(warnings).toEqual([]);
  });
});

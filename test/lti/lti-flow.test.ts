/**
 * The LTI 1.3 flow end to end over real HTTP against a simulated platform: registration, login,
 * launch (learner and instructor), practice with the launch token, grade passback through the
 * outbox (with the LMS down, then up), deep linking, and tool key rotation.
 */
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { createRemoteJWKSet, decodeProtectedHeader, jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cohortMembers, ltiGradeOutbox, ltiUsers, people } from '../../api/db/schema/index.js';
import { listOrgDrills } from '../../api/lti/index.js';
import { outboxRuntimeOf } from '../../api/outbox/runtime.js';
import { startTestApp, type TestApp } from '../support/app.js';
import {
  launchThrough,
  readForm,
  ROLE,
  startPlatform,
  type SimulatedPlatform,
} from './support/platform.js';

let t: TestApp;
let platform: SimulatedPlatform;
let platformId: string;
let drill: { id: string; title: string };

const GOOD = [
  'What would you like to get out of our conversation today?',
  'It sounds like you are carrying a lot since the promotion.',
  'What else is going on for you?',
  'So on the one hand you want to be liked, and on the other you need to make decisions they may not like.',
  'What will you do first, and by when?',
];

beforeAll(async () => {
  t = await startTestApp();
  platform = await startPlatform(t.url);
  const reg = await t.call('POST', '/api/lti/platforms', {
    token: t.tokens.admin,
    body: platform.registration(),
  });
  expect(reg.status, JSON.stringify(reg.body)).toBe(201);
  platformId = reg.body.id;
  drill = (await listOrgDrills(t.runtime.deps.db, t.runtime.demo!.admin.orgId))[0];
});
afterAll(async () => {
  await platform?.close();
  await t?.close();
});

/** The attempt is counted when the row is claimed; it is over once the row is released again. */
const firstAttemptSettled = (row?: { attempts: number; lockedUntil: Date | null }) =>
  row?.attempts === 1 && row.lockedUntil === null;

const tokenOf = (html: string) => /token="([^"]+)"/.exec(html)?.[1] ?? null;

async function practise(token: string, drillId: string) {
  const start = await t.call('POST', '/api/sessions', { token, body: { drillId } });
  expect(start.status, JSON.stringify(start.body)).toBe(201);
  for (const text of GOOD) {
    const r = await t.call('POST', `/api/sessions/${start.body.id}/turns`, {
      token,
      body: { clientTurnId: randomUUID(), text },
    });
    expect(r.status).toBe(200);
  }
  const end = await t.call('POST', `/api/sessions/${start.body.id}/end`, { token });
  expect(end.status).toBe(200);
  return { id: start.body.id as string, scorecard: end.body.scorecard };
}

async function until(check: () => boolean | Promise<boolean>, ms = 5000) {
  const stop = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > stop) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('registration', () => {
  it('gives admins the URLs to paste into the LMS', async () => {
    const r = await t.call('GET', '/api/lti/tool-configuration', { token: t.tokens.admin });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      loginUrl: `${t.url}/lti/login`,
      launchUrl: `${t.url}/lti/launch`,
      jwksUrl: `${t.url}/lti/jwks.json`,
    });
  });
  it('refuses a second registration of the same issuer and client id, and non-admins', async () => {
    expect(
      (
        await t.call('POST', '/api/lti/platforms', {
          token: t.tokens.admin,
          body: platform.registration('again'),
        })
      ).status,
    ).toBe(409);
    expect(
      (
        await t.call('POST', '/api/lti/platforms', {
          token: t.tokens.facilitator,
          body: platform.registration('x'),
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await t.call('GET', `/api/lti/platforms/${platformId}`, {
          token: t.tokens.otherOrgFacilitator,
        })
      ).status,
    ).toBe(403);
  });
  it('validates the body', async () => {
    const r = await t.call('POST', '/api/lti/platforms', {
      token: t.tokens.admin,
      body: { ...platform.registration(), jwksUrl: 'not a url', deploymentIds: [] },
    });
    expect(r.status).toBe(400);
    expect(r.body.errors.map((e: { path: string }) => e.path).sort()).toEqual([
      'deploymentIds',
      'jwksUrl',
    ]);
  });
});

describe('learner launch, practice and grade passback', () => {
  const learner = {
    sub: 'lms-user-learner-1',
    name: 'Lena Learner',
    email: 'lena@lms.example',
    roles: [ROLE.learner],
  };

  it('opens the practice page for the linked drill inside the LMS frame, and the grade reaches the platform', async () => {
    const lineItem = `${platform.url}/lineitems/42`;
    const res = await launchThrough(t.url, platform, {
      user: learner,
      custom: { drill_id: drill.id },
      lineItem,
    });
    expect(res.status, res.html).toBe(200);
    // the login sent the browser to the platform with a fresh state and nonce
    const auth = platform.state.lastAuthRequest!;
    expect(auth.get('state')).toBeTruthy();
    expect(auth.get('nonce')).toBeTruthy();
    expect(auth.get('login_hint')).toBe(learner.sub);
    expect(auth.get('lti_message_hint')).toBe('hint-1');
    // the page: the component bundle, sb-practice on the drill, a token, framed only by the platform
    expect(res.html).toContain('<script type="module" src="/embed/sounding-board.js">');
    expect(res.html).toMatch(new RegExp(`<sb-practice [^>]*drill="${drill.id}"`));
    const csp = res.headers.get('content-security-policy')!;
    expect(csp).toContain(`frame-ancestors 'self' ${platform.url}`);
    expect(res.headers.get('x-frame-options')).toBeNull();
    expect(res.headers.get('cache-control')).toBe('no-store');

    const token = tokenOf(res.html)!;
    expect((await t.call('GET', '/api/sessions', { token })).status).toBe(200);
    const [link] = await t.runtime.deps.db
      .select()
      .from(ltiUsers)
      .where(eq(ltiUsers.sub, learner.sub));
    const [person] = await t.runtime.deps.db
      .select()
      .from(people)
      .where(eq(people.id, link.personId));
    expect(person).toMatchObject({
      name: 'Lena Learner',
      role: 'learner',
      email: 'lena@lms.example',
    });

    const session = await practise(token, drill.id);
    await until(() => platform.state.scores.length === 1);
    const score = platform.state.scores[0];
    expect(score.lineItem).toBe(lineItem);
    expect(score.contentType).toBe('application/vnd.ims.lis.v1.score+json');
    expect(score.body).toMatchObject({
      userId: learner.sub,
      scoreMaximum: 100,
      activityProgress: 'Completed',
      gradingProgress: 'FullyGraded',
    });
    expect(score.body.scoreGiven).toBeGreaterThan(0);
    // the platform has it; the outbox row is marked sent just after
    const sent = async () =>
      (
        await t.runtime.deps.db
          .select()
          .from(ltiGradeOutbox)
          .where(eq(ltiGradeOutbox.sessionId, session.id))
      )[0];
    await until(async () => (await sent())?.status === 'sent');
    const row = await sent();
    expect(row.scoreGiven).toBe(score.body.scoreGiven);
  });

  it('maps the same platform user to the same person, in the course cohort', async () => {
    const res = await launchThrough(t.url, platform, {
      user: learner,
      custom: { drill_id: drill.id },
    });
    expect(res.status).toBe(200);
    const links = await t.runtime.deps.db
      .select()
      .from(ltiUsers)
      .where(eq(ltiUsers.sub, learner.sub));
    expect(links).toHaveLength(1);
    const members = await t.runtime.deps.db
      .select()
      .from(cohortMembers)
      .where(eq(cohortMembers.personId, links[0].personId));
    expect(members).toHaveLength(1);
    expect(members[0].role).toBe('learner');
  });

  it('keeps the grade in the outbox while the LMS is down, shows it as pending, and delivers it later', async () => {
    const lineItem = `${platform.url}/lineitems/43`;
    const user = { sub: 'lms-user-learner-2', name: 'Pat Pending', roles: [ROLE.learner] };
    const res = await launchThrough(t.url, platform, {
      user,
      resourceLink: { id: 'rl-2' },
      custom: { drill_id: drill.id },
      lineItem,
    });
    const token = tokenOf(res.html)!;
    platform.state.agsDown = true;
    const before = platform.state.scores.length;
    const tokensBefore = platform.state.tokenRequests;
    const session = await practise(token, drill.id);
    await until(async () => {
      const [row] = await t.runtime.deps.db
        .select()
        .from(ltiGradeOutbox)
        .where(eq(ltiGradeOutbox.sessionId, session.id));
      return firstAttemptSettled(row);
    });
    const pending = await t.call('GET', '/api/lti/grades?status=pending', {
      token: t.tokens.facilitator,
    });
    expect(pending.status).toBe(200);
    const mine = pending.body.grades.find((g: { sessionId: string }) => g.sessionId === session.id);
    expect(mine).toMatchObject({ status: 'pending', attempts: 1 });
    expect(mine!.lastError).toContain('503');
    expect(new Date(mine!.nextAttemptAt!).getTime()).toBeGreaterThan(Date.now() + 20_000);
    // learners do not see the queue; other organisations do not see this one
    expect((await t.call('GET', '/api/lti/grades', { token: t.tokens.learner })).status).toBe(403);
    const other = await t.call('GET', '/api/lti/grades', { token: t.tokens.otherOrgFacilitator });
    expect(other.body.grades).toEqual([]);

    // not due yet: a drain leaves it alone
    expect(
      (await t.call('POST', '/api/lti/grades/deliver', { token: t.tokens.facilitator })).body.sent,
    ).toBe(0);
    platform.state.agsDown = false;
    const retried = await t.call('POST', `/api/lti/grades/${mine!.id}/retry`, {
      token: t.tokens.facilitator,
    });
    expect(retried.status).toBe(200);
    expect(retried.body.status).toBe('sent');
    expect(platform.state.scores.slice(before).map((s) => s.lineItem)).toEqual([lineItem]);
    // the access token was cached: no second token request for the retry
    expect(platform.state.tokenRequests - tokensBefore).toBeLessThanOrEqual(1);
  });
});

describe('the outbox worker', () => {
  it('delivers a waiting grade on its own once it is due', async () => {
    const lineItem = `${platform.url}/lineitems/44`;
    const res = await launchThrough(t.url, platform, {
      user: { sub: 'lms-user-learner-3', roles: [ROLE.learner] },
      resourceLink: { id: 'rl-3' },
      custom: { drill_id: drill.id },
      lineItem,
    });
    platform.state.agsDown = true;
    const session = await practise(tokenOf(res.html)!, drill.id);
    const row = async () =>
      (
        await t.runtime.deps.db
          .select()
          .from(ltiGradeOutbox)
          .where(eq(ltiGradeOutbox.sessionId, session.id))
      )[0];
    await until(async () => firstAttemptSettled(await row()));
    platform.state.agsDown = false;
    // time passes: the retry is due now
    await t.runtime.deps.db
      .update(ltiGradeOutbox)
      .set({ nextAttemptAt: new Date(Date.now() - 1000) })
      .where(eq(ltiGradeOutbox.sessionId, session.id));
    const runtime = outboxRuntimeOf(t.runtime.deps);
    runtime.start(50);
    try {
      await until(async () => (await row()).status === 'sent');
    } finally {
      runtime.stop();
    }
    expect((await row()).attempts).toBe(2);
    expect(platform.state.scores.some((s) => s.lineItem === lineItem)).toBe(true);
  });

  it('says in the OpenAPI document that an attempt counts from the claim, for grades and xAPI statements alike', async () => {
    const { schemas } = (await t.call('GET', '/api/openapi.json')).body.components;
    for (const name of ['LtiGrade', 'XapiStatementDelivery']) {
      const props = schemas[name].properties;
      expect(props.attempts.description, name).toMatch(
        /claims the row.*reads 1 while its first delivery is still in flight/,
      );
      expect(props.status.description, name).toMatch(/`pending`.*`sent`.*`failed`/);
      expect(props.lastError.description, name).toMatch(/latest failed attempt/);
    }
    expect(schemas.LtiGrade.properties.nextAttemptAt.description).toMatch(/end of its lease/);
  });
});

describe('instructor launch', () => {
  it('opens the facilitator view on the course cohort and makes the person a facilitator', async () => {
    const user = { sub: 'lms-user-teacher-1', name: 'Ines Instructor', roles: [ROLE.instructor] };
    const res = await launchThrough(t.url, platform, { user, custom: { drill_id: drill.id } });
    expect(res.status, res.html).toBe(200);
    expect(res.html).toMatch(/<sb-facilitator [^>]*cohort="[0-9a-f-]{36}"/);
    expect(res.html).not.toContain('<sb-practice');
    const [link] = await t.runtime.deps.db
      .select()
      .from(ltiUsers)
      .where(eq(ltiUsers.sub, user.sub));
    const [person] = await t.runtime.deps.db
      .select()
      .from(people)
      .where(eq(people.id, link.personId));
    expect(person.role).toBe('facilitator');
    const cohortId = /cohort="([^"]+)"/.exec(res.html)![1];
    const [member] = await t.runtime.deps.db
      .select()
      .from(cohortMembers)
      .where(and(eq(cohortMembers.cohortId, cohortId), eq(cohortMembers.personId, person.id)));
    expect(member.role).toBe('facilitator');
  });
});

describe('deep linking', () => {
  it('lets an instructor pick a drill and returns a signed LtiDeepLinkingResponse with a line item', async () => {
    const user = { sub: 'lms-user-teacher-2', name: 'Dee Linker', roles: [ROLE.instructor] };
    const res = await launchThrough(t.url, platform, {
      user,
      messageType: 'LtiDeepLinkingRequest',
    });
    expect(res.status, res.html).toBe(200);
    expect(res.html).toContain('Choose a drill');
    const picker = readForm(res.html);
    expect(picker.action).toBe('/lti/deep-link');
    const respond = await fetch(`${t.url}/lti/deep-link`, {
      method: 'POST',
      body: new URLSearchParams({ ticket: picker.fields.ticket, drill_id: drill.id, graded: '1' }),
    });
    expect(respond.status).toBe(200);
    const back = readForm(await respond.text());
    expect(back.action).toBe(`${platform.url}/deep-link-return`);
    expect(respond.headers.get('content-security-policy')).toContain(platform.url);

    const returned = await fetch(back.action, {
      method: 'POST',
      body: new URLSearchParams(back.fields),
    });
    expect(returned.status).toBe(200);
    const payload = platform.state.deepLinkReturns.at(-1)! as Record<string, unknown>;
    expect(payload['https://purl.imsglobal.org/spec/lti/claim/message_type']).toBe(
      'LtiDeepLinkingResponse',
    );
    expect(payload['https://purl.imsglobal.org/spec/lti/claim/deployment_id']).toBe(
      platform.state.deploymentId,
    );
    expect(payload['https://purl.imsglobal.org/spec/lti-dl/claim/data']).toBe(
      'opaque-platform-data',
    );
    const [item] = payload[
      'https://purl.imsglobal.org/spec/lti-dl/claim/content_items'
    ] as unknown[];
    expect(item).toMatchObject({
      type: 'ltiResourceLink',
      url: `${t.url}/lti/launch`,
      custom: { drill_id: drill.id },
      lineItem: { scoreMaximum: 100, resourceId: drill.id },
    });
  });

  it('is refused to learners, and a forged ticket is refused', async () => {
    const res = await launchThrough(t.url, platform, {
      user: { sub: 'lms-learner-dl', roles: [ROLE.learner] },
      messageType: 'LtiDeepLinkingRequest',
    });
    expect(res.status).toBe(403);
    expect(res.html).toContain('data-reason>role<');
    const forged = await fetch(`${t.url}/lti/deep-link`, {
      method: 'POST',
      body: new URLSearchParams({ ticket: 'eyJhbGciOiJIUzI1NiJ9.e30.x', drill_id: drill.id }),
    });
    expect(forged.status).toBe(401);
  });
});

describe('tool keys', () => {
  it('publishes the active key, and after rotation keeps the previous one so responses in flight verify', async () => {
    const before = await (await fetch(`${t.url}/lti/jwks.json`)).json();
    expect(before.keys.length).toBeGreaterThanOrEqual(1);
    expect(before.keys[0]).not.toHaveProperty('d');
    // a deep-linking response signed with the current key ...
    const user = { sub: 'lms-user-teacher-3', roles: [ROLE.instructor] };
    const res = await launchThrough(t.url, platform, {
      user,
      messageType: 'LtiDeepLinkingRequest',
    });
    const picker = readForm(res.html);
    const back = readForm(
      await (
        await fetch(`${t.url}/lti/deep-link`, {
          method: 'POST',
          body: new URLSearchParams({ ticket: picker.fields.ticket, drill_id: drill.id }),
        })
      ).text(),
    );
    const oldKid = decodeProtectedHeader(back.fields.JWT).kid;

    // ... then the key rotates before the browser gets it to the platform
    const rotated = await t.call('POST', '/api/lti/keys/rotate', { token: t.tokens.admin });
    expect(rotated.status).toBe(200);
    expect(rotated.body.published).toEqual(expect.arrayContaining([rotated.body.kid, oldKid]));
    expect(
      (await t.call('POST', '/api/lti/keys/rotate', { token: t.tokens.facilitator })).status,
    ).toBe(403);
    const jwks = createRemoteJWKSet(new URL(`${t.url}/lti/jwks.json`));
    await expect(
      jwtVerify(back.fields.JWT, jwks, { audience: platform.url }),
    ).resolves.toBeTruthy();
    // new responses use the new key
    const res2 = await launchThrough(t.url, platform, {
      user,
      messageType: 'LtiDeepLinkingRequest',
    });
    const back2 = readForm(
      await (
        await fetch(`${t.url}/lti/deep-link`, {
          method: 'POST',
          body: new URLSearchParams({
            ticket: readForm(res2.html).fields.ticket,
            drill_id: drill.id,
          }),
        })
      ).text(),
    );
    expect(decodeProtectedHeader(back2.fields.JWT).kid).toBe(rotated.body.kid);
    // a second rotation retires the oldest key
    const again = await t.call('POST', '/api/lti/keys/rotate', { token: t.tokens.admin });
    expect(again.body.published).not.toContain(oldKid);
  });
});

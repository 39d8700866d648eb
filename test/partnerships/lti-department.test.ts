/**
 * The LTI custom parameter `department` sets where a launching person works, so pairing across
 * departments needs no retyping; a launch without it, or with an unfilled `$...` substitution,
 * leaves it as it is.
 */
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ltiUsers, people } from '../../api/db/schema/index.js';
import { listOrgDrills } from '../../api/lti/index.js';
import { startTestApp, type TestApp } from '../support/app.js';
import {
  launchThrough,
  ROLE,
  startPlatform,
  type SimulatedPlatform,
} from '../lti/support/platform.js';

let t: TestApp;
let platform: SimulatedPlatform;
let drillId: string;

beforeAll(async () => {
  t = await startTestApp();
  platform = await startPlatform(t.url);
  expect(
    (
      await t.call('POST', '/api/lti/platforms', {
        token: t.tokens.admin,
        body: platform.registration(),
      })
    ).status,
  ).toBe(201);
  drillId = (await listOrgDrills(t.runtime.deps.db, t.runtime.demo!.admin.orgId))[0].id;
}, 60_000);
afterAll(async () => {
  await platform?.close();
  await t?.close();
});

it('takes the department from the launch’s custom claim where given', async () => {
  const who = { sub: `sub-${randomUUID()}`, name: 'Ines Duarte', roles: [ROLE.learner] };
  const context = { id: `course-${randomUUID().slice(0, 8)}`, title: 'Partners course' };
  const departmentOf = async () => {
    const [link] = await t.runtime.deps.db.select().from(ltiUsers).where(eq(ltiUsers.sub, who.sub));
    return (await t.runtime.deps.db.select().from(people).where(eq(people.id, link.personId)))[0]
      .department;
  };
  // each launch in turn: the claim it carries (if any), and the department the person has after it;
  // no claim, or a variable the platform left unsubstituted, keeps the one set before
  const launches = [
    ['Radiology', 'Radiology'],
    [undefined, 'Radiology'],
    ['$Person.org.department', 'Radiology'],
    ['Oncology', 'Oncology'],
  ] as const;
  for (const [department, after] of launches) {
    const custom: Record<string, string> = { drill_id: drillId };
    if (department) custom.department = department;
    expect((await launchThrough(t.url, platform, { user: who, context, custom })).status).toBe(200);
    expect(await departmentOf(), `after a launch with ${department}`).toBe(after);
  }
});

/**
 * The done-when of LTI in a real browser: a learner opens the activity on the (simulated) LMS's
 * course page, the launch runs inside the LMS iframe (login, platform auth, form post, all
 * cross-origin and without cookies), the learner practises the drill there, and the grade reaches
 * the platform's gradebook.
 */
import { randomUUID } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listOrgDrills } from '../../api/lti/index.js';
import { launchChromium, newPage } from '../browser/support/chromium.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { ROLE, startPlatform, type SimulatedPlatform } from './support/platform.js';

let t: TestApp;
let platform: SimulatedPlatform;
let browser: Browser;
let coursePage: string;

beforeAll(async () => {
  t = await startTestApp();
  platform = await startPlatform(t.url);
  // the LMS page is on "localhost", the tool on 127.0.0.1: different origins, as in production
  coursePage = `${platform.url.replace('127.0.0.1', 'localhost')}/course`;
  const reg = await t.call('POST', '/api/lti/platforms', {
    token: t.tokens.admin,
    body: { ...platform.registration(), frameOrigins: [new URL(coursePage).origin] },
  });
  expect(reg.status).toBe(201);
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await platform?.close();
  await t?.close();
});

describe('an LTI launch in the LMS iframe', () => {
  it('lets the learner practise the drill inside the iframe and sends the grade to the platform', async () => {
    const drill = (await listOrgDrills(t.runtime.deps.db, t.runtime.demo!.admin.orgId))[0];
    const lineItem = `${platform.url}/lineitems/${randomUUID().slice(0, 6)}`;
    platform.state.nextLaunch = {
      user: { sub: 'browser-learner', name: 'Bea Browser', roles: [ROLE.learner] },
      custom: { drill_id: drill.id },
      lineItem,
    };
    const { page, context, errors } = await newPage(browser);
    try {
      await page.goto(coursePage);
      const frame = page.frameLocator('iframe[title="Sounding Board"]');
      await frame.getByRole('button', { name: 'Start the drill' }).click({ timeout: 20_000 });
      const box = frame.getByRole('textbox', { name: /^Your reply to/ });
      const turns = [
        'What would you like to get out of our time today?',
        'It sounds like this has been weighing on you.',
        'What will you do first, and by when?',
      ];
      for (const [i, text] of turns.entries()) {
        await box.fill(text);
        await box.press('Enter');
        await expect
          .poll(() => frame.locator('sb-practice li.message.coach').count(), { timeout: 20_000 })
          .toBe(i + 1);
        await expect.poll(() => box.inputValue(), { timeout: 20_000 }).toBe('');
      }
      await frame.getByRole('button', { name: 'End session' }).click();
      await frame.getByRole('heading', { name: /^Scorecard:/ }).waitFor({ timeout: 20_000 });
      await expect
        .poll(() => platform.state.scores.filter((s) => s.lineItem === lineItem).length, {
          timeout: 10_000,
        })
        .toBe(1);
      const score = platform.state.scores.find((s) => s.lineItem === lineItem)!;
      expect(score.body).toMatchObject({
        userId: 'browser-learner',
        scoreMaximum: 100,
        activityProgress: 'Completed',
        gradingProgress: 'FullyGraded',
      });
      // the page inside the frame is the tool's, cross-origin to the LMS page
      const frameUrl = page
        .frames()
        .find((f) => f.url().includes('/lti/launch'))
        ?.url();
      expect(frameUrl).toBe(`${t.url}/lti/launch`);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 90_000);

  it('is refused by the browser when the LMS page is not one of the platform’s origins', async () => {
    // same course page, but the registration has no frameOrigins for this host: frame-ancestors blocks it
    const other = await startPlatform(t.url);
    await t.call('POST', '/api/lti/platforms', {
      token: t.tokens.admin,
      body: other.registration('Unframed LMS'),
    });
    other.state.nextLaunch = { user: { sub: 'unframed', roles: [ROLE.learner] } };
    const { page, context } = await newPage(browser);
    try {
      const blocked = new Promise<boolean>((resolve) => {
        page.on('console', (m) => m.text().includes('frame-ancestors') && resolve(true));
        setTimeout(() => resolve(false), 10_000);
      });
      await page.goto(`${other.url.replace('127.0.0.1', 'localhost')}/course`);
      expect(await blocked).toBe(true);
    } finally {
      await context.close();
      await other.close();
    }
  }, 30_000);
});

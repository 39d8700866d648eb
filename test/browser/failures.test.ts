/**
 * @module test/browser/failures.test
 * Failure is visible and loses nothing: a network error, an expired token, a 4xx problem and a
 * slow partner each show a clear message with a Retry; the learner's text stays in the box until
 * the server stored it; a retry reuses the clientTurnId, so the turn is stored once.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { screenshot } from './support/artefacts.js';
import { seriousViolations } from './support/axe.js';
import { launchChromium, newPage } from './support/chromium.js';
import { lmsLessonHtml, startHostPage, type HostPage } from './support/host-page.js';
import { startSoundingBoard, type RunningSoundingBoard } from './support/sounding-board.js';
import { replyBox, startConversation, waitForMessages } from './support/ui.js';

// a real browser against a real server, possibly beside the whole suite: generous, not timed
vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

let sb: RunningSoundingBoard;
let lms: HostPage;
let browser: Browser;
let context: BrowserContext;
let page: Page;

const TURNS = /\/api\/sessions\/[^/]+\/turns$/;

beforeAll(async () => {
  sb = await startSoundingBoard();
  lms = await startHostPage('localhost');
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await lms?.close();
  await sb?.close();
});
beforeEach(async () => {
  ({ context, page } = await newPage(browser, { width: 800 }));
});
afterEach(async () => {
  await context?.close();
});

/** Opens a host page with one practice element and starts a session. */
async function startSession(attrs = ''): Promise<void> {
  lms.setHtml(
    lmsLessonHtml({
      apiOrigin: sb.origin,
      body: `<sb-practice api-base="${sb.origin}" token="${sb.tokens.learner}" ${attrs}></sb-practice>`,
    }),
  );
  await page.goto(lms.origin + '/');
  await startConversation(page);
}

const box = () => replyBox(page);
const alert = () => page.locator('sb-practice [role="alert"]');

async function sessionIdOnPage(): Promise<string> {
  return page.evaluate(
    () => (document.querySelector('sb-practice') as unknown as { sessionId: string }).sessionId,
  );
}

describe('failures in <sb-practice>', () => {
  it('a network error keeps the text and a retry sends the same turn once', async () => {
    await startSession();
    const ids: string[] = [];
    let fail = true;
    await page.route(TURNS, async (route) => {
      ids.push(JSON.parse(route.request().postData() ?? '{}').clientTurnId);
      if (fail) return route.abort('internetdisconnected');
      return route.continue();
    });
    const text = 'What would you like to get from this conversation?';
    await box().fill(text);
    await page.getByRole('button', { name: 'Send' }).click();
    await alert().waitFor();
    expect(await alert().innerText()).toMatch(/Could not reach Sounding Board/);
    expect(await box().inputValue()).toBe(text);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'failure-network');

    fail = false;
    await page.getByRole('button', { name: 'Retry' }).click();
    await waitForMessages(page, 3);
    expect(await alert().count()).toBe(0);
    expect(await box().inputValue()).toBe('');
    expect(ids).toHaveLength(2);
    expect(ids[1]).toBe(ids[0]);
    const stored = await sb.getSession(sb.tokens.learner, await sessionIdOnPage());
    expect(stored.turns.filter((t) => t.role === 'coach')).toHaveLength(1);
  });

  it('a reply lost after the server stored the turn is recovered by retrying, not duplicated', async () => {
    await startSession('transport="json"');
    let cut = true;
    await page.route(TURNS, async (route) => {
      if (!cut) return route.continue();
      // the request reaches the server (the turn is stored) but the answer never arrives
      await route.fetch();
      return route.abort('connectionreset');
    });
    const text = 'It sounds like you have a lot on your plate right now.';
    await box().fill(text);
    await page.getByRole('button', { name: 'Send' }).click();
    await alert().waitFor();
    expect(await box().inputValue()).toBe(text);
    cut = false;
    await page.getByRole('button', { name: 'Retry' }).click();
    await waitForMessages(page, 3);
    const stored = await sb.getSession(sb.tokens.learner, await sessionIdOnPage());
    expect(stored.turns.filter((t) => t.role === 'coach').map((t) => t.text)).toEqual([text]);
    expect(await page.locator('sb-practice li.message.coach').count()).toBe(1);
  });

  it('an expired token says so, tells the host, and works after the host sets a fresh one', async () => {
    await startSession();
    await page.evaluate(() => {
      (window as unknown as { __authExpired: number }).__authExpired = 0;
      document.addEventListener(
        'sb-auth-expired',
        () => (window as unknown as { __authExpired: number }).__authExpired++,
      );
    });
    const expired = await sb.expiredToken();
    await page.evaluate(
      (t) => document.querySelector('sb-practice')!.setAttribute('token', t),
      expired,
    );
    const text = 'What matters most to you about this?';
    await box().fill(text);
    await page.getByRole('button', { name: 'Send' }).click();
    await alert().waitFor();
    expect(await alert().innerText()).toMatch(/sign-in has expired/i);
    expect(await page.evaluate('window.__authExpired')).toBe(1);
    expect(await box().inputValue()).toBe(text);
    await screenshot(page, 'failure-expired-token');

    await page.evaluate(
      (t) => document.querySelector('sb-practice')!.setAttribute('token', t),
      sb.tokens.learner,
    );
    await page.getByRole('button', { name: 'Retry' }).click();
    await waitForMessages(page, 3);
    expect(await box().inputValue()).toBe('');
  });

  it('a 4xx problem from the server is shown and the text is kept', async () => {
    await startSession();
    const tooLong = 'Tell me more. '.repeat(400);
    await box().fill(tooLong);
    await page.getByRole('button', { name: 'Send' }).click();
    await alert().waitFor();
    expect((await alert().innerText()).length).toBeGreaterThan(10);
    // a client error is not retried blindly
    expect(await page.locator('sb-practice [role="alert"] button').count()).toBe(0);
    expect(await box().inputValue()).toBe(tooLong);
    await screenshot(page, 'failure-problem-400');
  });

  it('a slow partner shows a notice, then a timeout with a retry that recovers', async () => {
    await startSession('transport="json" slow-after="200" timeout="1200"');
    let delay = 2500;
    await page.route(TURNS, async (route) => {
      const response = await route.fetch();
      await new Promise((r) => setTimeout(r, delay));
      return route.fulfill({ response }).catch(() => undefined);
    });
    const text = 'What would a good outcome look like for you?';
    await box().fill(text);
    await page.getByRole('button', { name: 'Send' }).click();
    await page.getByText(/taking longer than usual/).waitFor();
    await screenshot(page, 'failure-slow-notice');
    await alert().waitFor({ timeout: 5000 });
    expect(await alert().innerText()).toMatch(/taking too long/);
    expect(await box().inputValue()).toBe(text);
    delay = 0;
    await page.getByRole('button', { name: 'Retry' }).click();
    await waitForMessages(page, 3);
    const stored = await sb.getSession(sb.tokens.learner, await sessionIdOnPage());
    expect(stored.turns.filter((t) => t.role === 'coach')).toHaveLength(1);
  });

  it('an unsent draft survives a reload when the host resumes the session', async () => {
    await startSession();
    const id = await sessionIdOnPage();
    const draft = 'Half a thought I have not sent yet';
    await box().fill(draft);
    lms.setHtml(
      lmsLessonHtml({
        apiOrigin: sb.origin,
        body: `<sb-practice api-base="${sb.origin}" token="${sb.tokens.learner}" session="${id}"></sb-practice>`,
      }),
    );
    await page.reload();
    await box().waitFor();
    await waitForMessages(page, 1);
    expect(await box().inputValue()).toBe(draft);
  });

  it('ending with an unsent reply asks first, then ends on the second press', async () => {
    await startSession();
    await box().fill('Something I meant to say');
    await page.getByRole('button', { name: 'End session' }).click();
    await page.getByText(/reply you have not sent/).waitFor();
    expect(await box().inputValue()).toBe('Something I meant to say');
    expect(await page.getByRole('heading', { name: /^Scorecard:/ }).count()).toBe(0);
    await page.getByRole('button', { name: 'End session anyway' }).click();
    await page.getByRole('heading', { name: /^Scorecard:/ }).waitFor({ timeout: 20_000 });
  });

  it('an unreachable server on load shows a retry that recovers', async () => {
    let down = true;
    await page.route(/\/api\/scenarios$/, (route) =>
      down ? route.abort('connectionrefused') : route.continue(),
    );
    lms.setHtml(
      lmsLessonHtml({
        apiOrigin: sb.origin,
        body: `<sb-practice api-base="${sb.origin}" token="${sb.tokens.learner}"></sb-practice>`,
      }),
    );
    await page.goto(lms.origin + '/');
    await alert().waitFor();
    down = false;
    await page.getByRole('button', { name: 'Retry' }).click();
    await page
      .getByRole('button', { name: /^Practise this:/ })
      .first()
      .waitFor();
  });
});

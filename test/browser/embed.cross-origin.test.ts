/**
 * @module test/browser/embed.cross-origin.test
 * The "done" criterion: a page on another origin (a stand-in LMS) embeds `<sb-practice>` with
 * one script tag and a token minted through an API key, and a learner completes a session with
 * the mouse, feedback held until the end; a double click sends once; loading the bundle twice is
 * harmless; the host hears the composed `sb-session-ended`.
 */
import type { Browser, Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { screenshot } from './support/artefacts.js';
import { seriousViolations } from './support/axe.js';
import { launchChromium, newPage } from './support/chromium.js';
import { lmsLessonHtml, startHostPage, type HostPage } from './support/host-page.js';
import { startSoundingBoard, type RunningSoundingBoard } from './support/sounding-board.js';
import { startConversation, waitForMessages } from './support/ui.js';

// a real browser against a real server, possibly beside the whole suite: generous, not timed
vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

let sb: RunningSoundingBoard;
let lms: HostPage;
let browser: Browser;
let page: Page;
let errors: string[];
const turnPosts: Request[] = [];

beforeAll(async () => {
  sb = await startSoundingBoard();
  lms = await startHostPage('localhost');
  browser = await launchChromium();
  ({ page, errors } = await newPage(browser));
  page.on('request', (r) => {
    if (r.method() === 'POST' && /\/api\/sessions\/[^/]+\/turns$/.test(r.url())) turnPosts.push(r);
  });
});

afterAll(async () => {
  await browser?.close();
  await lms?.close();
  await sb?.close();
});

describe('embedding from another origin', () => {
  it('opens a given scenario straight at its brief, in the dark theme the host asked for', async () => {
    const { scenarios } = (await sb.app.call('GET', '/api/scenarios', { token: sb.tokens.learner }))
      .body as { scenarios: { id: string; title: string }[] };
    const chosen = scenarios[scenarios.length - 1];
    lms.setHtml(
      lmsLessonHtml({
        apiOrigin: sb.origin,
        body: `<sb-practice api-base="${sb.origin}" token="${sb.tokens.learner}" scenario="${chosen.id}" theme="dark"></sb-practice>`,
      }),
    );
    await page.goto(lms.origin + '/');
    await page.getByRole('heading', { name: 'Partner brief' }).waitFor();
    expect(await page.getByRole('heading', { name: chosen.title }).count()).toBe(1);
    expect(await page.getByRole('button', { name: /^Practise this:/ }).count()).toBe(0);
    expect(
      await page.locator('sb-practice').evaluate((el) => getComputedStyle(el).backgroundColor),
    ).toBe('rgb(22, 25, 29)');
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'embed-0-scenario-dark');
  });

  it('serves the bundle with CORS to any origin', async () => {
    const res = await fetch(`${sb.origin}/embed/sounding-board.js`, {
      headers: { Origin: lms.origin },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('content-type')).toMatch(/javascript/);
    expect(await res.text()).toContain('sb-practice');
  });

  it('a learner completes a session with the mouse, with a token minted by the LMS', async () => {
    expect(new URL(lms.origin).origin).not.toBe(new URL(sb.origin).origin);
    const { token } = await sb.mintEmbedToken({ role: 'learner' });
    lms.setHtml(
      lmsLessonHtml({
        apiOrigin: sb.origin,
        title: 'Week 3: Listening',
        body: `<p>Practise with a colleague who needs a sounding board.</p>
          <sb-practice api-base="${sb.origin}" token="${token}" feedback="end"></sb-practice>
          <script type="module" src="${sb.origin}/embed/sounding-board.js?loaded=twice"></script>
          <script>
            window.__sbEvents = [];
            for (const name of ['sb-session-started', 'sb-turn-coded', 'sb-partner-replied', 'sb-feedback', 'sb-session-ended'])
              document.addEventListener(name, (e) => window.__sbEvents.push({ name, composed: e.composed, bubbles: e.bubbles, detail: e.detail }));
          </script>`,
      }),
    );
    await page.goto(lms.origin + '/');
    const box = await startConversation(page);

    await box.fill('What would you like from our time together?');
    await page.getByRole('button', { name: 'Send' }).click();
    await waitForMessages(page, 3);

    // a double click sends once
    await box.fill('It sounds like that has been hard to say out loud.');
    const before = turnPosts.length;
    await page.getByRole('button', { name: 'Send' }).dblclick();
    await waitForMessages(page, 5);
    await page.waitForTimeout(300);
    expect(turnPosts.length - before).toBe(1);
    expect(await page.locator('sb-practice li.message.coach').count()).toBe(2);

    // feedback="end": nothing under the turns during the conversation
    expect(await page.locator('sb-practice li.message.coach dl.feedback').count()).toBe(0);
    await screenshot(page, 'embed-1-lms-chat');

    await page.getByRole('button', { name: 'End session' }).click();
    await page.getByRole('heading', { name: /^Scorecard:/ }).waitFor({ timeout: 20_000 });
    await expect.poll(() => page.locator('sb-scorecard li.skill').count()).toBe(6);
    // held feedback is shown with the scorecard
    await expect.poll(() => page.locator('sb-scorecard li.turn.coach dl.feedback').count()).toBe(2);

    const events = (await page.evaluate('window.__sbEvents')) as {
      name: string;
      composed: boolean;
      bubbles: boolean;
      detail: { scorecard?: { skills: unknown[] } };
    }[];
    const names = events.map((e) => e.name);
    expect(names[0]).toBe('sb-session-started');
    expect(names.filter((n) => n === 'sb-turn-coded')).toHaveLength(2);
    expect(names.filter((n) => n === 'sb-feedback')).toHaveLength(2);
    const ended = events.find((e) => e.name === 'sb-session-ended')!;
    expect(ended.composed && ended.bubbles).toBe(true);
    expect(ended.detail.scorecard!.skills).toHaveLength(6);

    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'embed-2-lms-scorecard');
    // the second copy of the bundle registered nothing and threw nothing
    expect(errors).toEqual([]);
  });
});

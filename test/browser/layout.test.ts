/**
 * @module test/browser/layout.test
 * Looks and fit: every component in a 360 px LMS column without horizontal scrolling, in light
 * and dark, and on a full page; the host's font is used; custom properties and ::part theme it.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { screenshot } from './support/artefacts.js';
import { seriousViolations } from './support/axe.js';
import { launchChromium, newPage } from './support/chromium.js';
import { lmsLessonHtml, startHostPage, type HostPage } from './support/host-page.js';
import { startSoundingBoard, type RunningSoundingBoard } from './support/sounding-board.js';
import { horizontalOverflow, waitForMessages } from './support/ui.js';

// a real browser against a real server, possibly beside the whole suite: generous, not timed
vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

let sb: RunningSoundingBoard;
let lms: HostPage;
let browser: Browser;
let sessionId: string;

beforeAll(async () => {
  sb = await startSoundingBoard();
  lms = await startHostPage('localhost');
  browser = await launchChromium();
  await sb.createCohort('Learning Partners, spring intake');
  sessionId = await sb.completeSession(sb.tokens.learner, [
    'What would you like to get out of our conversation today, and how will you know it was useful?',
    'It sounds like supercalifragilisticexpialidociouslylongwordsdonotbreakthelayout is how it feels.',
  ]);
});
afterAll(async () => {
  await browser?.close();
  await lms?.close();
  await sb?.close();
});

for (const scheme of ['light', 'dark'] as const) {
  describe(`a 360 px LMS column, ${scheme}`, () => {
    it('fits every component without horizontal scrolling', async () => {
      const { context, page, errors } = await newPage(browser, {
        width: 360,
        height: 780,
        colorScheme: scheme,
      });
      lms.setHtml(
        lmsLessonHtml({
          apiOrigin: sb.origin,
          body: `<sb-practice api-base="${sb.origin}" token="${sb.tokens.learner}"></sb-practice>
            <sb-scorecard api-base="${sb.origin}" token="${sb.tokens.learner}" session="${sessionId}"></sb-scorecard>
            <sb-progress api-base="${sb.origin}" token="${sb.tokens.learner}"></sb-progress>
            <sb-drills api-base="${sb.origin}" token="${sb.tokens.learner}"></sb-drills>
            <sb-facilitator api-base="${sb.origin}" token="${sb.tokens.facilitator}"></sb-facilitator>`,
        }),
      );
      await page.goto(lms.origin + '/');
      await page.getByRole('heading', { name: /^Scorecard:/ }).waitFor();
      await page.getByRole('heading', { name: 'Your progress' }).waitFor();
      await page
        .getByRole('button', { name: /^Practise this:/ })
        .first()
        .waitFor();
      // the cohort table has turned into one card per learner
      await page.locator('sb-facilitator tbody tr').first().waitFor();
      expect(
        await page
          .locator('sb-facilitator thead')
          .evaluate((el) => el.getBoundingClientRect().height),
      ).toBeLessThanOrEqual(1);
      expect(await horizontalOverflow(page)).toBe(0);
      await screenshot(page, `layout-360-${scheme}-all`);
      await screenshot(page.locator('sb-facilitator'), `layout-360-${scheme}-facilitator`);

      await page
        .getByRole('button', { name: /^Practise this:/ })
        .first()
        .click();
      await page.getByRole('button', { name: 'Start the conversation' }).click();
      await waitForMessages(page, 1);
      await page
        .getByRole('textbox', { name: /^Your reply to/ })
        .fill('What is on your mind today? '.repeat(3));
      await page.keyboard.press('Enter');
      await waitForMessages(page, 3);
      expect(await horizontalOverflow(page)).toBe(0);
      expect(await seriousViolations(page)).toEqual([]);
      await screenshot(page, `layout-360-${scheme}-chat`);

      if (scheme === 'dark') {
        // the dark palette is really applied (not the light one on a dark page)
        const bg = await page
          .locator('sb-practice')
          .evaluate((el) => getComputedStyle(el).backgroundColor);
        expect(bg).toBe('rgb(22, 25, 29)');
      }
      expect(errors).toEqual([]);
      await context.close();
    });
  });
}

describe('full page and theming', () => {
  it('uses the host font, honours --sb-* properties and ::part, and fits a wide page', async () => {
    const { context, page } = await newPage(browser, { width: 1280 });
    lms.setHtml(
      lmsLessonHtml({
        apiOrigin: sb.origin,
        body: `<style>
            sb-practice { --sb-color-accent: #5b1f7a; }
            sb-practice::part(start-button) { text-transform: uppercase; }
          </style>
          <sb-practice api-base="${sb.origin}" token="${sb.tokens.learner}"></sb-practice>`,
      }),
    );
    await page.goto(lms.origin + '/');
    const choose = page.getByRole('button', { name: /^Practise this:/ }).first();
    await choose.waitFor();
    // lmsLessonHtml sets Georgia on the body: the component inherits it
    expect(await choose.evaluate((el) => getComputedStyle(el).fontFamily)).toMatch(/Georgia/);
    expect(await choose.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe(
      'rgb(91, 31, 122)',
    );
    await choose.click();
    const start = page.getByRole('button', { name: /Start the conversation/i });
    expect(await start.evaluate((el) => getComputedStyle(el).textTransform)).toBe('uppercase');
    expect(await horizontalOverflow(page)).toBe(0);
    await screenshot(page, 'layout-full-page-themed');
    await context.close();
  });
});

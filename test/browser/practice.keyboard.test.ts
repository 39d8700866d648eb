/**
 * @module test/browser/practice.keyboard.test
 * A whole practice session on the demo course page, by keyboard alone, against the real API:
 * choose a scenario, read the brief, talk with the partner (replies stream in; the transcript
 * live region receives complete messages only), see live feedback, end the session, read the
 * scorecard. axe-core runs at every step; screenshots are kept.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { screenshot } from './support/artefacts.js';
import { seriousViolations } from './support/axe.js';
import { launchChromium, newPage } from './support/chromium.js';
import { startSoundingBoard, type RunningSoundingBoard } from './support/sounding-board.js';
import {
  focusedName,
  liveRegionRecord,
  tabTo,
  transcriptItems,
  waitForMessages,
  watchLiveRegion,
} from './support/ui.js';

// a real browser against a real server, possibly beside the whole suite: generous, not timed
vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

let sb: RunningSoundingBoard;
let browser: Browser;
let page: Page;
let errors: string[];

beforeAll(async () => {
  sb = await startSoundingBoard();
  browser = await launchChromium();
  ({ page, errors } = await newPage(browser));
});

afterAll(async () => {
  await browser?.close();
  await sb?.close();
});

const COACH_TURNS = [
  'What would you like to get out of our conversation today?',
  'It sounds like this has been weighing on you for a while.',
  'What feels most important about it for you?',
  'So part of you wants to protect the team, and part of you is tired of carrying it alone. What might you try first?',
];

async function expectAccessible(p: Page, step: string): Promise<void> {
  const found = await seriousViolations(p);
  expect(
    found,
    `axe serious/critical violations at ${step}: ${JSON.stringify(found, null, 1)}`,
  ).toEqual([]);
}

describe('sb-practice by keyboard on the demo course page', () => {
  it('lists scenarios and opens a brief with Tab and Enter', async () => {
    await page.goto(sb.origin + '/');
    await page
      .getByRole('button', { name: /^Practise this:/ })
      .first()
      .waitFor();
    await expectAccessible(page, 'scenario list');
    await screenshot(page, 'practice-1-scenarios');

    await tabTo(page, /^Practise this:/);
    // the focused control shows it: a visible outline, not just a colour change
    const outline = await page.evaluate(() => {
      let el: Element | null = document.activeElement;
      while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
      const st = getComputedStyle(el!);
      return { style: st.outlineStyle, width: parseFloat(st.outlineWidth) };
    });
    expect(outline.style).not.toBe('none');
    expect(outline.width).toBeGreaterThanOrEqual(2);
    await page.keyboard.press('Enter');
    // focus moves to the brief's heading so a screen reader starts reading there
    await page.getByRole('heading', { name: 'Partner brief' }).waitFor();
    expect(await focusedName(page)).not.toBe('');
    await expectAccessible(page, 'brief');
    await screenshot(page, 'practice-2-brief');
  });

  it('starts the session and talks with the partner; the live region gets complete messages only', async () => {
    await tabTo(page, /^Start the conversation$/);
    await page.keyboard.press('Enter');
    await page.getByRole('textbox', { name: /^Your reply to/ }).waitFor();
    // the opening line of the partner
    await waitForMessages(page, 1);
    expect(await focusedName(page)).toMatch(/^Your reply to/);
    await watchLiveRegion(page);

    let expected = await transcriptItems(page).count();
    for (const text of COACH_TURNS) {
      await page.keyboard.type(text);
      await page.keyboard.press('Enter');
      expected += 2;
      await waitForMessages(page, expected);
      // the box is cleared once the server stored the turn, and keeps focus for the next one
      await expect
        .poll(() => page.getByRole('textbox', { name: /^Your reply to/ }).inputValue())
        .toBe('');
      expect(await focusedName(page)).toMatch(/^Your reply to/);
    }

    const coach = page.locator('sb-practice li.message.coach');
    await expect.poll(() => coach.count()).toBe(COACH_TURNS.length);
    expect(await coach.nth(1).innerText()).toContain(COACH_TURNS[1]);
    // the move as chips and one short nudge under each coach turn; the full feedback on demand
    await expect
      .poll(() => page.locator('sb-practice li.message.coach .nudge').count())
      .toBe(COACH_TURNS.length);
    expect(
      await page.locator('sb-practice li.message.coach .codes li').count(),
    ).toBeGreaterThanOrEqual(COACH_TURNS.length);
    expect(await page.locator('sb-practice dl.feedback').count()).toBe(0);
    await tabTo(page, /^More feedback$/);
    await page.keyboard.press('Enter');
    await page.locator('sb-practice dl.feedback').waitFor();
    expect(await focusedName(page)).toBe('Hide feedback');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('sb-practice dl.feedback').count()).toBe(0);
    await page.getByRole('textbox', { name: /^Your reply to/ }).focus();

    const live = await liveRegionRecord(page);
    expect(live.added.length).toBe(COACH_TURNS.length);
    expect(live.changedAfterAdd).toBe(0);
    const finalTexts = await page.locator('sb-practice li.message.partner').allInnerTexts();
    for (const added of live.added)
      expect(finalTexts.map((t) => t.replace(/\s+/g, ' ').trim())).toContain(added);

    await expectAccessible(page, 'chat');
    await screenshot(page, 'practice-3-chat');
  });

  it('ends the session and shows the scorecard; the host page hears sb-session-ended', async () => {
    await tabTo(page, /^End session$/);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: /^Scorecard:/ }).waitFor({ timeout: 20_000 });
    const skills = page.locator('sb-scorecard li.skill');
    await expect.poll(() => skills.count()).toBe(6);
    expect(await page.locator('sb-scorecard li.check').count()).toBeGreaterThanOrEqual(6);
    // every coach turn shows its codes and feedback in the scorecard's transcript
    expect(await page.locator('sb-scorecard li.turn.coach').count()).toBe(COACH_TURNS.length);
    expect(await page.locator('sb-scorecard li.turn.coach dl.feedback').count()).toBe(
      COACH_TURNS.length,
    );
    // the demo page reacts to the composed event
    await expect
      .poll(() => page.locator('#notice').innerText())
      .toMatch(/Lesson activity complete/);

    // an evidence link moves focus to the turn it cites
    const evidence = page.locator('sb-scorecard .evidence button').first();
    if ((await evidence.count()) > 0) {
      // the checks and their evidence sit behind "What this is based on"
      await page
        .locator('sb-scorecard li.skill:has(.evidence button) details.checks-box summary')
        .first()
        .click();
      await evidence.focus();
      await page.keyboard.press('Enter');
      expect(
        await page.evaluate(
          () =>
            document.querySelector('sb-practice')!.shadowRoot!.querySelector('sb-scorecard')!
              .shadowRoot!.activeElement?.id,
        ),
      ).toMatch(/^turn-\d+$/);
    }

    await expectAccessible(page, 'scorecard');
    await screenshot(page, 'practice-4-scorecard');
    expect(errors).toEqual([]);
  });
});

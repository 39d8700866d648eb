/**
 * @module test/browser/progress-and-cohort.test
 * After real sessions: the standalone scorecard, the progress chart (SVG with a text
 * alternative, current level, what to practise next), a facilitator assigning a drill through
 * `<sb-facilitator>`, and the learner opening it from `<sb-drills>` into `<sb-practice>`.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { screenshot } from './support/artefacts.js';
import { seriousViolations } from './support/axe.js';
import { launchChromium, newPage } from './support/chromium.js';
import { lmsLessonHtml, startHostPage, type HostPage } from './support/host-page.js';
import { startSoundingBoard, type RunningSoundingBoard } from './support/sounding-board.js';

// a real browser against a real server, possibly beside the whole suite: generous, not timed
vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

let sb: RunningSoundingBoard;
let lms: HostPage;
let browser: Browser;
let page: Page;
let errors: string[];
let sessionId: string;

beforeAll(async () => {
  sb = await startSoundingBoard();
  lms = await startHostPage('localhost');
  browser = await launchChromium();
  ({ page, errors } = await newPage(browser));
  // two finished sessions through the API, so the chart has a line
  sessionId = await sb.completeSession(sb.tokens.learner, [
    'What would you like from today?',
    'It sounds like you feel stretched thin.',
    'What do you want to happen next?',
  ]);
  // three coach turns each: a shorter session is "not enough evidence" and adds no point to the chart
  await sb.completeSession(sb.tokens.learner, [
    'You should just tell your manager.',
    'Why did you not raise it earlier?',
    'Have you tried a to-do list?',
  ]);
  await sb.createCohort('Autumn Learning Partners');
});
afterAll(async () => {
  await browser?.close();
  await lms?.close();
  await sb?.close();
});

function host(body: string, token = sb.tokens.learner): void {
  lms.setHtml(
    lmsLessonHtml({
      apiOrigin: sb.origin,
      body: body.replaceAll('TOKEN', token).replaceAll('API', sb.origin),
    }),
  );
}

describe('scorecard, progress, drills and the cohort view', () => {
  it('<sb-scorecard> shows levels, checks with evidence, and the coded transcript', async () => {
    host(`<sb-scorecard api-base="API" token="TOKEN" session="${sessionId}"></sb-scorecard>`);
    await page.goto(lms.origin + '/');
    await page.getByRole('heading', { name: /^Scorecard:/ }).waitFor();
    expect(await page.locator('sb-scorecard li.skill').count()).toBe(6);
    const levels = await page.locator('sb-scorecard li.skill .level').allInnerTexts();
    for (const l of levels) expect(['Not yet', 'Fair', 'Good']).toContain(l);
    // a headline first; each check says met / not met in words, not colour alone (behind a disclosure)
    expect(await page.locator('sb-scorecard .headline').innerText()).toMatch(/of 6 skills at/);
    for (const summary of await page.locator('sb-scorecard details.checks-box summary').all())
      await summary.click();
    const checks = await page.locator('sb-scorecard li.check').allInnerTexts();
    expect(checks.every((c) => /Met:|Not yet met:/.test(c))).toBe(true);
    expect(
      await page.locator('sb-scorecard li.turn.coach .codes li').count(),
    ).toBeGreaterThanOrEqual(3);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'scorecard-standalone');
  });

  it('<sb-progress> draws an accessible chart per skill and names what to practise next', async () => {
    host(`<sb-progress api-base="API" token="TOKEN"></sb-progress>`);
    await page.goto(lms.origin + '/');
    await page.getByRole('heading', { name: 'Your progress' }).waitFor();
    const charts = page.locator('sb-progress svg[part="chart"]');
    expect(await charts.count()).toBe(6);
    // each chart comes with a sentence with the numbers, and a table of them, for screen readers
    const desc = await page.locator('sb-progress li.skill p.sr-only').first().textContent();
    expect(desc).toMatch(
      /2 sessions, (rising|falling|steady), from \d+ \(.+\) on .+ to \d+ \(.+\)/,
    );
    expect(await page.locator('sb-progress svg circle.point').count()).toBe(12);
    expect(await page.getByRole('heading', { name: /^Practise next: / }).count()).toBe(1);
    // the same numbers as a table behind a disclosure, reachable by keyboard
    await page.locator('sb-progress summary').focus();
    await page.keyboard.press('Enter');
    expect(await page.locator('sb-progress details table tbody tr').count()).toBe(12);
    expect(await page.locator('sb-progress li.skill table.sr-only tbody tr').count()).toBe(12);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'progress-chart');
  });

  it('a facilitator assigns a drill in <sb-facilitator>; the learner opens it from <sb-drills>', async () => {
    host(`<sb-facilitator api-base="API" token="TOKEN"></sb-facilitator>`, sb.tokens.facilitator);
    await page.goto(lms.origin + '/');
    await page.getByRole('heading', { name: 'Cohort overview' }).waitFor();
    await page.locator('sb-facilitator tbody tr').first().waitFor();
    expect(await page.locator('sb-facilitator tbody tr').count()).toBe(2);
    // a low-confidence level says so in words too, not only with its dashed outline
    expect(await page.locator('sb-facilitator tbody tr').first().innerText()).toMatch(
      /Not yet|Fair|Good/,
    );
    await page.getByRole('button', { name: 'Assign drill' }).click();
    await page.getByText(/was assigned to/).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'facilitator-cohort');

    host(`<sb-drills api-base="API" token="TOKEN"></sb-drills>`);
    await page.goto(lms.origin + '/');
    await page.getByRole('heading', { name: 'My drills' }).waitFor();
    const open = page.locator('sb-drills [part="open-button"]').first();
    await open.waitFor();
    expect(await page.locator('sb-drills [part="status"]').first().innerText()).toMatch(
      /Not started|In progress|Overdue|Passed|Not passed/,
    );
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'drills-list');
    // a host may take over opening drills: sb-drill-open is cancelable
    await page.evaluate(() => {
      const w = window as unknown as { __opened: string[]; __cancel: boolean };
      w.__opened = [];
      w.__cancel = true;
      document.addEventListener('sb-drill-open', (e) => {
        w.__opened.push((e as CustomEvent).detail.drillId);
        if (w.__cancel) e.preventDefault();
      });
    });
    await open.focus();
    await page.keyboard.press('Enter');
    expect(((await page.evaluate('window.__opened')) as string[]).length).toBe(1);
    expect(await page.getByRole('button', { name: 'Start the drill' }).count()).toBe(0);
    // not cancelled: the drill opens here, by keyboard as well
    await page.evaluate('window.__cancel = false');
    await open.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: /^Drill: / }).waitFor();
    await page.getByRole('button', { name: 'Start the drill' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('textbox', { name: /^Your reply to/ }).waitFor();
    await page.getByRole('button', { name: /Back to my drills/ }).click();
    await page.getByRole('heading', { name: 'My drills' }).waitFor();
    expect(await page.locator('sb-drills [part="status"]').first().innerText()).toMatch(
      /In progress|Not started|Overdue/,
    );
    expect(errors).toEqual([]);
  });
});

/**
 * @module test/browser/partnerships.test
 * A Learning Partnership through the components in a real Chromium: the facilitator proposes pairs
 * in `<sb-pairing>`, sees the reasons, swaps two people and confirms a pair; both partners write and
 * confirm their agreement in `<sb-partnership>` (one of them by keyboard), log alternating sessions
 * and follow up last time's action; the facilitator sees the series and `<sb-programme-report>`
 * shows the returns with the departments picture and its table. An axe check at each step.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { screenshot } from './support/artefacts.js';
import { seriousViolations } from './support/axe.js';
import { launchChromium, newPage } from './support/chromium.js';
import { lmsLessonHtml, startHostPage, type HostPage } from './support/host-page.js';
import { startSoundingBoard, type RunningSoundingBoard } from './support/sounding-board.js';
import { tabTo } from './support/ui.js';

vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

let sb: RunningSoundingBoard;
let lms: HostPage;
let browser: Browser;
let page: Page;
let errors: string[];
let spring: string;
let summer: string;

beforeAll(async () => {
  sb = await startSoundingBoard();
  lms = await startHostPage('localhost');
  browser = await launchChromium();
  ({ page, errors } = await newPage(browser));
  const { cohorts } = (await sb.app.call('GET', '/api/cohorts', { token: sb.tokens.facilitator }))
    .body;
  spring = cohorts.find((c) => c.name === 'Spring Learning Partners')!.id;
  summer = cohorts.find((c) => c.name === 'Summer Learning Partners')!.id;
});
afterAll(async () => {
  await browser?.close();
  await lms?.close();
  await sb?.close();
});

async function show(body: string, token: string) {
  lms.setHtml(
    lmsLessonHtml({
      apiOrigin: sb.origin,
      body: body.replaceAll('TOKEN', token).replaceAll('API', sb.origin),
    }),
  );
  await page.goto(lms.origin + '/');
}

describe('a Learning Partnership in the browser', () => {
  it('the facilitator proposes pairs, reads the reasons and swaps two people', async () => {
    await show(
      `<sb-pairing api-base="API" token="TOKEN" cohort="${summer}"></sb-pairing>`,
      sb.tokens.facilitator,
    );
    await page.getByRole('button', { name: 'Propose pairs' }).click();
    await page.getByRole('heading', { name: 'Proposed pairs' }).waitFor();
    expect(await page.locator('sb-pairing .pairs > li').count()).toBe(2);
    expect(await page.locator('sb-pairing .pairs').innerText()).toMatch(
      /Different parts of the organisation/,
    );
    expect(await page.getByText(/The odd one out/).count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
    const firstSwap = page.locator('sb-pairing .pairs > li').first().locator('select').first();
    const option = await firstSwap.locator('option').nth(1).getAttribute('value');
    await firstSwap.selectOption(option!);
    expect(await page.locator('sb-pairing .pairs').innerText()).toMatch(/Changed by hand/);
    await screenshot(page, 'pairing-proposed');
  });

  it('confirms a pair of learners not yet ready, and the series lists it', async () => {
    await show(
      `<sb-pairing api-base="API" token="TOKEN" cohort="${spring}"></sb-pairing>`,
      sb.tokens.facilitator,
    );
    await page.getByLabel('Include learners not ready yet').check();
    await page.getByRole('button', { name: 'Propose pairs' }).click();
    await page.getByRole('heading', { name: 'Proposed pairs' }).waitFor();
    expect(await page.locator('sb-pairing .pairs').innerText()).toMatch(
      /was not ready to partner yet/,
    );
    await page.getByRole('button', { name: 'Confirm pair' }).click();
    await page.getByText('Confirmed.').waitFor();
    await page.locator('sb-pairing table[part="series"] tbody tr').first().waitFor();
    expect(await page.locator('sb-pairing table[part="series"]').innerText()).toMatch(
      /Alex Rivera and Sam Okafor|Sam Okafor and Alex Rivera/,
    );
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('both partners agree and confirm, one of them by keyboard', async () => {
    await show(`<sb-partnership api-base="API" token="TOKEN"></sb-partnership>`, sb.tokens.learner);
    await page.getByRole('heading', { name: 'Your Learning Partnership' }).waitFor();
    // the three roles, each explained where it is chosen
    expect(await page.getByText(/A sounding board who helps you get clear/).count()).toBe(1);
    await page
      .getByLabel('Outcomes you both want (one per line)')
      .fill('Grow as coaches\nWork better across departments');
    await page.getByLabel('Your own goal').fill('Delegate more on the ward');
    await page.getByLabel(/Sam Okafor’s goal/).fill('Speak up in budget meetings');
    await page.getByLabel(/^Thinking Partner/).check();
    await page.getByLabel('Responsibilities (one per line)').fill('Turn up prepared');
    await page.getByLabel('How often you meet').selectOption('weekly');
    await page.getByRole('button', { name: 'Save agreement' }).click();
    await page.getByRole('button', { name: 'Confirm version 1' }).click();
    await page.getByText('Version 1 is waiting for Sam Okafor to confirm it.').waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    await show(
      `<sb-partnership api-base="API" token="TOKEN"></sb-partnership>`,
      sb.tokens.learner2,
    );
    await page.getByRole('button', { name: 'Confirm version 1' }).waitFor();
    await tabTo(page, /Confirm version 1/);
    await page.keyboard.press('Enter');
    await page.getByText('Agreed (version 1): you both confirmed it.').waitFor();
  });

  it('they log alternating sessions with actions and follow them up', async () => {
    await page.getByText('Log a session').click();
    await page.getByLabel('Who coached').selectOption({ label: 'You' });
    await page.getByLabel('Topic').fill('Delegating on nights');
    await page.getByLabel('The coachee’s actions (one per line)').fill('Hand over the rota to Dee');
    await page.getByRole('button', { name: 'Log session' }).click();
    await page.locator('sb-partnership ol.sessions > li').first().waitFor();
    expect(await page.locator('sb-partnership ol.sessions').innerText()).toMatch(
      /You coached on “Delegating on nights”/,
    );
    expect(await page.locator('sb-partnership [part="reciprocity"]').innerText()).toMatch(
      /Next time, Alex Rivera coaches/,
    );

    await show(`<sb-partnership api-base="API" token="TOKEN"></sb-partnership>`, sb.tokens.learner);
    await page.getByText('Log a session').click();
    // Sam coached, so the action is Alex's own; Alex says how it went
    await page.getByLabel(/Hand over the rota to Dee/).selectOption('done');
    await page.getByLabel('Topic').fill('Speaking up with the board');
    await page.getByRole('button', { name: 'Log session' }).click();
    await page.getByText(/You coached on “Speaking up with the board”/).waitFor();
    expect(await page.locator('sb-partnership ol.sessions').innerText()).toMatch(
      /Hand over the rota to Dee \(You; Done\)/,
    );
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'partnership-sessions');
    expect(errors).toEqual([]);
  });

  it('the facilitator sees the series and the returns', async () => {
    await show(
      `<sb-pairing api-base="API" token="TOKEN" cohort="${spring}"></sb-pairing><sb-programme-report api-base="API" token="TOKEN"></sb-programme-report>`,
      sb.tokens.facilitator,
    );
    await page.locator('sb-pairing table[part="series"] tbody tr').first().waitFor();
    expect(await page.locator('sb-pairing table[part="series"]').innerText()).toMatch(
      /Agreed, weekly[\s\S]*2 of \d+ expected[\s\S]*1 of 1/,
    );
    await page.locator('sb-programme-report dl[part="numbers"]').waitFor();
    expect(await page.locator('sb-programme-report dl[part="numbers"]').innerText()).toMatch(
      /Sessions held\s*2/,
    );
    expect(await page.locator('sb-programme-report svg[role="img"] desc').textContent()).toMatch(
      /Finance and Nursing, 1 pair/,
    );
    expect(await page.locator('sb-programme-report [part="network"] table').innerText()).toMatch(
      /Finance and Nursing\s*1/,
    );
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'programme-report');
  });
});

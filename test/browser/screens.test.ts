/**
 * @module test/browser/screens.test
 * Every screen, as a learner and a facilitator meet it on the demo course page, at 1280 and
 * 360 px, light and dark: screenshots into test-artifacts/screenshots/screens-<width>-<scheme>-*,
 * axe-core clean at each step, no horizontal scrolling. The partner is the LLM path against the
 * fake server, slowed on one turn so the "thinking" state is on screen long enough to see.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startFakeOpenAI, type ChatBody, type FakeOpenAI } from '../support/fake-openai.js';
import { screenshot } from './support/artefacts.js';
import { seriousViolations } from './support/axe.js';
import { launchChromium, newPage } from './support/chromium.js';
import { startSoundingBoard, type RunningSoundingBoard } from './support/sounding-board.js';
import { horizontalOverflow, waitForMessages } from './support/ui.js';

vi.setConfig({ testTimeout: 180_000, hookTimeout: 120_000 });

let fake: FakeOpenAI;
let sb: RunningSoundingBoard;
let browser: Browser;

/** A coach turn containing this word makes the fake partner wait before answering. */
const SLOW = 'slowly';

const TURNS = [
  'What would you like to get out of our conversation today?',
  'It sounds like a lot has landed on you since the promotion.',
  `You should just tell them how you feel, ${SLOW}.`,
];

beforeAll(async () => {
  fake = await startFakeOpenAI({ defaultStep: { type: 'play' } });
  // only the partner's streamed reply waits (no response_format): the turn's coding and feedback
  // quote the same words, and slowing them too left the last nudge later than the check for it
  const partnerReply = (body: ChatBody) => body.stream && !body.response_format;
  fake.setHandler((body) =>
    JSON.stringify(body.messages).includes(SLOW) && partnerReply(body)
      ? { type: 'play', firstTokenDelayMs: 2500 }
      : undefined,
  );
  sb = await startSoundingBoard({
    OPENAI_API_KEY: 'sk-test-screens',
    OPENAI_BASE_URL: fake.baseURL,
    SB_LLM_MAX_RETRIES: '0',
  });
  browser = await launchChromium();
  await sb.createCohort('Learning Partners, spring intake');
  // a session ended before any screen: the facilitator's read-only view does not hang on the learner
  // test reaching its own end (the second demo learner stays without sessions, for "No sessions yet")
  await sb.completeSession(
    sb.tokens.learner,
    TURNS.slice(0, 2).concat('What would you like to happen next?'),
  );
});
afterAll(async () => {
  await browser?.close();
  await sb?.close();
  await fake?.close();
});

async function clean(page: Page, step: string): Promise<void> {
  const found = await seriousViolations(page);
  expect(found, `axe at ${step}: ${JSON.stringify(found, null, 1)}`).toEqual([]);
  expect(await horizontalOverflow(page), `horizontal scrolling at ${step}`).toBe(0);
}

for (const width of [1280, 360] as const) {
  for (const scheme of ['light', 'dark'] as const) {
    const name = (screen: string) => `screens-${width}-${scheme}-${screen}`;
    describe(`${width} px, ${scheme}`, () => {
      it('a learner: choose, brief, conversation with nudges and feedback on demand, thinking partner', async () => {
        const { context, page, errors } = await newPage(browser, {
          width,
          height: width === 360 ? 780 : 900,
          colorScheme: scheme,
        });
        await page.goto(sb.origin + '/');
        await page
          .getByRole('button', { name: /^Practise this:/ })
          .first()
          .waitFor();
        await clean(page, 'course page');
        await screenshot(page, name('1-course'));

        await page
          .getByRole('button', { name: /^Practise this:/ })
          .first()
          .click();
        await page.getByRole('heading', { name: 'Partner brief' }).waitFor();
        await clean(page, 'brief');
        await screenshot(page.locator('sb-practice'), name('2-brief'));

        await page.getByRole('button', { name: 'Start the conversation' }).click();
        await waitForMessages(page, 1);
        const box = page.getByRole('textbox', { name: /^Your reply to/ });
        for (const [i, text] of TURNS.entries()) {
          await box.fill(text);
          await box.press('Enter');
          if (text.includes(SLOW)) {
            // the partner's thinking state: initials, dots and words
            await page
              .locator('sb-practice .message.partner.streaming')
              .getByText(/is thinking/)
              .waitFor();
            await screenshot(page.locator('sb-practice'), name('3-thinking'));
          }
          await waitForMessages(page, 3 + 2 * i, 30_000);
        }
        // nudge mode (the default): one short nudge per coach turn, chips for the move, no full feedback;
        // a turn's feedback follows its partner reply (its own model call), so the wait is a few seconds
        await expect
          .poll(() => page.locator('sb-practice li.message.coach .nudge').count(), {
            timeout: 10_000,
          })
          .toBe(TURNS.length);
        expect(await page.locator('sb-practice li.message.coach dl.feedback').count()).toBe(0);
        expect(
          await page.locator('sb-practice li.message.coach .codes li').count(),
        ).toBeGreaterThanOrEqual(TURNS.length);
        // the full feedback opens on demand: side panel when wide, under the turn when narrow
        const toggle = page.getByRole('button', { name: 'More feedback' }).last();
        await toggle.click();
        expect(
          await page.getByRole('button', { name: 'Hide feedback' }).getAttribute('aria-expanded'),
        ).toBe('true');
        if (width >= 1000)
          await page.locator('sb-practice aside.feedback-panel dl.feedback').waitFor();
        else await page.locator('sb-practice li.message.coach dl.feedback').waitFor();
        await clean(page, 'conversation with feedback open');
        await screenshot(page.locator('sb-practice'), name('4-conversation'));

        await page.getByRole('button', { name: /^End session/ }).click();
        await page.getByRole('heading', { name: /^Scorecard:/ }).waitFor({ timeout: 20_000 });
        // the result in five seconds: a headline, one bar per skill, the best moment, one thing to try
        expect(await page.locator('sb-scorecard .headline').innerText()).toMatch(
          /^\d of 6 skills at (Good|Fair)/,
        );
        expect(await page.locator('sb-scorecard li.skill .bar').count()).toBe(6);
        await page.getByRole('heading', { name: 'Your best moment' }).waitFor();
        await page.getByRole('heading', { name: 'One thing to try next time' }).waitFor();
        // checks behind a disclosure, feedback in the transcript folded
        expect(await page.locator('sb-scorecard details.checks-box[open]').count()).toBe(0);
        expect(await page.locator('sb-scorecard details.turn-feedback[open]').count()).toBe(0);
        await clean(page, 'scorecard');
        await screenshot(page.locator('sb-practice'), name('5-scorecard'));
        await page.emulateMedia({ media: 'print' });
        await screenshot(page.locator('sb-practice'), name('5-scorecard-print'));
        expect(await page.getByRole('button', { name: /Print or save/ }).isVisible()).toBe(false);
        await page.emulateMedia({ media: 'screen' });

        // the drill that trains it is one click away; its rules stay in view; its result says why
        const practiseIt = page.getByRole('button', { name: /^Practise it:/ });
        if (await practiseIt.count()) {
          await practiseIt.click();
          await page.getByRole('button', { name: 'Start the drill' }).click();
          await waitForMessages(page, 1);
          await page.locator('sb-practice ul.rules').waitFor();
          await box.fill('It sounds like the promotion has left you carrying a lot.');
          await box.press('Enter');
          await waitForMessages(page, 3, 30_000);
          expect(await page.locator('sb-practice ul.rules').isVisible()).toBe(true);
          await screenshot(page.locator('sb-practice'), name('6-drill'));
          await page.getByRole('button', { name: /^End session/ }).click();
          await page.locator('sb-scorecard .drill-result').waitFor({ timeout: 20_000 });
          expect(await page.locator('sb-scorecard .drill-result h3').innerText()).toMatch(
            /Drill (passed|not passed yet)/,
          );
          await clean(page, 'drill result');
          await screenshot(page.locator('sb-practice'), name('7-drill-result'));
          await page.getByRole('button', { name: 'Try the drill again' }).click();
          await page.getByRole('button', { name: 'Start the drill' }).waitFor();
        }

        // progress: Fair and Good lines per skill, filterable by difficulty, numbers as tables
        const progress = page.locator('sb-progress');
        await progress.locator('li.skill').first().waitFor();
        await expect.poll(() => progress.locator('line.threshold').count()).toBe(12);
        expect(await progress.locator('table.sr-only').count()).toBeGreaterThan(0);
        await clean(page, 'progress');
        await screenshot(progress, name('8-progress'));
        await progress.getByRole('radio', { name: 'Challenging' }).check();
        await screenshot(progress, name('8-progress-challenging'));
        expect(errors).toEqual([]);
        await context.close();
      });

      it('a facilitator: who needs attention first, the cohort by skill, a learner’s session read-only', async () => {
        const { context, page, errors } = await newPage(browser, {
          width,
          height: width === 360 ? 780 : 900,
          colorScheme: scheme,
        });
        await page.goto(sb.origin + '/facilitator');
        const attention = page.getByRole('heading', { name: 'Needs your attention' });
        await attention.waitFor();
        // no course navigation on the facilitator's page
        expect(await page.getByRole('navigation', { name: 'Course' }).count()).toBe(0);
        // a learner who has not practised: "No sessions yet", not six red badges
        await page.locator('sb-facilitator td.no-sessions').first().waitFor();
        expect(await page.locator('sb-facilitator .picture-item svg').count()).toBe(6);
        if (width >= 1000) expect((await attention.boundingBox())!.y).toBeLessThan(600);
        await clean(page, 'facilitator');
        await screenshot(page, name('9-facilitator'));

        await page
          .locator('sb-facilitator table')
          .getByRole('button', { name: /sessions$/ })
          .first()
          .click();
        await page
          .locator('sb-facilitator sb-scorecard')
          .getByRole('heading', { name: /^Scorecard:/ })
          .waitFor({ timeout: 20_000 });
        // read-only: nothing to practise or retry from a learner's scorecard
        expect(
          await page.getByRole('button', { name: /^Practise it:|^Try the drill again/ }).count(),
        ).toBe(0);
        await clean(page, 'facilitator, a learner’s session');
        await screenshot(page.locator('sb-facilitator'), name('10-facilitator-learner'));
        expect(errors).toEqual([]);
        await context.close();
      });
    });
  }
}

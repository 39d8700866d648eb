/**
 * @module test/browser/streaming.test
 * Partner replies stream in when the server streams: the app runs with its LLM layer pointed at
 * the fake OpenAI-compatible server (playing the partner, word by word, slowly), and the learner
 * sees the reply grow while the transcript live region still receives only the complete message.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startFakeOpenAI, type FakeOpenAI } from '../support/fake-openai.js';
import { screenshot } from './support/artefacts.js';
import { launchChromium, newPage } from './support/chromium.js';
import { startSoundingBoard, type RunningSoundingBoard } from './support/sounding-board.js';
import {
  liveRegionRecord,
  startConversation,
  waitForMessages,
  watchLiveRegion,
} from './support/ui.js';

// a real browser against a real server, possibly beside the whole suite: generous, not timed
vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

let fake: FakeOpenAI;
let sb: RunningSoundingBoard;
let browser: Browser;
let page: Page;
let errors: string[];

beforeAll(async () => {
  fake = await startFakeOpenAI({ defaultStep: { type: 'play', chunkDelayMs: 40 } });
  sb = await startSoundingBoard({
    OPENAI_API_KEY: 'sk-test-browser',
    OPENAI_BASE_URL: fake.baseURL,
    SB_LLM_TIMEOUT_MS: '20000',
    SB_LLM_FIRST_TOKEN_TIMEOUT_MS: '5000',
    SB_LLM_MAX_RETRIES: '0',
  });
  browser = await launchChromium();
  ({ page, errors } = await newPage(browser));
});
afterAll(async () => {
  await browser?.close();
  await sb?.close();
  await fake?.close();
});

/** Records every text the in-progress reply showed, from inside the component's shadow root. */
async function watchStreaming(p: Page): Promise<void> {
  await p.evaluate(() => {
    const w = window as unknown as { __sbStream: string[] };
    w.__sbStream = [];
    const root = document.querySelector('sb-practice')!.shadowRoot!;
    new MutationObserver(() => {
      const el = root.querySelector('.streaming');
      const text = el?.textContent?.replace(/\s+/g, ' ').trim();
      if (text && w.__sbStream[w.__sbStream.length - 1] !== text) w.__sbStream.push(text);
    }).observe(root, { childList: true, subtree: true, characterData: true });
  });
}

describe('a streaming partner', () => {
  it('shows the reply growing, then announces it once, complete', async () => {
    await page.goto(sb.origin + '/');
    const box = await startConversation(page);
    await watchLiveRegion(page);
    await watchStreaming(page);

    await box.fill('It sounds like a lot has landed on you at once since the promotion.');
    await box.press('Enter');
    await waitForMessages(page, 3, 60_000);

    const shown = (await page.evaluate('window.__sbStream')) as string[];
    // several growing states of one reply were on screen before it was complete
    expect(shown.length).toBeGreaterThanOrEqual(3);
    const reply = (await page.locator('sb-practice li.message.partner').last().innerText())
      .replace(/\s+/g, ' ')
      .trim();
    const partials = shown.filter((s) => !/is thinking/.test(s));
    expect(partials.length).toBeGreaterThanOrEqual(2);
    expect(partials[partials.length - 1].length).toBeGreaterThan(partials[0].length);

    const live = await liveRegionRecord(page);
    expect(live.added).toEqual([reply]);
    expect(live.changedAfterAdd).toBe(0);
    expect(fake.requests.some((r) => r.body.stream)).toBe(true);
    await screenshot(page, 'streaming-reply');
    expect(errors).toEqual([]);
  });
});

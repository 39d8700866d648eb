/**
 * @module test/browser/api-docs.test
 * /api/docs renders the reference in Chromium under the API's own security headers: the page's
 * script and styles come from the app (`script-src 'self'`, `style-src 'self'`, nothing inline),
 * so the content security policy that blocked the old inline page now lets this one run.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { screenshot } from './support/artefacts.js';
import { seriousViolations } from './support/axe.js';
import { launchChromium, newPage } from './support/chromium.js';
import { startSoundingBoard, type RunningSoundingBoard } from './support/sounding-board.js';
import { horizontalOverflow } from './support/ui.js';

vi.setConfig({ testTimeout: 60_000, hookTimeout: 120_000 });

let sb: RunningSoundingBoard;
let browser: Browser;

beforeAll(async () => {
  sb = await startSoundingBoard();
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await sb?.close();
});

describe('/api/docs', () => {
  it('is served with a strict policy: its own script and styles, nothing inline', async () => {
    const res = await fetch(`${sb.origin}/api/docs`);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("style-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(await res.text()).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>|<style/);
  });

  for (const [width, scheme] of [
    [1280, 'light'],
    [1280, 'dark'],
    [360, 'light'],
    [360, 'dark'],
  ] as const) {
    it(`renders every operation in Chromium (${width} px, ${scheme})`, async () => {
      const { context, page, errors } = await newPage(browser, { width, colorScheme: scheme });
      await page.goto(`${sb.origin}/api/docs`);
      const ops = page.locator('#ops details');
      await expect.poll(() => ops.count(), { timeout: 15_000 }).toBeGreaterThan(20);
      expect(await page.locator('#ops').innerText()).not.toMatch(/^Loading/);
      // routes outside /api (the LTI endpoints, the demo page) are listed at their own paths
      const paths = await page.locator('#ops summary code').allInnerTexts();
      expect(paths).toEqual(expect.arrayContaining(['/api/health', '/lti/launch', '/']));
      expect(paths).not.toContain('/api/lti/launch');
      // the stylesheet applied (the operation cards have their border radius)
      expect(await ops.first().evaluate((el) => getComputedStyle(el).borderRadius)).toBe('8px');
      await ops.first().locator('summary').click();
      expect(await seriousViolations(page)).toEqual([]);
      expect(await horizontalOverflow(page)).toBe(0);
      // no policy violation, no script error
      expect(errors).toEqual([]);
      await screenshot(page, `screens-${width}-${scheme}-11-api-docs`);
      await context.close();
    });
  }
});

/**
 * @module test/browser/support/chromium
 * Launches Debian's headless Chromium through playwright-core. Nothing downloads a browser: CI
 * installs the `chromium` package (.ci/install-chromium.sh). A missing browser fails the tests
 * with instructions; it never skips them, so a green run always means the browser tests ran.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/lib/chromium/chromium'];

export function chromiumPath(): string {
  const configured = process.env.CHROMIUM_PATH;
  if (configured) {
    if (!existsSync(configured)) throw new Error(`CHROMIUM_PATH=${configured} does not exist.`);
    return configured;
  }
  const found = CANDIDATES.find((p) => existsSync(p));
  if (!found) {
    throw new Error(
      'Browser tests need Chromium and none was found (looked in ' +
        CANDIDATES.join(', ') +
        '). Install it with `sh .ci/install-chromium.sh` (Debian: apt-get install -y chromium) or set CHROMIUM_PATH.',
    );
  }
  return found;
}

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
}

/**
 * A page that records console errors and uncaught exceptions, so a test can assert the
 * components ran clean (a failing fetch the test provoked is filtered by the caller).
 */
export async function newPage(
  browser: Browser,
  opts: { width?: number; height?: number; colorScheme?: 'light' | 'dark' } = {},
): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({
    viewport: { width: opts.width ?? 1100, height: opts.height ?? 900 },
    colorScheme: opts.colorScheme ?? 'light',
    reducedMotion: 'reduce',
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    // failed loads are reported below with their URL; the console line alone says nothing
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource'))
      errors.push(`console: ${m.text()}`);
  });
  page.on('response', (r) => {
    // 404 from a feature the server does not have yet is handled by the components; 5xx never is
    if (r.status() >= 500) errors.push(`http ${r.status()}: ${r.request().method()} ${r.url()}`);
  });
  return { context, page, errors };
}

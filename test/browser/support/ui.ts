/**
 * @module test/browser/support/ui
 * Small helpers for driving the components the way a learner does: by keyboard (Tab until a
 * control has focus, across shadow roots) and by reading what is on screen.
 */
import type { Locator, Page } from 'playwright-core';

/** The accessible-ish name of the deeply focused element (through open shadow roots). */
export async function focusedName(page: Page): Promise<string> {
  return page.evaluate(() => {
    let el: Element | null = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    if (!el) return '';
    const label = el.getAttribute('aria-label');
    if (label) return label;
    if (el.id && el.getRootNode() instanceof ShadowRoot) {
      const byFor = (el.getRootNode() as ShadowRoot).querySelector(`label[for="${el.id}"]`);
      if (byFor) return byFor.textContent!.trim();
    }
    return (el.textContent ?? '').trim().replace(/\s+/g, ' ');
  });
}

/** Presses Tab until the focused control's name matches; fails after `max` presses. */
export async function tabTo(page: Page, name: RegExp, max = 80): Promise<void> {
  const seen: string[] = [];
  for (let i = 0; i < max; i++) {
    const current = await focusedName(page);
    if (name.test(current)) return;
    seen.push(current);
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${name}; focus went through: ${seen.slice(-25).join(' | ')}`);
}

/** The messages in `<sb-practice>`'s transcript live region, as the learner reads them. */
export function transcriptItems(scope: Page | Locator): Locator {
  return scope.locator('sb-practice [role="log"] li.message');
}

/** Waits until the transcript holds `count` complete messages. */
export async function waitForMessages(
  scope: Page | Locator,
  count: number,
  timeout = 20_000,
): Promise<void> {
  const items = transcriptItems(scope);
  const deadline = Date.now() + timeout;
  while (Date.now() < deadline) {
    if ((await items.count()) >= count) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`expected ${count} messages in the transcript, found ${await items.count()}`);
}

/** The practice reply box, named after the partner the learner is answering. */
export function replyBox(scope: Page | Locator): Locator {
  return scope.getByRole('textbox', { name: /^Your reply to/ });
}

/**
 * From a page listing scenarios, as a learner: picks the first, starts the conversation and waits
 * for the reply box and the partner's opening line. Returns the reply box.
 */
export async function startConversation(page: Page): Promise<Locator> {
  await page
    .getByRole('button', { name: /^Practise this:/ })
    .first()
    .click();
  await page.getByRole('button', { name: 'Start the conversation' }).click();
  const box = replyBox(page);
  await box.waitFor();
  await waitForMessages(page, 1);
  return box;
}

/**
 * Records every message element added to the transcript live region with its text at the
 * moment it was added, so a test can check that only complete messages were announced.
 */
export async function watchLiveRegion(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as {
      __sbLive: { added: string[]; changedAfterAdd: number };
      __sbObserved?: Element;
    };
    w.__sbLive = { added: [], changedAfterAdd: 0 };
    const attach = () => {
      const host = document.querySelector('sb-practice');
      const log = host?.shadowRoot?.querySelector('[role="log"]');
      if (!log || w.__sbObserved === log) return;
      w.__sbObserved = log;
      new MutationObserver((muts) => {
        for (const m of muts) {
          if (m.type === 'childList' && m.target === log.querySelector('ol')) {
            m.addedNodes.forEach((n) => {
              if (n instanceof HTMLElement && n.matches('li.message.partner'))
                w.__sbLive.added.push(n.textContent!.replace(/\s+/g, ' ').trim());
            });
          } else if (
            m.type === 'characterData' &&
            (m.target.parentElement?.closest('li.message.partner') ?? null)
          ) {
            w.__sbLive.changedAfterAdd++;
          }
        }
      }).observe(log, { childList: true, subtree: true, characterData: true });
    };
    attach();
    setInterval(attach, 50);
  });
}

export async function liveRegionRecord(
  page: Page,
): Promise<{ added: string[]; changedAfterAdd: number }> {
  return page.evaluate(
    () =>
      (window as unknown as { __sbLive: { added: string[]; changedAfterAdd: number } }).__sbLive,
  );
}

/** Horizontal overflow of the page: 0 means no horizontal scrolling. */
export async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
}

/**
 * @module routes/embed/demo-page.test
 * The demo page must run under its own strict CSP: every inline script and style carries the
 * nonce, and the only external script is the embed bundle.
 */
import { describe, expect, it } from 'vitest';
import { renderDemoPage } from './demo-page.js';

describe('renderDemoPage', () => {
  for (const view of ['learner', 'facilitator'] as const) {
    it(`puts the nonce on every inline script and style (${view})`, () => {
      const html = renderDemoPage({ view, nonce: 'n0nce' });
      const inline = [...html.matchAll(/<(script|style)(?![^>]*\bsrc=)([^>]*)>/g)];
      expect(inline.length).toBeGreaterThanOrEqual(2);
      for (const m of inline) expect(m[2]).toContain('nonce="n0nce"');
      const external = [...html.matchAll(/<script[^>]*\bsrc="([^"]+)"/g)].map((m) => m[1]);
      expect(external).toEqual(['/embed/sounding-board.js']);
      expect(html).not.toMatch(/\sstyle="/);
      expect(html).not.toMatch(/\son[a-z]+="/);
    });
  }

  it('embeds the learner components on the lesson and the cohort view for facilitators', () => {
    const lesson = renderDemoPage({ view: 'learner', nonce: 'x' });
    for (const tag of ['sb-practice', 'sb-drills', 'sb-progress'])
      expect(lesson).toContain(`<${tag} `);
    expect(lesson).not.toContain('<sb-facilitator');
    const cohort = renderDemoPage({ view: 'facilitator', nonce: 'x' });
    expect(cohort).toContain('<sb-facilitator ');
    expect(cohort).toContain('t.facilitator');
  });
});

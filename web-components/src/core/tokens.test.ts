/**
 * @module core/tokens.test
 * Every text/background pair the components draw meets its WCAG contrast minimum, in light and dark.
 */
import { describe, expect, it } from 'vitest';
import { CONTRAST_PAIRS, PALETTES, contrastRatio, paletteCss } from './tokens.js';

describe('design tokens', () => {
  it('computes WCAG ratios correctly (black on white is 21, a colour on itself is 1)', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#777777', '#777777')).toBe(1);
    // a known value: #767676 on white is the classic 4.54
    expect(contrastRatio('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
  });

  for (const scheme of ['light', 'dark'] as const) {
    it(`meets every contrast minimum in ${scheme}`, () => {
      const failures = CONTRAST_PAIRS.map((p) => ({
        ...p,
        ratio: contrastRatio(PALETTES[scheme][p.fg], PALETTES[scheme][p.bg]),
      }))
        .filter((p) => p.ratio < p.min)
        .map((p) => `${p.what}: ${p.fg} on ${p.bg} is ${p.ratio.toFixed(2)} (needs ${p.min})`);
      expect(failures).toEqual([]);
    });
  }

  it('exposes every role through a public --sb-* property', () => {
    expect(paletteCss('light')).toContain('--_accent: var(--sb-color-accent, #1f5fbf);');
    expect(paletteCss('dark')).toContain('--_focus: var(--sb-focus-ring, #8ab4f8);');
  });
});

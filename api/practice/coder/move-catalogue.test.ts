/**
 * @module practice/coder/move-catalogue.test
 * The coder against the move catalogue: every positive example carries its move, no negative one does.
 */
import { describe, expect, it } from 'vitest';
import { codeUtterance } from './index.js';
import { MOVE_CATALOGUE, moveDefinition } from './move-catalogue.js';
import type { CoachCode } from '../types.js';

const REFLECTIONS: CoachCode[] = ['simple_reflection', 'complex_reflection', 'summary'];

describe('move catalogue', () => {
  for (const move of MOVE_CATALOGUE) {
    it(`${move.code}: the examples carry it, the look-alikes do not`, () => {
      for (const e of move.positive)
        expect(codeUtterance(e.text, e).codes, e.text).toContain(move.code);
      for (const e of move.negative)
        expect(codeUtterance(e.text, e).codes, e.text).not.toContain(move.code);
      // the reflection boundary: these give the partner's words back, with the move or instead of it
      for (const e of [...move.positive, ...move.negative].filter((x) => x.reflects)) {
        expect(
          codeUtterance(e.text, e).codes.some((c) => REFLECTIONS.includes(c)),
          e.text,
        ).toBe(true);
      }
    });
  }

  it('defines each move once, with a reference and examples on both sides', () => {
    expect(new Set(MOVE_CATALOGUE.map((m) => m.code)).size).toBe(MOVE_CATALOGUE.length);
    for (const m of MOVE_CATALOGUE) {
      expect(m.reference.length).toBeGreaterThan(5);
      expect(m.positive.length).toBeGreaterThan(0);
      expect(m.negative.length).toBeGreaterThan(0);
      expect(moveDefinition(m.code)).toBe(m);
    }
  });
});

/**
 * @module practice/scenarios/format/quality.test
 * The claim rule of a model move: a closed action question is an action question; a closed
 * question claimed as open is not; a reflection that touches another move's words is a reflection.
 */
import { describe, expect, it } from 'vitest';
import { codesAsClaimed } from './quality.js';

describe('codesAsClaimed', () => {
  it('accepts a closed action question as an action question ("When will you...?")', () => {
    const v = codesAsClaimed(
      'When will you ring the supplier?',
      'action',
      'I need to ring the supplier about the delays.',
    );
    expect(v.codes).toEqual(expect.arrayContaining(['closed_question', 'action_question']));
    expect(v.ok).toBe(true);
  });

  it('still rejects a closed question claimed as open, and a leading question claimed as action', () => {
    expect(
      codesAsClaimed('Did you ring the supplier?', 'open', 'I meant to ring the supplier.').ok,
    ).toBe(false);
    expect(
      codesAsClaimed(
        "Don't you think you should ring them today?",
        'action',
        'I meant to ring the supplier.',
      ).ok,
    ).toBe(false);
  });

  it("reads the partner's wish about how we work, given back, as a reflection", () => {
    expect(
      codesAsClaimed(
        "You'd like to know who else hears about this.",
        'reflection',
        'Who else is going to hear about this?',
      ).ok,
    ).toBe(true);
  });
});

/**
 * @module core/feedback-view.test
 * The practice nudge: one short line for every turn with feedback, whichever boxes honest feedback left empty.
 */
import { describe, expect, it } from 'vitest';
import { nudgeOf, nudgeTone } from './feedback-view.js';

const empty = { worked: '', improve: '', suggestion: '', alternative: '' };

describe('nudgeOf', () => {
  it('takes the first sentence of what to improve, marked as advice', () => {
    const f = {
      ...empty,
      worked: 'You asked for the goal.',
      improve: 'Reflect it back. Then ask more.',
    };
    expect(nudgeOf(f)).toBe('Reflect it back.');
    expect(nudgeTone(f)).toBe('improve');
  });

  it('falls back to what worked, marked as praise, when there is nothing to improve', () => {
    const f = {
      ...empty,
      worked: 'You gave back their words. That helps.',
      suggestion: 'Ask what they want next.',
    };
    expect(nudgeOf(f)).toBe('You gave back their words.');
    expect(nudgeTone(f)).toBe('worked');
  });

  it('falls back to the try-next suggestion when improve and worked are both empty', () => {
    const f = {
      ...empty,
      improve: '  ',
      suggestion: 'To help Dana feel heard, reflect “no time” first.',
    };
    expect(nudgeOf(f)).toBe('To help Dana feel heard, reflect “no time” first.');
    expect(nudgeTone(f)).toBe('next');
  });

  it('is empty only when the feedback says nothing', () => {
    expect(nudgeOf(empty)).toBe('');
    expect(nudgeOf(undefined)).toBe('');
  });
});

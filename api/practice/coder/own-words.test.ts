/**
 * @module practice/coder/own-words.test
 * Moves that look like a verdict or an instruction by their surface but are not, read against
 * what the partner said: "you never..." that gives back the partner's own "never", a "stop being"
 * whose subject is not the partner, and a sentence that only gives the partner time to think.
 * Each has its poor twin beside it, so the rule cannot pass by calling everything good.
 */
import { describe, expect, it } from 'vitest';
import { codeUtterance } from './index.js';

const label = (text: string, prevPartner: string) => codeUtterance(text, { prevPartner }).label;

describe('"you always / you never"', () => {
  const own = 'I just never seem to hand anything over. I keep it all myself.';
  const other = 'My lead keeps ignoring the ideas I bring to the stand-up.';
  it.each([
    ['So you never handed anything over. Is that right?', own],
    ['You never hand anything over.', own],
    ['You always end up doing it yourself.', 'I always end up doing it myself in the end.'],
  ])('"%s" gives the partner\'s own word back: no judgement', (text, prev) => {
    expect(codeUtterance(text, { prevPartner: prev }).codes).not.toContain('judgement');
  });
  it.each([
    ['You never speak up, though.', other],
    ['You always make excuses.', other],
  ])('"%s" is the coach\'s verdict: a judgement', (text, prev) => {
    expect(label(text, prev)).toBe('judgement');
  });
});

describe('"stop being"', () => {
  it('a reproach to the partner is a judgement', () => {
    expect(label('Stop being so negative.', 'I keep moaning about it.')).toBe('judgement');
    expect(label('You need to stop complaining.', 'I keep moaning about it.')).toBe('judgement');
  });
  it('something else that stopped being is not', () => {
    const prev = 'Design used to sit in on planning, but not any more.';
    expect(
      codeUtterance('When did design stop being part of planning?', { prevPartner: prev }).codes,
    ).not.toContain('judgement');
  });
});

describe('giving the partner time', () => {
  const prev = "I'm not sure. I need a moment to think.";
  it.each([
    'Take as long as you need.',
    'Take a moment if you need it.',
    'Take all the time you need.',
    "Take your time, there's no rush.",
  ])('"%s" is not advice', (text) => {
    expect(label(text, prev)).not.toBe('advice');
  });
  it('an instruction to take something is still advice', () => {
    expect(label('Take a break from the project for a week.', prev)).toBe('advice');
  });
});

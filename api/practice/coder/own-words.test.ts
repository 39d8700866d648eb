/**
 * @module practice/coder/own-words.test
 * Moves whose surface misleads, read against what the partner said: "you never..." that gives
 * back the partner's own "never", a "stop being" whose subject is not the partner, a sentence
 * that only gives the partner time to think, a reflection with "if you knew" in it (not Kline's
 * incisive question), and "you're being hard on yourself" (it disputes the partner's view of
 * themselves: reassurance, not a reflection). Each has its twin beside it, so a rule cannot pass
 * by calling everything good or everything poor.
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

describe('telling the partner how to see themselves', () => {
  it.each([
    [
      "I know what I need to do. Knowing isn't the hard bit.",
      "You're being a bit hard on yourself there.",
    ],
    ["I'm useless. I should have seen it coming.", "You're being too hard on yourself."],
  ])('after "%s", "%s" is reassurance, not a reflection', (prev, text) => {
    const codes = codeUtterance(text, { prevPartner: prev }).codes;
    expect(codes).toContain('reassurance');
    expect(codes).not.toContain('complex_reflection');
  });
  it('naming the standard they hold themselves to is a reflection', () => {
    const prev = "I'm useless. I should have seen it coming.";
    expect(label('You hold yourself to a very high standard.', prev)).toBe('complex_reflection');
  });
});

describe('"if you knew"', () => {
  const prev = 'The brand refresh kicked off while I was away. It was my idea originally.';
  it('inside a checked reflection is not an incisive question', () => {
    const text =
      "So you'd feel settled if you knew where you fitted in the refresh. Have I got that right?";
    expect(codeUtterance(text, { prevPartner: prev }).codes).not.toContain('incisive_question');
  });
  it("as Kline's question it is", () => {
    const text = 'If you knew you had a place in the refresh, what would you do first?';
    expect(codeUtterance(text, { prevPartner: prev }).codes).toContain('incisive_question');
  });
});

/**
 * @module practice/coder/supervisor-read.test
 * Codes a supervisor corrected reading fresh sessions: siding with the other party is a judgement,
 * what the coach would do in the partner's place is advice (not contracting), a deadline question
 * is not an action question, Kline's "what would you do if nobody..." is incisive, and praise of
 * how the partner worked is an affirmation, not a paraphrase.
 */
import { describe, expect, it } from 'vitest';
import { codeUtterance } from './index.js';

const code = (text: string, prevPartner = 'Ops rewrote my rollout plan again without a word.') =>
  codeUtterance(text, { prevPartner });

describe('coder: what a supervisor corrected', () => {
  it.each([
    'To be fair, they probably had their reasons for rewriting it.',
    'In their defence, ops are under a lot of pressure.',
    'She must have had a good reason.',
  ])('%j sides against the partner: a judgement', (text) => {
    expect(code(text).codes).toContain('judgement');
  });

  it.each([
    "I'd book a slot with their lead and agree some ground rules.",
    'Personally I would email the ops manager first.',
  ])('%j is advice, not contracting', (text) => {
    const c = code(text);
    expect(c.label).toBe('advice');
    expect(c.codes).not.toContain('contracting');
  });

  it.each(["I'd say that's a fair point.", "I'd be curious what they'd make of it."])(
    "%j is the coach's stance, not advice",
    (text) => {
      expect(code(text).codes).not.toContain('advice');
    },
  );

  it('a question about a deadline is not an action question', () => {
    expect(code('When do you have to decide by?').codes).not.toContain('action_question');
    expect(code('When will you talk to them?').codes).toContain('action_question');
  });

  it('"what would you do if nobody..." is incisive', () => {
    expect(
      code('What would you do if nobody expected you to have it all worked out?').codes,
    ).toContain('incisive_question');
  });

  it.each([
    "You've thought really carefully about this today.",
    "You've been really candid with yourself about something painful.",
  ])('%j is an affirmation and not also a reflection', (text) => {
    const c = code(text, "I'll tell Ruth on Monday.");
    expect(c.label).toBe('affirmation');
    expect(c.codes).not.toContain('complex_reflection');
  });
});

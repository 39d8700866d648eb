/**
 * @module practice/rubric/commitment.test
 * Reading a commitment from words: the partner's own step with a when, not a hedge; the coach's
 * plan for the partner; whose words a plan is in.
 */
import { describe, expect, it } from 'vitest';
import { contentWords, overlap, statesCommitment, statesPlanForPartner } from './commitment.js';

describe('statesCommitment', () => {
  it.each([
    "I'll ask Sam on Monday to take over the escalations rota.",
    "Monday at stand-up, I'm going to ask Sam to take over the rota.",
    'Right. I will write the note and send it before Tuesday.',
    "Okay, I've decided. I'll book an hour with Hannah this week.",
    'Tonight I will write down what I need from the role.',
  ])('reads a commitment in “%s”', (text) => expect(statesCommitment(text)).toBe(true));

  it.each([
    "I don't know yet.",
    "Honestly, I'd just be saying something to have an answer.",
    "Maybe I'll talk to someone next week.",
    "I'll think about it over the weekend.",
    'I will try harder.',
    'Sam could take it on Monday.',
  ])('reads no commitment in “%s”', (text) => expect(statesCommitment(text)).toBe(false));
});

describe('statesPlanForPartner', () => {
  it('finds the coach writing the plan, with a when', () => {
    expect(statesPlanForPartner("So you'll set up a rota on Monday, okay?")).toBe(true);
    expect(statesPlanForPartner('You should email Jo tonight.')).toBe(true);
    expect(statesPlanForPartner('What will you do, and by when?')).toBe(false);
  });
  it('tells a reflection of the partner’s own plan by its words', () => {
    const theirs = contentWords("I'll ask Priya on Thursday to share the rota with me.");
    expect(
      overlap(contentWords("So you'll ask Priya on Thursday to share the rota."), theirs),
    ).toBeGreaterThanOrEqual(0.6);
    expect(overlap(contentWords("So you'll tell your manager on Friday."), theirs)).toBeLessThan(
      0.6,
    );
  });
});

/**
 * @module practice/named-things.test
 * Noun phrases read to their head by English grammar (no list of verbs): a participle, an adverb,
 * an adjective or a present-tense verb after the head begins the rest of the clause.
 */
import { describe, expect, it } from 'vitest';
import { normalise } from './coder/text.js';
import { asksHowTheyFeel, namesAThing, nounPhrases } from './named-things.js';

const heads = (t: string) => nounPhrases(normalise(t)).map((np) => np.words.join(' '));

describe('nounPhrases', () => {
  it('stops at the head when a verb follows a clause subject', () => {
    expect(heads('So when the moment passes, you go quiet.')).toEqual(['moment']);
    expect(heads('The boss wants you to fix it.')).toEqual(['boss']);
    expect(heads('And the data shows that it works.')).toEqual(['data']);
  });

  it('keeps a compound noun whose head is plural where no verb is due', () => {
    expect(heads('You dread the team meetings.')).toEqual(['team meetings']);
    expect(heads('How do you feel walking into the Monday meeting?')).toEqual(['monday meeting']);
  });

  it('ends the phrase at a participle, an adverb, an adjective or a preposition after the head', () => {
    expect(heads('You held your ground with the boss pushing.')).toEqual(['ground', 'boss']);
    expect(heads("Your manager's supportive, but it's slow.")).toEqual(["manager's"]);
    expect(heads("Your manager's behind you.")).toEqual(["manager's"]);
    expect(heads('Your manager’s plan is the growing pile.')).toEqual([
      "manager's plan",
      'growing pile',
    ]);
  });
});

describe('namesAThing', () => {
  it('names things, not colleagues, qualities, participles or abstract nouns', () => {
    expect(namesAThing('teapot')).toBe(true);
    expect(namesAThing('meeting')).toBe(true);
    for (const w of ['manager', 'whole', 'pushing', 'expectations', 'responsibility'])
      expect(namesAThing(w), w).toBe(false);
    expect(namesAThing('expectations', { abstract: true })).toBe(true);
  });
});

describe('asksHowTheyFeel', () => {
  it('finds questions about how the partner feels, not statements', () => {
    expect(asksHowTheyFeel('how do you feel walking into the monday meeting?')).toBe(true);
    expect(asksHowTheyFeel("what's that like for you?")).toBe(true);
    expect(asksHowTheyFeel('you feel stuck.')).toBe(false);
  });
});

/**
 * @module evals/views.test
 * Label views: what counts as other in the fine view, what folds together in the coarse one.
 */
import { describe, expect, it } from 'vitest';
import { toCoarse, toFine, viewsFor } from './views.js';

describe('views', () => {
  it('counts affirmation, self-disclosure and judgement as other in the fine view', () => {
    expect(['affirmation', 'self_disclosure', 'judgement', 'other'].map(toFine)).toEqual([
      'other',
      'other',
      'other',
      'other',
    ]);
    expect(toFine('complex_reflection')).toBe('complex_reflection');
  });
  it('has no fine equivalent for unsubtyped questions and reflections', () => {
    expect(toFine('question')).toBeNull();
    expect(toFine('reflection')).toBeNull();
  });
  it('folds subtypes and counts information as other in the coarse view', () => {
    expect(['open_question', 'closed_question', 'question'].map(toCoarse)).toEqual([
      'question',
      'question',
      'question',
    ]);
    expect(['simple_reflection', 'reflection'].map(toCoarse)).toEqual(['reflection', 'reflection']);
    expect(toCoarse('information')).toBe('other');
    expect(toCoarse('advice')).toBe('advice');
  });
  it('offers the fine view only when every gold label has a fine equivalent', () => {
    expect(viewsFor(['open_question', 'advice'])).toEqual(['fine', 'coarse']);
    expect(viewsFor(['question', 'advice'])).toEqual(['coarse']);
  });
});

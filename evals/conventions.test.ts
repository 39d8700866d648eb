/**
 * @module evals/conventions.test
 * The question-convention table on hand-made turns.
 */
import { describe, expect, it } from 'vitest';
import { questionConvention, statementWordsBeforeQuestion } from './conventions.js';

describe('statementWordsBeforeQuestion', () => {
  it('counts the words of the statements in a turn that ends on a question', () => {
    expect(statementWordsBeforeQuestion('What happened?')).toBe(0);
    expect(statementWordsBeforeQuestion('That sounds hard. Did you tell her?')).toBe(3);
  });
  it('is null when the turn does not end on a question', () => {
    expect(statementWordsBeforeQuestion('Did you tell her? You should.')).toBeNull();
  });
});

describe('questionConvention', () => {
  it('gives the share labelled question per bucket', () => {
    const rows = [
      { text: 'What happened?', label: 'open_question' },
      { text: 'Why?', label: 'other' },
      { text: 'That sounds hard. Did you tell her?', label: 'reflection' },
      { text: 'No question here.', label: 'advice' },
    ];
    const t = questionConvention(rows);
    expect(t.map((r) => r.statementWords)).toEqual(['0', '1-5', '6-12', '13-25', '26+']);
    expect(t[0]).toEqual({ statementWords: '0', n: 2, questionShare: 0.5 });
    expect(t[1]).toEqual({ statementWords: '1-5', n: 1, questionShare: 0 });
    expect(t[2].n).toBe(0);
  });
});

/**
 * @module practice/coder/llm-coder.test
 * The merge rules: the LLM decides simple vs complex, reflection vs information, judgement and
 * the meaning-based question codes; the counted structure stays the offline coder's.
 */
import { describe, expect, it } from 'vitest';
import type { CoachTurnCoding } from '../types.js';
import { mergeRefinement } from './llm-coder.js';

const base = (over: Partial<CoachTurnCoding>): CoachTurnCoding => ({
  label: 'simple_reflection',
  codes: ['simple_reflection'],
  questionCount: 0,
  words: 6,
  coderVersion: 'coder-test',
  ...over,
});

describe('mergeRefinement', () => {
  it('takes the LLM reflection subtype', () => {
    const out = mergeRefinement(base({}), {
      label: 'complex_reflection',
      codes: ['complex_reflection'],
    });
    expect(out.label).toBe('complex_reflection');
    expect(out.codes).toEqual(['complex_reflection']);
  });

  it('turns information into a reflection, and keeps a summary code', () => {
    const out = mergeRefinement(base({ label: 'information', codes: ['information'] }), {
      label: 'complex_reflection',
      codes: ['summary', 'complex_reflection'],
    });
    expect(out.label).toBe('complex_reflection');
    expect(out.codes).toEqual(['summary', 'complex_reflection']);
  });

  it('accepts judgement', () => {
    const out = mergeRefinement(base({ label: 'other', codes: ['other'] }), {
      label: 'judgement',
      codes: ['judgement'],
    });
    expect(out.label).toBe('judgement');
    expect(out.codes).toEqual(['judgement']);
  });

  it('replaces incisive/goal/action codes on a question but keeps counted structure', () => {
    const offline = base({
      label: 'open_question',
      codes: ['open_question', 'action_question', 'stacked_questions'],
      questionCount: 2,
    });
    const out = mergeRefinement(offline, {
      label: 'open_question',
      codes: ['open_question', 'incisive_question'],
    });
    expect(out.codes).toEqual(['open_question', 'stacked_questions', 'incisive_question']);
    expect(out.questionCount).toBe(2);
  });

  it('does not let the LLM turn unasked advice into a question', () => {
    const offline = base({ label: 'advice', codes: ['advice'] });
    const out = mergeRefinement(offline, { label: 'open_question', codes: ['open_question'] });
    expect(out.label).toBe('advice');
    expect(out.codes).toEqual(['advice']);
  });
});

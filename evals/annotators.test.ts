/**
 * @module evals/annotators.test
 * The annotator figures on small examples worked out by hand.
 */
import { describe, expect, it } from 'vitest';
import { annotatorFigures, majority } from './annotators.js';

describe('majority', () => {
  it('takes the most frequent label, ties to the first seen', () => {
    expect(majority(['advice', 'other', 'other'])).toBe('other');
    expect(majority(['advice', 'other'])).toBe('advice');
  });
});

describe('annotatorFigures', () => {
  const ann = (...labels: string[]) =>
    labels.map((label, i) => ({ annotator_id: String(i), label }));
  // two turns coded by three annotators, two by one annotator each
  const rows = [
    {
      dialogue_id: 'd1',
      label: 'open_question',
      annotations: ann('open_question', 'open_question', 'closed_question'),
    },
    { dialogue_id: 'd1', label: 'other', annotations: ann('other', 'other', 'other') },
    { dialogue_id: 'd2', label: 'open_question', annotator_id: 'a' },
    { dialogue_id: 'd2', label: 'closed_question', annotator_id: 'a' },
  ];
  const f = annotatorFigures(rows, ['open_question', 'other', 'open_question', 'open_question']);

  it('counts only the multiply coded turns for the agreement figures', () => {
    expect(f.multiN).toBe(2);
  });
  it('pools annotator pairs: 4 of 6 pairs agree', () => {
    // pairs (o,o) (o,c) (o,c) on turn 1, three (x,x) on turn 2:
    // left [o,o,o,x,x,x], right [o,c,c,x,x,x]; po = 4/6, pe = (3/6)(1/6) + (3/6)(3/6) = 1/3
    expect(f.humanPairwiseKappa).toBeCloseTo((4 / 6 - 1 / 3) / (1 - 1 / 3), 10);
  });
  it('scores the consensus of the others against each annotator', () => {
    // turn 1: a0 o vs maj(o,c)=o; a1 o vs maj(o,c)=o; a2 c vs maj(o,o)=o. turn 2: three x vs x.
    // gold [o,o,c,x,x,x], pred [o,o,o,x,x,x]: po = 5/6, pe = (2/6)(3/6) + (1/6)(0) + (3/6)(3/6) = 5/12
    expect(f.consensusVsSingleKappa).toBeCloseTo((5 / 6 - 5 / 12) / (1 - 5 / 12), 10);
  });
  it('scores the coder against the majority label', () => {
    expect(f.coderVsMajorityKappa).toBeCloseTo(1, 10);
  });
  it('describes each single annotator by their conventions', () => {
    expect(f.perAnnotator).toEqual([
      { annotator: 'a', n: 2, coderKappa: 0, openShare: 0.5, simpleShare: null },
    ]);
  });
});

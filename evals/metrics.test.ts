/**
 * @module evals/metrics.test
 * Metric functions against examples computed by hand.
 */
import { describe, expect, it } from 'vitest';
import { agreement, bootstrapIntervals, confusionMatrix } from './metrics.js';

describe('agreement', () => {
  // gold a a b b / pred a b b b:
  // confusion [[1,1],[0,2]]; accuracy 3/4; P(a)=1 R(a)=1/2 F1(a)=2/3; P(b)=2/3 R(b)=1 F1(b)=4/5;
  // macro-F1 = (2/3+4/5)/2 = 11/15; pe = (2/4)(1/4)+(2/4)(3/4) = 1/2; kappa = (3/4-1/2)/(1/2) = 1/2
  const a = agreement(['a', 'a', 'b', 'b'], ['a', 'b', 'b', 'b'], ['a', 'b']);

  it('counts the confusion matrix with gold rows and predicted columns', () => {
    expect(a.confusion).toEqual([
      [1, 1],
      [0, 2],
    ]);
  });
  it('computes accuracy, per-label F1, macro-F1 and kappa', () => {
    expect(a.accuracy).toBeCloseTo(0.75, 10);
    expect(a.perLabel[0]).toMatchObject({ label: 'a', precision: 1, recall: 0.5, support: 2 });
    expect(a.perLabel[0].f1).toBeCloseTo(2 / 3, 10);
    expect(a.perLabel[1].precision).toBeCloseTo(2 / 3, 10);
    expect(a.perLabel[1].f1).toBeCloseTo(0.8, 10);
    expect(a.macroF1).toBeCloseTo(11 / 15, 10);
    expect(a.kappa).toBeCloseTo(0.5, 10);
  });

  it('handles three labels, one never predicted', () => {
    // gold x x y y z z / pred x y y y x x
    // confusion [[1,1,0],[0,2,0],[2,0,0]]; acc 3/6; F1 x: P 1/3 R 1/2 -> 0.4; F1 y: P 2/3 R 1 -> 0.8; F1 z: 0
    // macro (0.4+0.8+0)/3 = 0.4; pe = (2/6)(3/6)+(2/6)(3/6)+(2/6)(0) = 1/3; kappa = (1/2-1/3)/(2/3) = 1/4
    const b = agreement(
      ['x', 'x', 'y', 'y', 'z', 'z'],
      ['x', 'y', 'y', 'y', 'x', 'x'],
      ['x', 'y', 'z'],
    );
    expect(b.accuracy).toBeCloseTo(0.5, 10);
    expect(b.perLabel.map((p) => p.f1)).toEqual([
      expect.closeTo(0.4, 10),
      expect.closeTo(0.8, 10),
      0,
    ]);
    expect(b.macroF1).toBeCloseTo(0.4, 10);
    expect(b.kappa).toBeCloseTo(0.25, 10);
  });

  it('gives kappa 0 for chance-level agreement and 1 for perfect agreement', () => {
    // everything predicted as the majority label: po = pe
    expect(agreement(['a', 'a', 'b', 'b'], ['a', 'a', 'a', 'a'], ['a', 'b']).kappa).toBeCloseTo(
      0,
      10,
    );
    expect(agreement(['a', 'b', 'c'], ['a', 'b', 'c'], ['a', 'b', 'c']).kappa).toBe(1);
  });

  it('ignores pairs outside the label set', () => {
    expect(confusionMatrix(['a', 'q'], ['a', 'a'], ['a', 'b'])).toEqual([
      [1, 0],
      [0, 0],
    ]);
  });
});

describe('bootstrapIntervals', () => {
  it('is [1, 1] when every prediction is right', () => {
    const g = ['a', 'b', 'a', 'b', 'a', 'b'];
    const ci = bootstrapIntervals(g, g, ['d1', 'd1', 'd2', 'd2', 'd3', 'd3'], ['a', 'b'], 200);
    expect(ci.accuracy).toEqual({ low: 1, high: 1 });
  });

  it('brackets the point estimate, and is reproducible (seeded)', () => {
    const gold: string[] = [];
    const pred: string[] = [];
    const groups: string[] = [];
    for (let i = 0; i < 300; i++) {
      gold.push(i % 3 === 0 ? 'a' : 'b');
      pred.push(i % 5 === 0 ? 'a' : 'b');
      groups.push(`d${Math.floor(i / 10)}`);
    }
    const point = agreement(gold, pred, ['a', 'b']);
    const one = bootstrapIntervals(gold, pred, groups, ['a', 'b'], 300);
    const two = bootstrapIntervals(gold, pred, groups, ['a', 'b'], 300);
    expect(one).toEqual(two);
    expect(one.accuracy.low).toBeLessThanOrEqual(point.accuracy);
    expect(one.accuracy.high).toBeGreaterThanOrEqual(point.accuracy);
    expect(one.kappa.high - one.kappa.low).toBeGreaterThan(0);
  });
});

/**
 * @module evals/training/boosted-trees.test
 * The second stage learns a correction the first stage missed, is deterministic, survives a JSON
 * round trip, and passes the first stage through unchanged when it has no trees.
 */
import { describe, expect, it } from 'vitest';
import { treeProbabilities } from '../../api/practice/coder/boosted-trees.js';
import { trainBoostedTrees, type DenseExample } from './boosted-trees.js';

// Two labels; the first stage says 50/50 on every example, and input 2 decides the label.
const examples: DenseExample[] = Array.from({ length: 200 }, (_, i) => {
  const f = (i * 37) % 100;
  return { x: [0.5, 0.5, f], y: f >= 50 ? 1 : 0 };
});
const opts = {
  labels: ['a', 'b'],
  inputs: ['p_a', 'p_b', 'f'],
  rounds: 30,
  depth: 1,
  learningRate: 0.3,
  balance: 0,
};

describe('boosted trees (second stage)', () => {
  it('learns a correction the first stage missed', () => {
    const m = trainBoostedTrees(examples, opts);
    expect(treeProbabilities(m, [0.5, 0.5, 80], 2)[1]).toBeGreaterThan(0.9);
    expect(treeProbabilities(m, [0.5, 0.5, 20], 2)[0]).toBeGreaterThan(0.9);
  });

  it('is deterministic and JSON-safe (no Infinity thresholds)', () => {
    const a = JSON.stringify(trainBoostedTrees(examples, { ...opts, depth: 2 }));
    expect(a).toBe(JSON.stringify(trainBoostedTrees(examples, { ...opts, depth: 2 })));
    expect(a).not.toContain('null');
    const m = JSON.parse(a);
    expect(treeProbabilities(m, [0.5, 0.5, 80], 2)[1]).toBeGreaterThan(0.9);
  });

  it('passes the first stage through when there are no trees', () => {
    const p = treeProbabilities({ inputs: ['p_a', 'p_b'], depth: 1, trees: [] }, [0.2, 0.8], 2);
    expect(p[0]).toBeCloseTo(0.2, 9);
    expect(p[1]).toBeCloseTo(0.8, 9);
  });
});

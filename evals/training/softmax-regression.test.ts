/**
 * @module evals/training/softmax-regression.test
 * The trainer learns a separable toy problem, is deterministic for a seed, and stores a model the
 * run-time scorer reads the same way.
 */
import { describe, expect, it } from 'vitest';
import { bestLabel, labelProbabilities } from '../../api/practice/coder/linear-model.js';
import {
  seededRandom,
  trainSoftmaxRegression,
  type TrainingExample,
} from './softmax-regression.js';

const examples: TrainingExample[] = [];
for (let i = 0; i < 60; i++) {
  examples.push({ features: ['w:what', `n:${i % 7}`, 'qend'], label: 'q' });
  examples.push({ features: ['w:you', 'w:feel', `n:${i % 5}`], label: 'r' });
  examples.push({ features: ['w:should', `n:${i % 3}`], label: 'a' });
}

describe('trainSoftmaxRegression', () => {
  const model = trainSoftmaxRegression(examples, { labels: ['q', 'r', 'a'], epochs: 10, seed: 3 });

  it('separates separable classes', () => {
    expect(bestLabel(model, labelProbabilities(model, ['w:what', 'qend'])).label).toBe('q');
    expect(bestLabel(model, labelProbabilities(model, ['w:you', 'w:feel'])).label).toBe('r');
    expect(bestLabel(model, labelProbabilities(model, ['w:should'])).label).toBe('a');
    const p = labelProbabilities(model, ['w:should', 'unknown-feature']);
    expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 10);
  });

  it('is deterministic for the same seed', () => {
    expect(
      trainSoftmaxRegression(examples, { labels: ['q', 'r', 'a'], epochs: 10, seed: 3 }),
    ).toEqual(model);
  });

  it('drops features seen fewer than minCount times', () => {
    const m = trainSoftmaxRegression([...examples, { features: ['w:once'], label: 'q' }], {
      labels: ['q', 'r', 'a'],
      minCount: 2,
      prune: 0,
    });
    expect(m.weights['w:once']).toBeUndefined();
    expect(m.weights['w:what']).toHaveLength(3);
  });
});

describe('seededRandom', () => {
  it('repeats its sequence for a seed and stays in [0, 1)', () => {
    const a = seededRandom(42);
    const b = seededRandom(42);
    const xs = Array.from({ length: 100 }, () => a());
    expect(xs).toEqual(Array.from({ length: 100 }, () => b()));
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
  });
});

/**
 * @module evals/training/softmax-regression
 * Trains the coder's linear model: multinomial logistic regression on sparse binary features by
 * averaged AdaGrad SGD with L2, in a seeded order so the same data always gives the same model.
 * Pure computation; the training script feeds it examples and writes the result.
 */
import { mulberry32 } from '../../api/practice/partner/seeded-random.js';
import type { LinearModel } from '../../api/practice/coder/linear-model.js';
import { softmaxInPlace } from '../../api/practice/coder/softmax.js';

export interface TrainingExample {
  features: string[];
  label: string;
  /** sample weight (default 1): in-domain examples can count more */
  weight?: number;
}

export interface TrainingOptions {
  labels: readonly string[];
  epochs?: number;
  learningRate?: number;
  l2?: number;
  /** features seen fewer times than this are dropped */
  minCount?: number;
  /** 0 = no class balancing, 1 = fully balanced class weights; 0.5 is the square root */
  balance?: number;
  seed?: number;
  /** weights smaller than this in every label are pruned from the stored model */
  prune?: number;
  version?: string;
  /** scale each example's binary features to unit length (long turns do not shout) */
  unitNorm?: boolean;
  /** weigh each feature by its inverse document frequency (rare words count more) */
  idf?: boolean;
}

/** Seeded PRNG for deterministic shuffles and bootstraps: the partner engine's mulberry32. */
export const seededRandom = mulberry32;

/** Fit the model. Deterministic for the same examples, options and seed. */
export function trainSoftmaxRegression(
  examples: readonly TrainingExample[],
  opts: TrainingOptions,
): LinearModel {
  const labels = [...opts.labels];
  const K = labels.length;
  const epochs = opts.epochs ?? 12;
  const lr = opts.learningRate ?? 0.3;
  const l2 = opts.l2 ?? 1e-4;
  const minCount = opts.minCount ?? 2;
  const balance = opts.balance ?? 0.5;
  const rand = seededRandom(opts.seed ?? 7);

  const counts = new Map<string, number>();
  for (const ex of examples) for (const f of ex.features) counts.set(f, (counts.get(f) ?? 0) + 1);
  const index = new Map<string, number>();
  for (const [f, c] of [...counts.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1)))
    if (c >= minCount) index.set(f, index.size);
  const F = index.size;
  const useIdf = opts.idf ?? false;
  const idf = new Float64Array(F).fill(1);
  if (useIdf) {
    const n = examples.length;
    for (const [f, id] of index) idf[id] = Math.log((1 + n) / (1 + (counts.get(f) ?? 0))) + 1;
  }

  const labelIndex = new Map(labels.map((l, i) => [l, i]));
  const data = examples
    .filter((ex) => labelIndex.has(ex.label))
    .map((ex) => ({
      ids: Int32Array.from(
        ex.features.map((f) => index.get(f)).filter((i): i is number => i !== undefined),
      ),
      y: labelIndex.get(ex.label)!,
      w: ex.weight ?? 1,
      s: 1,
      v: new Float64Array(0),
    }));
  const unitNorm = opts.unitNorm ?? true;
  for (const d of data) {
    d.v = Float64Array.from(d.ids, (id) => idf[id]);
    let sq = 0;
    for (const x of d.v) sq += x * x;
    d.s = unitNorm && sq > 0 ? 1 / Math.sqrt(sq) : 1;
    for (let i = 0; i < d.v.length; i++) d.v[i] *= d.s;
  }

  const classTotals = new Array(K).fill(0);
  for (const d of data) classTotals[d.y] += d.w;
  const totalW = classTotals.reduce((a, b) => a + b, 0);
  const classWeight = classTotals.map((c) => (c > 0 ? Math.pow(totalW / (K * c), balance) : 0));

  const W = new Float64Array(F * K);
  const G = new Float64Array(F * K).fill(1e-8);
  const b = new Float64Array(K);
  const Gb = new Float64Array(K).fill(1e-8);
  // running sums for the averaged model (more stable than the last iterate)
  const Wsum = new Float64Array(F * K);
  const bsum = new Float64Array(K);
  let steps = 0;

  const order = data.map((_, i) => i);
  const z = new Float64Array(K);
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    for (const n of order) {
      const d = data[n];
      for (let k = 0; k < K; k++) z[k] = b[k];
      for (let i = 0; i < d.ids.length; i++)
        for (let k = 0; k < K; k++) z[k] += W[d.ids[i] * K + k] * d.v[i];
      softmaxInPlace(z, K);
      const sw = d.w * classWeight[d.y];
      for (let k = 0; k < K; k++) {
        const g = (z[k] - (k === d.y ? 1 : 0)) * sw;
        Gb[k] += g * g;
        b[k] -= (lr * g) / Math.sqrt(Gb[k]);
        for (let i = 0; i < d.ids.length; i++) {
          const p = d.ids[i] * K + k;
          const gw = g * d.v[i] + l2 * W[p];
          G[p] += gw * gw;
          W[p] -= (lr * gw) / Math.sqrt(G[p]);
        }
      }
      steps++;
      if (epoch >= Math.floor(epochs / 2)) {
        for (const id of d.ids) for (let k = 0; k < K; k++) Wsum[id * K + k] += W[id * K + k];
        for (let k = 0; k < K; k++) bsum[k] += b[k];
      }
    }
  }
  // Averaging: weights of features absent from an example did not change on that step, so the
  // lazily accumulated sum is corrected by counting, per feature, the steps it was not touched.
  // Simpler and exact enough here: average over the second half using the final weights for
  // untouched steps.
  const avgSteps = order.length * (epochs - Math.floor(epochs / 2));
  const touched = new Float64Array(F);
  for (const d of data) for (const id of d.ids) touched[id] += epochs - Math.floor(epochs / 2);
  const prune = opts.prune ?? 1e-3;
  const weights: Record<string, number[]> = {};
  for (const [f, id] of index) {
    const row: number[] = [];
    let keep = false;
    for (let k = 0; k < K; k++) {
      const p = id * K + k;
      const v = (Wsum[p] + W[p] * (avgSteps - touched[id])) / avgSteps;
      const r = Math.round(v * 1000) / 1000;
      if (Math.abs(r) >= prune) keep = true;
      row.push(r);
    }
    // with idf the stored row carries the feature's idf last; every feature is kept, since the
    // unit norm at run time must sum over the same features as in training
    if (useIdf) {
      row.push(Math.round(idf[id] * 1000) / 1000);
      weights[f] = row;
    } else if (keep) weights[f] = row;
  }
  const bias = Array.from(bsum, (v) => Math.round((v / avgSteps) * 1000) / 1000);
  void steps;
  return {
    version: opts.version ?? 'dev',
    labels,
    bias,
    weights,
    unitNorm,
    ...(useIdf ? { idf: true } : {}),
    meta: {
      epochs,
      learningRate: lr,
      l2,
      minCount,
      balance,
      seed: opts.seed ?? 7,
      features: Object.keys(weights).length,
      examples: data.length,
    },
  };
}

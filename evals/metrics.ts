/**
 * @module evals/metrics
 * Agreement figures for the coder against human labels: confusion matrix, accuracy, per-label
 * precision/recall/F1, macro-F1, Cohen's kappa, and bootstrap 95% intervals that resample whole
 * dialogues (turns of one dialogue are not independent). Pure functions.
 */
import { seededRandom } from './training/softmax-regression.js';

export interface PerLabel {
  label: string;
  precision: number;
  recall: number;
  f1: number;
  /** gold count */
  support: number;
}

export interface Agreement {
  n: number;
  accuracy: number;
  macroF1: number;
  kappa: number;
  perLabel: PerLabel[];
  /** confusion[gold][pred] in `labels` order */
  confusion: number[][];
  labels: string[];
}

/** Confusion matrix over `labels`; pairs with a label outside the set are ignored. */
export function confusionMatrix(
  gold: readonly string[],
  pred: readonly string[],
  labels: readonly string[],
): number[][] {
  const idx = new Map(labels.map((l, i) => [l, i]));
  const m = labels.map(() => labels.map(() => 0));
  for (let i = 0; i < gold.length; i++) {
    const g = idx.get(gold[i]);
    const p = idx.get(pred[i]);
    if (g !== undefined && p !== undefined) m[g][p]++;
  }
  return m;
}

/** Everything from one confusion matrix. Macro-F1 averages over labels with gold or predicted items. */
export function agreementFromConfusion(m: number[][], labels: readonly string[]): Agreement {
  const K = labels.length;
  let n = 0;
  let diag = 0;
  const rowSum = new Array(K).fill(0);
  const colSum = new Array(K).fill(0);
  for (let g = 0; g < K; g++)
    for (let p = 0; p < K; p++) {
      n += m[g][p];
      rowSum[g] += m[g][p];
      colSum[p] += m[g][p];
      if (g === p) diag += m[g][p];
    }
  const perLabel: PerLabel[] = labels.map((label, k) => {
    const tp = m[k][k];
    const precision = colSum[k] > 0 ? tp / colSum[k] : 0;
    const recall = rowSum[k] > 0 ? tp / rowSum[k] : 0;
    const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
    return { label, precision, recall, f1, support: rowSum[k] };
  });
  const used = perLabel.filter((_, k) => rowSum[k] > 0 || colSum[k] > 0);
  const macroF1 = used.length > 0 ? used.reduce((a, b) => a + b.f1, 0) / used.length : 0;
  const po = n > 0 ? diag / n : 0;
  let pe = 0;
  for (let k = 0; k < K; k++) pe += n > 0 ? (rowSum[k] / n) * (colSum[k] / n) : 0;
  const kappa = pe < 1 ? (po - pe) / (1 - pe) : po === 1 ? 1 : 0;
  return { n, accuracy: po, macroF1, kappa, perLabel, confusion: m, labels: [...labels] };
}

/** Agreement of predicted with gold labels over a fixed label set. */
export function agreement(
  gold: readonly string[],
  pred: readonly string[],
  labels: readonly string[],
): Agreement {
  return agreementFromConfusion(confusionMatrix(gold, pred, labels), labels);
}

export interface Interval {
  low: number;
  high: number;
}

/**
 * Percentile bootstrap 95% intervals for accuracy, macro-F1 and kappa, resampling groups
 * (dialogues) with replacement. Seeded, so a report regenerates to the same figures.
 */
export function bootstrapIntervals(
  gold: readonly string[],
  pred: readonly string[],
  groups: readonly string[],
  labels: readonly string[],
  replicates = 1000,
  seed = 11,
): { accuracy: Interval; macroF1: Interval; kappa: Interval } {
  const byGroup = new Map<string, number[]>();
  groups.forEach((g, i) => {
    const list = byGroup.get(g);
    if (list) list.push(i);
    else byGroup.set(g, [i]);
  });
  const K = labels.length;
  const idx = new Map(labels.map((l, i) => [l, i]));
  // one small confusion matrix per group, summed per replicate: fast even for 10k turns
  const groupMats = [...byGroup.values()].map((items) => {
    const m = new Float64Array(K * K);
    for (const i of items) {
      const g = idx.get(gold[i]);
      const p = idx.get(pred[i]);
      if (g !== undefined && p !== undefined) m[g * K + p]++;
    }
    return m;
  });
  const rand = seededRandom(seed);
  const acc: number[] = [];
  const f1: number[] = [];
  const kap: number[] = [];
  const sum = new Float64Array(K * K);
  for (let r = 0; r < replicates; r++) {
    sum.fill(0);
    for (let j = 0; j < groupMats.length; j++) {
      const m = groupMats[Math.floor(rand() * groupMats.length)];
      for (let x = 0; x < K * K; x++) sum[x] += m[x];
    }
    const mat = labels.map((_, g) => labels.map((__, p) => sum[g * K + p]));
    const a = agreementFromConfusion(mat, labels);
    acc.push(a.accuracy);
    f1.push(a.macroF1);
    kap.push(a.kappa);
  }
  const ci = (xs: number[]): Interval => {
    const s = xs.slice().sort((a, b) => a - b);
    return {
      low: s[Math.floor(0.025 * (s.length - 1))],
      high: s[Math.ceil(0.975 * (s.length - 1))],
    };
  };
  return { accuracy: ci(acc), macroF1: ci(f1), kappa: ci(kap) };
}

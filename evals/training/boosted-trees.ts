/**
 * @module evals/training/boosted-trees
 * Trains the coder's second stage: multi-class gradient boosting (softmax loss, Newton leaf
 * values, L2 on leaves) of complete shallow trees over dense inputs, starting from the log of the
 * first stage's probabilities (inputs 0..K-1) so the trees only learn corrections. Splits are
 * searched over at most `bins` quantile thresholds per input, so a round costs a few histogram
 * passes. No randomness: the same examples always give the same trees.
 */
import type { BoostedTrees, Tree } from '../../api/practice/coder/boosted-trees.js';

export interface BoostingOptions {
  labels: readonly string[];
  inputs: readonly string[];
  rounds?: number;
  depth?: number;
  learningRate?: number;
  /** L2 penalty on leaf values */
  lambda?: number;
  /** smallest summed hessian a child may have */
  minChildWeight?: number;
  bins?: number;
  /** 0 = no class balancing, 1 = fully balanced; 0.5 is the square root (as the linear model) */
  balance?: number;
}

export interface DenseExample {
  x: number[];
  y: number;
  weight?: number;
}

const round6 = (v: number) => Math.round(v * 1e6) / 1e6;

/** Candidate thresholds of one input: midpoints between distinct quantile values. */
function thresholds(values: number[], bins: number): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const distinct: number[] = [];
  for (let q = 1; q < bins; q++) {
    const v = sorted[Math.floor((q * sorted.length) / bins)];
    if (distinct.length === 0 || v > distinct[distinct.length - 1]) distinct.push(v);
  }
  const out: number[] = [];
  for (const v of distinct) {
    // the largest value below v, so the split x <= t separates exactly at v
    let below = -Infinity;
    for (const s of sorted) if (s < v) below = s;
    if (below > -Infinity) out.push(round6((below + v) / 2));
  }
  return [...new Set(out)];
}

/** Fit the boosted trees. */
export function trainBoostedTrees(
  examples: readonly DenseExample[],
  opts: BoostingOptions,
): BoostedTrees {
  const K = opts.labels.length;
  const D = opts.inputs.length;
  const rounds = opts.rounds ?? 200;
  const depth = opts.depth ?? 2;
  const lr = opts.learningRate ?? 0.1;
  const lambda = opts.lambda ?? 1;
  const minChild = opts.minChildWeight ?? 1;
  const balance = opts.balance ?? 0.5;
  const n = examples.length;

  // bin every input once: bin b holds values between thresholds b-1 and b
  const cuts: number[][] = [];
  const bin = new Uint8Array(n * D);
  for (let d = 0; d < D; d++) {
    const t = thresholds(
      examples.map((e) => e.x[d]),
      opts.bins ?? 32,
    );
    cuts.push(t);
    for (let i = 0; i < n; i++) {
      let b = 0;
      while (b < t.length && examples[i].x[d] > t[b]) b++;
      bin[i * D + d] = b;
    }
  }

  const maxBins = Math.max(1, ...cuts.map((c) => c.length + 1));

  const classTotals = new Array(K).fill(0);
  for (const e of examples) classTotals[e.y] += e.weight ?? 1;
  const totalW = classTotals.reduce((a, b) => a + b, 0);
  const classWeight = classTotals.map((c) => (c > 0 ? Math.pow(totalW / (K * c), balance) : 0));
  const w = examples.map((e) => (e.weight ?? 1) * classWeight[e.y]);

  // scores start where the run-time scorer starts them: the log of the first stage's probabilities
  const F = new Float64Array(n * K);
  for (let i = 0; i < n; i++)
    for (let k = 0; k < K; k++) F[i * K + k] = Math.log(Math.max(examples[i].x[k], 1e-6));
  const g = new Float64Array(n);
  const h = new Float64Array(n);
  const node = new Int32Array(n);
  const internal = (1 << depth) - 1;
  const trees: Tree[][] = [];
  const P = new Float64Array(n * K);

  for (let r = 0; r < rounds; r++) {
    for (let i = 0; i < n; i++) {
      let max = -Infinity;
      for (let k = 0; k < K; k++) max = Math.max(max, F[i * K + k]);
      let s = 0;
      for (let k = 0; k < K; k++) s += P[i * K + k] = Math.exp(F[i * K + k] - max);
      for (let k = 0; k < K; k++) P[i * K + k] /= s;
    }
    const round: Tree[] = [];
    for (let k = 0; k < K; k++) {
      for (let i = 0; i < n; i++) {
        const p = P[i * K + k];
        g[i] = w[i] * (p - (examples[i].y === k ? 1 : 0));
        h[i] = w[i] * Math.max(p * (1 - p), 1e-6);
      }
      const tree: Tree = {
        feature: new Array(internal).fill(0),
        threshold: new Array(internal).fill(Infinity),
        leaf: [],
      };
      node.fill(0);
      for (let level = 0; level < depth; level++) {
        const first = (1 << level) - 1;
        const width = 1 << level;
        // one pass per level: histograms of gradient and hessian per (node, input, bin)
        const NB = maxBins;
        const hg = new Float64Array(width * D * NB);
        const hh = new Float64Array(width * D * NB);
        const G = new Float64Array(width);
        const H = new Float64Array(width);
        for (let i = 0; i < n; i++) {
          const j = node[i] - first;
          G[j] += g[i];
          H[j] += h[i];
          const row = j * D * NB;
          for (let d = 0; d < D; d++) {
            const at = row + d * NB + bin[i * D + d];
            hg[at] += g[i];
            hh[at] += h[i];
          }
        }
        for (let j = 0; j < width; j++) {
          let best = 0;
          let bestD = -1;
          let bestB = -1;
          for (let d = 0; d < D; d++) {
            const nb = cuts[d].length + 1;
            let GL = 0;
            let HL = 0;
            for (let b = 0; b < nb - 1; b++) {
              const at = j * D * NB + d * NB + b;
              GL += hg[at];
              HL += hh[at];
              const GR = G[j] - GL;
              const HR = H[j] - HL;
              if (HL < minChild || HR < minChild) continue;
              const gain =
                (GL * GL) / (HL + lambda) +
                (GR * GR) / (HR + lambda) -
                (G[j] * G[j]) / (H[j] + lambda);
              if (gain > best + 1e-9) {
                best = gain;
                bestD = d;
                bestB = b;
              }
            }
          }
          // no useful split: every example goes left (threshold +Infinity), children stay equal
          if (bestD >= 0) {
            tree.feature[first + j] = bestD;
            tree.threshold[first + j] = cuts[bestD][bestB];
          }
        }
        for (let i = 0; i < n; i++) {
          const id = node[i];
          node[i] = examples[i].x[tree.feature[id]] <= tree.threshold[id] ? 2 * id + 1 : 2 * id + 2;
        }
      }
      const LG = new Float64Array(internal + 1);
      const LH = new Float64Array(internal + 1);
      for (let i = 0; i < n; i++) {
        LG[node[i] - internal] += g[i];
        LH[node[i] - internal] += h[i];
      }
      for (let l = 0; l <= internal; l++) tree.leaf.push(round6((-lr * LG[l]) / (LH[l] + lambda)));
      for (let i = 0; i < n; i++) F[i * K + k] += tree.leaf[node[i] - internal];
      // JSON has no Infinity: an unused node tests against a huge threshold instead
      tree.threshold = tree.threshold.map((t) => (t === Infinity ? 1e9 : t));
      round.push(tree);
    }
    trees.push(round);
  }
  return { inputs: [...opts.inputs], depth, trees };
}

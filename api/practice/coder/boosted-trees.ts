/**
 * @module practice/coder/boosted-trees
 * The coder's second stage: boosted decision stumps (or shallow trees) that correct the linear
 * model's probabilities, given those probabilities and a few numbers it only sees as scattered
 * binary features (echo, length, question count). Trained on out-of-fold probabilities, so it
 * learns how far to trust the linear model on turns it has not seen. Stored as JSON; each tree
 * is complete and in heap order, so scoring is a short loop of comparisons.
 */
import { softmaxInPlace } from './softmax.js';

/** One complete tree: internal node i tests x[feature[i]] <= threshold[i]; leaves follow in order. */
export interface Tree {
  feature: number[];
  threshold: number[];
  leaf: number[];
}

/** A boosted multi-class correction as stored in JSON. */
export interface BoostedTrees {
  /** names of the dense inputs, in the order `trees` index them; the first ones are the labels' probabilities */
  inputs: string[];
  depth: number;
  /** rounds x labels: trees[r][k] adds to label k's score */
  trees: Tree[][];
}

/** Trees laid out flat for scoring: typed arrays beat walking the parsed JSON objects. */
interface CompiledTrees {
  /** per tree: its label */
  label: Int32Array;
  /** per tree x internal node */
  feature: Int32Array;
  threshold: Float64Array;
  /** per tree x leaf */
  leaf: Float64Array;
}

const compiled = new WeakMap<BoostedTrees, CompiledTrees>();

/** Compile once per model object. */
function compile(model: BoostedTrees): CompiledTrees {
  let c = compiled.get(model);
  if (c) return c;
  const internal = (1 << model.depth) - 1;
  const all = model.trees.flatMap((round) => round.map((t, k) => ({ t, k })));
  c = {
    label: Int32Array.from(all, ({ k }) => k),
    feature: Int32Array.from(all.flatMap(({ t }) => t.feature)),
    threshold: Float64Array.from(all.flatMap(({ t }) => t.threshold)),
    leaf: Float64Array.from(all.flatMap(({ t }) => t.leaf)),
  };
  if (c.feature.length !== all.length * internal || c.leaf.length !== all.length * (internal + 1))
    throw new Error('boosted trees: malformed tree');
  compiled.set(model, c);
  return c;
}

/** Corrected probabilities: scores start at the log of inputs 0..K-1 (the first stage) and the trees add to them. */
export function treeProbabilities(model: BoostedTrees, x: ArrayLike<number>, K: number): number[] {
  const { label, feature, threshold, leaf } = compile(model);
  const z = new Array<number>(K);
  for (let k = 0; k < K; k++) z[k] = Math.log(Math.max(x[k], 1e-6));
  const internal = (1 << model.depth) - 1;
  for (let t = 0; t < label.length; t++) {
    const at = t * internal;
    let i = 0;
    while (i < internal) i = x[feature[at + i]] <= threshold[at + i] ? 2 * i + 1 : 2 * i + 2;
    z[label[t]] += leaf[t * (internal + 1) + i - internal];
  }
  return softmaxInPlace(z);
}

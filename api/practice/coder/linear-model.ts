/**
 * @module practice/coder/linear-model
 * The shipped utterance model: a multinomial logistic regression over named sparse features,
 * stored as JSON (feature name -> one weight per label). Scoring is a handful of map look-ups,
 * which keeps the coder far above 5,000 turns per second on one core.
 */
import type { BoostedTrees } from './boosted-trees.js';
import { softmaxInPlace } from './softmax.js';

/** A trained linear model as stored in JSON. */
export interface LinearModel {
  /** identifies the training run; part of the coder version */
  version: string;
  /** the labels the model chooses between, in weight order */
  labels: string[];
  bias: number[];
  weights: Record<string, number[]>;
  /** features are scaled to unit length (by 1/sqrt(count), or by their idf norm) before weighting */
  unitNorm?: boolean;
  /** each weight row ends with the feature's idf: its value in the turn before normalising */
  idf?: boolean;
  /** optional second stage that corrects this model's probabilities (boosted-trees.ts) */
  stageTwo?: BoostedTrees;
  /** what it was trained on and how, for the report */
  meta?: Record<string, unknown>;
}

/** A model laid out for fast scoring: feature -> row in one flat weight array. */
interface CompiledModel {
  rows: Map<string, number>;
  flat: Float64Array;
}

const compiled = new WeakMap<LinearModel, CompiledModel>();

/** Compile once per model object: a Map look-up beats a 10k-key object in dictionary mode. */
function compile(model: LinearModel): CompiledModel {
  let c = compiled.get(model);
  if (c) return c;
  const k = model.bias.length;
  const names = Object.keys(model.weights);
  // row layout: k weights then the feature's value (its idf, or 1)
  const stride = k + 1;
  const flat = new Float64Array(names.length * stride);
  const rows = new Map<string, number>();
  names.forEach((name, r) => {
    rows.set(name, r * stride);
    const w = model.weights[name];
    for (let j = 0; j < k; j++) flat[r * stride + j] = w[j];
    flat[r * stride + k] = model.idf ? w[k] : 1;
  });
  c = { rows, flat };
  compiled.set(model, c);
  return c;
}

/** Probability per label (same order as `model.labels`) for a set of present features. */
export function labelProbabilities(model: LinearModel, features: readonly string[]): number[] {
  const k = model.bias.length;
  const { rows, flat } = compile(model);
  const z = new Array<number>(k).fill(0);
  let sq = 0;
  let known = 0;
  for (const f of features) {
    const at = rows.get(f);
    if (at === undefined) continue;
    const v = flat[at + k];
    sq += v * v;
    known++;
    for (let j = 0; j < k; j++) z[j] += flat[at + j] * v;
  }
  // as in training: the norm runs over the features the model knows
  const norm = Math.sqrt(sq);
  const scale = model.unitNorm && known > 0 && norm > 0 ? 1 / norm : 1;
  for (let j = 0; j < k; j++) z[j] = z[j] * scale + model.bias[j];
  return softmaxInPlace(z);
}

/** The most probable label and its probability. */
export function bestLabel(
  model: LinearModel,
  probs: readonly number[],
): { label: string; p: number } {
  let best = 0;
  for (let j = 1; j < probs.length; j++) if (probs[j] > probs[best]) best = j;
  return { label: model.labels[best], p: probs[best] };
}

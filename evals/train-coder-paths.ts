/**
 * @module evals/train-coder-paths
 * Where the coder's own training set and the shipped model live, relative to the repo root.
 */
import { resolve } from 'node:path';
import { REPO_ROOT } from './dataset.js';

/** Our own labelled workplace-coaching turns (written and labelled by the project; MIT). */
export const WORKPLACE_SET = resolve(REPO_ROOT, 'evals', 'data', 'workplace-coaching.jsonl');
/**
 * Our own typed-text test turns (information, advice, support, reflections phrased as general
 * statements): never trained on; written knowing the coder's weak spots, so its figures are biased low.
 */
export const WORKPLACE_TYPED_SET = resolve(
  REPO_ROOT,
  'evals',
  'data',
  'workplace-coaching-typed.jsonl',
);
/** The shipped model, imported by the coder. */
export const MODEL_PATH = resolve(REPO_ROOT, 'api', 'practice', 'coder', 'coder-model.json');

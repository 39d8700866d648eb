/**
 * @module evals/train-coder-paths
 * Where the coder's own training set and the shipped model live, relative to the repo root.
 */
import { resolve } from 'node:path';
import { REPO_ROOT } from './dataset.js';

/** Our own labelled workplace-coaching turns (written and labelled by the project; MIT). */
export const WORKPLACE_SET = resolve(REPO_ROOT, 'evals', 'data', 'workplace-coaching.jsonl');
/** The shipped model, imported by the coder. */
export const MODEL_PATH = resolve(REPO_ROOT, 'api', 'practice', 'coder', 'coder-model.json');

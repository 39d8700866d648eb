/**
 * @module evals/cross-validation
 * Grouped k-fold cross-validation by dialogue: no dialogue is in both the training and the test
 * part of a fold, so a model never sees the turns it is scored on (or their neighbours). Each
 * fold trains a fresh model in memory (second stage included, on inner folds of that fold's
 * training part only) and codes its test turns with the full coder.
 */
import { createCoder } from '../api/practice/coder/coder.js';
import type { UtteranceRow } from './dataset.js';
import { dialogueFolds } from './folds.js';
import { trainCoderModel } from './training/coder-training.js';
import type { TrainingOptions } from './training/softmax-regression.js';

export { dialogueFolds } from './folds.js';

/**
 * Predicted labels for every row of `rows` (coach rows), each from a model that did not train on
 * that row's dialogue. `extra` (our own workplace set) is added to every fold's training data.
 */
export function crossValidatedLabels(
  rows: readonly UtteranceRow[],
  extra: readonly UtteranceRow[],
  k = 5,
  overrides: Partial<TrainingOptions> = {},
): string[] {
  const folds = dialogueFolds(rows, k);
  const pred: string[] = new Array(rows.length);
  for (let f = 0; f < k; f++) {
    const train = rows.filter((r) => folds.get(r.dialogue_id) !== f);
    const model = trainCoderModel(train, extra, `cv-fold-${f}`, overrides);
    const code = createCoder(model, `cv-fold-${f}`);
    rows.forEach((r, i) => {
      if (folds.get(r.dialogue_id) === f)
        pred[i] = code(r.text, { prevPartner: r.prev_client }).label;
    });
  }
  return pred;
}

/**
 * @module evals/baseline
 * The reference point the coder must beat: plain logistic regression on word uni- and bigrams,
 * no hand features, no context, no rules, trained the same way (same optimiser and folds).
 */
import { turnFeatures } from '../api/practice/coder/features.js';
import {
  bestLabel,
  labelProbabilities,
  type LinearModel,
} from '../api/practice/coder/linear-model.js';
import { dialogueFolds } from './cross-validation.js';
import type { UtteranceRow } from './dataset.js';
import { SHIPPED_TRAINING } from './training/coder-training.js';
import { trainSoftmaxRegression } from './training/softmax-regression.js';
import { FINE_LABELS, toFine } from './views.js';

const ngrams = (r: UtteranceRow) =>
  turnFeatures(r.text, null).filter((f) => f.startsWith('w:') || f.startsWith('b:'));

function train(rows: readonly UtteranceRow[]): LinearModel {
  const examples = rows
    .filter((r) => r.label && toFine(r.label))
    .map((r) => ({ features: ngrams(r), label: toFine(r.label!)! }));
  return trainSoftmaxRegression(examples, {
    labels: FINE_LABELS,
    ...SHIPPED_TRAINING,
    version: 'baseline-ngram-lr',
  });
}

const predict = (m: LinearModel, r: UtteranceRow) =>
  bestLabel(m, labelProbabilities(m, ngrams(r))).label;

/** Baseline labels for `rows` by grouped k-fold cross-validation on `rows` themselves. */
export function baselineCrossValidated(rows: readonly UtteranceRow[], k = 5): string[] {
  const folds = dialogueFolds(rows, k);
  const pred: string[] = new Array(rows.length);
  for (let f = 0; f < k; f++) {
    const m = train(rows.filter((r) => folds.get(r.dialogue_id) !== f));
    rows.forEach((r, i) => {
      if (folds.get(r.dialogue_id) === f) pred[i] = predict(m, r);
    });
  }
  return pred;
}

/** Baseline trained on `train` rows, labelling `rows` (transfer to another data set). */
export function baselineTransfer(
  trainRows: readonly UtteranceRow[],
  rows: readonly UtteranceRow[],
): string[] {
  const m = train(trainRows);
  return rows.map((r) => predict(m, r));
}

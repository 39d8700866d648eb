/**
 * @module evals/training/coder-training
 * How the coder's model is trained, in one place for the shipped model (train-coder.ts) and for
 * every cross-validation fold: rows -> features (the run-time feature function) -> softmax
 * regression over the seven fine labels. Labels outside those (affirmation, judgement, ...) are
 * trained as `other`, as the data sets count them; the move cues recover them at run time.
 */
import { turnFeatures } from '../../api/practice/coder/features.js';
import type { LinearModel } from '../../api/practice/coder/linear-model.js';
import type { UtteranceRow } from '../dataset.js';
import { FINE_LABELS, toFine } from '../views.js';
import { trainSoftmaxRegression, type TrainingExample, type TrainingOptions } from './softmax-regression.js';

/** The settings of the shipped model, chosen by grouped cross-validation on AnnoMI (see REPORT.md). */
export const SHIPPED_TRAINING: Omit<TrainingOptions, 'labels'> = {
  epochs: 20,
  learningRate: 0.1,
  l2: 1e-4,
  minCount: 2,
  balance: 0.5,
  seed: 7,
  unitNorm: true,
  // keep every feature: the run-time norm must run over the same features as in training
  prune: 0,
};

/** Weight of one of our own workplace examples relative to one AnnoMI turn. */
export const WORKPLACE_WEIGHT = 2;

/** Training examples from labelled coach rows (rows without a fine label are skipped). */
export function toExamples(rows: readonly UtteranceRow[], weight = 1): TrainingExample[] {
  const out: TrainingExample[] = [];
  for (const r of rows) {
    if (r.speaker !== 'coach' || !r.label) continue;
    const fine = toFine(r.label);
    if (fine === null) continue;
    out.push({ features: turnFeatures(r.text, r.prev_client), label: fine, weight });
  }
  return out;
}

/** Train the coder model on public-domain/own rows. Deterministic. */
export function trainCoderModel(
  annomi: readonly UtteranceRow[],
  workplace: readonly UtteranceRow[],
  version: string,
  overrides: Partial<TrainingOptions> = {},
): LinearModel {
  const examples = [...toExamples(annomi), ...toExamples(workplace, WORKPLACE_WEIGHT)];
  return trainSoftmaxRegression(examples, { labels: FINE_LABELS, ...SHIPPED_TRAINING, ...overrides, version });
}

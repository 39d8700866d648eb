/**
 * @module evals/training/coder-training
 * How the coder's model is trained, in one place for the shipped model (train-coder.ts) and for
 * every cross-validation fold: rows -> features (the run-time feature function) -> softmax
 * regression over the seven fine labels, then a second stage of boosted stumps fitted to that
 * regression's out-of-fold probabilities on the same rows. Labels outside the seven (affirmation,
 * judgement, ...) are trained as `other`, as the data sets count them; the move cues recover
 * them at run time.
 */
import { moveCues } from '../../api/practice/coder/coaching-moves.js';
import { featuresOf, parseTurn, turnFeatures } from '../../api/practice/coder/features.js';
import { labelProbabilities, type LinearModel } from '../../api/practice/coder/linear-model.js';
import { STAGE_TWO_INPUTS, stageTwoInputs } from '../../api/practice/coder/stage-two-inputs.js';
import type { UtteranceRow } from '../dataset.js';
import { dialogueFolds } from '../folds.js';
import { FINE_LABELS, toFine } from '../views.js';
import { trainBoostedTrees, type BoostingOptions, type DenseExample } from './boosted-trees.js';
import {
  trainSoftmaxRegression,
  type TrainingExample,
  type TrainingOptions,
} from './softmax-regression.js';

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

/**
 * The second stage: 100 rounds of stumps. No class balancing, since the linear model's
 * probabilities already carry it; depth 2, more rounds or more inputs gained nothing on top (REPORT.md).
 */
export const SHIPPED_STAGE_TWO: Omit<BoostingOptions, 'labels' | 'inputs'> & { folds: number } = {
  folds: 5,
  rounds: 100,
  depth: 1,
  learningRate: 0.1,
  lambda: 1,
  minChildWeight: 1,
  bins: 32,
  balance: 0,
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

type WeightedRow = { row: UtteranceRow; weight: number; dialogue_id: string };

/** The first stage alone: softmax regression on the rows' sparse features. */
function trainLinear(
  rows: readonly WeightedRow[],
  version: string,
  overrides: Partial<TrainingOptions>,
): LinearModel {
  const examples = rows.flatMap((r) => toExamples([r.row], r.weight));
  return trainSoftmaxRegression(examples, {
    labels: FINE_LABELS,
    ...SHIPPED_TRAINING,
    ...overrides,
    version,
  });
}

/** The second stage's inputs for a row, from a first-stage model that did not train on it. */
function stageTwoExample(model: LinearModel, r: WeightedRow): DenseExample {
  const turn = parseTurn(r.row.text ?? '', r.row.prev_client);
  const probs = labelProbabilities(model, featuresOf(turn, r.row.text ?? ''));
  return {
    x: stageTwoInputs(probs, turn, moveCues(turn.sentences)),
    y: FINE_LABELS.indexOf(toFine(r.row.label!) as (typeof FINE_LABELS)[number]),
    weight: r.weight,
  };
}

/**
 * Train the coder model on public-domain/own rows. Deterministic. The second stage learns from
 * out-of-fold probabilities (inner folds by dialogue over exactly these rows), because in-sample
 * probabilities are more confident than the ones the model gives unseen turns; pass
 * `stageTwo: null` for the first stage alone.
 */
export function trainCoderModel(
  annomi: readonly UtteranceRow[],
  workplace: readonly UtteranceRow[],
  version: string,
  overrides: Partial<TrainingOptions> = {},
  stageTwo: typeof SHIPPED_STAGE_TWO | null = SHIPPED_STAGE_TWO,
): LinearModel {
  const rows: WeightedRow[] = [
    ...annomi.map((row) => ({ row, weight: 1, dialogue_id: row.dialogue_id })),
    ...workplace.map((row) => ({ row, weight: WORKPLACE_WEIGHT, dialogue_id: row.dialogue_id })),
  ].filter((r) => r.row.speaker === 'coach' && r.row.label && toFine(r.row.label) !== null);
  const model = trainLinear(rows, version, overrides);
  if (stageTwo === null) return model;

  const { folds: k, ...boosting } = stageTwo;
  const folds = dialogueFolds(rows, k);
  const examples: DenseExample[] = [];
  for (let f = 0; f < k; f++) {
    const inner = trainLinear(
      rows.filter((r) => folds.get(r.dialogue_id) !== f),
      `${version}-inner-${f}`,
      overrides,
    );
    for (const r of rows)
      if (folds.get(r.dialogue_id) === f) examples.push(stageTwoExample(inner, r));
  }
  const inputs = [...FINE_LABELS.map((l) => `p_${l}`), ...STAGE_TWO_INPUTS];
  model.stageTwo = trainBoostedTrees(examples, { labels: FINE_LABELS, inputs, ...boosting });
  model.meta = { ...model.meta, stageTwo: { ...stageTwo, examples: examples.length } };
  return model;
}

/**
 * @module evals/headline
 * `npm run eval:headline`: the coder's three target figures in one line each, for trying a change
 * quickly: AnnoMI fine in grouped 5-fold cross-validation, and MI-gold fine / ESConv coarse from a
 * model trained in memory on all AnnoMI dev + the workplace set (as `npm run train:coder` would
 * train it; the committed model file is not read). No bootstrap: use `eval:coder` for intervals.
 */
import { createCoder, type CodeUtterance } from '../api/practice/coder/coder.js';
import { crossValidatedLabels } from './cross-validation.js';
import { coachRows, readJsonl, sharedDataPath, type UtteranceRow } from './dataset.js';
import { agreement } from './metrics.js';
import { WORKPLACE_SET } from './train-coder-paths.js';
import { trainCoderModel } from './training/coder-training.js';
import { COARSE_LABELS, FINE_LABELS, toCoarse, toFine } from './views.js';

/** Kappa and macro-F1 of predictions in one view. */
function score(
  rows: readonly UtteranceRow[],
  pred: readonly string[],
  view: 'fine' | 'coarse',
): { kappa: number; macroF1: number } {
  const map = (l: string) => (view === 'fine' ? (toFine(l) ?? 'other') : toCoarse(l));
  const a = agreement(
    rows.map((r) => map(r.label!)),
    pred.map(map),
    view === 'fine' ? FINE_LABELS : COARSE_LABELS,
  );
  return { kappa: a.kappa, macroF1: a.macroF1 };
}

const labelled = (name: string) =>
  coachRows(readJsonl(sharedDataPath(name))).filter((r) => r.label);
const codeAll = (code: CodeUtterance, rows: readonly UtteranceRow[]) =>
  rows.map((r) => code(r.text, { prevPartner: r.prev_client }).label);
const fmt = (s: { kappa: number; macroF1: number }) =>
  `kappa ${s.kappa.toFixed(3)} F1 ${s.macroF1.toFixed(3)}`;

function main(): void {
  const started = Date.now();
  const annomi = labelled('annomi');
  const workplace = coachRows(readJsonl(WORKPLACE_SET));
  const cv = crossValidatedLabels(annomi, workplace, 5);
  const code = createCoder(trainCoderModel(annomi, workplace, 'headline'), 'headline');
  const mi = labelled('mi_gold_test');
  const es = labelled('esconv');
  const miPred = codeAll(code, mi);
  const esPred = codeAll(code, es);
  console.log(
    `annomi  fine   (cv)  ${fmt(score(annomi, cv, 'fine'))}   coarse ${fmt(score(annomi, cv, 'coarse'))}   target 0.58 / 0.58`,
  );
  console.log(
    `mi_gold fine         ${fmt(score(mi, miPred, 'fine'))}   coarse ${fmt(score(mi, miPred, 'coarse'))}   target 0.50 / 0.50`,
  );
  console.log(`esconv  coarse       ${fmt(score(es, esPred, 'coarse'))}   target 0.45 / 0.48`);
  console.log(`(${Date.now() - started} ms)`);
}

main();

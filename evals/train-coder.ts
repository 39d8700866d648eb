/**
 * @module evals/train-coder
 * `npm run train:coder`: trains the shipped coder model on AnnoMI (public domain, read from
 * ../shared/data) and our own labelled workplace-coaching set, and writes it as JSON beside the
 * coder. Deterministic: the same data gives the same file. Never trains on ESConv or MI-gold
 * (non-commercial licences): those are for evaluation only.
 */
import { writeFileSync } from 'node:fs';
import { REPO_ROOT, coachRows, readJsonl, sharedDataPath } from './dataset.js';
import { MODEL_PATH, WORKPLACE_SET } from './train-coder-paths.js';
import { trainCoderModel } from './training/coder-training.js';

/** Identifies this training recipe; bump it when features, data or settings change. */
export const MODEL_VERSION = 'lr-ngram+stumps-2026.11.28c';

function main(): void {
  const started = Date.now();
  const annomi = coachRows(readJsonl(sharedDataPath('annomi')));
  const workplace = coachRows(readJsonl(WORKPLACE_SET));
  const model = trainCoderModel(annomi, workplace, MODEL_VERSION);
  model.meta = { ...model.meta, trainedOn: { annomi: annomi.length, workplace: workplace.length } };
  const json = JSON.stringify(model);
  writeFileSync(MODEL_PATH, json + '\n');
  console.log(
    `wrote ${MODEL_PATH.slice(REPO_ROOT.length + 1)}: ${Object.keys(model.weights).length} features, ` +
      `${(json.length / 1024).toFixed(0)} KiB, ${annomi.length} AnnoMI + ${workplace.length} workplace turns, ${Date.now() - started} ms`,
  );
}

main();

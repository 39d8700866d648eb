/**
 * @module evals/dataset
 * Reads utterance files in the shared-data format (one JSON object per line) and finds the
 * shared data sets relative to the repository root, never by an absolute path, so the same
 * commands work in CI where shared/ sits beside the clone.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** One coach (or client) line of a labelled data file. */
export interface UtteranceRow {
  dataset?: string;
  dialogue_id: string;
  turn_index: number;
  speaker: 'coach' | 'client';
  text: string;
  label: string | null;
  prev_client: string | null;
  /** optional: the rich coaching codes, on our own workplace set */
  codes?: string[];
  permission_granted?: boolean;
  /** AnnoMI: who labelled the turn, and on the turns every annotator coded, each one's label */
  annotator_id?: string | null;
  annotations?: { annotator_id: string; label: string }[];
}

/** The repository root (this file lives in <root>/evals). */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The shared development split of a data set, e.g. `sharedDataPath('annomi')`. */
export function sharedDataPath(dataset: string): string {
  return resolve(REPO_ROOT, '..', 'shared', 'data', dataset, 'dev.jsonl');
}

/** All rows of a JSON-lines file. */
export function readJsonl(path: string): UtteranceRow[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim().length > 0)
    .map((l) => JSON.parse(l) as UtteranceRow);
}

/** Only the labelled coach lines. */
export function coachRows(rows: readonly UtteranceRow[]): UtteranceRow[] {
  return rows.filter((r) => r.speaker === 'coach' && typeof r.text === 'string');
}

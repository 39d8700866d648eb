/**
 * @module evals/folds
 * Folds grouped by dialogue, shared by cross-validation and by the second stage's inner folds:
 * no dialogue is ever on both sides of a split, so out-of-fold turns are truly unseen.
 */
import type { UtteranceRow } from './dataset.js';

/** Fold of each dialogue: dialogues in first-seen order, dealt round-robin (deterministic). */
export function dialogueFolds(
  rows: readonly Pick<UtteranceRow, 'dialogue_id'>[],
  k: number,
): Map<string, number> {
  const folds = new Map<string, number>();
  for (const r of rows) if (!folds.has(r.dialogue_id)) folds.set(r.dialogue_id, folds.size % k);
  return folds;
}

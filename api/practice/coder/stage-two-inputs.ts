/**
 * @module practice/coder/stage-two-inputs
 * What the second stage sees of a turn: the linear model's probabilities, then echo, length and
 * question count as plain numbers. Adding the move cues, opening-word classes and the partner's
 * turn length raised AnnoMI a little but cost ESConv (evals/REPORT.md), so they stay out.
 */
import type { MoveCues } from './coaching-moves.js';
import type { ParsedTurn } from './features.js';

/** Names of the inputs after the first-stage probabilities, in order. */
export const STAGE_TWO_INPUTS: readonly string[] = ['echo', 'words', 'sentences', 'questions'];

/** The second stage's inputs: `probs` (one per label, in the model's label order), then STAGE_TWO_INPUTS. */
export function stageTwoInputs(
  probs: readonly number[],
  turn: ParsedTurn,
  cues: MoveCues,
): number[] {
  return [...probs, turn.echo, turn.words.length, turn.sentences.length, cues.questions];
}

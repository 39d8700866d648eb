/**
 * @module practice/coder/coder
 * Builds a coder from a trained linear model: features -> model probabilities, sentences ->
 * move cues, both -> label and codes. The shipped coder (index.ts) is this with the committed
 * model; cross-validation builds one per fold from a model trained in memory.
 */
import type { CoachTurnCoding, CoderContext } from '../types.js';
import { moveCues } from './coaching-moves.js';
import { featuresOf, parseTurn } from './features.js';
import { labelProbabilities, type LinearModel } from './linear-model.js';
import { decideCoding, type FineProbabilities } from './miti-label.js';

export type CodeUtterance = (text: string, ctx?: CoderContext) => CoachTurnCoding;

/** A coder using `model`; `version` is stamped on every coding it produces. */
export function createCoder(model: LinearModel, version: string): CodeUtterance {
  return (text, ctx = {}) => {
    const turn = parseTurn(text ?? '', ctx.prevPartner);
    const probs = labelProbabilities(model, featuresOf(turn, text ?? ''));
    const p = {} as FineProbabilities;
    model.labels.forEach((l, i) => (p[l as keyof FineProbabilities] = probs[i]));
    const cues = moveCues(turn.sentences);
    const { label, codes } = decideCoding(p, cues, ctx, turn.echo);
    return { label, codes, questionCount: cues.questions, words: turn.words.length, coderVersion: version };
  };
}

/**
 * @module practice/coder/coder
 * Builds a coder from a trained linear model: features -> model probabilities, sentences ->
 * move cues, both -> label and codes. The shipped coder (index.ts) is this with the committed
 * model; cross-validation builds one per fold from a model trained in memory.
 */
import type { CoachTurnCoding, CoderContext } from '../types.js';
import { moveCues } from './coaching-moves.js';
import { overlap, turnFeatures } from './features.js';
import { labelProbabilities, type LinearModel } from './linear-model.js';
import { decideCoding, type FineProbabilities } from './miti-label.js';
import { normalise, sentences, words } from './text.js';

export type CodeUtterance = (text: string, ctx?: CoderContext) => CoachTurnCoding;

/** A coder using `model`; `version` is stamped on every coding it produces. */
export function createCoder(model: LinearModel, version: string): CodeUtterance {
  return (text, ctx = {}) => {
    const norm = normalise(text ?? '');
    const sents = sentences(norm);
    const probs = labelProbabilities(model, turnFeatures(text ?? '', ctx.prevPartner));
    const p = Object.fromEntries(model.labels.map((l, i) => [l, probs[i]])) as FineProbabilities;
    const cues = moveCues(sents);
    const echo = overlap(words(norm), ctx.prevPartner);
    const { label, codes } = decideCoding(p, cues, ctx, echo);
    return { label, codes, questionCount: cues.questions, words: words(norm).length, coderVersion: version };
  };
}

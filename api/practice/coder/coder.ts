/**
 * @module practice/coder/coder
 * Builds a coder from a trained linear model: features -> model probabilities (corrected by the
 * model's second stage when it has one), sentences -> move cues, both -> label and codes. The
 * shipped coder (index.ts) is this with the committed model; cross-validation builds one per fold
 * from a model trained in memory.
 */
import type { CoachTurnCoding, CoderContext } from '../types.js';
import { treeProbabilities } from './boosted-trees.js';
import { moveCues } from './coaching-moves.js';
import { featuresOf, parseTurn } from './features.js';
import { labelProbabilities, type LinearModel } from './linear-model.js';
import { decideCoding, type FineProbabilities } from './miti-label.js';
import { stageTwoInputs } from './stage-two-inputs.js';

export type CodeUtterance = (text: string, ctx?: CoderContext) => CoachTurnCoding;

/** A coder using `model`; `version` is stamped on every coding it produces. */
export function createCoder(model: LinearModel, version: string): CodeUtterance {
  return (text, ctx = {}) => {
    const turn = parseTurn(text ?? '', ctx.prevPartner);
    const cues = moveCues(turn.sentences);
    let probs = labelProbabilities(model, featuresOf(turn, text ?? ''));
    if (model.stageTwo) probs = treeProbabilities(model.stageTwo, stageTwoInputs(probs, turn, cues), probs.length);
    const p = {} as FineProbabilities;
    model.labels.forEach((l, i) => (p[l as keyof FineProbabilities] = probs[i]));
    const { label, codes } = decideCoding(p, cues, ctx, turn.echo);
    return { label, codes, questionCount: cues.questions, words: turn.words.length, coderVersion: version };
  };
}

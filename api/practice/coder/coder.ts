/**
 * @module practice/coder/coder
 * Builds a coder from a trained linear model: features -> model probabilities (corrected by the
 * model's second stage when it has one), sentences -> move cues, both -> label and codes, and the
 * partner's words -> whether the turn engages with them. The shipped coder (index.ts) is this with
 * the committed model; cross-validation builds one per fold from a model trained in memory.
 */
import type { CoachCode, CoachTurnCoding, CoderContext, UtteranceLabel } from '../types.js';
import { treeProbabilities } from './boosted-trees.js';
import { moveCues } from './coaching-moves.js';
import { engagesAs } from './engagement.js';
import { featuresOf, parseTurn, type ParsedTurn } from './features.js';
import { labelProbabilities, type LinearModel } from './linear-model.js';
import { decideCoding, type FineProbabilities } from './miti-label.js';
import { isMinimalEncourager } from './encourager.js';
import { asOwnPlanGivenBack } from './own-plan.js';
import { PARTNER_ASKS_FOR_IDEAS } from './move-grammar.js';
import { stageTwoInputs } from './stage-two-inputs.js';
import { complexMarkers } from './reflection-depth.js';
import type { MoveCues } from './coaching-moves.js';

export type CodeUtterance = (text: string, ctx?: CoderContext) => CoachTurnCoding;

/** Codes a minimal encourager must not have: it steers nowhere and leaves the answer open. */
const NOT_ENCOURAGING = new Set([
  'advice',
  'advice_with_permission',
  'judgement',
  'reassurance',
  'information',
  'closed_question',
  'leading_question',
]);

/**
 * A minimal encourager ("Keep talking, I'm with you.", "And then?") coded as the model read its
 * imperative or its shortness (advice, a closed question): an invitation to go on, so an open
 * question when asked as one, otherwise other (MITI gives no code to "mm-hmm").
 */
function encouraging(
  text: string,
  coded: { label: UtteranceLabel; codes: CoachCode[] },
): { label: UtteranceLabel; codes: CoachCode[] } {
  if (!coded.codes.some((c) => NOT_ENCOURAGING.has(c)) || !isMinimalEncourager(text)) return coded;
  return /\?/.test(text)
    ? { label: 'open_question', codes: ['open_question'] }
    : { label: 'other', codes: ['other'] };
}

/** A coder using `model`; `version` is stamped on every coding it produces. */
export function createCoder(model: LinearModel, version: string): CodeUtterance {
  const probabilities = (turn: ParsedTurn, text: string, cues: MoveCues): FineProbabilities => {
    let probs = labelProbabilities(model, featuresOf(turn, text));
    if (model.stageTwo)
      probs = treeProbabilities(model.stageTwo, stageTwoInputs(probs, turn, cues), probs.length);
    const p = {} as FineProbabilities;
    model.labels.forEach((l, i) => (p[l as keyof FineProbabilities] = probs[i]));
    return p;
  };
  return (text, ctx = {}) => {
    const turn = parseTurn(text ?? '', ctx.prevPartner);
    const cues = moveCues(turn.sentences, turn.prevNorm);
    const p = probabilities(turn, text ?? '', cues);
    // the partner asking for ideas ("any tips?", "what would you do?") grants permission too
    const permissionGranted =
      ctx.permissionGranted === true ||
      (turn.prevNorm !== null && PARTNER_ASKS_FOR_IDEAS.test(turn.prevNorm));
    // a reflection said beside a question or another move: simple when it mostly repeats the
    // partner's words or is short, complex when longer and in new words (on the moves set, 64 of
    // 74 gold reflections echoing half the partner's words are simple, 123 of 145 of 9 words or
    // more complex); a word rule rather than a second pass of the model, which halved its speed
    const reflectionKind = () => {
      const part = parseTurn(cues.reflectionSentences.join(' '), ctx.prevPartner);
      return part.echo >= 0.5 || part.words.length < 9 ? 'simple_reflection' : 'complex_reflection';
    };
    // MITI's markers of a complex reflection in the sentences that reflect (reflection-depth.ts)
    let markerCount: number | undefined;
    const markers = () =>
      (markerCount ??= complexMarkers(
        cues.reflectionSentences.join(' ') || (text ?? ''),
        ctx.prevPartner,
      ).length);
    const decided = decideCoding(
      p,
      cues,
      { ...ctx, permissionGranted },
      turn.echo,
      reflectionKind,
      markers,
    );
    const { label, codes } = encouraging(
      text ?? '',
      asOwnPlanGivenBack(text ?? '', ctx, cues, decided, reflectionKind),
    );
    return {
      label,
      codes,
      questionCount: cues.questions,
      words: turn.words.length,
      coderVersion: version,
      // a foreign thing ("the orange teapot") disengages any move; process moves (how we work,
      // what you want, advice, a summary) follow the session; the rest must take up the partner's words
      engaged: engagesAs(turn, ctx, codes),
    };
  };
}

/**
 * @module practice/code-groups
 * The groups of coaching codes the practice domain reasons with (reflections, questions, open and
 * closed questions, telling), declared once so the coder, the partner, feedback and the rubric
 * never drift apart on what counts as, say, a question. Order within a group carries no meaning.
 */
import type { CoachCode, CoachTurnCoding } from './types.js';

/** Reflecting what the partner said, simply or with added meaning, or several things at once. */
export const REFLECTION_CODES = [
  'simple_reflection',
  'complex_reflection',
  'summary',
] as const satisfies readonly CoachCode[];

/** Questions that leave the answer to the partner. */
export const OPEN_QUESTION_CODES = [
  'open_question',
  'goal_question',
  'incisive_question',
  'action_question',
] as const satisfies readonly CoachCode[];

/** Questions that narrow the answer, or supply it. */
export const CLOSED_QUESTION_CODES = [
  'closed_question',
  'leading_question',
] as const satisfies readonly CoachCode[];

/** Every question code (a stacked turn is more than one question). */
export const QUESTION_CODES = [
  ...OPEN_QUESTION_CODES,
  ...CLOSED_QUESTION_CODES,
  'stacked_questions',
] as const satisfies readonly CoachCode[];

/** The coach talking rather than drawing the partner out. */
export const TELLING_CODES = [
  'advice',
  'information',
  'self_disclosure',
  'judgement',
] as const satisfies readonly CoachCode[];

/** What a model alternative reply may be: listening, or one partner-led question. */
export const GOOD_ALTERNATIVE_CODES = [
  ...REFLECTION_CODES,
  ...OPEN_QUESTION_CODES,
] as const satisfies readonly CoachCode[];

/** Codes that disqualify an alternative reply, even beside a good one. */
export const UNFIT_ALTERNATIVE_CODES = [
  'advice',
  'judgement',
  'leading_question',
  'stacked_questions',
  'closed_question',
  'information',
  'self_disclosure',
] as const satisfies readonly CoachCode[];

const has = (group: readonly CoachCode[]) => (code: CoachCode) => group.includes(code);

/** True when the coding holds a code of `group`. */
export const codesAny = (
  coding: Pick<CoachTurnCoding, 'codes'>,
  group: readonly CoachCode[],
): boolean => (coding.codes ?? []).some(has(group));

/**
 * Is this coding a good alternative reply: one question at most, a code of `wanted` (any good
 * move by default), and nothing unfit?
 * @example isGoodAlternativeCoding(codeUtterance('It sounds like the deadline is weighing on you.')) // true
 */
export function isGoodAlternativeCoding(
  coding: Pick<CoachTurnCoding, 'codes' | 'questionCount'>,
  wanted: readonly CoachCode[] = GOOD_ALTERNATIVE_CODES,
): boolean {
  // a closed action question ("When will you ask her?") is a good action question: asking for a
  // time or a commitment is closed by its form (the scenario checker's claim rule says the same)
  const closedAction = (coding.codes ?? []).includes('action_question');
  const unfit = (coding.codes ?? []).some(
    (c) =>
      (UNFIT_ALTERNATIVE_CODES as readonly CoachCode[]).includes(c) &&
      !(closedAction && c === 'closed_question'),
  );
  return (coding.questionCount ?? 0) <= 1 && codesAny(coding, wanted) && !unfit;
}

/**
 * @module practice/feedback/coach-move
 * Names the one move a coded coach turn is mostly making, for feedback: the least favourable
 * code wins (MITI: when unsure, the less favourable), so a reflection wrapped round advice is
 * talked about as advice. A turn that did not engage with what the partner said is talked about
 * as that (`unengaged`), unless it did something worse. Also reads the turns before it for
 * patterns feedback should mention.
 */
import { codesAny, QUESTION_CODES, REFLECTION_CODES } from '../code-groups.js';
import { isMinimalEncourager } from '../coder/encourager.js';
import type { CoachCode, CoachTurnCoding } from '../types.js';

/** Codes in the order feedback talks about them: the first present is the turn's move. */
export const MOVE_PRIORITY = [
  'judgement',
  'advice',
  'reassurance',
  'leading_question',
  'stacked_questions',
  'incisive_question',
  'action_question',
  'contracting',
  'goal_question',
  'return_to_goal',
  'summary',
  'complex_reflection',
  'simple_reflection',
  'permission_request',
  'advice_with_permission',
  'open_question',
  'closed_question',
  'affirmation',
  'information',
  'self_disclosure',
  'other',
] as const satisfies readonly CoachCode[];
/**
 * `unengaged`: a turn that did not pick up anything the partner said (a content-free template);
 * `encourager`: a turn made only of prompts to carry on ("Go on.", "Mm, and then?"), a listening
 * move whatever its codes.
 */
export type CoachMove = (typeof MOVE_PRIORITY)[number] | 'unengaged' | 'encourager';

/** Moves that work against the partner: feedback never praises them. */
export const POOR_MOVES: ReadonlySet<CoachMove> = new Set([
  'judgement',
  'advice',
  'reassurance',
  'leading_question',
  'stacked_questions',
  'unengaged',
]);

export function isQuestion(c: CoachTurnCoding): boolean {
  return (c.questionCount ?? 0) > 0 || codesAny(c, QUESTION_CODES);
}
export function isReflection(c: CoachTurnCoding): boolean {
  return codesAny(c, REFLECTION_CODES);
}

/**
 * The move feedback talks about for this coding: `encourager` when `text` is only a prompt to
 * carry on; `unengaged` when the turn is `aboutNothing` (by default, when the coder found it so;
 * callers pass stronger evidence, see turn-feedback) and did nothing worse.
 */
export function coachMove(
  coding: CoachTurnCoding,
  aboutNothing: boolean = coding.engaged === false,
  text?: string,
): CoachMove {
  // names nothing, so it cannot be about nothing: it hands the floor back
  if (text !== undefined && isMinimalEncourager(text)) return 'encourager';
  const codes = new Set<CoachCode>(
    coding.codes?.length ? coding.codes : [coding.label as CoachCode],
  );
  if ((coding.questionCount ?? 0) >= 2) codes.add('stacked_questions');
  const move = MOVE_PRIORITY.find((m) => codes.has(m)) ?? 'other';
  if (aboutNothing && !POOR_MOVES.has(move)) return 'unengaged';
  return move;
}

/**
 * Codes whose `engaged` the coder does not check, their words being the coach's own by nature
 * (how we work, what you want from today, may I offer, information): for these the words alone
 * say whether the turn is about anything in the conversation. (An idea offered with permission is
 * new content by design, so not among them; advice, judgement and reassurance are poor anyway.)
 */
export const UNCHECKED_CODES: ReadonlySet<CoachCode> = new Set([
  'contracting',
  'goal_question',
  'return_to_goal',
  'permission_request',
  'information',
  'self_disclosure',
]);

/** What the earlier turns of the session show, as far as feedback on this turn cares. */
export interface SessionSoFar {
  /** questions in a row, ending with the previous turn, with no reflection among them */
  questionStreak: number;
  reflections: number;
  questions: number;
  goalAsked: boolean;
  actionAsked: boolean;
  incisiveAsked: boolean;
}

export function sessionSoFar(prior: CoachTurnCoding[]): SessionSoFar {
  let streak = 0;
  for (let i = prior.length - 1; i >= 0; i--) {
    if (isReflection(prior[i]) || !isQuestion(prior[i])) break;
    streak++;
  }
  const has = (code: CoachCode) => prior.some((c) => (c.codes ?? []).includes(code));
  return {
    questionStreak: streak,
    reflections: prior.filter(isReflection).length,
    questions: prior.filter(isQuestion).length,
    goalAsked: has('goal_question'),
    actionAsked: has('action_question'),
    incisiveAsked: has('incisive_question'),
  };
}

/**
 * @module practice/feedback/turn-feedback
 * Rule-based feedback on one coach turn, in the shape the CARE study found helps novices: what
 * worked, what to improve, a goal-first suggestion ("To help Priya feel heard, try ..."), and an
 * alternative reply that is itself a good move. Built from the turn's codes, the partner's last
 * words, the partner's stage and the turns before; kind, concrete, and never a score.
 */
import type { CoachTurnCoding, PartnerCard, PartnerStage, TurnFeedback } from '../types.js';
import { alternativeFor, type GoodMove } from './alternative-reply.js';
import { coachMove, sessionSoFar, type CoachMove, type SessionSoFar } from './coach-move.js';
import { forMove, type TurnMoment } from './move-feedback.js';
import { assumptionShowing, feelingIn } from './partner-words.js';

export interface TurnFeedbackInput {
  coding: CoachTurnCoding;
  coachText: string;
  previousPartnerText: string | null;
  stage?: PartnerStage;
  /** 1 for the coach's first turn */
  coachTurnNumber: number;
  /** codings of the coach's earlier turns, oldest first */
  priorCodings: CoachTurnCoding[];
  /** what the whole session shows so far, when `priorCodings` is only its latest turns */
  so?: SessionSoFar;
  /** the partner's first name for the wording ("Priya"); "your partner" when absent */
  partnerName?: string;
  /** the scenario card: its authored model moves become the alternative reply */
  card?: PartnerCard | null;
  /** the partner's turns so far, oldest first, to find the authored line said before this turn */
  partnerHistory?: readonly string[];
}

/** The feedback with the move it was about and the move the alternative makes (for tests and UI). */
export type TurnFeedbackDetail = TurnFeedback & { move: CoachMove; alternativeMove: GoodMove };

/**
 * Feedback on one coach turn. Deterministic: the same input gives the same feedback.
 * @example
 * feedbackForTurn({ coding, coachText: 'You should talk to HR.', previousPartnerText: "I'm stuck.", coachTurnNumber: 2, priorCodings: [], partnerName: 'Priya' }).suggestion
 * // 'To help Priya find a plan they own, reflect what they said first; ...'
 */
export function feedbackForTurn(input: TurnFeedbackInput): TurnFeedbackDetail {
  const prev = input.previousPartnerText?.trim() ? input.previousPartnerText : null;
  const c: TurnMoment = {
    name: input.partnerName?.trim() || 'your partner',
    stage: input.stage,
    so: input.so ?? sessionSoFar(input.priorCodings ?? []),
    turn: input.coachTurnNumber,
    prev,
    feeling: feelingIn(prev),
    assumption: assumptionShowing(prev),
    questionCount: input.coding.questionCount,
    text: input.coachText ?? '',
  };
  const move = coachMove(input.coding);
  const parts = forMove(move, c);
  // an opening that skipped agreeing the goal: say so once, early, when nothing worse needs saying
  const missingGoal = !c.so.goalAsked && c.turn === 3 && move !== 'goal_question' && !['judgement', 'advice', 'leading_question', 'stacked_questions'].includes(move);
  const improve = missingGoal ? `${parts.improve} You haven't yet asked what ${c.name} wants from this conversation; now is a good moment.` : parts.improve;
  const alt = alternativeFor(parts.alt, prev, { card: input.card, partnerHistory: input.partnerHistory, learnerMove: move, coachText: input.coachText });
  return { worked: capital(parts.worked), improve: capital(improve), suggestion: capital(parts.suggestion), alternative: alt.text, move, alternativeMove: alt.move };
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

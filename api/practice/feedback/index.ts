/**
 * @module practice/feedback
 * Rule-based per-turn feedback: what worked, what to improve, a goal-first suggestion and an
 * alternative reply that is itself a good move.
 */
export { feedbackForTurn, alternativeProblems, type TurnFeedbackInput, type TurnFeedbackDetail } from './turn-feedback.js';
export { wordingProblems } from './wording-checks.js';
export {
  alternativeFor,
  authoredAlternative,
  codesAsGoodMove,
  saidLine,
  reflectionOf,
  openQuestionFor,
  goalQuestion,
  incisiveQuestionFor,
  actionQuestionFor,
  type Alternative,
  type AlternativeContext,
  type GoodMove,
} from './alternative-reply.js';
export { coachMove, sessionSoFar, MOVE_PRIORITY, POOR_MOVES, type CoachMove, type SessionSoFar } from './coach-move.js';
export { reflectedClause, feelingIn, assumptionShowing, asksForAdvice, keySentence, secondPerson, partnerQuote, partnerPhrase } from './partner-words.js';

/**
 * @module practice/feedback
 * Rule-based per-turn feedback: what worked, what to improve, a goal-first suggestion and an
 * alternative reply that is itself a good move.
 */
export { feedbackForTurn, type TurnFeedbackDetail } from './turn-feedback.js';
export { wordingProblems } from './wording-checks.js';
export { codesAsGoodMove } from './alternative-reply.js';
export { POOR_MOVES } from './coach-move.js';

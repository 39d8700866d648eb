/**
 * @module practice/turn
 * One coach turn decided purely (see plan-turn.ts).
 */
export {
  planTurn,
  codeTurn,
  ruleFeedback,
  previousPartnerText,
  recordTurn,
  recordOf,
  TURN_WINDOW,
  EMPTY_COACH_RECORD,
  type CoachRecord,
  type CoachTurnInput,
  type TurnContext,
  type TurnPlan,
} from './plan-turn.js';

/**
 * @module practice/turn
 * One coach turn decided purely (see plan-turn.ts).
 */
export {
  planTurn,
  codeTurn,
  ruleFeedback,
  previousPartnerText,
  TURN_WINDOW,
  EMPTY_COACH_RECORD,
  type CoachRecord,
  type TurnContext,
} from './plan-turn.js';
export { contextAfter, openingContext } from './session-in-memory.js';

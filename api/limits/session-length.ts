/**
 * @module limits/session-length
 * The longest session: past `config.maxSessionTurns` coach turns a new turn is refused with a
 * 409 that says to end the session (which gives the scorecard as usual). A resend of a turn
 * already stored (same clientTurnId) is still answered, as every resend is.
 * The turn flow checks it on the session it has already read for the turn (session-flow/take-turn),
 * so the limit costs no query of its own: a separate count of the session's coach turns was two
 * round trips on every turn, and grew with the session.
 */
import { Problem } from '../problems/index.js';

/**
 * Coach turns a session holds, from its next turn index: every turn adds a coach and a partner
 * turn after the partner's opening line at index 0.
 */
export function coachTurnsOf(nextIndex: number): number {
  return Math.floor(nextIndex / 2);
}

/**
 * Throws the 409 when a session at `nextIndex` has no room for another coach turn.
 * @example assertRoomForTurn(session.nextIndex, deps.config.maxSessionTurns)
 */
export function assertRoomForTurn(nextIndex: number, maxTurns: number): void {
  if (coachTurnsOf(nextIndex) < maxTurns) return;
  throw new Problem(
    409,
    'Session limit reached',
    `This session has reached its ${maxTurns} coach turns. End it to see your scorecard, then start a new session.`,
    undefined,
    { maxTurns },
  );
}

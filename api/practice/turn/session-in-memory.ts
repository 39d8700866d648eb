/**
 * @module practice/turn/session-in-memory
 * A whole session played without the store: the context the first coach turn sees, and the one
 * each next turn sees once a plan is taken, as the store would hand them back (the partner's
 * state, the coach's record, the last `TURN_WINDOW` turns). For the benches and tests that play
 * sessions through `planTurn` by the hundred; the app reads the same things from the database.
 */
import { startPartner } from '../partner/index.js';
import type { PartnerCard } from '../types.js';
import { EMPTY_COACH_RECORD, TURN_WINDOW, type TurnContext, type TurnPlan } from './plan-turn.js';

/**
 * Before the first coach turn: the partner started with `seed` and has said its opening line.
 * @example let ctx = openingContext(card, 7);
 */
export function openingContext(card: PartnerCard, seed: number): TurnContext {
  const { state, opening } = startPartner(card, seed);
  return {
    card,
    partnerState: state,
    record: EMPTY_COACH_RECORD,
    recent: [{ index: 0, role: 'partner', text: opening }],
  };
}

/**
 * After coach turn `index` said `text` and `plan` was taken: the coach turn and the partner's
 * scripted reply join the window (the oldest leave it past `TURN_WINDOW`).
 * @example ctx = contextAfter(ctx, { index, text }, planTurn(ctx, { index, text }));
 */
export function contextAfter(
  ctx: TurnContext,
  turn: { index: number; text: string },
  plan: TurnPlan,
): TurnContext {
  const recent: TurnContext['recent'] = [
    ...ctx.recent,
    { index: turn.index, role: 'coach', text: turn.text, coding: plan.coding },
    { index: turn.index + 1, role: 'partner', text: plan.draft },
  ];
  return {
    card: ctx.card,
    partnerState: plan.partnerState,
    record: plan.record,
    recent: recent.slice(-TURN_WINDOW),
  };
}

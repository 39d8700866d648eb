/**
 * @module practice/partner/start
 * A new session with a partner: the starting state for the card's difficulty and the opening line.
 */
import type { PartnerCard, PartnerState } from '../types.js';
import { START_TRUST } from './thresholds.js';
import { scriptedOpening } from './voice.js';

/**
 * Starts a partner for a session. The seed makes the session reproducible: same seed and same
 * coach moves, same replies.
 *
 * @example
 * const { state, opening } = startPartner(getPartnerCard('new-manager-overwhelmed')!, 42);
 */
export function startPartner(
  card: PartnerCard,
  seed: number,
): { state: PartnerState; opening: string } {
  const initial: PartnerState = {
    stage: 'guarded',
    trust: START_TRUST[card.difficulty],
    defensiveness: 0,
    revealed: [],
    agreementMade: false,
    permissionGranted: false,
    usedReplies: [],
    turns: 0,
    seed: seed >>> 0,
  };
  const { state, text } = scriptedOpening(card, initial);
  return { state, opening: text };
}

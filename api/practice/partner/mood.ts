/**
 * @module practice/partner/mood
 * The partner's mood in one word, read from trust and defensiveness: for a voice to colour its
 * tone and for a facilitator's replay to show how the partner felt turn by turn.
 */
import type { PartnerState } from '../types.js';

export const PARTNER_MOODS = ['closed', 'wary', 'open', 'engaged'] as const;
export type PartnerMood = (typeof PARTNER_MOODS)[number];

/** How each mood sounds, in the directive's words. */
export const MOOD_GUIDANCE: Record<PartnerMood, string> = {
  closed: 'You feel closed and a little hurt; you say as little as you can.',
  wary: 'You feel wary and are still testing whether it is safe to say more.',
  open: 'You feel listened to and are willing to go further.',
  engaged: 'You feel safe and thoughtful, and are thinking out loud.',
};

/**
 * @example partnerMood({ ...state, trust: 0.8, defensiveness: 0 }) // 'engaged'
 */
export function partnerMood(state: Pick<PartnerState, 'trust' | 'defensiveness'>): PartnerMood {
  if (state.defensiveness >= 2 || state.trust < 0.15) return 'closed';
  if (state.defensiveness === 1 || state.trust < 0.4) return 'wary';
  if (state.trust < 0.75) return 'open';
  return 'engaged';
}

/**
 * @module practice/partner/directive
 * Turns a decided reaction into a directive any voice can follow: how to react, how long to
 * speak, and which hidden layers may be spoken about now (only those already unlocked; the
 * text of a locked layer never leaves the engine, so no voice can leak it).
 */
import type { CoachCode, HiddenLayer, PartnerCard, PartnerDirective, PartnerReaction, PartnerState } from '../types.js';
import { MOOD_GUIDANCE, partnerMood } from './mood.js';

/** How to react, in plain words, for each reaction (the LLM voice reads this). */
export const REACTION_GUIDANCE: Record<PartnerReaction, string> = {
  heard: 'You feel understood. Confirm or gently correct what was reflected and say a little more, in your own words.',
  curious: 'Think about the question and answer it honestly, from where you are now. Talk about your situation, not theirs.',
  agreeing: 'Say what you would like to get out of this conversation, in a sentence or two. Keep the deeper things for later.',
  challenged: 'The question lands. Pause, let the limiting assumption loosen, and say what you really want in your own words.',
  deciding: 'Decide on your own action: what, when, and the first step. It is your idea, said with some resolve.',
  premature: 'Hesitate: you are not ready for that yet. Say so briefly, without hostility.',
  short: 'Answer briefly, a sentence at most. Do not volunteer anything new.',
  overwhelmed: 'Too many questions at once: say you lost track, answer none of them fully.',
  defensive: 'You feel told or judged. Push back briefly, a little defensive; share nothing new.',
  welcome_idea: 'You asked to hear the idea: weigh it openly, take from it what fits you, without promising to follow it.',
  permission: 'Say whether you would like to hear their idea, in a few words.',
  affirmed: 'Accept the appreciation a little shyly and carry on talking about your situation.',
  neutral: 'Acknowledge briefly and carry on with your own situation.',
};

/** Longest reply, in sentences, per reaction: short and defensive replies stay short. */
export const REACTION_MAX_SENTENCES: Record<PartnerReaction, number> = {
  heard: 4,
  curious: 4,
  agreeing: 4,
  challenged: 4,
  deciding: 4,
  premature: 2,
  short: 2,
  overwhelmed: 2,
  defensive: 3,
  welcome_idea: 3,
  permission: 2,
  affirmed: 4,
  neutral: 3,
};

/** Said in every directive: what keeps a partner a partner. */
const ALWAYS = 'Stay in character as the partner. Never coach back, never ask about the coach, never give them advice.';

export function directiveFor(
  card: PartnerCard,
  state: PartnerState,
  reaction: PartnerReaction,
  cause: CoachCode | undefined,
  newlyRevealed: HiddenLayer | null,
): PartnerDirective {
  const mayReveal = state.revealed.map((layer) => ({ layer, text: card.hidden[layer] }));
  const withdrawn = reaction === 'defensive' && state.defensiveness >= 2;
  const parts = [withdrawn ? 'You have closed down: answer in a few words only.' : REACTION_GUIDANCE[reaction]];
  if (reaction === 'permission') parts.push(state.permissionGranted ? 'You agree to hear it.' : 'You would rather not hear it yet.');
  if (newlyRevealed) parts.push(`Now, for the first time, disclose your ${newlyRevealed} in your own words.`);
  parts.push(MOOD_GUIDANCE[partnerMood(state)]);
  parts.push(ALWAYS);
  const directive: PartnerDirective = {
    stage: state.stage,
    reaction,
    mayReveal,
    newlyRevealed,
    guidance: parts.join(' '),
    maxSentences: withdrawn ? 2 : REACTION_MAX_SENTENCES[reaction] + (newlyRevealed ? 1 : 0),
  };
  if (cause) directive.cause = cause;
  if (reaction === 'permission') directive.permissionGranted = state.permissionGranted;
  return directive;
}

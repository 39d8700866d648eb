/**
 * @module practice/partner/directive
 * Turns a decided reaction into a directive any voice can follow: how to react, how long to
 * speak, and which hidden layers may be spoken about now (only those already unlocked; the
 * text of a locked layer never leaves the engine, so no voice can leak it).
 */
import type {
  AskKind,
  CoachAsk,
  CoachCode,
  HiddenLayer,
  PartnerCard,
  PartnerDirective,
  PartnerReaction,
  PartnerState,
} from '../types.js';
import { knownNow, relevance } from './knowledge.js';
import { MOOD_GUIDANCE, partnerMood } from './mood.js';

/** How to react, in plain words, for each reaction (the LLM voice reads this). */
export const REACTION_GUIDANCE: Record<PartnerReaction, string> = {
  heard:
    'You feel understood. Confirm or gently correct what was reflected and say a little more, in your own words.',
  curious:
    'Think about the question and answer it honestly, from where you are now. Talk about your situation, not theirs.',
  agreeing:
    'Say what you would like to get out of this conversation, in a sentence or two. Keep the deeper things for later.',
  challenged:
    'The question lands. Pause, let the limiting assumption loosen, and say what you really want in your own words.',
  deciding:
    'Decide on your own action: what, when, and the first step. It is your idea, said with some resolve.',
  premature: 'Hesitate: you are not ready for that yet. Say so briefly, without hostility.',
  short: 'Answer briefly, a sentence at most. Do not volunteer anything new.',
  overwhelmed: 'Too many questions at once: say you lost track, answer none of them fully.',
  defensive: 'You feel told or judged. Push back briefly, a little defensive; share nothing new.',
  welcome_idea:
    'You asked to hear the idea: weigh it openly, take from it what fits you, without promising to follow it.',
  permission: 'Say whether you would like to hear their idea, in a few words.',
  affirmed: 'Accept the appreciation a little shyly and carry on talking about your situation.',
  reassured:
    'They tried to cheer you up rather than listen. Stay politely unmoved; share nothing new.',
  farewell: 'They are ending the conversation. Say goodbye in a sentence; bring up nothing new.',
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
  reassured: 2,
  farewell: 2,
  neutral: 3,
};

/** How to answer each kind of question, for any voice: the answer first, in the shape asked for. */
export const ASK_GUIDANCE: Record<AskKind, string> = {
  how_many: 'They asked how many or how much: answer with a number first.',
  when: 'They asked when or how long: answer with a time first.',
  who: 'They asked who: answer about the person or people first.',
  where: 'They asked where: answer with the place first.',
  why: 'They asked why: give your reason, as far as you know it.',
  how: 'They asked how: answer that, from where you are now.',
  what: 'Answer what they asked, about your own situation.',
  yes_no:
    'It is a yes-or-no question: start with yes, no, maybe or not sure, then a few words more.',
  scale: 'They asked for a number on a scale: give a number from one to ten.',
  clarify: 'They asked what you meant: explain what you meant, plainly.',
  confirm_summary:
    'They checked their summary with you: say whether it is right, or what is not quite right.',
  goodbye: 'They are saying goodbye: say goodbye too.',
  none: '',
};

/** Said in every directive: what keeps a partner a partner. */
const ALWAYS =
  'Stay in character as the partner. Never coach back, never ask about the coach, never give them advice.';

export function directiveFor(
  card: PartnerCard,
  state: PartnerState,
  reaction: PartnerReaction,
  cause: CoachCode | undefined,
  newlyRevealed: HiddenLayer | null,
  ask?: CoachAsk,
  asksAdvice = false,
): PartnerDirective {
  const mayReveal = state.revealed.map((layer) => ({ layer, text: card.hidden[layer] }));
  const withdrawn = reaction === 'defensive' && state.defensiveness >= 2;
  const parts = [
    withdrawn ? 'You have closed down: answer in a few words only.' : REACTION_GUIDANCE[reaction],
  ];
  if (ask && ask.kind !== 'none' && reaction !== 'farewell' && ASK_GUIDANCE[ask.kind]) {
    parts.push(ASK_GUIDANCE[ask.kind]);
    // A fact the partner may state (never one that words a locked layer) keeps every voice consistent.
    const fact = knownNow(card, state)
      .filter((k) => k.source === 'fact')
      .map((k) => ({ k, score: relevance(ask, k) }))
      .sort((a, b) => b.score - a.score)[0];
    if (fact && fact.score >= 2) parts.push(`What you know that answers it: ${fact.k.text}`);
  }
  if (asksAdvice)
    parts.push('Then ask them what they think you should do or say: you half want to be told.');
  if (reaction === 'permission')
    parts.push(
      state.permissionGranted ? 'You agree to hear it.' : 'You would rather not hear it yet.',
    );
  if (newlyRevealed)
    parts.push(`Now, for the first time, disclose your ${newlyRevealed} in your own words.`);
  parts.push(MOOD_GUIDANCE[partnerMood(state)]);
  parts.push(ALWAYS);
  const directive: PartnerDirective = {
    stage: state.stage,
    reaction,
    mayReveal,
    newlyRevealed,
    guidance: parts.join(' '),
    maxSentences: withdrawn
      ? 2
      : REACTION_MAX_SENTENCES[reaction] + (newlyRevealed ? 1 : 0) + (asksAdvice ? 1 : 0),
  };
  if (cause) directive.cause = cause;
  if (ask) directive.ask = ask;
  if (asksAdvice) directive.asksAdvice = true;
  if (reaction === 'permission') directive.permissionGranted = state.permissionGranted;
  return directive;
}

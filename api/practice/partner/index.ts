/**
 * @module practice/partner
 * The learning partner engine: `startPartner`, then per coach turn `advancePartner` (decide:
 * state and directive) and `scriptedReply` (voice: the built-in words for that directive).
 */
export { PARTNER_ENGINE_VERSION } from './version.js';
export { startPartner } from './start.js';
export { advancePartner, canAskAdvice, permissionGranted, seeksAdvice } from './transition.js';
export { scriptedReply, scriptedOpening } from './voice.js';
export { reactionTo, type MoveReaction } from './reaction.js';
export { REACTION_GUIDANCE, REACTION_MAX_SENTENCES } from './directive.js';
export { stageAtLeast, stageIndex } from './stage.js';
export { partnerMood, PARTNER_MOODS, MOOD_GUIDANCE, type PartnerMood } from './mood.js';
export * as PARTNER_THRESHOLDS from './thresholds.js';
export { REPLY_BANK, GENERIC_DISCLOSURE, GENERIC_VOICE, NEUTRAL_LINES, neutralTexts } from './reply-bank.js';
export { readAsk } from './ask.js';
export { sentencesOf, isNeutralLine, repeatedLines } from './lines.js';

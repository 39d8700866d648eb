/**
 * @module practice/partner
 * The learning partner engine: `startPartner`, then per coach turn `advancePartner` (decide:
 * state and directive) and `scriptedReply` (voice: the built-in words for that directive).
 */
export { PARTNER_ENGINE_VERSION } from './version.js';
export { startPartner } from './start.js';
export { advancePartner, canAskAdvice, seeksAdvice } from './transition.js';
export { scriptedReply } from './voice.js';
export * as PARTNER_THRESHOLDS from './thresholds.js';
export { sentencesOf, isNeutralLine, repeatedLines } from './lines.js';

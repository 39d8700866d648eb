/**
 * @module practice/feedback/good-alternative
 * The one rule for "is this alternative reply a good move": the server's own coder codes it, and
 * it must be a reflection or one partner-led question with nothing unfit beside it. Used for the
 * rule feedback's alternatives and to check an LLM's.
 */
import { isGoodAlternativeCoding } from '../code-groups.js';
import { codeUtteranceAfter } from '../coder/index.js';
import type { CoachCode } from '../types.js';

/**
 * Does `text` code as a good alternative (of the `wanted` kind, any good move by default)?
 * @example isGoodAlternative('It sounds like the deadline is weighing on you.', "The deadline's on Friday.") // true
 */
export function isGoodAlternative(
  text: string,
  previousPartnerText: string | null,
  wanted?: readonly CoachCode[],
): boolean {
  return isGoodAlternativeCoding(codeUtteranceAfter(text, previousPartnerText), wanted);
}

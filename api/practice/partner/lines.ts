/**
 * @module practice/partner/lines
 * Replies as a listener hears them: sentences, and which of them are neutral (the tiny shared
 * set a partner may say more than once). Used to check that no line is said twice in a session
 * and that partners do not share stock lines.
 */
import { neutralTexts } from './reply-bank.js';

const NEUTRAL = neutralTexts();

/** The sentences of a reply, as a reader counts them. */
export function sentencesOf(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+(?=[A-Z"'(])/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Whether a sentence belongs to the neutral set (shared by every partner, allowed to recur). */
export function isNeutralLine(sentence: string): boolean {
  return NEUTRAL.has(sentence.trim());
}

/**
 * Sentences said more than once across these replies, neutral lines aside.
 * @example repeatedLines(['Mm. It started in March.', 'It started in March.']) // ['It started in March.']
 */
export function repeatedLines(replies: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const reply of replies) {
    for (const s of sentencesOf(reply)) {
      if (isNeutralLine(s)) continue;
      if (seen.has(s) && !out.includes(s)) out.push(s);
      seen.add(s);
    }
  }
  return out;
}

/**
 * @module prompts/partner-directive
 * The per-turn directive for an LLM partner: what the partner may reveal now and how they react
 * to the coach's last move, as decided by the server-side partner engine (its guidance is the
 * engine's own words, so the voice plays the engine's decision rather than its own). Only layers the engine
 * unlocked appear here (`directive.mayReveal`), so a locked layer cannot leak early.
 * The `[[directive]]` marker and the `Label:` lines are a contract with the fake OpenAI server's
 * play mode (test/support/fake-openai.ts), checked by test/llm/prompts.test.ts.
 */
import type { PartnerDirective } from '../api/practice/types.js';

/** Stored on every session that used this prompt; bump on any change to the wording. */
export const PARTNER_DIRECTIVE_VERSION = 'partner-directive@1';

/**
 * The directive section of the system message.
 * @example buildPartnerDirective({ stage: 'guarded', reaction: 'short', mayReveal: [], newlyRevealed: null, guidance: 'answer briefly', maxSentences: 2 })
 */
export function buildPartnerDirective(d: PartnerDirective): string {
  const newly = d.newlyRevealed ? d.mayReveal.find((l) => l.layer === d.newlyRevealed) : undefined;
  const lines = [
    '[[directive]]',
    'This turn only (decided for you; follow it):',
    `Stage: ${d.stage}`,
    `Reaction: ${d.reaction} — ${oneLine(d.guidance)}`,
    'You may talk about (in your own words, only these beyond the situation above):',
    ...(d.mayReveal.length
      ? d.mayReveal.map((l) => `- [${l.layer}] ${oneLine(l.text)}`)
      : ['- nothing beyond the situation above']),
    newly ? `Disclose now: [${newly.layer}] ${oneLine(newly.text)}` : 'Disclose now: nothing new',
    `Length: at most ${Math.max(1, d.maxSentences)} sentences.`,
  ];
  return lines.join('\n');
}

function oneLine(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

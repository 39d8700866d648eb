/**
 * @module evals/moves/engagement-set
 * A larger test of `engaged` than the set's 28 hand-written templates: every reflection or
 * summary the labellers marked engaged, once in its own dialogue (engaged) and once moved into
 * another dialogue far away in the file, with that dialogue's partner words (about something
 * else, so not engaged). A reflection is always about content, so moved it is off-topic; questions
 * and other moves are left out because many carry no content of their own ("What else?").
 */
import type { GoldTurn, TurnContext } from './moves-set.js';

export interface EngagementItem {
  text: string;
  ctx: TurnContext;
  engaged: boolean;
}

const REFLECTIVE = ['simple_reflection', 'complex_reflection', 'summary'] as const;

/** Paired items: each engaged reflection with its own context and with a far dialogue's. */
export function engagementSet(gold: readonly GoldTurn[]): EngagementItem[] {
  const dialogues = [...new Set(gold.map((g) => g.dialogueId))];
  const byDialogue = new Map<string, GoldTurn[]>();
  for (const g of gold) byDialogue.set(g.dialogueId, [...(byDialogue.get(g.dialogueId) ?? []), g]);
  const history = (turns: readonly GoldTurn[], upTo: number): TurnContext => ({
    prevPartner: turns[upTo].prevPartner,
    earlierPartner: turns.slice(0, upTo).map((t) => t.prevPartner),
  });
  const out: EngagementItem[] = [];
  for (const [d, turns] of byDialogue) {
    const far = byDialogue.get(
      dialogues[(dialogues.indexOf(d) + Math.floor(dialogues.length / 2)) % dialogues.length],
    )!;
    turns.forEach((t, i) => {
      if (t.engaged !== true || !REFLECTIVE.some((m) => t.moves[m])) return;
      out.push({ text: t.text, ctx: history(turns, i), engaged: true });
      out.push({ text: t.text, ctx: history(far, Math.min(i, far.length - 1)), engaged: false });
    });
  }
  return out;
}

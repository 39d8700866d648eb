/**
 * @module evals/partner/scripted.test
 * The scripted half of `npm run eval:partner` in CI (one seed, so it stays fast): every target
 * holds on the built-in cards, and each check fails when its fault is put in (a partner without
 * facts, two partners sharing a voice, a judge that sees only bare answers), so none passes on
 * no evidence.
 */
import { describe, expect, it } from 'vitest';
import { isNeutralLine } from '../../api/practice/partner/index.js';
import { getPartnerCard, PARTNER_CARDS } from '../../api/practice/scenarios/index.js';
import type { PartnerCard } from '../../api/practice/types.js';
import { withEvalVoice } from './card-voices.js';
import { judgeAnswer, QUESTIONS } from './questions.js';
import { runScriptedEval } from './scripted.js';

describe('eval:partner, scripted partner', () => {
  it('meets every target on the built-in cards', () => {
    const report = runScriptedEval(PARTNER_CARDS, [1]);
    expect(report.verdicts.filter((v) => !v.passed)).toEqual([]);
    expect(report.answers.rate).toBeGreaterThanOrEqual(0.9);
    expect(report.answers.total).toBeGreaterThanOrEqual(PARTNER_CARDS.length * 10 * 2);
    // the held-out set: every card, every kind of move, its own figure
    expect(report.heldOut.total).toBeGreaterThanOrEqual(PARTNER_CARDS.length * 10 * 2);
    expect(report.heldOut.rate).toBeGreaterThanOrEqual(0.85);
    expect(Object.keys(report.heldOut.byLabel).length).toBeGreaterThanOrEqual(17);
    expect(report.sharedLines).toEqual([]);
    expect(report.repeats).toEqual([]);
    expect(report.openedAfter).toEqual([]);
  }, 60_000);

  it('every scenario has at least ten labelled questions, of at least six kinds', () => {
    for (const card of PARTNER_CARDS) {
      const qs = QUESTIONS[card.id] ?? [];
      expect(qs.length, card.id).toBeGreaterThanOrEqual(10);
      expect(new Set(qs.map((q) => q.kind)).size, card.id).toBeGreaterThanOrEqual(6);
    }
  });

  it('fails a partner that knows no facts, and two partners sharing one voice', () => {
    const dana = withEvalVoice(getPartnerCard('new-manager-overwhelmed')!);
    const sofia = withEvalVoice(getPartnerCard('returning-after-leave')!);
    // Facts and scale gone: fewer questions find an answer.
    const forgetful: PartnerCard = { ...dana, facts: [], scale: undefined };
    const noFacts = runScriptedEval([forgetful], [1]);
    expect(noFacts.answers.rate).toBeLessThan(runScriptedEval([dana], [1]).answers.rate);
    // Sofia speaking in Dana's voice: their shared lines are counted.
    const copy: PartnerCard = { ...sofia, voice: dana.voice };
    const shared = runScriptedEval([dana, copy], [1]);
    expect(shared.sharedLines.length).toBeGreaterThan(0);
    expect(shared.verdicts.find((v) => v.check.startsWith('lines shared'))!.passed).toBe(false);
  }, 60_000);

  it('judges by the shape of the answer, not by its length', () => {
    const q = (kind: (typeof QUESTIONS)[string][number]['kind'], about?: string[]) => ({
      text: '?',
      kind,
      about,
    });
    const judge = (
      kind: Parameters<typeof q>[0],
      reply: string,
      about?: string[],
      opened = false,
    ) => judgeAnswer(q(kind, about), reply, isNeutralLine, opened).answered;
    expect(judge('how_many', 'A bit.')).toBe(false);
    expect(judge('how_many', 'Eight, since March.')).toBe(true);
    expect(judge('yes_no', 'Kind of.')).toBe(false);
    expect(judge('yes_no', "Maybe. I haven't really thought about it.")).toBe(true);
    expect(judge('who', 'A memory of my old manager at the bank.', ['sam'])).toBe(false);
    expect(judge('who', 'Sam would say give it here.', ['sam'])).toBe(true);
    expect(judge('scale', 'Let me tell you about the time I moved house.')).toBe(false);
    expect(judge('scale', 'About a four.')).toBe(true);
    expect(judge('what', 'I sleep badly.', ['want', 'matter'])).toBe(false);
    expect(
      judge(
        'goodbye',
        'Thanks. And actually, the real thing is I never stopped doing my old job.',
        undefined,
        true,
      ),
    ).toBe(false);
    expect(judge('goodbye', 'Thanks. This helped.')).toBe(true);
    expect(judge('confirm_summary', 'Mm.')).toBe(false);
    expect(judge('clarify', 'Okay.')).toBe(false);
  });
});

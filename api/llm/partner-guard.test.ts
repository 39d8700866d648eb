/**
 * @module llm/partner-guard.test
 * The fidelity guard: role breaks, coaching back, length, and locked-layer disclosure measured on
 * the scenario cards' own lines (their disclosure lines must be caught while the layer is
 * locked; their surface lines, and lines of layers already unlocked, must pass).
 */
import { describe, expect, it } from 'vitest';
import { PARTNER_CARDS } from '../practice/scenarios/index.js';
import { HIDDEN_LAYERS, type PartnerDirective } from '../practice/types.js';
import {
  checkPartnerReply,
  cleanPartnerReply,
  guardContextFor,
  splitSentences,
  trimToCompleteSentences,
} from './partner-guard.js';

const card = PARTNER_CARDS[0];
const directive = (over: Partial<PartnerDirective> = {}): PartnerDirective => ({
  stage: 'guarded',
  reaction: 'neutral',
  mayReveal: [],
  newlyRevealed: null,
  guidance: '',
  maxSentences: 3,
  ...over,
});
const ctx = (d = directive()) =>
  guardContextFor({ card, directive: d, history: [], coachText: 'How are things?' });

describe('partner guard', () => {
  it.each([
    'As an AI language model I cannot share that.',
    "I'm just an AI, so I don't have feelings.",
    'Per my instructions, I should stay guarded.',
    'Stage: guarded\nReaction: short',
    'Fine. Full marks to you!',
    'I would give that a 10/10.',
  ])('catches a role break: %s', (t) => {
    expect(checkPartnerReply(t, ctx())).toMatchObject({ ok: false, reason: 'role_break' });
  });

  it.each([
    'You should try talking to your own manager about it.',
    'Have you tried writing it all down?',
    'How does that make you feel?',
    'What would you like to explore today?',
    'How can I help you with that?',
    'Enough about me. How are you feeling today?',
    'Anyway, enough about me. What about you?',
  ])('catches coaching back: %s', (t) => {
    expect(checkPartnerReply(t, ctx())).toMatchObject({ ok: false, reason: 'coaching_back' });
  });

  it.each([
    "I don't know. It's been a lot lately.",
    'What do you mean by that?',
    'Do you think I should just say no?',
    'I feel like I should have seen it coming.',
    "Okay. So. It's... a lot. Where do I start?",
    'You should have seen his face when I said it.',
    'How do you feel about me asking Sam to take it?',
  ])('lets an in-role reply through: %s', (t) => {
    expect(checkPartnerReply(t, ctx())).toEqual({ ok: true });
  });

  it('caps length by the directive plus one, and never above five sentences', () => {
    const four = 'I did try that once. It went badly. Nobody followed it up. I gave up after that.';
    expect(checkPartnerReply(four, ctx(directive({ maxSentences: 3 })))).toEqual({ ok: true });
    expect(checkPartnerReply(four, ctx(directive({ maxSentences: 2 })))).toMatchObject({
      ok: false,
      reason: 'too_long',
    });
    const six = `${four} Then it happened again. And again after that.`;
    expect(checkPartnerReply(six, ctx(directive({ maxSentences: 9 })))).toMatchObject({
      ok: false,
      reason: 'too_long',
    });
    expect(checkPartnerReply('x'.repeat(1000), ctx())).toMatchObject({
      ok: false,
      reason: 'too_long',
    });
  });

  it('judges a streaming draft only on what cannot improve', () => {
    expect(checkPartnerReply('', ctx(), false)).toEqual({ ok: true });
    expect(checkPartnerReply('', ctx(), true)).toMatchObject({ ok: false, reason: 'empty' });
    expect(checkPartnerReply('As an AI', ctx(), false)).toMatchObject({
      ok: false,
      reason: 'role_break',
    });
  });

  it('catches most disclosures of a locked layer on every card, with no false alarms', () => {
    let caught = 0;
    let missed = 0;
    const falseAlarms: string[] = [];
    for (const c of PARTNER_CARDS) {
      const s = c.script!;
      HIDDEN_LAYERS.forEach((locked, i) => {
        const open = HIDDEN_LAYERS.slice(0, i);
        const g = guardContextFor({
          card: c,
          directive: directive({
            mayReveal: open.map((l) => ({ layer: l, text: c.hidden[l] })),
            maxSentences: 5,
          }),
          history: [],
          coachText: 'Go on.',
        });
        for (const line of s.disclose[locked]) {
          const v = checkPartnerReply(line, g);
          if (!v.ok && v.reason === 'gated_layer') caught++;
          else missed++;
        }
        for (const line of [
          ...s.surface,
          ...s.sessionGoal,
          ...s.openings,
          ...s.pushback,
          ...open.flatMap((l) => [...s.disclose[l], ...s.elaborate[l]]),
        ]) {
          if (!checkPartnerReply(line, g).ok) falseAlarms.push(`${c.id}: ${line}`);
        }
      });
    }
    // lexical overlap cannot catch every paraphrase; the model never sees a locked layer anyway
    expect(caught / (caught + missed)).toBeGreaterThanOrEqual(0.6);
    expect(falseAlarms).toEqual([]);
  });

  it('tidies a model reply', () => {
    expect(cleanPartnerReply('Aisha Rahman: "Fine, I guess."', 'Aisha Rahman')).toBe(
      'Fine, I guess.',
    );
    expect(cleanPartnerReply('*sighs* It has been a week.', 'X')).toBe('It has been a week.');
  });

  it('splits and trims sentences', () => {
    expect(splitSentences('One here. Two there! Three?')).toHaveLength(3);
    expect(trimToCompleteSentences('It was fine. Then th')).toBe('It was fine.');
    expect(trimToCompleteSentences('Then th')).toBe('');
  });
});

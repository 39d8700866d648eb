/**
 * @module practice/partner/sessions.test
 * The done-criterion on every built-in scenario: good coaching and poor coaching on the
 * same card give clearly different partners, and only good coaching reaches insight and
 * commitment.
 */
import { describe, expect, it } from 'vitest';
import type { CoachCode } from '../types.js';
import { PARTNER_CARDS } from '../scenarios/index.js';
import { GOOD_MOVES, play, POOR_MOVES } from '../../../test/fixtures/partner-session.fixture.js';
import { stageIndex } from './stage.js';

const SEEDS = [1, 17, 2026];

describe('good versus poor coaching, every scenario', () => {
  for (const card of PARTNER_CARDS) {
    it(`${card.id}: only good coaching reaches insight and commitment`, () => {
      for (const seed of SEEDS) {
        const good = play(card, seed, GOOD_MOVES);
        const poor = play(card, seed, POOR_MOVES);
        expect(good.final.stage).toBe('committing');
        expect(good.final.revealed).toEqual(['concern', 'assumption', 'want', 'action']);
        expect(good.turns.some((t) => t.state.stage === 'insight')).toBe(true);

        expect(poor.turns.every((t) => stageIndex(t.state.stage) < stageIndex('insight'))).toBe(
          true,
        );
        expect(poor.final.revealed).not.toContain('want');
        expect(poor.final.revealed).not.toContain('action');
        expect(poor.final.trust).toBeLessThan(good.final.trust);

        const reactions = (s: typeof good) => new Set(s.turns.map((t) => t.directive.reaction));
        expect(reactions(poor).has('defensive')).toBe(true);
        expect(reactions(good).has('defensive')).toBe(false);
        // the poor partner says less: its replies are much shorter on average
        const words = (s: typeof good) =>
          s.turns.reduce((n, t) => n + t.reply.split(/\s+/).length, 0) / s.turns.length;
        // (cards with their own voice answer in few words even when open: less than three quarters)
        expect(words(poor)).toBeLessThan(words(good) * 0.75);
      }
    });
  }

  it('asking only questions, without reflecting, opens a partner far more slowly', () => {
    const questionsOnly: CoachCode[][] = Array.from({ length: 15 }, (_, i) => [
      i % 5 === 4 ? 'incisive_question' : 'open_question',
    ]);
    const firstInsight = (moves: CoachCode[][], card: (typeof PARTNER_CARDS)[number]) => {
      const i = play(card, 3, moves).turns.findIndex((t) => t.state.stage === 'insight');
      return i < 0 ? Infinity : i;
    };
    for (const card of PARTNER_CARDS) {
      if (card.difficulty !== 'gentle')
        expect(firstInsight(questionsOnly, card), card.id).toBe(Infinity);
      else
        expect(firstInsight(questionsOnly, card), card.id).toBeGreaterThan(
          firstInsight(GOOD_MOVES, card) + 2,
        );
    }
  });

  it('good listening spoiled by advice midway is set back and needs repair before insight', () => {
    const card = PARTNER_CARDS.find((c) => c.difficulty === 'challenging')!;
    const spoiled: CoachCode[][] = [
      ...GOOD_MOVES.slice(0, 7),
      ['advice'],
      ['judgement'],
      ['incisive_question'],
    ];
    const s = play(card, 5, spoiled);
    const before = s.turns[6].state;
    const after = s.turns[8].state;
    expect(stageIndex(after.stage)).toBeLessThan(stageIndex(before.stage));
    expect(s.turns[9].directive.reaction).toBe('premature');
  });

  it('a challenging partner takes more good turns to open up than a gentle one', () => {
    const listening: CoachCode[][] = Array.from({ length: 10 }, () => ['complex_reflection']);
    const firstOpen = (id: string) =>
      play(
        PARTNER_CARDS.find((c) => c.id === id)!,
        1,
        listening,
      ).turns.findIndex((t) => t.state.stage !== 'guarded');
    const gentle = PARTNER_CARDS.filter((c) => c.difficulty === 'gentle').map((c) =>
      firstOpen(c.id),
    );
    const hard = PARTNER_CARDS.filter((c) => c.difficulty === 'challenging').map((c) =>
      firstOpen(c.id),
    );
    expect(Math.min(...hard)).toBeGreaterThan(Math.max(...gentle));
  });
});

/**
 * @module practice/partner/voice.test
 * The scripted voice: never repeats a line in a session (only neutral acknowledgements recur), replays identically for a seed,
 * never words a hidden layer before it is unlocked, and keeps short replies short.
 */
import { describe, expect, it } from 'vitest';
import type { CoachCode, HiddenLayer, PartnerCard } from '../types.js';
import { COACH_CODES, HIDDEN_LAYERS } from '../types.js';
import { PARTNER_CARDS } from '../scenarios/index.js';
import {
  bareCard,
  GOOD_MOVES,
  play,
  POOR_MOVES,
} from '../../../test/fixtures/partner-session.fixture.js';
import { repeatedLines } from './lines.js';

const CARDS: PartnerCard[] = [...PARTNER_CARDS, bareCard('moderate'), bareCard('challenging')];
// Every coaching code but advice with permission, which the coder only gives after the partner
// said yes to hearing an idea (a random move stream cannot stand in for that).
const ALL_MOVES: CoachCode[] = COACH_CODES.filter((c) => c !== 'advice_with_permission');

/** A deterministic pseudo-random sequence of single-code moves. */
function randomMoves(seed: number, length: number, pool: CoachCode[] = ALL_MOVES): CoachCode[][] {
  let x = seed * 7919 + 1;
  return Array.from({ length }, () => {
    x = (x * 1103515245 + 12345) >>> 0;
    return [pool[(x >>> 8) % pool.length]];
  });
}

const repeat = (codes: CoachCode[], n: number): CoachCode[][] =>
  Array.from({ length: n }, () => codes);

/** Sentences as a reader counts them: a full stop followed by a capital starts a new one. */
function sentenceCount(text: string): number {
  return text.split(/(?<=[.!?])\s+(?=[A-Z"'(])/).filter((s) => s.trim()).length;
}

describe('scriptedReply: no line repeated in a session', () => {
  const sequences: [string, CoachCode[][]][] = [
    ['good coaching, then more listening', [...GOOD_MOVES, ...repeat(['complex_reflection'], 10)]],
    ['poor coaching', [...POOR_MOVES, ...POOR_MOVES]],
    ['the same advice, 25 times', repeat(['advice'], 25)],
    ['the same closed question, 25 times', repeat(['closed_question'], 25)],
    ['stacked questions, 25 times', repeat(['stacked_questions'], 25)],
    ['open questions only, 25 times', repeat(['open_question'], 25)],
    ['reflections only, 25 times', repeat(['simple_reflection'], 25)],
    ['premature action questions, 25 times', repeat(['action_question'], 25)],
    ['neutral information, 25 times', repeat(['information'], 25)],
  ];
  for (const [name, moves] of sequences) {
    it(`${name}: no line is said twice, on every card`, () => {
      for (const card of CARDS) {
        for (const seed of [1, 2, 3]) {
          const s = play(card, seed, moves);
          const replies = [s.opening, ...s.turns.map((t) => t.reply)];
          expect(replies.every((r) => r.trim().length > 0)).toBe(true);
          expect(repeatedLines(replies)).toEqual([]);
        }
      }
    });
  }

  it('random mixes of 25 moves never repeat a line', () => {
    for (const card of CARDS) {
      for (let seed = 0; seed < 30; seed++) {
        const s = play(card, seed, randomMoves(seed, 25));
        const replies = s.turns.map((t) => t.reply);
        expect(repeatedLines(replies)).toEqual([]);
      }
    }
  });
});

describe('scriptedReply: deterministic for a session seed', () => {
  it('the same seed and moves give the same replies', () => {
    for (const card of CARDS) {
      const moves = randomMoves(11, 20);
      expect(play(card, 42, moves)).toEqual(play(card, 42, moves));
    }
  });

  it('different seeds vary the wording', () => {
    const card = PARTNER_CARDS[0];
    const texts = new Set(
      [1, 2, 3, 4, 5, 6].map((seed) =>
        play(card, seed, GOOD_MOVES)
          .turns.map((t) => t.reply)
          .join('|'),
      ),
    );
    expect(texts.size).toBeGreaterThan(3);
  });
});

describe('scriptedReply: never words a layer before it is unlocked', () => {
  /** Every line that belongs to a layer: the hidden text and the card's disclose/elaborate lines. */
  function layerTexts(card: PartnerCard, layer: HiddenLayer): string[] {
    return [
      card.hidden[layer],
      ...(card.script?.disclose[layer] ?? []),
      ...(card.script?.elaborate[layer] ?? []),
    ];
  }

  it('no reply contains a line of a layer that is not yet revealed', () => {
    for (const card of CARDS) {
      for (let seed = 0; seed < 25; seed++) {
        const moves = seed % 5 === 0 ? GOOD_MOVES : randomMoves(seed, 25);
        const s = play(card, seed, moves);
        for (const t of [
          { reply: s.opening, state: { revealed: [] as HiddenLayer[] } },
          ...s.turns,
        ]) {
          for (const layer of HIDDEN_LAYERS) {
            if (t.state.revealed.includes(layer)) continue;
            for (const line of layerTexts(card, layer)) expect(t.reply).not.toContain(line);
          }
        }
      }
    }
  });

  it('a newly revealed layer is actually disclosed in the reply', () => {
    for (const [card, seed] of CARDS.flatMap((c) =>
      [1, 9, 23, 77].map((seed) => [c, seed] as const),
    )) {
      const s = play(card, seed, GOOD_MOVES);
      const disclosed = s.turns.filter((t) => t.directive.newlyRevealed);
      expect(disclosed.map((t) => t.directive.newlyRevealed)).toEqual([...HIDDEN_LAYERS]);
      for (const t of disclosed) {
        const layer = t.directive.newlyRevealed!;
        const candidates = card.script ? card.script.disclose[layer] : [card.hidden[layer]];
        expect(candidates.some((line) => t.reply.includes(line))).toBe(true);
      }
    }
  });
});

describe('scriptedReply: fits the moment', () => {
  it('a goal question after insight reviews the outcome instead of restating the goal', () => {
    const card = PARTNER_CARDS[0];
    const s = play(card, 8, [...GOOD_MOVES.slice(0, 12), ['goal_question']]);
    const last = s.turns.at(-1)!;
    expect(last.directive.reaction).toBe('agreeing');
    expect(card.script!.sessionGoal.some((g) => last.reply.includes(g))).toBe(false);
    const early = play(card, 8, [['goal_question']]).turns[0];
    expect(card.script!.sessionGoal.some((g) => early.reply.includes(g))).toBe(true);
  });
});

describe('scriptedReply: length follows the directive', () => {
  it('replies stay within maxSentences in ordinary sessions', () => {
    for (const card of CARDS) {
      for (let seed = 0; seed < 10; seed++) {
        const s = play(card, seed, seed % 2 ? GOOD_MOVES : randomMoves(seed, 15));
        for (const t of s.turns) {
          // A card's own short line may come in fragments ("It's fine. Well. Mostly fine."): short counts too.
          const short = t.reply.split(/\s+/).length <= 10;
          if (!short)
            expect(sentenceCount(t.reply), `${card.id}: ${t.reply}`).toBeLessThanOrEqual(
              t.directive.maxSentences,
            );
        }
      }
    }
  });

  it('short and defensive replies are short', () => {
    const s = play(PARTNER_CARDS[0], 4, [
      ['closed_question'],
      ['leading_question'],
      ['advice'],
      ['judgement'],
      ['advice'],
    ]);
    for (const t of s.turns) expect(t.reply.split(/\s+/).length).toBeLessThanOrEqual(14);
  });

  it('the usedReplies list only grows, by the lines of this reply', () => {
    const s = play(PARTNER_CARDS[1], 2, GOOD_MOVES);
    let prev = 1;
    for (const t of s.turns) {
      expect(t.state.usedReplies.length).toBeGreaterThan(prev);
      prev = t.state.usedReplies.length;
    }
  });

  it('usedReplies holds each line once, so a long session cannot grow it without bound', () => {
    // 300 turns: the pools run dry and neutral lines recur (they used to be appended again each
    // time: 374 entries, 113 distinct, for the first card)
    const long = Array.from({ length: 300 }, (_, i) => GOOD_MOVES[i % GOOD_MOVES.length]);
    for (const card of [PARTNER_CARDS[0], bareCard('moderate')]) {
      const s = play(card, 3, long);
      for (const t of s.turns)
        expect(new Set(t.state.usedReplies).size, card.id).toBe(t.state.usedReplies.length);
      const midway = s.turns[149].state.usedReplies;
      const last = s.turns.at(-1)!.state.usedReplies;
      expect(last.slice(0, midway.length), 'what was said stays recorded, in order').toEqual(
        midway,
      );
      expect(last.length, card.id).toBeLessThan(s.turns.length);
    }
  });
});

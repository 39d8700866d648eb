/**
 * @module practice/partner/follow-ups.test
 * Questions whose shape says what is asked, on every built-in card: what goes on inside the
 * partner ("What goes on for you...?") gets what goes on in them, never a date; a follow-up on a
 * scale number gets what would raise it (their own step once said, their hesitation before); a
 * contracting question gets the topic they came with; a time fact answers only a question about it.
 * Phrasings here are not the ones the bugs were found with.
 */
import { describe, expect, it } from 'vitest';
import { codeUtterance } from '../coder/index.js';
import type { PartnerCard, PartnerState } from '../types.js';
import { PARTNER_CARDS } from '../scenarios/index.js';
import { GOOD_MOVES, play } from '../../../test/fixtures/partner-session.fixture.js';
import { talk } from '../../../test/fixtures/voiced.fixture.js';
import { readAsk } from './ask.js';
import { advancePartner } from './transition.js';
import { scriptedReply } from './voice.js';

const SEEDS = [3, 41, 2027];

/** The coach's words said to a partner already in `state`, through the real coder. */
function sayTo(card: PartnerCard, state: PartnerState, prev: string, coach: string) {
  const coding = codeUtterance(coach, { prevPartner: prev, permissionGranted: false });
  const decided = advancePartner(card, state, coding, coach);
  return scriptedReply(card, decided.state, decided.directive);
}

const factAnswers = (card: PartnerCard) => (card.facts ?? []).map((f) => f.answer);
const voiceLines = (card: PartnerCard, ...keys: (keyof NonNullable<PartnerCard['voice']>)[]) =>
  keys.flatMap((k) => card.voice?.[k] ?? []);

describe('readAsk: questions read by their shape', () => {
  it('reads an inner-experience question as a question about feelings', () => {
    for (const q of [
      'What goes on for you in the moment before you say something?',
      'What do you notice in yourself when the release slips?',
      'What goes through your mind as you walk into the room?',
      "What's happening for you right now, as we talk about it?",
    ]) {
      const ask = readAsk(q);
      expect(ask.inner, q).toBe(true);
      expect(ask.intent, q).toBe('feels');
    }
    for (const q of ['What happens after the review?', 'What goes on in those meetings?'])
      expect(readAsk(q).inner, q).toBeUndefined();
  });

  it('reads a follow-up on a scale number as raising it or holding it there', () => {
    for (const q of [
      'What would bump it up to a six?',
      'What would it take to reach a seven?',
      'What would get you one point higher?',
      'What could move that to a five?',
    ])
      expect(readAsk(q).scaleStep, q).toBe('up');
    for (const q of [
      "What's keeping it at a three rather than a one?",
      'Why a three and not a one?',
    ])
      expect(readAsk(q).scaleStep, q).toBe('hold');
    for (const q of [
      'What would make a one-to-one easier?',
      'How many would it take to get to ten?',
    ])
      expect(readAsk(q).scaleStep, q).toBeUndefined();
  });

  it('reads a contracting question as what the partner wants to talk about, not a place', () => {
    for (const q of [
      'Where shall we begin?',
      'Where do you want to start this morning?',
      'What would be most helpful to focus on today?',
      'What do you want to talk about this afternoon?',
    ]) {
      const ask = readAsk(q);
      expect(ask.kind, q).toBe('what');
      expect(ask.intent, q).toBe('wants');
    }
  });
});

describe('contracting: the topic the partner came with', () => {
  for (const card of PARTNER_CARDS) {
    it(`${card.id}: "where shall we begin?" gets the topic, never "I don't know"`, () => {
      const topic = [
        ...(card.script?.sessionGoal ?? []),
        ...(card.script?.surface ?? []),
        ...(card.script?.openings ?? []),
      ];
      for (const seed of SEEDS)
        for (const q of [
          'Where shall we begin today?',
          'What would be most helpful to focus on?',
        ]) {
          const { turns } = talk(card, seed, [q]);
          const reply = turns[0].reply;
          expect(
            topic.some((t) => reply.includes(t)),
            `${q} -> ${reply}`,
          ).toBe(true);
          for (const reserve of voiceLines(card, 'notSure', 'guarded'))
            expect(reply, q).not.toContain(reserve);
        }
    });
  }
});

describe('inner experience: what goes on in them, never a fact', () => {
  for (const card of PARTNER_CARDS) {
    it(`${card.id}: "what goes on for you..." is not answered with a fact`, () => {
      for (const seed of SEEDS) {
        const { turns } = talk(card, seed, [
          'What would you like to get from today?',
          "It sounds like it's been on your mind.",
          'What goes on for you in the moment it starts?',
        ]);
        const reply = turns[2].reply;
        for (const fact of factAnswers(card)) expect(reply, reply).not.toContain(fact);
      }
    });

    it(`${card.id}: "what goes on for you..." is not met with "not ready for a plan"`, () => {
      for (const seed of [...SEEDS, 7, 8]) {
        const { turns } = talk(card, seed, [
          'Where shall we begin today?',
          "So it's been on your mind, and it's bigger than it looks.",
          'What goes on for you when you bring it up with the people involved?',
          'And what do you notice in yourself afterwards?',
          'What goes through your mind the night before?',
        ]);
        for (const t of turns.slice(2))
          for (const line of voiceLines(card, 'hesitant'))
            expect(t.reply, t.reply).not.toContain(line);
      }
    });
  }

  it('Kenji, asked what he notices in himself before he would speak, says what happens in him', () => {
    const card = PARTNER_CARDS.find((c) => c.id === 'hesitating-to-speak-up')!;
    for (const seed of SEEDS) {
      const { turns } = talk(card, seed, [
        'What would you like to get from today?',
        "So it's the review again, and it's stayed with you.",
        'What do you notice in yourself in the second before you would say something?',
      ]);
      expect(turns[2].reply).not.toMatch(/Thursdays at two/);
      expect(turns[2].reply).toMatch(/\b(I|I've|I'm|my)\b/);
    }
  });
});

describe('time facts answer questions about them', () => {
  for (const card of PARTNER_CARDS) {
    it(`${card.id}: a bare "When?" after a premature action question gets no fact`, () => {
      for (const seed of SEEDS) {
        const { turns } = talk(card, seed, ['What will you do about it?', 'When?']);
        for (const fact of factAnswers(card)) expect(turns[1].reply).not.toContain(fact);
      }
    });
  }

  it('a question sharing only a day with a schedule fact is not answered with the schedule', () => {
    const card = PARTNER_CARDS.find((c) => c.id === 'hesitating-to-speak-up')!;
    for (const seed of [...SEEDS, 5, 8, 13]) {
      const { turns } = talk(card, seed, [
        'What would you like to get from today?',
        'What could you try differently at the Thursday review?',
        'What might you do on Thursday, then?',
      ]);
      for (const t of turns.slice(1)) expect(t.reply).not.toMatch(/Thursdays at two/);
    }
  });

  it('a question about the schedule still gets it', () => {
    const card = PARTNER_CARDS.find((c) => c.id === 'hesitating-to-speak-up')!;
    for (const seed of SEEDS)
      expect(talk(card, seed, ['When is the review, usually?']).turns[0].reply).toMatch(
        /Thursdays at two/,
      );
  });
});

describe('scale follow-ups: what would raise the number', () => {
  for (const card of PARTNER_CARDS) {
    it(`${card.id}: early, hesitation; once committed, their own step or want`, () => {
      for (const seed of SEEDS) {
        const early = talk(card, seed, [
          'On a scale of one to ten, how ready do you feel?',
          'What would bump it up a point?',
        ]);
        const reserve = voiceLines(card, 'hesitant', 'notSure');
        expect(
          reserve.some((l) => early.turns[1].reply.includes(l)),
          early.turns[1].reply,
        ).toBe(true);

        // just after the partner says their step, as a coach would ask it
        const full = play(card, seed, GOOD_MOVES);
        const acted = full.turns.findIndex((t) => t.state.revealed.includes('action'));
        const good = play(card, seed, GOOD_MOVES.slice(0, acted + 1));
        const last = good.turns.at(-1)!.reply;
        const asked = sayTo(card, good.final, last, 'On a scale of one to ten, how likely is it?');
        const step = sayTo(card, asked.state, asked.text, 'What would it take to reach a nine?');
        const own = (['action', 'want'] as const).flatMap((l) => [
          ...(card.script?.elaborate[l] ?? []),
          ...(card.script?.disclose[l] ?? []),
        ]);
        expect(
          own.some((l) => step.text.includes(l)),
          step.text,
        ).toBe(true);
      }
    });
  }
});

describe('a scale asked again', () => {
  const card = PARTNER_CARDS.find((c) => c.id === 'hesitating-to-speak-up')!;
  const NUM = /\b(one|two|three|four|five|six|seven|eight|nine|ten)\b/i;
  const WORDS = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];
  const numberIn = (t: string) => WORDS.indexOf((t.match(NUM)?.[1] ?? '').toLowerCase()) + 1;

  it('says "still" for the same number, "higher" only above the one said, neither for another question', () => {
    for (const seed of [...SEEDS, 9, 10, 11]) {
      const { turns } = talk(card, seed, [
        'On a scale of one to ten, how likely are you to speak at the review?',
        'And on a scale of one to ten, how likely is it really, at the review?',
        'On a scale of one to ten, how tired are you these days?',
      ]);
      expect(turns[0].reply).toMatch(/^Three\./);
      expect(turns[1].reply).toMatch(/^Still\b/);
      expect(turns[1].reply).not.toMatch(/Higher/);
      expect(turns[2].reply).not.toMatch(/\b(Still|Higher)\b/);

      const later = talk(card, seed, [
        'On a scale of one to ten, how likely are you to speak at the review?',
        'What would you like to get from today?',
        "It sounds like the review has stayed with you since we last spoke, and it's more than just a meeting.",
        "So you had the idea, and you watched someone else get the credit for it. That's a lot to carry.",
        'On a scale of one to ten, how likely are you to speak at the review?',
      ]);
      const again = later.turns[4].reply;
      if (numberIn(again) > 3) expect(again).toMatch(/higher/i);
      else expect(again).toMatch(/^Still\b/);
    }
  });
});

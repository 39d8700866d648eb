/**
 * @module practice/partner/checked-back.test
 * Summaries the coach checks back, found reading fresh sessions and tested in other words: a plan
 * said back that the partner never made is answered honestly ("I hadn't got that far."), never
 * agreed with, pushed back on or opening anything; a summary that says what the partner has said
 * they are not ("I'm not a shy person"), or that matches them only on words any working life
 * shares, is put right ("Not quite."), not agreed with.
 */
import { describe, expect, it } from 'vitest';
import { playPartner } from '../../../test/support/partner-session.js';

const SEEDS = [1, 2, 3, 4, 5];
const WARM = [
  'What would you like to think about today?',
  'It sounds like this has been sitting with you for a while.',
];

/** The last reply of a session, the partner's state after it and before that turn. */
function session(cardId: string, seed: number, turns: string[]) {
  const { reply, state, before } = playPartner(cardId, seed, turns).turns.at(-1)!;
  return { reply, state, before };
}

describe('a plan said back that the partner never made', () => {
  const plans = [
    "Let me check I've got this: you're going to email Priya tonight and clear Wednesday afternoons. Have I got that right?",
    "So your next step is you'll sit down with the team lead and write a rota, yes?",
  ];
  it('is answered honestly, not agreed with or resisted, and opens nothing', () => {
    for (const cardId of ['returning-after-leave', 'hesitating-to-speak-up', 'career-crossroads'])
      for (const seed of SEEDS)
        for (const plan of plans) {
          const { reply, state, before } = session(cardId, seed, [...WARM, plan]);
          expect(reply, `${cardId} ${seed}: ${plan}`).toMatch(
            /^(I hadn't got that far\.|Maybe\. Not sure that's it yet\.)$/,
          );
          expect(state.revealed, `${cardId} ${seed}`).toEqual(before.revealed);
          expect(state.defensiveness, `${cardId} ${seed}`).toBe(0);
        }
  });
});

describe('a summary that gets them wrong', () => {
  it("is put right when it says what they have said they are not ('not a shy person')", () => {
    for (const seed of SEEDS) {
      const { reply } = session('hesitating-to-speak-up', seed, [
        ...WARM,
        'So really you are just a shy person, am I right?',
      ]);
      expect(reply, `seed ${seed}`).toMatch(/^(No, not quite|Not quite)\..*not a shy person/);
    }
  });
  it('is not agreed with when it matches them only on words any working life shares', () => {
    for (const cardId of ['returning-after-leave', 'celebrating-a-win', 'career-crossroads'])
      for (const seed of SEEDS) {
        const { reply } = session(cardId, seed, [
          ...WARM,
          'So your manager keeps getting you to do the weekend shifts, is that it?',
        ]);
        expect(reply, `${cardId} ${seed}`).not.toMatch(/^(Yes|That's about right|That's it)/);
      }
  });
});

describe('small talk away from the session', () => {
  it('gets a brief, polite word and then what is on their mind, never a disclosure as the answer', () => {
    for (const cardId of ['new-manager-overwhelmed', 'hesitating-to-speak-up', 'career-crossroads'])
      for (const seed of SEEDS)
        for (const question of [
          'What did you eat for breakfast?',
          'Got anything nice on this weekend?',
        ]) {
          const { reply } = session(cardId, seed, [...WARM, question]);
          expect(reply, `${cardId} ${seed}: ${question}`).toMatch(
            /^(Oh, nothing much|Not much, honestly)\./,
          );
        }
  });
});

describe('how long the thing itself ran', () => {
  it("is the project's length, not the partner's career", () => {
    for (const seed of SEEDS)
      for (const question of [
        'How long was the programme going for?',
        'How long did the project last?',
      ]) {
        const { reply } = session('setback-after-failed-project', seed, [question]);
        expect(reply, `${seed}: ${question}`).toMatch(/eighteen months/i);
      }
  });
});

describe('when something happens', () => {
  it('is a time, never a count that only shares a word with the question', () => {
    for (const seed of SEEDS) {
      const { reply } = session('hesitating-to-speak-up', seed, ['When does the group meet?']);
      expect(reply, `seed ${seed}`).not.toMatch(/Twelve/);
      expect(reply, `seed ${seed}`).toMatch(/Thursday|don't know|not sure/i);
    }
  });
});

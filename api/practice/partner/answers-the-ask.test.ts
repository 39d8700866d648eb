/**
 * @module practice/partner/answers-the-ask.test
 * Faults a supervisor's read of whole sessions found, tested as behaviours on phrasings other
 * than the ones reported, on the real cards over several seeds: asked who could help, a partner
 * names someone from the card (their plan's helper once there is a plan); a reflection the
 * partner puts right earns nothing and unlocks nothing; asked how they are looking after
 * themselves, they answer about themselves; asked how they are, they say how they are; asked
 * about their private life, a line of theirs about it or a polite "rather not"; a when-question about something gets a time about
 * it or none; greeted by the wrong name, they say their own; a greeting with thanks is no goodbye.
 */
import { describe, expect, it } from 'vitest';
import { playPartner } from '../../../test/support/partner-session.js';
import { getPartnerCard, PARTNER_CARDS } from '../scenarios/index.js';

const SEEDS = [1, 2, 3, 4, 5];

const session = playPartner;
const last = (cardId: string, seed: number, turns: string[]) =>
  session(cardId, seed, turns).turns.at(-1)!.reply;

/** Listening that takes a partner from guarded to their own plan (as the eval's good session). */
const TO_PLAN = [
  'What would you like to get from our time together today?',
  'It sounds like this has been building up for a while.',
  'What feels hardest about it right now?',
  'So underneath the busyness there is something you have not said out loud yet.',
  'What more is there?',
  'What are you assuming that holds you back?',
  'If you knew that assumption was not true, what would you do?',
  'What will you do first, and when?',
];

describe('who could help', () => {
  it('names someone from the card, guarded or not, never "no idea" when the card has a helper', () => {
    for (const seed of SEEDS) {
      const reply = last('new-manager-overwhelmed', seed, ['Who might back you up on this?']);
      expect(reply, `seed ${seed}`).toMatch(/Marcus|Nadia/);
      const lean = last('new-manager-overwhelmed', seed, [
        'Is there anyone at work you could lean on?',
      ]);
      expect(lean, `seed ${seed}`).toMatch(/Marcus|Nadia/);
      const sofia = last('returning-after-leave', seed, ['Who is in your corner at the moment?']);
      expect(sofia, `seed ${seed}`).toMatch(/Hannah|Leo/);
    }
  });

  it('takes up the helper the plan names once there is a plan', () => {
    for (const seed of SEEDS) {
      const replies = session('new-manager-overwhelmed', seed, [
        ...TO_PLAN,
        'Who could give you a hand with that?',
      ]).turns;
      expect(replies.at(-2)!.state.revealed, `seed ${seed}`).toContain('action');
      expect(replies.at(-1)!.reply, `seed ${seed}`).toMatch(/Marcus/);
    }
  });
});

describe('who has stood by them', () => {
  it('names the one who has, even by their part ("my director"), not a list of who is in a meeting', () => {
    for (const seed of SEEDS) {
      const reply = last('setback-after-failed-project', seed, [
        'Who has had your back since it happened?',
      ]);
      expect(reply, `seed ${seed}`).toMatch(/director/);
    }
  });
});

describe('who could help, on a card where nobody does', () => {
  it('is not knowing, never the person the friction is with', () => {
    for (const seed of SEEDS) {
      const reply = last('friction-with-another-team', seed, [
        'Who might be able to help you with the platform team?',
      ]);
      expect(reply, `seed ${seed}`).not.toMatch(/\bJo\b|^(Maybe|Possibly)\./);
    }
  });
});

describe('a reflection the partner puts right', () => {
  it('earns no trust and unlocks no layer', () => {
    for (const seed of SEEDS) {
      // a person the partner never mentioned, a count they never gave, words they never used
      for (const [cardId, wrong] of [
        ['new-manager-overwhelmed', 'So Olivia keeps piling the work onto you.'],
        ['returning-after-leave', 'So you came back six weeks ago and it still feels strange.'],
        [
          'new-manager-overwhelmed',
          'So you never get a single evening to yourself and always say yes to everyone, is that right?',
        ],
      ] as const) {
        const s = session(cardId, seed, [wrong]);
        const turn = s.turns[0];
        expect(turn.reply, `${cardId} seed ${seed}`).toMatch(/^(Partly|Not quite|No, not quite)\./);
        expect(turn.state.revealed, `${cardId} seed ${seed}: ${turn.reply}`).toEqual([]);
        expect(turn.state.trust, `${cardId} seed ${seed}`).toBeLessThanOrEqual(s.start.trust);
      }
    }
  });
});

describe('how they are looking after themselves', () => {
  it('answers about themselves from the card, not with an acknowledgement or the work', () => {
    for (const seed of SEEDS) {
      for (const q of [
        'Are you managing to switch off at the weekends?',
        'What are you doing to take care of yourself at the moment?',
        'How much rest are you getting?',
      ]) {
        const reply = last('new-manager-overwhelmed', seed, [q]);
        expect(reply, `${q} seed ${seed}`).toMatch(/night|laptop|kids|bed|tired|evening/i);
      }
      const maggie = last('other-side-of-the-partnership', seed, ['Are you getting enough rest?']);
      expect(maggie, `seed ${seed}`).toMatch(/sleep/i);
    }
  });
});

describe('a when-question about something', () => {
  it('never gets a time fact about something else', () => {
    for (const card of PARTNER_CARDS) {
      const facts = (card.facts ?? []).map((f) => f.answer);
      for (const seed of SEEDS) {
        for (const q of [
          'When is the office summer party?',
          'When does the budget get signed off?',
        ]) {
          const reply = last(card.id, seed, [q]);
          expect(facts, `${card.id} ${q} seed ${seed}`).not.toContain(reply);
        }
      }
    }
  });

  it('asked when something ends, gives its time, never a bare "Maybe."', () => {
    for (const seed of SEEDS) {
      const reply = last('friction-with-another-team', seed, [
        'When does the current sprint finish?',
      ]);
      expect(reply, `seed ${seed}`).toMatch(/two weeks|sprint/);
    }
  });

  it('asked when it all began, dates a beginning, not a weekly slot', () => {
    for (const seed of SEEDS) {
      const reply = last('hesitating-to-speak-up', seed, ['When did all of this kick off?']);
      expect(reply, `seed ${seed}`).not.toMatch(/Thursdays at two/);
    }
  });
});

describe('greeted by the wrong name', () => {
  it('says their own name first, and only when it was wrong', () => {
    for (const seed of SEEDS) {
      const wrong = last('new-manager-overwhelmed', seed, [
        "Morning, Sarah. How's your week been?",
      ]);
      expect(wrong, `seed ${seed}`).toMatch(/^(It's Dana, actually\.|Actually, it's Dana\.)/);
      const end = last('setback-after-failed-project', seed, [
        'What is on your mind today, Simon?',
      ]);
      expect(end, `seed ${seed}`).toMatch(/^(It's Tom, actually\.|Actually, it's Tom\.)/);
      const right = last('new-manager-overwhelmed', seed, ["Morning, Dana. How's your week been?"]);
      expect(right, `seed ${seed}`).not.toMatch(/actually, it's|it's Dana/i);
    }
  });
});

describe('a greeting with thanks', () => {
  it('is a welcome, not a goodbye: the partner stays in the conversation', () => {
    for (const seed of SEEDS) {
      for (const hello of ['Hello Dana, thanks for making the time.', 'Thanks for coming in.']) {
        const s = session('new-manager-overwhelmed', seed, [hello]);
        const goodbyes = s.card.voice?.goodbye ?? [];
        expect(s.turns[0].state.closed, `${hello} seed ${seed}`).toBeFalsy();
        expect(goodbyes, `${hello} seed ${seed}`).not.toContain(s.turns[0].reply);
      }
    }
  });
});

describe('small talk and personal questions', () => {
  it('"how are you" gets how they are, not a line about the situation', () => {
    const feeling = getPartnerCard('celebrating-a-win')!.voice!.feeling ?? [];
    for (const seed of SEEDS) {
      for (const q of ["How's your morning been?", 'How have you been?']) {
        expect(feeling, `${q} seed ${seed}`).toContain(last('celebrating-a-win', seed, [q]));
      }
    }
  });

  it('a question about their private life gets their own line about it, or a polite no', () => {
    for (const seed of SEEDS) {
      const kids = last('returning-after-leave', seed, ['Have you got children?']);
      expect(kids, `seed ${seed}`).toMatch(/^Yes\. .*daughter/);
      for (const q of ['What is your age, if you do not mind me asking?', 'Are you single?']) {
        const reply = last('fresh-view-on-strategy', seed, [q]);
        expect(reply, `${q} seed ${seed}`).toMatch(/rather keep this to work/);
      }
    }
  });
});

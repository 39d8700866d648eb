/**
 * @module practice/partner/supervisor-faults.test
 * Faults a supervisor's read-through found, tested as behaviours on phrasings other than the ones
 * reported, on the real cards over several seeds: an either/or question gets one side (or both),
 * never a count that only shares a cue; a question about how things should be later on is not met
 * by "As I said" unless it is the same question again; asked when they will do a step they have
 * not chosen, a partner says so; a summary that gets a person, a number or a feeling wrong is put
 * right, not agreed with.
 */
import { describe, expect, it } from 'vitest';
import { playPartner } from '../../../test/support/partner-session.js';

const SEEDS = [1, 2, 3, 4, 5];

/** Every reply of a session, after the opening. */
const replies = (cardId: string, seed: number, turns: string[]) =>
  playPartner(cardId, seed, turns).turns.map((t) => t.reply);
const last = (cardId: string, seed: number, turns: string[]) =>
  replies(cardId, seed, turns).at(-1)!;

describe('either/or questions', () => {
  it('picks a side as the coach put it, or both, never a count that only shares a cue', () => {
    for (const seed of SEEDS) {
      const reply = last('hesitating-to-speak-up', seed, [
        'Would you say it is more the senior engineers or the subject?',
      ]);
      expect(reply, `seed ${seed}`).toMatch(/^(The senior engineers|The subject|Both|A bit of)/);
      const crossroads = last('career-crossroads', seed, [
        'Would you say it is more the salary or the people?',
      ]);
      expect(crossroads, `seed ${seed}`).toMatch(/^(The salary|The people|Both|A bit of)/);
    }
  });

  it('reads which of two weighs more, and "you" as the partner themselves', () => {
    for (const seed of SEEDS) {
      const reply = last('career-crossroads', seed, [
        'Which worries you more, managing your friends or the money?',
      ]);
      expect(reply, `seed ${seed}`).not.toMatch(/^(Yes|No|Maybe)\b/);
      expect(reply, `seed ${seed}`).toMatch(/manag|friend|money|both/i);
    }
  });
});

describe('questions about later on', () => {
  it('are answered from what they want, not with "As I said" for a new question', () => {
    for (const seed of SEEDS) {
      const said = replies('friction-with-another-team', seed, [
        'What are you hoping to get from this conversation?',
        'And from our sessions more broadly?',
        'How would you like things to be with the platform team a year from now?',
        'If it were sorted, what would be different?',
      ]);
      for (const reply of said.slice(2)) {
        expect(reply, `seed ${seed}`).not.toMatch(/^As I said/);
        expect(reply.length, `seed ${seed}`).toBeGreaterThan(10);
      }
    }
  });
});

describe('when they will do a step not yet chosen', () => {
  it('says nothing is decided rather than giving the time of something else', () => {
    for (const seed of SEEDS) {
      for (const [card, turns] of [
        [
          'friction-with-another-team',
          ["What's been going on?", 'When are you going to raise it?'],
        ],
        ['returning-after-leave', ['How soon could you talk to Hannah about it?']],
        ['hesitating-to-speak-up', ['By when will you have spoken up?']],
      ] as const) {
        const reply = last(card, seed, [...turns]);
        expect(reply, `${card} seed ${seed}`).toMatch(/decided|know what/i);
        expect(reply, `${card} seed ${seed}`).not.toMatch(/two weeks|Thursdays at|Nine months/);
      }
    }
  });
});

describe('summaries that get a fact wrong', () => {
  it('are put right: another person, a number, a feeling', () => {
    for (const seed of SEEDS) {
      const person = last('returning-after-leave', seed, [
        'So Priya stood in for you while you were away, is that right?',
      ]);
      expect(person, `seed ${seed}`).toMatch(/^(Not quite|No)/);
      expect(person, `seed ${seed}`).toMatch(/Leo/);
      const number = last('returning-after-leave', seed, [
        'So you were off for four months. Have I got that right?',
      ]);
      expect(number, `seed ${seed}`).toMatch(/^(Not quite|No)/);
      expect(number, `seed ${seed}`).toMatch(/[Nn]ine months/);
      const feeling = last('friction-with-another-team', seed, [
        "What's been happening?",
        'So you feel quite relaxed about the platform team these days?',
      ]);
      expect(feeling, `seed ${seed}`).toMatch(/^(Not quite|No)/);
    }
  });

  it('puts right someone they know given the wrong part, said as a statement or with a rising tone', () => {
    for (const seed of SEEDS) {
      const swapped = last('returning-after-leave', seed, [
        'So Hannah covered your job while you were on leave, right?',
      ]);
      expect(swapped, `seed ${seed}`).toMatch(/^(Not quite|No)/);
      expect(swapped, `seed ${seed}`).toMatch(/Leo/);
      const rising = last('hesitating-to-speak-up', seed, ['So Daniel runs the review?']);
      expect(rising, `seed ${seed}`).toMatch(/^(Not quite|No)/);
      expect(rising, `seed ${seed}`).toMatch(/Mei/);
    }
  });

  it('still agrees with a summary that gets nothing wrong', () => {
    for (const seed of SEEDS) {
      const reply = last('returning-after-leave', seed, [
        'So you came back three weeks ago after nine months away. Is that right?',
      ]);
      expect(reply, `seed ${seed}`).toMatch(/^Yes/);
    }
  });
});

describe('how they feel, asked early', () => {
  /** Words a reply voices a feeling with (the card's guarded feeling lines and their lines). */
  const FELT =
    /\b(feel\w*|felt|uneasy|cross|flattered|unsettled|relieved|odd|wary|stretched|impatient|annoyed|fed up|frustrated|flat|tired|overwhelmed|exposed|uncomfortable|heavy|wobbly|nervous|pleased|embarrassed|awful|worse|sick|angry|dread|scared|stuck|guest|proud)\b/i;
  const CARDS = [
    'avoiding-difficult-feedback',
    'career-crossroads',
    'celebrating-a-win',
    'first-partnership-session',
    'fresh-view-on-strategy',
    'friction-with-another-team',
    'hesitating-to-speak-up',
    'new-manager-overwhelmed',
    'other-side-of-the-partnership',
    'returning-after-leave',
    'reviewing-last-action',
    'setback-after-failed-project',
  ];

  it('a guarded partner still names a feeling, briefly, rather than only a reserve line', () => {
    for (const card of CARDS) {
      for (const seed of [1, 2, 3]) {
        const said = replies(card, seed, [
          "How's all of this sitting with you at the moment?",
          'And how do you feel when you think about it?',
        ]);
        for (const reply of said) expect(reply, `${card} seed ${seed}`).toMatch(FELT);
      }
    }
  });
});

describe('questions once a step is chosen', () => {
  // a session that reaches a chosen step on most seeds (the partner says what they will do)
  const TO_A_PLAN = [
    'Good to see you again. Where would you like to start today?',
    'Say more about that.',
    'So in the review you find it hard to get a word in.',
    'You sound annoyed with yourself about it.',
    "So last month someone else said your idea and got the credit, and you'd stayed quiet. Have I got that right?",
    'What would you like to be different by the end of the year?',
    "What would you do if you knew they'd take your idea seriously?",
    "What's one small step you could take at Thursday's review?",
  ];
  const NUMBER = /\b(one|two|three|four|five|six|seven|eight|nine|ten)\b/i;
  it.each([
    'How sure are you, out of ten, that you will do it?',
    'On a scale of 1-10, how likely is it to happen?',
  ])('"%s" is answered with a number, not another line of the plan', (question) => {
    let deciding = 0;
    for (const seed of [...SEEDS, 6, 7, 8]) {
      const said = replies('hesitating-to-speak-up', seed, [...TO_A_PLAN, question]);
      if (!/\bI'll\b/.test(said.slice(0, -1).join(' '))) continue;
      deciding++;
      expect(said.at(-1)).toMatch(NUMBER);
    }
    // enough sessions reached a chosen step for the question to have been asked while deciding
    expect(deciding).toBeGreaterThanOrEqual(2);
  });
});

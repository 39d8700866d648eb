/**
 * @module practice/partner/coach-questions.test
 * Questions a coach asks that the labelled eval set does not hold, on the real cards, each in a
 * fresh (guarded) session and after some listening (open), over several seeds: who, when, what
 * happened, how do you feel, what do you want, what have you tried, and goodbyes. Each answer must
 * read as the colleague answering that question: a person for "who", a feeling (never a fact like
 * "Six analysts.") for "how do you feel", what they did (or "not much") for "what have you tried",
 * the thing asked about for "what happened", a farewell that fits the session for a goodbye.
 * Rules, not the exact lines: the same rules judge any wording the cards give.
 */
import { describe, expect, it } from 'vitest';
import { codeUtterance } from '../coder/index.js';
import { getPartnerCard } from '../scenarios/index.js';
import type { PartnerCard, PartnerState } from '../types.js';
import { advancePartner, scriptedReply, startPartner } from './index.js';

const WARM = [
  'What would you like to get from our time together today?',
  'It sounds like this has been building up for a while.',
  'What feels hardest about it right now?',
  'So there is more going on under the surface than you have said out loud yet.',
];

function play(
  card: PartnerCard,
  seed: number,
  turns: string[],
): { state: PartnerState; replies: string[] } {
  const started = startPartner(card, seed);
  let state = started.state;
  const replies = [started.opening];
  for (const coach of turns) {
    const coding = codeUtterance(coach, {
      prevPartner: replies.at(-1) ?? null,
      permissionGranted: state.permissionGranted,
    });
    const decided = advancePartner(card, state, coding, coach);
    const spoken = scriptedReply(card, decided.state, decided.directive);
    state = spoken.state;
    replies.push(spoken.text);
  }
  return { state, replies };
}

const FAREWELL =
  /\b(thanks|thank you|bye|cheers|see you|take care|next time|let you know|same time|speak soon|back to|get back|better get)\b/i;
const PERSON = /\b(manager|director|head|colleague|team|nobody|no one|he|she|they|[A-Z][a-z]+)\b/;
const FACTS = (card: PartnerCard) => new Set((card.facts ?? []).map((f) => f.answer));

interface Case {
  card: string;
  question: string;
  /** the answer must match (any of) this */
  about?: RegExp;
  /** the answer must not match this */
  never?: RegExp;
  /** a card fact is never the answer (feelings, what was tried) */
  noFact?: true;
  /** who: names a person (after the first word) or says nobody */
  person?: true;
  /** only in this mood */
  mood?: 'guarded' | 'open';
}

const CASES: Case[] = [
  // the four seen by a new user
  { card: 'new-manager-overwhelmed', question: 'Okay, good luck with it', about: FAREWELL },
  {
    card: 'returning-after-leave',
    question: 'What happened with the refresh while you were on leave?',
    about: /refresh|Leo|idea/i,
  },
  {
    card: 'first-partnership-session',
    question: 'Who suggested you sign up?',
    about: /Dev|director/,
  },
  {
    card: 'first-partnership-session',
    question: 'What would you like to get out of the partnership?',
    never: /ground rules/i,
  },
  // twenty more, across seven scenarios
  {
    card: 'new-manager-overwhelmed',
    question: 'What have you tried so far to get the evenings back?',
    noFact: true,
  },
  {
    card: 'new-manager-overwhelmed',
    question: 'How do you feel when you open the laptop after the kids are in bed?',
    noFact: true,
    never: /^I (want|'d like)/,
  },
  {
    card: 'new-manager-overwhelmed',
    question: 'Who would notice if you stopped answering emails at night?',
    never: /Four nights/,
  },
  {
    card: 'returning-after-leave',
    question: 'When did you last talk to Hannah properly?',
    about: /day|week|Monday|ago/i,
  },
  {
    card: 'returning-after-leave',
    question: 'How do you feel about Leo running the campaign?',
    about: /Leo/,
  },
  {
    card: 'returning-after-leave',
    question: 'What would you like to be different by the summer?',
    // what they want, or a goal already said put as the aim for then ("Ideally? To get clearer...")
    about: /\b(like|want|ideally|same thing)\b/i,
  },
  {
    card: 'first-partnership-session',
    question: 'How often could you realistically meet?',
    about: /week|month/i,
    never: /Two years/,
  },
  {
    card: 'first-partnership-session',
    question: 'What happened in the outages this quarter?',
    about: /outage/i,
  },
  {
    card: 'first-partnership-session',
    question: 'What have you tried before, like courses or mentoring?',
    noFact: true,
    never: /not ready for a plan/i,
  },
  {
    card: 'career-crossroads',
    question: 'When do you have to give Gareth an answer?',
    about: /Friday/,
  },
  {
    card: 'career-crossroads',
    question: 'How do you feel when people congratulate you?',
    noFact: true,
    never: /^(Six|It's six)/,
  },
  {
    card: 'career-crossroads',
    question: 'Who have you talked to about it so far?',
    person: true,
    never: /I don't know/,
  },
  {
    card: 'avoiding-difficult-feedback',
    question: 'What happened on the ward last Tuesday?',
    never: /Twenty years|ward manager is off/,
  },
  {
    card: 'avoiding-difficult-feedback',
    question: 'Who else could you talk to while your manager is off?',
    about: /manager|nobody/i,
  },
  {
    card: 'avoiding-difficult-feedback',
    question: 'What have you tried so far with Pat?',
    noFact: true,
  },
  {
    card: 'setback-after-failed-project',
    question: 'How are you feeling about the steering group?',
    noFact: true,
  },
  {
    card: 'setback-after-failed-project',
    question: 'Who has been supportive since it happened?',
    about: /director/,
  },
  {
    card: 'setback-after-failed-project',
    question: 'How many people are on the programme team?',
    about: /\b(nine|four)\b/i,
  },
  {
    card: 'reviewing-last-action',
    question: 'What got in the way of handing the queries to Chloe?',
    never: /graduate scheme/,
  },
  {
    card: 'other-side-of-the-partnership',
    question: 'How many people are in your team?',
    about: /eleven/i,
  },
];

describe('the partner answers questions the eval set does not hold', () => {
  for (const c of CASES) {
    it(`${c.card}: ${c.question}`, () => {
      const card = getPartnerCard(c.card)!;
      const facts = FACTS(card);
      for (const mood of c.mood ? [c.mood] : (['guarded', 'open'] as const)) {
        for (const seed of [1, 2, 3]) {
          const reply = play(card, seed, [...(mood === 'open' ? WARM : []), c.question]).replies.at(
            -1,
          )!;
          const where = `${mood}, seed ${seed}: ${reply}`;
          if (c.about) expect(reply, where).toMatch(c.about);
          if (c.never) expect(reply, where).not.toMatch(c.never);
          if (c.noFact)
            expect(
              [...facts].some((f) => reply.includes(f)),
              where,
            ).toBe(false);
          if (c.person) expect(reply.split(/\s+/).slice(1).join(' '), where).toMatch(PERSON);
        }
      }
    });
  }

  it('a partner who never opened leaves without saying the session helped', () => {
    for (const id of [
      'new-manager-overwhelmed',
      'returning-after-leave',
      'friction-with-another-team',
      'setback-after-failed-project',
    ]) {
      const card = getPartnerCard(id)!;
      for (const seed of [1, 2, 3, 4, 5, 6]) {
        const reply = play(card, seed, ['Okay, good luck with it']).replies.at(-1)!;
        expect(reply, `${id} ${seed}`).toMatch(FAREWELL);
        expect(reply, `${id} ${seed}`).not.toMatch(
          /\b(helped|useful|lovely|less (painful|awful)|better than)\b/i,
        );
      }
    }
  });
});

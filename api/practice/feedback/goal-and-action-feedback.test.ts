/**
 * @module practice/feedback/goal-and-action-feedback.test
 * Feedback on turns the coder used to misread, coded by the real coder: a statement of the
 * partner's experience is praised as a reflection, not criticised as advice; a reflection with a
 * question mark is praised as a reflection; a contracting question counts as asking what the
 * partner wants; an outcome question after contracting is not told to come earlier; an obstacle
 * question is about testing a plan, never "steering towards action".
 */
import { describe, expect, it } from 'vitest';
import { codeUtterance } from '../coder/index.js';
import type { CoachTurnCoding, PartnerStage } from '../types.js';
import { feedbackForTurn } from './turn-feedback.js';

function fb(
  text: string,
  prev: string,
  over: { turn?: number; prior?: string[]; stage?: PartnerStage } = {},
) {
  const prior: CoachTurnCoding[] = (over.prior ?? []).map((t) => codeUtterance(t));
  return feedbackForTurn({
    coding: codeUtterance(text, { prevPartner: prev }),
    coachText: text,
    previousPartnerText: prev,
    stage: over.stage ?? 'exploring',
    coachTurnNumber: over.turn ?? prior.length + 1,
    priorCodings: prior,
    partnerName: 'Ana',
  });
}

const CONTRACTED = ['What would be most useful to look at in our half hour?'];

describe('a statement of the partner’s experience is a reflection', () => {
  const prev = 'The architects talk for most of the hour. They are very sure of themselves.';
  it.each([
    'You find it hard to say anything while they talk.',
    "You can't get a word in while the architects talk.",
    'In that review you find it tough to get your ideas heard.',
    'So in that hour you find it hard to get a word in.',
    'You end up sitting on your ideas while they talk.',
    "It's hard for you to break in when they're that sure of themselves.",
  ])('"%s" is praised, never called unasked advice', (text) => {
    const f = fb(text, prev, { prior: CONTRACTED });
    expect(['complex_reflection', 'simple_reflection']).toContain(f.move);
    expect(f.worked).not.toBe('');
    expect(`${f.improve} ${f.suggestion}`).not.toMatch(/suggestion|advice|your answer/i);
  });
});

describe('a reflection with a rising tone', () => {
  const prev = 'We ship every two weeks. The last two days of every sprint are chaos.';
  it.each([
    "It sounds like you're worn out by the end of every sprint, and a bit fed up with it?",
    "You're drained by those last two days?",
    'You sound pretty frustrated with how it lands on you?',
  ])('"%s" is praised as a reflection, not treated as a closed question', (text) => {
    const f = fb(text, prev, { prior: CONTRACTED });
    expect(['complex_reflection', 'simple_reflection']).toContain(f.move);
    expect(f.worked).not.toBe('');
    expect(f.improve).not.toMatch(/answered in a word|come back to their own words/);
  });
});

describe('contracting and outcome questions', () => {
  it.each([
    'What would be most helpful to focus on today?',
    'What do you want to get out of our time together?',
    'What would make this half hour worthwhile?',
  ])('"%s" at the start counts as asking what Ana wants', (text) => {
    const first = fb(text, "I'll try to keep it short.", { turn: 1 });
    expect(first.move).toBe('goal_question');
    const third = fb('So the rota lands on you.', 'The rota changes and I sort it out.', {
      prior: [text, 'Say more.'],
      turn: 3,
    });
    expect(third.improve).not.toMatch(/haven't yet asked what Ana wants/);
  });

  it.each([
    'What would you like to be different in the review a year from now?',
    'What do you want the review to look like in six months?',
  ])('"%s" after contracting is an outcome question, not late contracting', (text) => {
    const f = fb(text, "It's been like that in the review all year. I just freeze.", {
      prior: [...CONTRACTED, 'Say more.', 'What happens just before you speak?'],
    });
    expect(f.move).toBe('goal_question');
    expect(f.improve).not.toMatch(/Earlier is better/);
    expect(f.worked).toMatch(/picture what they want/);
  });

  it('a goal question late in a session that never contracted still says it is late', () => {
    const f = fb('What would you like from today?', 'It keeps happening.', {
      prior: ['Say more.', 'What happens then?', 'Who else is there?'],
    });
    expect(f.improve).toMatch(/Earlier is better/);
  });
});

describe('action and obstacle questions', () => {
  it.each([
    "What's one small step you could take at Monday's stand-up?",
    'What are you willing to commit to before the next review?',
  ])('"%s" is talked about as an action question', (text) => {
    const f = fb(text, "I'd like to speak up more.", { prior: CONTRACTED, stage: 'committing' });
    expect(f.move).toBe('action_question');
  });

  it.each(['What could stop you?', "What's likely to get in the way?", 'What might trip you up?'])(
    '"%s" before any plan is not "steering towards action"',
    (text) => {
      const f = fb(text, 'My manager keeps telling me to build bridges.', { prior: CONTRACTED });
      expect(`${f.worked} ${f.improve}`).not.toMatch(/steering towards action/);
      expect(f.improve).toMatch(/hasn't named a plan yet/);
      // no praise for testing a plan that the improve box says does not exist
      expect(f.worked).not.toMatch(/test of a plan|plan['’]s/);
    },
  );

  it('an obstacle question once Ana has named a plan is praised as testing it', () => {
    const f = fb('What might trip you up?', "I'll raise one idea on Thursday, as a question.", {
      prior: [...CONTRACTED, "What's the first thing you'll do?"],
      stage: 'committing',
    });
    expect(f.worked).toMatch(/get in the way of Ana's plan/);
    expect(f.improve).not.toMatch(/hasn't named a plan/);
  });

  it.each([
    ['Who could help you through this?', 'Probably Nadia. Maybe Joel in finance.'],
    ['Who will support you at work?', 'Priya, I suppose. And my old line manager.'],
  ])(
    'after “%s” is answered with names only, an obstacle question is thinking ahead, not testing a plan',
    (asked, names) => {
      const f = fb('What could get in the way?', names, {
        prior: [...CONTRACTED, asked],
        stage: 'opening_up',
      });
      expect(f.worked).not.toMatch(/plan['’]s|get in the way of Ana's plan/);
      expect(f.worked).toMatch(/thinking ahead/);
      expect(f.improve).toMatch(/hasn't named a plan yet/);
    },
  );
});

/**
 * @module practice/rubric/scores-follow.test
 * Scores follow what happened (issue 12): content-free templates earn nothing, listening grows
 * smoothly with reflections, no skill rewards a shorter session, a commitment is the partner's
 * own step with a when, reassurance and blaming count against non-judgement, contracting and
 * returning to the goal count for agreement, and a level always follows its number. Codings are
 * built by hand so these hold whatever the coder does.
 */
import { describe, expect, it } from 'vitest';
import { readinessToPartner } from '../progress/readiness.js';
import { levelForScore } from '../standing/index.js';
import type { CoachCode, Scorecard, SkillId, TranscriptTurn } from '../types.js';
import { scoreSession } from './score-session.js';
import { coach, coding, partner, transcript } from '../../../test/fixtures/transcripts.fixture.js';

const skill = (card: Scorecard, id: SkillId) => card.skills.find((s) => s.skill === id)!;
const check = (card: Scorecard, id: string) =>
  card.skills.flatMap((s) => s.checks).find((c) => c.id === id)!;
const SAY = 'It has been a long few weeks and I am not sure where to start with any of it.';

/** Coach turns after a partner line each; `false` in a tuple marks a turn that did not engage. */
function session(...turns: (CoachCode[] | [CoachCode[], false])[]): TranscriptTurn[] {
  const lines = turns.flatMap((t, i) => {
    const [codes, engaged] = Array.isArray(t[0])
      ? (t as [CoachCode[], false])
      : [t as CoachCode[], true];
    return [partner(SAY), { ...coach(`turn ${i}`, codes), engaged }];
  });
  return transcript(...lines).map((t, i) =>
    t.role === 'coach'
      ? { ...t, coding: { ...t.coding!, engaged: (lines[i] as { engaged: boolean }).engaged } }
      : t,
  );
}

describe('content-free templates earn nothing', () => {
  // eleven template sentences about nothing, coded by their shape, not one engaging with the partner
  const shapes: CoachCode[][] = [
    ['goal_question', 'open_question'],
    ['complex_reflection'],
    ['open_question'],
    ['complex_reflection'],
    ['summary'],
    ['affirmation'],
    ['incisive_question', 'open_question'],
    ['complex_reflection'],
    ['simple_reflection', 'open_question'],
    ['action_question', 'open_question'],
    ['complex_reflection'],
  ];
  const card = scoreSession(session(...shapes.map((c) => [c, false] as [CoachCode[], false])));

  it('scores no skill good (nor fair), and says why', () => {
    for (const s of card.skills) expect(s.level, s.skill).toBe('not_yet');
    for (const s of card.skills) expect(s.score, s.skill).toBeLessThan(50);
    expect(card.metrics).toMatchObject({
      coach_turns: 11,
      engaged_coach_turns: 0,
      reflections: 0,
      goal_questions: 0,
      action_questions: 0,
    });
    expect(check(card, 'no_unasked_advice').detail).toBe(
      'not enough evidence: 0 of your 11 turns engaged with what your partner said, needs at least 3',
    );
  });

  it('never makes a learner ready to partner, however many sessions', () => {
    const history = [1, 2, 3, 4].map((d) => ({
      sessionId: `t${d}`,
      at: `2026-05-0${d}T10:00:00Z`,
      scorecard: card,
    }));
    expect(readinessToPartner(history).ready).toBe(false);
  });

  it('scores the same shapes well once they engage', () => {
    const engaged = scoreSession(session(...shapes));
    expect(skill(engaged, 'listening').level).toBe('good');
    expect(skill(engaged, 'agreement').score).toBeGreaterThan(skill(card, 'agreement').score);
  });
});

describe('process moves about nothing earn nothing, though the coder calls them engaged', () => {
  // the coder does not check a goal question's or contracting's words against the partner's (they
  // are the coach's own by nature): the words decide, as they do for feedback's praise
  const said = 'I took on the team three months ago and I am drowning in escalations.';
  const turn = (text: string, codes: CoachCode[]) => [partner(said), coach(text, codes)];
  const score = (goal: string, contract: string, back: string) =>
    scoreSession(
      transcript(
        ...turn(contract, ['contracting', 'closed_question']),
        ...turn(goal, ['goal_question', 'open_question']),
        ...turn('So you are drowning in escalations.', ['simple_reflection']),
        ...turn(back, ['return_to_goal', 'open_question']),
      ),
    );

  it('credits agreement for the real thing and not for templates about nothing', () => {
    const real = score(
      'What would you like to get from today?',
      'Shall we agree that this stays between us?',
      'Coming back to what you wanted from today, where are we?',
    );
    const template = score(
      'What would you like to get from the orange teapot today?',
      'Shall we agree that the windmill stays between us?',
      'Coming back to the marmalade, where are we with the penguins?',
    );
    expect(skill(real, 'agreement').level).toBe('good');
    expect(skill(template, 'agreement').level).toBe('not_yet');
    expect(template.metrics).toMatchObject({ goal_questions: 0, engaged_coach_turns: 1 });
  });

  it('credits a goal question that names what the partner raised', () => {
    const card = score(
      'What would you like to get from today about the escalations?',
      'Shall we agree that this stays between us?',
      'Coming back to the escalations, where are we?',
    );
    expect(skill(card, 'agreement').level).toBe('good');
  });
});

describe('listening grows smoothly with reflections', () => {
  const OQ: CoachCode[] = ['open_question'];
  const SR: CoachCode[] = ['simple_reflection'];
  const CR: CoachCode[] = ['complex_reflection'];
  it('scores one reflection in ten turns clearly below four in ten, and every added reflection helps', () => {
    const scores = [0, 1, 2, 3, 4, 5, 6].map((r) => {
      const turns = Array.from({ length: 10 }, (_, i) => (i < r ? (i % 2 ? CR : SR) : OQ));
      return skill(scoreSession(session(...turns)), 'listening').score;
    });
    expect(scores[4] - scores[1]).toBeGreaterThanOrEqual(25);
    for (let i = 1; i < scores.length; i++)
      expect(scores[i], `${i} reflections`).toBeGreaterThan(scores[i - 1]);
  });
  it('counts a reflection and a question in one turn as both', () => {
    const card = scoreSession(
      session(['simple_reflection', 'open_question'], ['complex_reflection', 'open_question'], OQ),
    );
    expect(card.metrics).toMatchObject({ reflections: 2, questions: 3 });
  });
});

describe('no skill rewards a shorter session', () => {
  const five: CoachCode[][] = [
    ['goal_question'],
    ['complex_reflection'],
    ['open_question'],
    ['simple_reflection'],
    ['advice'],
  ];
  it('scores a ten-turn session at least as well as its first five on every skill', () => {
    const more: CoachCode[][] = [
      ['complex_reflection'],
      ['open_question'],
      ['summary'],
      ['complex_reflection'],
      ['open_question'],
    ];
    const short = scoreSession(session(...five));
    const long = scoreSession(session(...five, ...more));
    for (const s of short.skills)
      expect(skill(long, s.skill).score, s.skill).toBeGreaterThanOrEqual(s.score);
  });
  it('records not enough evidence, not a zero, for a session with no coach turns or too few', () => {
    for (const card of [
      scoreSession([]),
      scoreSession(session(['goal_question'], ['complex_reflection'])),
    ]) {
      for (const s of card.skills)
        expect(s).toMatchObject({ status: 'not_enough_evidence', level: 'not_yet' });
    }
    expect(
      scoreSession(
        session(['goal_question'], ['complex_reflection'], ['open_question']),
      ).skills.every((s) => s.status === 'scored'),
    ).toBe(true);
  });
});

describe('action credits the partner’s own commitment', () => {
  const explore = [
    coach('What would you like from today?', ['goal_question']),
    partner('I want the rota to stop landing on me every week.'),
    coach('It keeps coming back to you.', ['simple_reflection']),
    partner('It does. Nobody else picks it up.'),
    coach('And that leaves you carrying it alone.', ['complex_reflection']),
  ];
  const ending = (...rest: ReturnType<typeof partner>[]) =>
    scoreSession(transcript(...explore, ...rest));
  const asked = coach('What will you do, and by when?', ['action_question', 'open_question']);

  it('gives good for a step the partner chose, with a when', () => {
    const card = ending(
      partner('Yes, and I am tired of it.'),
      asked,
      partner("I'll ask Priya on Thursday to share the rota with me."),
    );
    expect(skill(card, 'action')).toMatchObject({ level: 'good', score: 100 });
    expect(check(card, 'commitment_made').passed).toBe(true);
  });

  it('gives no commitment for "I don’t know yet" or an answer given to have one', () => {
    for (const answer of [
      "I don't know yet.",
      "Honestly, I'd just be saying something to have an answer. Maybe I'll talk to someone next week.",
    ]) {
      const card = ending(partner('Yes.'), asked, partner(answer));
      expect(check(card, 'commitment_made').passed, answer).toBe(false);
      expect(check(card, 'action_owned_by_partner').passed, answer).toBe(false);
      expect(skill(card, 'action').level, answer).not.toBe('good');
    }
  });

  it('fails "came from the partner" when the coach wrote the plan, even when the partner agrees to it', () => {
    const card = ending(
      partner('Yes.'),
      asked,
      partner('I am not sure.'),
      coach("So you'll set up a rota on Monday, okay?", ['closed_question']),
      partner("Okay, I'll set up a rota on Monday."),
    );
    expect(check(card, 'commitment_made').passed).toBe(false);
    expect(check(card, 'action_owned_by_partner').passed).toBe(false);
    expect(skill(card, 'action').level).not.toBe('good');
  });

  it('lets the coach reflect the partner’s own plan back without taking it over', () => {
    const card = ending(
      partner('Yes.'),
      asked,
      partner("I'll ask Priya on Thursday to share the rota with me."),
      coach("So you'll ask Priya on Thursday to share the rota.", ['simple_reflection']),
      partner('Yes. That feels doable.'),
    );
    expect(check(card, 'action_owned_by_partner').passed).toBe(true);
  });
});

describe('non-judgement and agreement count what the moves do', () => {
  it('counts judgements (blaming questions included) and reassurance against non-judgement', () => {
    const card = scoreSession(
      session(
        ['complex_reflection'],
        ['judgement', 'closed_question'],
        ['reassurance'],
        ['open_question'],
      ),
    );
    expect(card.metrics).toMatchObject({ judgements: 1, reassurances: 1 });
    expect(check(card, 'no_reassurance').passed).toBe(false);
    expect(check(card, 'advice_or_judgement_at_most_once')).toMatchObject({
      passed: false,
      detail: '2 slips into unasked advice, judgement or reassurance',
    });
    expect(skill(card, 'non_judgement').level).toBe('not_yet');
    // reassurance is never an affirmation
    expect(check(card, 'affirmation_offered').passed).toBe(false);
  });

  it('credits contracting as agreeing the goal, and a return to the goal as reconfirming it', () => {
    const card = scoreSession(
      session(
        ['contracting'],
        ['complex_reflection'],
        ['open_question'],
        ['return_to_goal', 'open_question'],
      ),
    );
    expect(check(card, 'agreement_early').passed).toBe(true);
    expect(check(card, 'agreement_reconfirmed').passed).toBe(true);
    expect(skill(card, 'agreement')).toMatchObject({ level: 'good', score: 100 });
  });
});

describe('levels follow the numbers', () => {
  it('gives every skill the level its score shows, in every session shape', () => {
    const pool: CoachCode[][] = [
      ['open_question'],
      ['simple_reflection'],
      ['complex_reflection'],
      ['advice'],
      ['closed_question'],
      ['goal_question'],
      ['action_question'],
      ['judgement'],
      ['summary'],
      ['reassurance'],
    ];
    for (let seed = 1; seed < 150; seed++) {
      const n = 3 + (seed % 9);
      const turns = Array.from(
        { length: n },
        (_, i) => pool[(seed * 31 + i * 17 + ((seed * i) % 7)) % pool.length],
      );
      for (const s of scoreSession(session(...turns)).skills)
        expect(s.level, `${seed} ${s.skill} ${s.score}`).toBe(levelForScore(s.score));
    }
  });
});

describe('the coding field', () => {
  it('reads a coding without `engaged` as engaged (older stored turns)', () => {
    const c = coding('So it keeps landing on you.', ['simple_reflection']);
    expect(c.engaged).toBeUndefined();
    const card = scoreSession([
      { index: 0, role: 'partner', text: SAY },
      { index: 1, role: 'coach', text: 'So it keeps landing on you.', coding: c },
    ]);
    expect(card.metrics).toMatchObject({ reflections: 1, engaged_coach_turns: 1 });
  });
});

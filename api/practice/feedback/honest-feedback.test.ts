/**
 * @module practice/feedback/honest-feedback.test
 * Feedback a learner can trust (issue 12): a poor move is never praised, improve and the
 * suggestion name the partner's own words, no text repeats within a session, and an alternative
 * that is broken or no better for the moment is dropped rather than shown.
 */
import { describe, expect, it } from 'vitest';
import { coding } from '../../../test/fixtures/transcripts.fixture.js';
import type { CoachCode, CoachTurnCoding, TurnFeedback } from '../types.js';
import { alternativeProblems, feedbackForTurn } from './turn-feedback.js';
import { wordingProblems } from './wording-checks.js';

const DANA =
  "Honestly, I'm drowning. I take every hard escalation myself and answer tickets at ten at night.";

function fb(
  text: string,
  codes: CoachCode[],
  over: {
    prev?: string;
    engaged?: boolean;
    prior?: CoachTurnCoding[];
    priorFeedback?: TurnFeedback[];
    q?: number;
  } = {},
) {
  return feedbackForTurn({
    coding: {
      ...coding(text, codes, over.q),
      ...(over.engaged === undefined ? {} : { engaged: over.engaged }),
    },
    coachText: text,
    previousPartnerText: over.prev ?? DANA,
    stage: 'opening_up',
    coachTurnNumber: 1,
    priorCodings: over.prior ?? [coding('What would you like from today?', ['goal_question'])],
    priorFeedback: over.priorFeedback,
    partnerName: 'Dana',
  });
}

describe('never praises a poor move', () => {
  const poor: [string, CoachCode[]][] = [
    ['Honestly, you are overthinking it.', ['judgement']],
    ["Why didn't you hand some of it over months ago?", ['judgement', 'open_question']],
    ["Don't worry, every new manager feels like that.", ['reassurance']],
    ['Have you tried just delegating the escalations?', ['advice', 'closed_question']],
    ['You need to stop answering tickets after six.', ['advice']],
    ["Don't you think you should let Sam take some?", ['leading_question', 'closed_question']],
    ['Why? When? Who else could do it?', ['stacked_questions', 'open_question']],
  ];
  for (const [text, codes] of poor) {
    it(`“${text}”`, () => {
      const f = fb(text, codes, { q: codes.includes('stacked_questions') ? 3 : undefined });
      expect(f.worked).toBe('');
      // specific: improve or the suggestion names what Dana said
      expect(`${f.improve} ${f.suggestion}`).toMatch(/drowning|hard escalation/);
    });
  }

  it('names only the good part of a mixed turn', () => {
    const f = fb("So you're drowning. You should hand the rota to Sam.", [
      'simple_reflection',
      'advice',
    ]);
    expect(f.move).toBe('advice');
    expect(f.worked).toMatch(/saying back Dana's words/);
  });

  it('calls a blaming "why" question and question-shaped advice what they are', () => {
    expect(
      fb("Why didn't you hand some of it over months ago?", ['judgement', 'open_question']).improve,
    ).toMatch(/defend a choice/);
    expect(
      fb('Have you tried just delegating the escalations?', ['advice', 'closed_question']).improve,
    ).toMatch(/^Phrased as a question/);
    expect(fb("Don't worry, every new manager feels like that.", ['reassurance']).improve).toMatch(
      /soothes rather than explores/,
    );
  });

  it('gives a template that engaged with nothing no praise for its shape', () => {
    const f = fb(
      'It sounds like the purple banana has left you carrying a lot of telephones.',
      ['complex_reflection'],
      { engaged: false },
    );
    expect(f.move).toBe('unengaged');
    expect(f.worked).toBe('');
    expect(f.improve).toMatch(/didn't pick up anything Dana had said/);
  });
});

describe('praise needs evidence in the partner’s words, whatever the coder says', () => {
  // each coded as the coder might (engaged, or a goal question the coder does not check)
  const templates: [string, CoachCode[]][] = [
    [
      'What would you like to get from the orange teapot today?',
      ['goal_question', 'open_question'],
    ],
    ['Shall we agree that the windmill stays between us?', ['contracting', 'closed_question']],
    ['You sound clearer about the marmalade.', ['complex_reflection']],
    ['So the kettle and the moonlight have been weighing on you.', ['complex_reflection']],
    ['What else is going on with the bicycles?', ['open_question']],
    ["You've shown real strength with the trampoline.", ['affirmation']],
  ];
  for (const [text, codes] of templates) {
    it(`gives no praise to “${text}”`, () => {
      const f = fb(text, codes, {
        engaged: true,
        prev: "I'd like to be clearer about what I actually think. Honestly, I'm drowning.",
      });
      expect(f.worked).toBe('');
    });
  }

  it('says a process move about nothing picked up nothing, naming what the partner never mentioned', () => {
    const f = fb(
      'What would you like to get from the orange teapot today?',
      ['goal_question', 'open_question'],
      { engaged: true },
    );
    expect(f.move).toBe('unengaged');
    expect(f.improve).toMatch(/“orange teapot”/);
  });

  it('praises the same moves when they take up what the partner said', () => {
    expect(
      fb('What would you like to get from today?', ['goal_question', 'open_question']).worked,
    ).toMatch(/asked what Dana wants/);
    expect(
      fb("So you're answering tickets at ten at night.", ['simple_reflection'], { engaged: true })
        .worked,
    ).not.toBe('');
    expect(
      fb('It sounds like the escalations have become yours alone.', ['complex_reflection'], {
        engaged: true,
      }).worked,
    ).not.toBe('');
  });

  it('does not tell a good move it picked up nothing when only the coder doubts it', () => {
    // an incisive question brings in the coach's own assumption by design; "friendship" is new
    for (const [text, codes] of [
      [
        'If you knew the team would respect you more for trusting them, what would you hand over?',
        ['incisive_question', 'open_question'],
      ],
      [
        'Part of you worries that handing the escalations over would cost you the team’s respect.',
        ['complex_reflection'],
      ],
    ] as [string, CoachCode[]][]) {
      const f = fb(text, codes, { engaged: false });
      expect(f.move, text).not.toBe('unengaged');
      expect(f.improve, text).not.toMatch(/didn't pick up anything|hasn't mentioned/);
    }
  });

  it('gives a “why” question no praise, and offers a “what” instead', () => {
    const f = fb('Why do you let them talk over you?', ['open_question']);
    expect(f.worked).toBe('');
    expect(f.withheld).toBe('why_question');
    expect(f.improve).toMatch(/justify themselves/);
    expect(f.suggestion).toMatch(/“what” or “how”/);
  });

  it('names a blaming “why” coded as a judgement kindly, with a better move for that moment', () => {
    const f = fb('Why do you let them talk over you?', ['judgement', 'open_question']);
    expect(f.worked).toBe('');
    expect(f.improve).toMatch(
      /^However gently it's asked, “Why do you let them talk over you\?” reads as a judgement/,
    );
    expect(f.suggestion).toMatch(/what got in the way|“What made it hard\?”/);
    if (f.alternative)
      expect(
        alternativeProblems(
          { move: f.alternativeMove!, text: f.alternative },
          'Why do you let them talk over you?',
          DANA,
        ),
      ).toEqual([]);
  });
});

describe('credits contracting and a return to the goal', () => {
  it('says what contracting does', () => {
    const f = fb(
      'Shall we agree that what we say stays between us, and that I am here to listen rather than advise?',
      ['contracting', 'closed_question'],
    );
    expect(f.move).toBe('contracting');
    expect(f.worked).toMatch(/agreed how you'll work together/);
  });
  it('says what returning to the goal does', () => {
    expect(
      fb('Coming back to what you wanted from today, how are we doing?', [
        'return_to_goal',
        'open_question',
      ]).worked,
    ).toMatch(/back to what Dana wanted/);
  });
});

describe('no repeats within a session', () => {
  it('varies the wording when the same move comes back, and never repeats a box already given', () => {
    const given: TurnFeedback[] = [];
    const prior: CoachTurnCoding[] = [];
    for (let i = 0; i < 6; i++) {
      const f = fb('You should just hand it over.', ['advice'], {
        prev: 'It is a lot.',
        prior: [...prior],
        priorFeedback: [...given],
      });
      for (const box of [f.worked, f.improve, f.suggestion])
        if (box)
          for (const g of given) expect([g.worked, g.improve, g.suggestion]).not.toContain(box);
      given.push(f);
      prior.push(coding('You should just hand it over.', ['advice']));
    }
  });
});

describe('alternatives are better moves in good English, or none', () => {
  it('finds the breaks that stitching makes', () => {
    expect(
      wordingProblems("It sounds like Sorry, you're a bit frazzled.", "Sorry, I'm a bit frazzled."),
    ).not.toEqual([]);
    expect(wordingProblems("So you wasn't ready for it.", null)).not.toEqual([]);
    expect(wordingProblems("So it'sn't fair on the team.", null)).not.toEqual([]);
    expect(wordingProblems('It sounds like I can’t cope.', null, { reflection: true })).not.toEqual(
      [],
    );
    expect(
      wordingProblems(
        'So Sam asked to do more escalations.',
        'Sam actually asked to do more escalations.',
      ),
    ).toEqual([]);
    expect(
      wordingProblems("So you're taking every hard escalation yourself.", DANA, {
        reflection: true,
      }),
    ).toEqual([]);
  });
  it('refuses an alternative that does not code as the move it claims, or repeats the learner', () => {
    expect(
      alternativeProblems(
        { move: 'deeper_reflection', text: 'You should hand it to Sam.' },
        'x',
        DANA,
      ),
    ).toContain('does not code as deeper_reflection');
    const same = 'What feels hardest about it for you?';
    expect(alternativeProblems({ move: 'open_question', text: same }, same, DANA)).toContain(
      'the same as what the learner said',
    );
  });
  it('every alternative it shows passes its own checks', () => {
    for (const [text, codes] of [
      ['You should delegate.', ['advice']],
      ['Is it that bad?', ['closed_question']],
      ['Okay.', ['other']],
      ['You are drowning.', ['simple_reflection']],
    ] as [string, CoachCode[]][]) {
      const f = fb(text, codes);
      if (f.alternative)
        expect(
          alternativeProblems({ move: f.alternativeMove!, text: f.alternative }, text, DANA),
          f.alternative,
        ).toEqual([]);
    }
  });
});

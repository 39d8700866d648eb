/**
 * @module practice/feedback/read-through.test
 * Faults a supervisor's read-through found in per-turn feedback, each checked on phrasings other
 * than the ones reported: a minimal encourager faulted for neither reflecting nor asking; the
 * same "You could have said" offered twice in a session; advice to check a reflection the coach
 * had already checked; tentativeness praised in a reflection stated as fact that adds what the
 * partner never said.
 */
import { describe, expect, it } from 'vitest';
import { codeUtterance } from '../coder/index.js';
import type { TurnFeedback } from '../types.js';
import { POOR_MOVES } from './coach-move.js';
import { feedbackForTurn } from './turn-feedback.js';

function read(
  partner: string,
  coach: string,
  over: { earlier?: string[]; turn?: number; prior?: TurnFeedback[] } = {},
) {
  const earlier = over.earlier ?? [];
  const coding = codeUtterance(coach, { prevPartner: partner, earlierPartner: earlier });
  const feedback = feedbackForTurn({
    coding,
    coachText: coach,
    previousPartnerText: partner,
    coachTurnNumber: over.turn ?? 4,
    priorCodings: [],
    so: {
      questionStreak: 0,
      reflections: 1,
      questions: 1,
      goalAsked: true,
      actionAsked: false,
      incisiveAsked: false,
    },
    partnerName: 'Amara',
    partnerHistory: [...earlier, partner],
    priorFeedback: over.prior,
  });
  return { coding, feedback };
}

const PARTNER =
  "The project board keeps moving the goalposts and I'm the one who has to explain it.";

describe('minimal encouragers', () => {
  const ENCOURAGERS = [
    'Carry on.',
    'Keep going, I’m listening.',
    'Uh-huh, and?',
    'Please, continue.',
    'Say a little more about that.',
    'Mm-hmm.',
    'And then what happened?',
    'Take your time.',
    'Right... go ahead.',
    'Say a bit more, if you like.',
  ];
  for (const text of ENCOURAGERS)
    it(`praises “${text}” lightly as an invitation to go on, and never faults it`, () => {
      const { coding, feedback } = read(PARTNER, text);
      expect(feedback.improve).not.toMatch(/neither reflected nor asked|can be answered in a word/);
      expect(POOR_MOVES.has(feedback.move), feedback.move).toBe(false);
      expect(['closed_question', 'information', 'other']).not.toContain(feedback.move);
      expect(feedback.worked).not.toBe('');
      // nor is it coded as advice or a closed question for the scorecard and the partner
      expect(coding.codes).not.toContain('advice');
      expect(coding.codes).not.toContain('closed_question');
    });

  for (const text of ['Go on, ring her tomorrow.', 'Carry on with the new rota.', 'Okay.'])
    it(`does not take “${text}” for an encourager`, () => {
      expect(read(PARTNER, text).feedback.move).not.toBe('encourager');
    });
});

describe('alternatives across a session', () => {
  it('never offers an alternative already offered when the partner says the same line again', () => {
    const line = "I can't plan anything because the shift pattern changes every Friday.";
    const first = read(line, 'You should ask for the rota a month ahead.', { turn: 3 });
    expect(first.feedback.alternative).not.toBe('');
    const again = read(line, "You need to tell your manager it isn't fair.", {
      turn: 5,
      prior: [first.feedback],
    });
    expect(again.feedback.alternative.toLowerCase()).not.toBe(
      first.feedback.alternative.toLowerCase(),
    );
  });
});

describe('checking a reflection', () => {
  const EARLIER = [
    'The client keeps adding work without moving the deadline.',
    "The deadline's moved twice already.",
  ];
  const GIST =
    "the client keeps adding work, the deadline's moved twice, and you're left apologising to everyone.";
  for (const [open, check] of [
    ['So, to sum up:', 'Did I catch that right?'],
    ['Let me check I’ve followed:', 'Am I close?'],
    ['To recap:', 'Is that a fair summary?'],
  ])
    it(`does not advise checking a summary that ends “${check}”`, () => {
      for (const turn of [4, 5]) {
        const { feedback } = read(
          "And I'm the one who ends up apologising to everyone.",
          `${open} ${GIST} ${check}`,
          { earlier: EARLIER, turn },
        );
        expect(feedback.move).toBe('summary');
        expect(feedback.improve).not.toMatch(/\bcheck (?:it|them)\b/i);
      }
    });

  it('still advises checking a summary that does not check', () => {
    const improves = [4, 5].map(
      (turn) =>
        read("And I'm the one who ends up apologising to everyone.", `So, to sum up: ${GIST}`, {
          earlier: EARLIER,
          turn,
        }).feedback.improve,
    );
    expect(improves.some((t) => /\bcheck (?:it|them)\b/i.test(t))).toBe(true);
  });
});

describe('tentative reflections and interpretations', () => {
  const SAID = 'I went blank when the finance director asked about the overspend.';
  it('treats a reflection stating an unsaid cause as fact as an interpretation, not praise', () => {
    for (const coach of [
      'So you panic because the director never trusted you.',
      'You lose your words whenever the whole board is watching.',
    ])
      for (const turn of [4, 5]) {
        const { feedback } = read(SAID, coach, { turn });
        expect(feedback.worked, coach).not.toMatch(/tentative|accurate/);
        expect(feedback.withheld, coach).toBe('interpretation');
        expect(feedback.improve, coach).toMatch(/never said|your reading|your interpretation/);
      }
  });

  it('praises tentativeness only when the reflection was tentative', () => {
    for (const plain of [
      'So the overspend question left you exposed in front of the director.',
      'Going blank in front of the director has shaken your confidence.',
    ])
      for (const turn of [4, 5]) {
        const { feedback } = read(SAID, plain, { turn });
        expect(feedback.move).toBe('complex_reflection');
        expect(feedback.worked).not.toBe('');
        expect(feedback.worked).not.toMatch(/tentative/);
      }
    const tentative =
      'It sounds like your mind emptied the moment the director raised the overspend.';
    expect([4, 5].map((turn) => read(SAID, tentative, { turn }).feedback.worked).join(' ')).toMatch(
      /tentative/,
    );
  });

  it('treats a cause that passes a verdict on others as an interpretation', () => {
    const { feedback } = read(
      'Honestly, the handover from nights is where it all goes wrong.',
      'So the handover goes wrong because the night staff are lazy.',
    );
    expect(feedback.worked).toBe('');
    expect(feedback.withheld).toBe('interpretation');
  });

  it('reads a guess about the partner (“Perhaps you…”, “I wonder if you…”) as a reflection, not advice', () => {
    const line = 'Honestly, the handover from nights is where it all goes wrong.';
    for (const coach of [
      'Perhaps you get defensive whenever the day team mention nights.',
      'I wonder if you brace yourself before every handover.',
    ]) {
      const { coding, feedback } = read(line, coach);
      expect(coding.codes, coach).not.toContain('advice');
      expect(feedback.worked, coach).not.toBe('');
    }
    // with a modal it is a suggestion, and stays advice
    expect(read(line, 'Perhaps you could sit in on the night handover.').coding.codes).toContain(
      'advice',
    );
  });

  it('praises a tentative guess at an unsaid cause as a guess, not as an accurate reflection', () => {
    const { feedback } = read(SAID, 'It sounds like you go blank whenever the numbers look bad.');
    expect(feedback.withheld).toBeNull();
    expect(feedback.worked).toMatch(/guess/);
  });
});

describe('reflections in the coach’s own words', () => {
  // new pairs, none of them in unseen-turns.test.ts: the partner's meaning kept, the words changed
  const PARAPHRASES: [string, string][] = [
    [
      'I blanked when the client asked me for the figures.',
      'You went quiet the moment the client wanted numbers.',
    ],
    [
      'Half my week goes on filling in forms for the audit.',
      'The paperwork for the audit is eating your week.',
    ],
    [
      'I handed the rota to Jo and she made a mess of it.',
      "Delegating the rota hasn't gone the way you hoped.",
    ],
    [
      "Every Saturday I'm dreading the Monday board meeting.",
      'Your weekends are spent worrying about that board meeting.',
    ],
    [
      'I was working until midnight three nights this week.',
      'Your evenings have disappeared into work this week.',
    ],
    [
      'The new ordering system went live on Monday and nobody can use it.',
      'Since the rollout, nobody can get the hang of it.',
    ],
    [
      "I'm scared that if I ask for flexible hours they'll think I'm not committed.",
      'Asking for flexibility might feel like admitting you care less about the job.',
    ],
  ];
  for (const [partner, coach] of PARAPHRASES)
    it(`praises “${coach}” as a reflection`, () => {
      const { coding, feedback } = read(partner, coach);
      expect(['simple_reflection', 'complex_reflection']).toContain(feedback.move);
      expect(coding.engaged).toBe(true);
      expect(feedback.worked).not.toBe('');
    });

  it('praises no judgement, generalisation or minimising said in other words', () => {
    for (const [partner, coach] of [
      [
        'I handed the rota to Jo and she made a mess of it.',
        'Handing it to Jo was a mistake on your part.',
      ],
      [
        'I handed the rota to Jo and she made a mess of it.',
        'Delegating is always a risk; most managers find that out the hard way.',
      ],
      [
        'Half my week goes on filling in forms for the audit.',
        'Forms are just part of the job, everyone has them.',
      ],
    ])
      expect(read(partner, coach).feedback.worked, coach).toBe('');
  });

  it('does not praise a parroted reflection as being in the coach’s own words', () => {
    for (const turn of [4, 5])
      expect(
        read(
          'I blanked when the client asked me for the figures.',
          'You blanked when the client asked you for the figures.',
          { turn },
        ).feedback.worked,
      ).not.toMatch(/own words/);
  });
});

/**
 * @module practice/feedback/alternative-reply.test
 * The alternatives feedback offers must themselves be good moves: checked with the real coder
 * across every partner line of the built-in scenarios and a set of hand-written ones.
 */
import { describe, expect, it } from 'vitest';
import { codeUtterance } from '../coder/index.js';
import { PARTNER_CARDS } from '../scenarios/index.js';
import type { CoachCode } from '../types.js';
import { alternativeFor, reflectionOf, saidLine, type GoodMove } from './alternative-reply.js';
import type { CoachMove } from './coach-move.js';
import { clauseOf, keySentence, secondPerson } from './partner-words.js';

const GOOD: CoachCode[] = [
  'simple_reflection',
  'complex_reflection',
  'summary',
  'open_question',
  'goal_question',
  'incisive_question',
  'action_question',
];
const BAD: CoachCode[] = [
  'advice',
  'judgement',
  'closed_question',
  'leading_question',
  'stacked_questions',
];

const HAND_WRITTEN = [
  "I keep giving my manager dates I can't hit.",
  "Honestly? I'm exhausted. I've been covering for two people since March and nobody has noticed.",
  'We had the reorg in the spring and I still do not know who I report to.',
  "I'm not sure. Maybe it's fine.",
  'I just do not know. What would you do?',
  "I think if I ask for help they'll think I can't cope.",
  'My team is great. It is the other team that is the problem.',
  'Fine.',
  '',
];

function partnerLines(): string[] {
  const lines: string[] = [...HAND_WRITTEN];
  for (const card of PARTNER_CARDS) {
    const s = card.script;
    if (!s) continue;
    lines.push(
      ...s.openings,
      ...s.surface,
      ...s.sessionGoal,
      ...s.pushback,
      ...Object.values(s.disclose).flat(),
      ...Object.values(s.elaborate).flat(),
    );
  }
  return lines;
}

describe('alternatives code as good moves', () => {
  const lines = partnerLines();
  const moves: GoodMove[] = [
    'reflection',
    'deeper_reflection',
    'open_question',
    'goal_question',
    'incisive_question',
    'action_question',
  ];

  it(`every alternative for ${lines.length} partner lines x ${moves.length} moves is a reflection or an open/goal/incisive/action question`, () => {
    const failures: string[] = [];
    for (const prev of lines) {
      for (const move of moves) {
        const alt = alternativeFor(move, prev);
        const c = codeUtterance(alt.text, { prevPartner: prev });
        if (!c.codes.some((x) => GOOD.includes(x)) || c.codes.some((x) => BAD.includes(x)))
          failures.push(`${move}: "${alt.text}" -> ${c.codes.join(',')}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('reflects in the partner’s own words for nearly every line that has content', () => {
    const withContent = lines.filter((l) => keySentence(l));
    const reflected = withContent.filter((l) => reflectionOf(l, true) !== null);
    expect(reflected.length / withContent.length).toBeGreaterThan(0.9);
  });

  it('each intended question codes as that move', () => {
    const prev = "I think if I say no, they'll decide I'm not ambitious.";
    const codes = (m: GoodMove) =>
      codeUtterance(alternativeFor(m, prev).text, { prevPartner: prev }).codes;
    expect(codes('goal_question')).toContain('goal_question');
    expect(codes('incisive_question')).toContain('incisive_question');
    expect(codes('action_question')).toContain('action_question');
  });
});

describe('partner words', () => {
  it('turns first person into second person', () => {
    expect(secondPerson("I am sure my manager thinks I'm late and we were behind")).toBe(
      "you are sure your manager thinks you're late and you were behind",
    );
  });
  it('picks the sentence with a feeling or belief, and skips greetings', () => {
    expect(keySentence('Hi. The team is fine. I feel stuck in the middle.')).toBe(
      'I feel stuck in the middle.',
    );
    expect(keySentence('Thanks for this.')).toBeNull();
  });
  it('keeps names capitalised and lower-cases ordinary first words', () => {
    expect(clauseOf('Gareth, my manager, is leaving.')).toBe('Gareth, your manager, is leaving');
    expect(clauseOf('About twelve people come.')).toBe('about twelve people come');
  });
  it('reflects a limiting belief as the partner’s own, without agreeing with it', () => {
    expect(reflectionOf("I think if I say no, they'll decide I'm not ambitious.", true)).toBe(
      "Part of you believes if you say no, they'll decide you're not ambitious.",
    );
  });
  it('names the feeling in a deeper reflection', () => {
    expect(
      reflectionOf("I've been covering for two people since March and I'm exhausted.", true),
    ).toMatch(/worn down|exhausted/);
  });
});

describe('alternatives from authored model moves', () => {
  const cards = PARTNER_CARDS.filter((c) => (c.lines ?? []).length > 0);
  const learnerMoves: CoachMove[] = [
    'judgement',
    'advice',
    'closed_question',
    'leading_question',
    'stacked_questions',
    'open_question',
    'goal_question',
    'incisive_question',
    'action_question',
    'simple_reflection',
    'complex_reflection',
    'other',
  ];
  const intended: Record<string, GoodMove> = {
    judgement: 'deeper_reflection',
    advice: 'deeper_reflection',
    closed_question: 'open_question',
    leading_question: 'reflection',
    stacked_questions: 'reflection',
    other: 'reflection',
  };

  it('offers only the model moves the author wrote for the line said, each a good move, never what the learner said', () => {
    const failures: string[] = [];
    let checked = 0;
    for (const card of cards) {
      for (const line of card.lines!.filter((l) => l.moves)) {
        const authored = [
          line.moves!.simpleReflection,
          line.moves!.complexReflection,
          line.moves!.question,
        ];
        for (const learnerMove of learnerMoves) {
          const coachText =
            learnerMove === 'complex_reflection'
              ? line.moves!.complexReflection
              : 'Something else entirely.';
          const alt = alternativeFor(
            intended[learnerMove] ?? 'open_question',
            `Yes. ${line.text}`,
            { card, learnerMove, coachText },
          );
          checked++;
          if (!authored.includes(alt.text))
            failures.push(`${card.id} ${line.id} ${learnerMove}: not authored: ${alt.text}`);
          if (alt.text === coachText)
            failures.push(`${card.id} ${line.id} ${learnerMove}: repeats the learner`);
          const c = codeUtterance(alt.text, { prevPartner: line.text });
          // a closed action question is still a good action question (the checker's claim rule)
          const closedAction = (x: CoachCode) =>
            x === 'closed_question' && c.codes.includes('action_question');
          if (c.codes.some((x) => BAD.includes(x) && !closedAction(x)))
            failures.push(`${card.id} ${line.id}: ${alt.text} -> ${c.codes.join(',')}`);
        }
      }
    }
    expect(checked).toBeGreaterThan(1000);
    expect(failures).toEqual([]);
  });

  it('is an alternative to the learner’s question, not the step after it', () => {
    for (const card of cards) {
      for (const line of card.lines!.filter((l) => l.moves)) {
        const afterIncisive = alternativeFor('action_question', line.text, {
          card,
          learnerMove: 'incisive_question',
          coachText: 'If you knew they trusted you, what would you do?',
        });
        expect(afterIncisive.move, `${card.id} ${line.id}`).not.toBe('action_question');
        expect(afterIncisive.text).not.toMatch(/first step, and by when/);
        const afterOpen = alternativeFor('reflection', line.text, {
          card,
          learnerMove: 'open_question',
          coachText: 'What else?',
        });
        expect(['open_question', 'deeper_reflection']).toContain(afterOpen.move);
      }
    }
  });

  it('finds the line behind a shared reaction, and in an earlier turn when the last reply was only shared words', () => {
    const card = cards.find((c) => c.id === 'hesitating-to-speak-up')!;
    const opening = card.lines!.find(
      (l) => l.text === "Thanks. It's the review meeting again, I'm afraid.",
    )!;
    const alt = alternativeFor('deeper_reflection', opening.text, {
      card,
      learnerMove: 'judgement',
      coachText: 'You should just speak up.',
    });
    expect(alt.text).toBe(opening.moves!.complexReflection);
    expect(alt.text).not.toMatch(/you're afraid/);

    const surface = card.lines!.find((l) => l.id === 'script.surface.1')!;
    expect(saidLine(card, [opening.text, `Mm, yes. ${surface.text}`])).toBe(surface);
    expect(saidLine(card, [opening.text, surface.text, 'Maybe.'])).toBe(surface);
    const afterShort = alternativeFor('open_question', 'Maybe.', {
      card,
      partnerHistory: [opening.text, surface.text, 'Maybe.'],
      learnerMove: 'closed_question',
      coachText: 'Do you like the meeting?',
    });
    expect(afterShort.text).toBe(surface.moves!.question);
  });

  it('never stitches the partner’s words into a frame when the card has authored lines', () => {
    const card = cards[0];
    const alt = alternativeFor('deeper_reflection', 'Something no card says, I am afraid.', {
      card,
      partnerHistory: [],
      learnerMove: 'advice',
    });
    expect(alt.move).toBe('open_question');
    expect(alt.text).not.toMatch(/afraid|It sounds like/);
  });
});

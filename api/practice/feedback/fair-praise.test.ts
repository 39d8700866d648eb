/**
 * @module practice/feedback/fair-praise.test
 * Praise and faults that fit the turn the learner wrote: what came before a poor part is judged
 * by what it does, not by a word in it ("just", "must"); "keep questions short" only about a
 * question that was long; and a sound move made again is never left with an empty "worked" box.
 */
import { describe, expect, it } from 'vitest';
import { codeUtterance } from '../coder/index.js';
import type { CoachTurnCoding, TurnFeedback } from '../types.js';
import { feedbackForTurn } from './turn-feedback.js';

const RAHEL =
  'Every rota change lands on me, and when someone calls in sick I end up covering the shift myself.';

function fb(
  text: string,
  over: {
    prev?: string | null;
    turn?: number;
    prior?: CoachTurnCoding[];
    priorFeedback?: TurnFeedback[];
  } = {},
) {
  const prev = over.prev === undefined ? RAHEL : over.prev;
  return feedbackForTurn({
    coding: codeUtterance(text, { prevPartner: prev }),
    coachText: text,
    previousPartnerText: prev,
    stage: 'exploring',
    coachTurnNumber: over.turn ?? 4,
    priorCodings: over.prior ?? [],
    priorFeedback: over.priorFeedback,
    partnerName: 'Rahel',
  });
}

describe('the part before a poor move is judged by what it does', () => {
  it.each([
    "I just want to check I've understood: every rota change lands on you, and you cover the sick shifts. Have you thought about telling your manager it has to stop?",
    'That must be draining, covering the sick shifts on top of the rota. You should hand the rota to someone else.',
  ])('%j: the reflection before the advice is named', (text) => {
    const f = fb(text);
    expect(f.move).toBe('advice');
    expect(f.worked).toMatch(/reflection|saying back/);
  });

  it.each([
    'You just need to say no when they ask you to cover. It sounds like a lot.',
    "Honestly, you're far too soft on them. So the rota lands on you.",
  ])('%j: a turn that opens by telling or judging earns no praise', (text) => {
    expect(fb(text).worked).toBe('');
  });
});

describe('"keep questions short" only about a long question', () => {
  it.each([
    ['What feels most pressing?', null, 1],
    ['What happens when someone calls in sick?', RAHEL, 2],
    ['What else is there?', RAHEL, 3],
  ] as const)('%j is not told to be shorter', (text, prev, turn) => {
    const f = fb(text, { prev, turn });
    expect(f.move).toBe('open_question');
    expect(`${f.improve} ${f.suggestion}`).not.toMatch(/\bshort/i);
  });

  it('a long question is told its length', () => {
    const f = fb(
      'When you think about all the rota changes and the sick shifts and everything else that has been landing on you lately, what do you notice about how you respond to it all?',
      { turn: 2 },
    );
    expect(f.move).toBe('open_question');
    expect(f.improve).toMatch(/\b\d+ words\b/);
  });
});

describe('a sound move made again keeps its praise', () => {
  it('four summaries in one session each get true, different praise', () => {
    const partner = [
      'The rota is mine, the sick cover is mine, and the audit prep is mine too.',
      "And my manager thinks it's fine because nothing has fallen over yet.",
      "I suppose I'm scared that if I let go of any of it, something will fall over.",
      "It's the audit I worry about most, honestly.",
    ];
    const summaries = [
      'So the rota, the sick cover and the audit prep all sit with you. Have I got that right?',
      "So there's all the work you carry, and there's a manager who thinks it's fine because nothing has fallen over.",
      'So three things so far: the rota, a manager who sees no problem, and a fear that letting go means things fall over.',
      'So you carry the rota, the cover and the audit, and it is the audit that worries you most.',
    ];
    const prior: CoachTurnCoding[] = [];
    const priorFeedback: TurnFeedback[] = [];
    const praised: string[] = [];
    summaries.forEach((text, i) => {
      const coding = codeUtterance(text, { prevPartner: partner[i] });
      expect(coding.codes).toContain('summary');
      const f = feedbackForTurn({
        coding,
        coachText: text,
        previousPartnerText: partner[i],
        stage: 'exploring',
        coachTurnNumber: i + 1,
        priorCodings: [...prior],
        priorFeedback: [...priorFeedback],
        partnerName: 'Rahel',
        partnerHistory: partner.slice(0, i + 1),
      });
      expect(f.worked).not.toBe('');
      praised.push(f.worked);
      prior.push(coding);
      priorFeedback.push(f);
    });
    expect(new Set(praised).size).toBe(praised.length);
  });
});

describe('"As before" keeps a name its capital', () => {
  it('a repeated box that opens with the partner\'s name reads "As before, Rahel ..."', () => {
    const early = "Honestly, I don't know. I haven't thought that far.";
    // a goal asked already, so the only fault both times is the early step question
    const goal = codeUtterance('What would you like from today?', { prevPartner: null });
    const first = fb('What could you do this week?', { prev: early, turn: 3, prior: [goal] });
    expect(first.improve).toMatch(/^Rahel\b/);
    const second = fb('What will you try first?', {
      prev: early,
      turn: 4,
      prior: [goal, codeUtterance('What could you do this week?', { prevPartner: early })],
      priorFeedback: [first],
    });
    expect(second.improve).toBe(`As before, ${first.improve}`);
  });
});

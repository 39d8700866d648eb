/**
 * @module practice/feedback/fitting-words.test
 * Feedback whose words fit what the coach actually said, coded by the real coder: advice naming a
 * day as something to keep ("your Thursdays") is a view of what matters and is not told it "sets
 * the step and the time"; a step handed over with a real time still is; a guess at the partner's
 * feeling stated as a certainty ("I bet it feels odd") is read as a reflection of feeling and told
 * to offer the guess tentatively.
 */
import { describe, expect, it } from 'vitest';
import { codeUtterance } from '../coder/index.js';
import { feedbackForTurn } from './turn-feedback.js';

function fb(text: string, prev: string, turn = 4) {
  const coding = codeUtterance(text, { prevPartner: prev });
  const feedback = feedbackForTurn({
    coding,
    coachText: text,
    previousPartnerText: prev,
    stage: 'exploring',
    coachTurnNumber: turn,
    priorCodings: [codeUtterance('What would you like to get from our half hour?')],
    partnerName: 'Ravi',
    partnerHistory: [prev],
  });
  return { coding, feedback };
}

describe('advice about what matters is not a step with a time', () => {
  it.each([
    [
      'You must hang on to your Thursdays, they matter.',
      'Thursdays used to be my one day without meetings.',
    ],
    [
      'You need to guard your Mondays; nothing matters more.',
      'Mondays are when I plan the week for the site.',
    ],
  ])('“%s” is told it is a view of what matters', (text, prev) => {
    for (const turn of [4, 5]) {
      const { feedback } = fb(text, prev, turn);
      expect(feedback.worked).toBe('');
      expect(feedback.improve).not.toMatch(/the step and the time|a step someone is handed/);
      expect(`${feedback.improve} ${feedback.suggestion}`).toMatch(/what matters|matter to them/);
    }
  });

  it('a step handed over with a time keeps the plan wording', () => {
    const { feedback } = fb(
      "So you'll talk to the site manager on Thursday, then.",
      'Thursdays used to be my one day without meetings.',
    );
    expect(`${feedback.improve} ${feedback.suggestion}`).toMatch(/step|plan/);
  });
});

describe('a short question pointing at what the partner just said', () => {
  it.each([
    [
      'Three years of fundraising, and the trustees shelved it in a single meeting.',
      "What's been the worst bit?",
    ],
    ['They gave my region to someone who joined in March.', 'What was the toughest part of that?'],
  ])('after “%s”, “%s” is engaged and praised', (prev, text) => {
    const { coding, feedback } = fb(text, prev);
    expect(coding.engaged).toBe(true);
    expect(feedback.worked).not.toBe('');
  });
});

describe('a guess at the partner’s feeling stated as a certainty', () => {
  it.each([
    [
      'Six years on the same ward, and now they want me in theatres.',
      'Six years is a long run. I bet it feels odd.',
    ],
    ['I came back from secondment and my desk had gone.', "I'm sure that was unsettling."],
  ])(
    'after “%s”, “%s” is a reflection of feeling, told to offer the guess lightly',
    (prev, text) => {
      for (const turn of [4, 5]) {
        const { coding, feedback } = fb(text, prev, turn);
        expect(coding.codes).toContain('complex_reflection');
        expect(feedback.worked).toMatch(/feeling/);
        expect(feedback.improve).toMatch(/I wonder if/);
      }
    },
  );

  it('reassurance about how things will turn out is not such a guess', () => {
    const { coding } = fb(
      "I'm sure it'll all be fine.",
      'I came back from secondment and my desk had gone.',
    );
    expect(coding.codes).not.toContain('complex_reflection');
  });
});

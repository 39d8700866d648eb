/**
 * @module practice/feedback/own-plan-feedback.test
 * A summary of the step the partner named is not told "the plan here is yours": feedback and
 * scoring read it as the partner's plan given back; a step the coach wrote still is the coach's.
 */
import { describe, expect, it } from 'vitest';
import { startPartner } from '../partner/index.js';
import { getPartnerCard } from '../scenarios/index.js';
import { EMPTY_COACH_RECORD, planTurn } from '../turn/index.js';
import type { TranscriptTurn } from '../types.js';

const card = getPartnerCard('friction-with-another-team')!;
const STEP =
  "I'll ask Jo for half an hour before Thursday's sprint planning. And I'll bring two examples, not a list.";

function feedbackOn(text: string, partnerLines: string[]) {
  const { state } = startPartner(card, 3);
  const recent: TranscriptTurn[] = partnerLines.map((line, i) => ({
    index: i * 2,
    role: 'partner',
    text: line,
  }));
  const plan = planTurn(
    { card, partnerState: state, record: EMPTY_COACH_RECORD, recent },
    { index: partnerLines.length * 2 + 1, text },
  );
  return `${plan.feedback.worked} ${plan.feedback.improve}`;
}

describe('a plan given back', () => {
  it.each([
    "Just to check I've got it: you'll ask Jo for half an hour before Thursday's planning and take two examples.",
    "So you're going to ask Jo for half an hour before Thursday's planning, with two examples.",
    "Let me make sure I've understood: you'll grab Jo for half an hour on Thursday and take a couple of examples.",
    "Let me check I've got it: you'll talk to Jo before Thursday's planning and bring two cases.",
  ])('"%s" after the partner named the step is not the coach\'s plan', (text) => {
    expect(feedbackOn(text, [STEP, 'Mostly I want us to stop sniping.'])).not.toMatch(
      /plan here is yours|sets the step and the time for/,
    );
  });

  it("a step with a time the partner never named is still the coach's", () => {
    expect(
      feedbackOn("So you'll email the whole platform team on Monday and copy in your manager.", [
        STEP,
      ]),
    ).toMatch(/plan here is yours|sets the step and the time for/);
  });
});

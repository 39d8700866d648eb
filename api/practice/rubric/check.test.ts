/**
 * @module practice/rubric/check.test
 * Each check at its threshold edge, with sessions small enough to count by hand.
 */
import { describe, expect, it } from 'vitest';
import type { CoachCode } from '../types.js';
import { adviceFor } from './check.js';
import { LEARNING_PARTNER_CORE } from './learning-partner-core.js';
import { scoreSession } from './score-session.js';
import { coach, partner, transcript } from '../../../test/fixtures/transcripts.fixture.js';

/** A session of coach turns with the given codes, each after a ten-word partner line. */
function session(...turns: (CoachCode[] | [CoachCode[], number])[]) {
  const lines = turns.flatMap((t, i) => {
    const [codes, q] = Array.isArray(t[0])
      ? (t as [CoachCode[], number])
      : [t as CoachCode[], undefined];
    return [
      partner('one two three four five six seven eight nine ten'),
      coach(`turn ${i}`, codes, q),
    ];
  });
  return transcript(...lines);
}
const passed = (turns: ReturnType<typeof session>, id: string) =>
  scoreSession(turns)
    .skills.flatMap((s) => s.checks)
    .find((c) => c.id === id)!.passed;

const SR: CoachCode[] = ['simple_reflection'];
const CR: CoachCode[] = ['complex_reflection'];
const OQ: CoachCode[] = ['open_question'];
const CQ: CoachCode[] = ['closed_question'];

describe('listening checks', () => {
  it('R:Q fair passes at exactly 1:1 and fails just below', () => {
    expect(passed(session(SR, OQ), 'reflection_question_ratio_fair')).toBe(true);
    expect(passed(session(SR, SR, OQ, OQ, OQ), 'reflection_question_ratio_fair')).toBe(false); // 0.67
  });
  it('R:Q good passes at exactly 2:1', () => {
    expect(passed(session(SR, SR, OQ), 'reflection_question_ratio_good')).toBe(true);
    expect(passed(session(SR, SR, SR, OQ, OQ), 'reflection_question_ratio_good')).toBe(false); // 1.5
  });
  it('counts reflections with no questions against one question, never Infinity', () => {
    const card = scoreSession(session(SR, SR));
    expect(card.metrics.reflection_question_ratio).toBe(2);
    expect(passed(session(SR), 'reflection_question_ratio_good')).toBe(false);
  });
  it('counts one reflection per turn (MITI volley), a summary as complex', () => {
    const card = scoreSession(session(['simple_reflection', 'complex_reflection'], ['summary']));
    expect(card.metrics).toMatchObject({
      reflections: 2,
      complex_reflections: 2,
      simple_reflections: 0,
      summaries: 1,
    });
  });
  it('%CR passes 40% at 2 of 5 and 50% at 1 of 2, fails at 1 of 3', () => {
    expect(passed(session(CR, CR, SR, SR, SR), 'complex_reflection_share')).toBe(true);
    expect(passed(session(CR, CR, SR, SR, SR), 'complex_reflection_share_good')).toBe(false);
    expect(passed(session(CR, SR), 'complex_reflection_share_good')).toBe(true);
    expect(passed(session(CR, SR, SR), 'complex_reflection_share')).toBe(false);
  });
  it('needs a reflection before judging %CR, and six turns before asking for a summary', () => {
    const card = scoreSession(session(OQ, OQ));
    const cr = card.skills[0].checks.find((c) => c.id === 'complex_reflection_share')!;
    expect(cr).toMatchObject({ passed: false, detail: 'not enough evidence: no reflections yet' });
    expect(passed(session(['summary']), 'summary_offered')).toBe(false);
    expect(passed(session(['summary'], OQ, OQ, OQ, OQ, OQ), 'summary_offered')).toBe(true);
  });
});

describe('questioning checks', () => {
  it('%open passes 50% at 1 of 2 and 70% at 7 of 10, fails 70% at 2 of 3', () => {
    expect(passed(session(OQ, CQ), 'open_question_share')).toBe(true);
    expect(passed(session(OQ, CQ, CQ), 'open_question_share')).toBe(false);
    expect(
      passed(session(OQ, OQ, OQ, OQ, OQ, OQ, OQ, CQ, CQ, CQ), 'open_question_share_good'),
    ).toBe(true);
    expect(passed(session(OQ, OQ, CQ), 'open_question_share_good')).toBe(false);
  });
  it('counts goal, incisive and action questions as open, and a mixed turn as closed', () => {
    const card = scoreSession(
      session(
        ['goal_question'],
        ['incisive_question'],
        ['action_question'],
        [['open_question', 'closed_question'], 2],
      ),
    );
    expect(card.metrics).toMatchObject({
      questions: 4,
      open_questions: 3,
      closed_questions: 1,
      stacked_question_turns: 1,
    });
  });
  it('one question at a time fails on a stacked code or a question count of two', () => {
    expect(passed(session(OQ, OQ, OQ), 'one_question_at_a_time')).toBe(true);
    expect(
      passed(session(OQ, OQ, ['stacked_questions', 'open_question']), 'one_question_at_a_time'),
    ).toBe(false);
    expect(passed(session(OQ, OQ, [OQ, 2]), 'one_question_at_a_time')).toBe(false);
    expect(passed(session(SR, SR, SR), 'one_question_at_a_time')).toBe(false); // no questions: not enough evidence
    expect(passed(session(OQ, OQ), 'one_question_at_a_time')).toBe(false); // two turns: not enough evidence
  });
  it('leading questions and incisive questions', () => {
    expect(passed(session(OQ, SR, OQ), 'no_leading_questions')).toBe(true);
    expect(passed(session(OQ, SR, ['leading_question']), 'no_leading_questions')).toBe(false);
    expect(passed(session(OQ), 'incisive_question_asked')).toBe(false);
    expect(passed(session(['incisive_question']), 'incisive_question_asked')).toBe(true);
  });
});

describe('non-judgement checks', () => {
  it('no unasked advice needs three turns; advice with permission is not unasked', () => {
    expect(passed(session(OQ, SR), 'no_unasked_advice')).toBe(false);
    expect(
      passed(
        session(OQ, SR, ['permission_request'], ['advice_with_permission']),
        'no_unasked_advice',
      ),
    ).toBe(true);
    expect(passed(session(OQ, SR, ['advice']), 'no_unasked_advice')).toBe(false);
  });
  it('at most one slip: one passes, advice plus judgement fails', () => {
    expect(passed(session(OQ, SR, ['advice']), 'advice_or_judgement_at_most_once')).toBe(true);
    expect(passed(session(OQ, ['judgement'], ['advice']), 'advice_or_judgement_at_most_once')).toBe(
      false,
    );
  });
  it('no judgement and affirmation', () => {
    expect(passed(session(OQ, SR, ['judgement']), 'no_judgement')).toBe(false);
    expect(passed(session(OQ, SR, ['affirmation']), 'no_judgement')).toBe(true);
    expect(passed(session(OQ, SR, ['affirmation']), 'affirmation_offered')).toBe(true);
  });
});

describe('partner-led checks', () => {
  it('partner talks more fails at exactly half and passes above', () => {
    // ten partner words, ten coach words
    const three = (p: string) =>
      transcript(...[1, 2, 3].flatMap(() => [partner(p), coach('a b c d e f g h i j', OQ)]));
    expect(
      passed(three('one two three four five six seven eight nine ten'), 'partner_talks_more'),
    ).toBe(false);
    expect(
      passed(
        three('one two three four five six seven eight nine ten eleven'),
        'partner_talks_more',
      ),
    ).toBe(true);
  });
  it('65% edge: 13 of 20 words passes, 12 of 19 does not', () => {
    const w = (n: number) => Array.from({ length: n }, (_, i) => `w${i}`).join(' ');
    const three = (p: number, c: number) =>
      transcript(...[1, 2, 3].flatMap(() => [partner(w(p)), coach(w(c), OQ)]));
    expect(passed(three(13, 7), 'partner_talks_most')).toBe(true);
    expect(passed(three(12, 7), 'partner_talks_most')).toBe(false);
  });
  it('concise turns: one long turn in five passes (20%), two fails', () => {
    const long = Array.from({ length: 31 }, () => 'word').join(' ');
    const lines = (nLong: number) =>
      transcript(
        ...Array.from({ length: 5 }, (_, i) => [
          partner('hello there'),
          coach(i < nLong ? long : 'short one', OQ),
        ]).flat(),
      );
    expect(passed(lines(1), 'concise_coach_turns')).toBe(true);
    expect(passed(lines(2), 'concise_coach_turns')).toBe(false);
  });
  it('little telling: information and self-disclosure count as telling', () => {
    expect(passed(session(OQ, SR, OQ, SR, ['information']), 'little_telling')).toBe(true);
    expect(
      passed(session(OQ, SR, ['self_disclosure'], SR, ['information']), 'little_telling'),
    ).toBe(false);
  });
  it('needs the partner to have spoken', () => {
    expect(passed(transcript(coach('What brings you here?', OQ)), 'partner_talks_more')).toBe(
      false,
    );
  });
});

describe('agreement and action checks', () => {
  it('agreement early within three coach turns, not on the fourth', () => {
    expect(passed(session(SR, SR, ['goal_question']), 'agreement_early')).toBe(true);
    expect(passed(session(SR, SR, SR, ['goal_question']), 'agreement_early')).toBe(false);
    expect(passed(session(SR, SR, SR, ['goal_question']), 'agreement_sought')).toBe(true);
  });
  it('agreement reconfirmed needs a second goal question', () => {
    expect(passed(session(['goal_question'], SR), 'agreement_reconfirmed')).toBe(false);
    expect(passed(session(['goal_question'], SR, ['goal_question']), 'agreement_reconfirmed')).toBe(
      true,
    );
  });
  it('action after exploration needs two reflections before the first action question', () => {
    expect(passed(session(SR, ['action_question'], SR), 'action_after_exploration')).toBe(false);
    expect(passed(session(SR, CR, ['action_question']), 'action_after_exploration')).toBe(true);
  });
  it('the commitment is the partner’s: advice after the action question fails, before it does not count', () => {
    // judged only once the partner has named a step of their own, with a when
    const committed = (...codes: CoachCode[][]) =>
      transcript(
        ...codes.flatMap((c, i) => [
          partner(
            i === codes.length - 1
              ? 'I will ask Sam on Monday to take the rota.'
              : 'one two three four five',
          ),
          coach(`turn ${i}`, c),
        ]),
        partner('I will ask Sam on Monday to take the rota.'),
      );
    expect(passed(committed(['advice'], ['action_question'], SR), 'action_owned_by_partner')).toBe(
      true,
    );
    expect(passed(committed(['action_question'], ['advice'], SR), 'action_owned_by_partner')).toBe(
      false,
    );
    expect(passed(session(['advice'], ['action_question'], SR), 'action_owned_by_partner')).toBe(
      false,
    ); // no commitment yet
  });
});

describe('advice wording', () => {
  const spec = LEARNING_PARTNER_CORE.skills[0].checks.find(
    (c) => c.id === 'reflection_question_ratio_fair',
  )!;
  it('fills in the value and threshold in the measure’s unit', () => {
    expect(adviceFor(spec, 0.6, {})).toBe('needs more reflections: 0.6 per question, aim for 1');
  });
  it('drops the numbers when there is no value', () => {
    expect(adviceFor(spec, null, {})).toBe('needs more reflections');
  });
});

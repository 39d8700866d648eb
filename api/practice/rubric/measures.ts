/**
 * @module practice/rubric/measures
 * The named quantities a rubric check compares with its threshold. Each reads only the session
 * metrics (counts), so a measure means the same thing for one session and for counts pooled over
 * recent sessions; each knows when there is not enough evidence to judge, and says its value in
 * plain words.
 */
import type { MoveKind } from './session-metrics.js';

/** How a value is shown: ratios with one decimal, shares as percentages, counts as integers. */
export type MeasureUnit = 'ratio' | 'share' | 'count';

export interface Measure {
  unit: MeasureUnit;
  /** `null` when the session holds no evidence to judge (e.g. a share of questions with none) */
  value(m: Record<string, number>): number | null;
  /** why there is no evidence, in plain words */
  missing: string;
  /** the measured value in plain words, shown as the check's detail */
  describe(value: number, m: Record<string, number>): string;
  /** the coach turns that show the behaviour this measure counts */
  evidence: MoveKind[];
}

const get = (m: Record<string, number>, k: string) => m[k] ?? 0;
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** A value in its unit, as the learner reads it ("0.6", "45%", "2"). */
export function formatValue(unit: MeasureUnit, v: number): string {
  if (unit === 'share') return `${Math.round(v * 100)}%`;
  if (unit === 'ratio') return String(Math.round(v * 10) / 10);
  return String(Math.round(v));
}

const count = (
  key: string,
  one: string,
  evidence: MoveKind[],
  missing = '',
  needs?: string,
  many?: string,
): Measure => ({
  unit: 'count',
  value: (m) => (needs && get(m, needs) === 0 ? null : get(m, key)),
  missing,
  describe: (v) => plural(v, one, many),
  evidence,
});

export const MEASURES = {
  reflection_question_ratio: {
    unit: 'ratio',
    value: (m) => m.reflection_question_ratio ?? null,
    missing: 'no reflections or questions yet',
    describe: (v, m) =>
      `${formatValue('ratio', v)} reflections per question (${plural(get(m, 'reflections'), 'reflection')}, ${plural(get(m, 'questions'), 'question')})`,
    evidence: ['reflection', 'question'],
  },
  complex_reflection_share: {
    unit: 'share',
    value: (m) => m.complex_reflection_share ?? null,
    missing: 'no reflections yet',
    describe: (v, m) =>
      `${formatValue('share', v)} of reflections added meaning or feeling (${get(m, 'complex_reflections')} of ${get(m, 'reflections')})`,
    evidence: ['complex_reflection'],
  },
  reflection_turn_share: {
    unit: 'share',
    value: (m) => m.reflection_turn_share ?? null,
    missing: 'no coach turns yet',
    describe: (v, m) =>
      `${formatValue('share', v)} of your turns reflected what your partner said (${get(m, 'reflections')} of ${get(m, 'coach_turns')})`,
    evidence: ['reflection'],
  },
  reflections: count('reflections', 'reflection', ['reflection']),
  summaries: count('summaries', 'summary', ['summary'], '', undefined, 'summaries'),
  questions: count('questions', 'question', ['question']),
  open_questions: count(
    'open_questions',
    'open question about what your partner said',
    ['open_question'],
    '',
    undefined,
    'open questions about what your partner said',
  ),
  open_question_share: {
    unit: 'share',
    value: (m) => m.open_question_share ?? null,
    missing: 'no questions yet',
    describe: (v, m) =>
      `${formatValue('share', v)} of questions were open (${get(m, 'open_questions')} of ${get(m, 'questions')})`,
    evidence: ['open_question', 'closed_question'],
  },
  stacked_question_turns: count(
    'stacked_question_turns',
    'turn with more than one question',
    ['stacked_question'],
    'no questions yet',
    'questions',
    'turns with more than one question',
  ),
  leading_questions: count(
    'leading_questions',
    'leading question',
    ['leading_question'],
    'no questions yet',
    'questions',
  ),
  incisive_questions: count('incisive_questions', 'incisive question', ['incisive_question']),
  unasked_advice: count(
    'unasked_advice',
    'piece of unasked advice',
    ['unasked_advice'],
    '',
    undefined,
    'pieces of unasked advice',
  ),
  judgements: count('judgements', 'judging remark', ['judgement']),
  reassurances: count(
    'reassurances',
    'reassurance that moved past the feeling',
    ['reassurance'],
    '',
    undefined,
    'reassurances that moved past the feeling',
  ),
  advice_or_judgement: {
    unit: 'count',
    value: (m) => get(m, 'unasked_advice') + get(m, 'judgements') + get(m, 'reassurances'),
    missing: '',
    describe: (v) => `${plural(v, 'slip', 'slips')} into unasked advice, judgement or reassurance`,
    evidence: ['unasked_advice', 'judgement', 'reassurance'],
  },
  affirmations: count('affirmations', 'affirmation', ['affirmation']),
  partner_talk_share: {
    unit: 'share',
    value: (m) => m.partner_talk_share ?? null,
    missing: 'the partner has not spoken yet',
    describe: (v, m) =>
      `your partner spoke ${formatValue('share', v)} of the words (${get(m, 'partner_words')} of ${get(m, 'partner_words') + get(m, 'coach_words')})`,
    evidence: ['long_turn', 'telling'],
  },
  long_turn_share: {
    unit: 'share',
    value: (m) => m.long_turn_share ?? null,
    missing: 'no coach turns yet',
    describe: (v, m) =>
      `${formatValue('share', v)} of your turns ran long (${get(m, 'long_turns')} of ${get(m, 'coach_turns')})`,
    evidence: ['long_turn'],
  },
  telling_share: {
    unit: 'share',
    value: (m) => m.telling_share ?? null,
    missing: 'no coach turns yet',
    describe: (v, m) =>
      `${formatValue('share', v)} of your turns told rather than asked (${get(m, 'telling_turns')} of ${get(m, 'coach_turns')})`,
    evidence: ['telling'],
  },
  goal_questions: count('goal_questions', 'goal or agreement question', ['goal_question']),
  early_goal_questions: count('early_goal_questions', 'early goal or agreement question', [
    'early_goal_question',
  ]),
  repeat_goal_questions: count('repeat_goal_questions', 'follow-up goal or success question', [
    'repeat_goal_question',
  ]),
  action_questions: count('action_questions', 'action question', ['action_question']),
  reflections_before_first_action: count(
    'reflections_before_first_action',
    'reflection before the first action question',
    ['reflection_before_action', 'action_question'],
    'no action question yet',
    'action_questions',
    'reflections before the first action question',
  ),
  advice_after_first_action: count(
    'advice_after_first_action',
    'suggestion after the first action question',
    ['advice_after_action'],
    'no action question yet',
    'action_questions',
    'suggestions after the first action question',
  ),
  partner_commitments: count(
    'partner_commitments',
    'step your partner chose, with a when',
    ['commitment'],
    '',
    undefined,
    'steps your partner chose, with a when',
  ),
  coach_plans: count(
    'coach_plans',
    'plan you supplied',
    ['coach_plan'],
    'your partner has not named a step of their own yet',
    'partner_commitments',
    'plans you supplied',
  ),
} satisfies Record<string, Measure>;

export type MeasureId = keyof typeof MEASURES;

/**
 * @module core/labels
 * The words a learner reads for skills, levels, codes and statuses, in one place so every
 * component says the same thing, and the advice for what to practise next per skill.
 */
import type { AssignmentStatus, CoachCode, Level, SkillId } from './api-types.js';

export const SKILL_LABELS: Record<SkillId, string> = {
  listening: 'Listening',
  questioning: 'Questioning',
  non_judgement: 'Non-judgement',
  partner_led: 'Partner-led',
  agreement: 'Agreement',
  action: 'Action',
};

/** What to practise next when a skill is the weakest, in a sentence a learner can act on. */
export const SKILL_NEXT_STEP: Record<SkillId, string> = {
  listening:
    'Reflect back what you hear before asking the next question, and try a reflection that names a feeling or meaning.',
  questioning: 'Ask one open question at a time ("what", "how"), and leave space for the answer.',
  non_judgement:
    'Hold back advice and opinions; if you have an idea, ask permission before sharing it.',
  partner_led:
    'Let your partner do most of the talking and choose the direction; keep your turns short.',
  agreement:
    'Start by agreeing what your partner wants from the conversation and how you will work together.',
  action: 'Close by asking what your partner will do, when, and how they will know it worked.',
};

/** Difficulty words and a rough length (about ten turns each way; harder partners take longer to open up). */
export const DIFFICULTY: Record<string, { label: string; minutes: number }> = {
  gentle: { label: 'Gentle', minutes: 8 },
  moderate: { label: 'Moderate', minutes: 10 },
  challenging: { label: 'Challenging', minutes: 15 },
};

export function difficultyLabel(d: string): string {
  return DIFFICULTY[d]?.label ?? d;
}

/** The first sentence of a brief: the situation in one line for a scannable list. */
export function firstSentence(text: string): string {
  const m = /^.+?[.!?](?=\s|$)/.exec(text.trim());
  return (m ? m[0] : text).trim();
}

export const LEVEL_LABELS: Record<Level, string> = {
  not_yet: 'Not yet',
  fair: 'Fair',
  good: 'Good',
};

/** Levels on the chart's vertical scale. */
export const LEVEL_RANK: Record<Level, number> = { not_yet: 0, fair: 1, good: 2 };

export const STATUS_LABELS: Record<AssignmentStatus, string> = {
  not_started: 'Not started',
  in_progress: 'In progress',
  passed: 'Passed',
  not_passed: 'Not passed yet',
  overdue: 'Overdue',
};

export const CODE_LABELS: Record<CoachCode, string> = {
  open_question: 'Open question',
  closed_question: 'Closed question',
  stacked_questions: 'Stacked questions',
  leading_question: 'Leading question',
  simple_reflection: 'Simple reflection',
  complex_reflection: 'Complex reflection',
  summary: 'Summary',
  affirmation: 'Affirmation',
  permission_request: 'Asked permission',
  advice_with_permission: 'Advice with permission',
  advice: 'Unasked advice',
  information: 'Information',
  self_disclosure: 'Self-disclosure',
  judgement: 'Judgement',
  reassurance: 'Reassurance',
  contracting: 'Contracting',
  return_to_goal: 'Back to the goal',
  goal_question: 'Goal question',
  incisive_question: 'Incisive question',
  action_question: 'Action question',
  other: 'Other',
};

/** Codes that work against a Learning Partnership conversation, shown with a warning tone. */
export const CAUTION_CODES: ReadonlySet<CoachCode> = new Set([
  'advice',
  'judgement',
  'reassurance',
  'leading_question',
  'stacked_questions',
]);

export function skillLabel(s: string): string {
  return (SKILL_LABELS as Record<string, string>)[s] ?? s.replace(/_/g, ' ');
}
export function levelLabel(l: string | null | undefined): string {
  return l ? ((LEVEL_LABELS as Record<string, string>)[l] ?? l) : 'No data';
}
export function codeLabel(c: string): string {
  return (CODE_LABELS as Record<string, string>)[c] ?? c.replace(/_/g, ' ');
}

/*
 * What the facilitator view says about a cohort an LMS course feeds (`lmsLinked`). What a launch
 * does with someone taken out of such a cohort is LTI behaviour (api/lti/course-membership.ts:
 * removals stick until a facilitator adds the learner back): these words are the one place the
 * components say it (docs/facilitators.md section 6 says it for the API).
 */

/** Under the cohort picker, for a cohort an LMS course feeds. */
export const LMS_COHORT_NOTE =
  'This cohort comes from an LMS course: learners join it when they launch Sounding Board from the course.';

/** In the removal dialog, for a cohort an LMS course feeds. */
export function lmsRemovalNote(learner: string): string {
  return `This cohort comes from an LMS course: ${learner} stays out of it when they next launch from the course (they can still practise there) until you add them back.`;
}

/** A date the learner reads, in their locale; unparseable input is shown as given. */
export function formatDate(iso: string | null | undefined, withTime = false): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleDateString(
    undefined,
    withTime
      ? { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' }
      : { day: 'numeric', month: 'short', year: 'numeric' },
  );
}

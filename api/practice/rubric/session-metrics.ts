/**
 * @module practice/rubric/session-metrics
 * Counts what the coach did in a session from the coded turns (MITI-style volley counting: at
 * most one question and one reflection per coach turn) and remembers which coach turns showed
 * each behaviour, so every check can point at its evidence. A turn that does not engage with
 * what the partner said (`coding.engaged === false`: a content-free or off-topic template) earns
 * no credit: its reflections, affirmations and goal, incisive or action questions are not
 * counted, its questions count as closed; what counts against the coach (advice, judgement,
 * reassurance) still counts. Whether a turn engages is the one rule feedback praises by
 * (standing/engagement-evidence: the coder's `engaged` and the evidence in the partner's words so
 * far and the scenario brief, when given). A commitment is read from the partner's own words.
 */
import {
  CLOSED_QUESTION_CODES,
  OPEN_QUESTION_CODES,
  QUESTION_CODES,
  TELLING_CODES,
} from '../code-groups.js';
import type { CoachCode, CoachTurnCoding, TranscriptTurn, UtteranceLabel } from '../types.js';
import {
  contentWords,
  ECHO_SHARE,
  overlap,
  statesCommitment,
  statesPlanForPartner,
} from './commitment.js';
import type { RubricParams } from './rubric-spec.js';
import { earnsCredit } from '../standing/engagement-evidence.js';
// talk share counts words as the coder does, so the two compare like with like
import { wordCount } from '../coder/text.js';
import { givesBackOwnPlan } from '../coder/own-plan.js';

/** Behaviours a coach turn can show, as far as scoring cares. */
export const MOVE_KINDS = [
  'question',
  'open_question',
  'closed_question',
  'stacked_question',
  'leading_question',
  'reflection',
  'complex_reflection',
  'summary',
  'affirmation',
  'permission_request',
  'advice_with_permission',
  'unasked_advice',
  'judgement',
  'reassurance',
  'telling',
  'unengaged',
  'goal_question',
  'early_goal_question',
  'repeat_goal_question',
  'incisive_question',
  'action_question',
  'reflection_before_action',
  'advice_after_action',
  'commitment',
  'coach_plan',
  'long_turn',
] as const;
export type MoveKind = (typeof MOVE_KINDS)[number];

export interface SessionFacts {
  /** counts and ratios; a ratio with nothing to divide by is left out rather than NaN */
  metrics: Record<string, number>;
  /** transcript indexes of the coach turns that showed each behaviour */
  evidence: Record<MoveKind, number[]>;
  /** transcript indexes of every coach turn, in order */
  coachTurns: number[];
}

/** Codes that earn credit only when the turn engages with what the partner said. */
const CREDIT_CODES: CoachCode[] = [
  'open_question',
  'simple_reflection',
  'complex_reflection',
  'summary',
  'affirmation',
  'goal_question',
  'incisive_question',
  'action_question',
  'contracting',
  'return_to_goal',
  'permission_request',
  'advice_with_permission',
];

/** When a coding arrives without codes (it should not), fall back on its single label. */
const LABEL_CODE: Record<UtteranceLabel, CoachCode> = {
  open_question: 'open_question',
  closed_question: 'closed_question',
  simple_reflection: 'simple_reflection',
  complex_reflection: 'complex_reflection',
  advice: 'advice',
  affirmation: 'affirmation',
  information: 'information',
  self_disclosure: 'self_disclosure',
  judgement: 'judgement',
  other: 'other',
};

function codesOf(coding: CoachTurnCoding | undefined): Set<CoachCode> {
  if (!coding) return new Set(['other']);
  if (coding.codes && coding.codes.length > 0) return new Set(coding.codes);
  return new Set([LABEL_CODE[coding.label] ?? 'other']);
}

const hasAny = (codes: Set<CoachCode>, list: readonly CoachCode[]) =>
  list.some((c) => codes.has(c));

function median(xs: number[]): number {
  if (xs.length === 0) return 0;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/**
 * Counts and evidence for one session. Turns are read in `index` order; coach turns without a
 * coding count as `other` (and are counted in `uncoded_coach_turns`).
 * @example sessionFacts(turns, { earlyTurns: 3, longTurnWords: 30 }).metrics.reflection_question_ratio
 */
export function sessionFacts(
  turns: TranscriptTurn[],
  params: RubricParams,
  context: readonly string[] = [],
): SessionFacts {
  const evidence = Object.fromEntries(MOVE_KINDS.map((k) => [k, [] as number[]])) as Record<
    MoveKind,
    number[]
  >;
  const coachTurns: number[] = [];
  const coachWordCounts: number[] = [];
  let partnerWords = 0;
  let partnerTurns = 0;
  let uncoded = 0;
  let goalSeen = false;
  let actionSeen = false;
  let information = 0;
  let selfDisclosures = 0;
  let engagedTurns = 0;
  // plans the coach laid out that the partner had not named (their content words)
  const coachPlans: Set<string>[] = [];
  const partnerSaid = new Set<string>();
  // what the partner has said so far: a turn earns credit only with evidence in it (standing)
  const partnerTexts: string[] = [];
  let lastCoach = -1;

  const ordered = [...turns].sort((a, b) => a.index - b.index);
  for (const turn of ordered) {
    if (turn.role === 'partner') {
      partnerTurns++;
      partnerWords += wordCount(turn.text);
      // GROW Will: a step and a when in the partner's words, not an echo of a plan the coach wrote
      if (lastCoach >= 0 && statesCommitment(turn.text)) {
        const words = contentWords(turn.text);
        if (!coachPlans.some((plan) => overlap(plan, words) >= ECHO_SHARE))
          evidence.commitment.push(lastCoach);
      }
      for (const w of contentWords(turn.text)) partnerSaid.add(w);
      if (turn.text) partnerTexts.push(turn.text);
      continue;
    }
    const i = turn.index;
    lastCoach = i;
    const coachNumber = coachTurns.length + 1;
    coachTurns.push(i);
    if (!turn.coding) uncoded++;
    const codes = codesOf(turn.coding);
    // the same rule feedback praises by: a template about nothing earns nothing, whatever its
    // shape, even a goal question the coder does not check ('... from the orange teapot today?')
    const engaged = earnsCredit(
      turn.text ?? '',
      [...codes],
      turn.coding?.engaged,
      partnerTexts.length ? [...partnerTexts, ...context] : [],
    );
    if (engaged) engagedTurns++;
    if (!engaged) {
      evidence.unengaged.push(i);
      for (const c of CREDIT_CODES) codes.delete(c);
    }
    // a plan with a when that the partner had not named: the coach supplying the commitment
    // (a step the partner said themselves, given back in other words, is theirs: coder/own-plan)
    if (
      statesPlanForPartner(turn.text) &&
      overlap(contentWords(turn.text), partnerSaid) < ECHO_SHARE &&
      !givesBackOwnPlan(turn.text ?? '', {
        prevPartner: partnerTexts.at(-1) ?? null,
        earlierPartner: partnerTexts.slice(0, -1),
      })
    ) {
      evidence.coach_plan.push(i);
      coachPlans.push(contentWords(turn.text));
    }
    const words = turn.coding?.words ?? wordCount(turn.text);
    coachWordCounts.push(words);
    const questionCount = turn.coding?.questionCount ?? 0;
    const add = (k: MoveKind) => evidence[k].push(i);

    const isQuestion = questionCount > 0 || hasAny(codes, QUESTION_CODES);
    if (isQuestion) {
      add('question');
      // MITI: when unsure, the less favourable code; a turn mixing open and closed counts closed
      if (hasAny(codes, OPEN_QUESTION_CODES) && !hasAny(codes, CLOSED_QUESTION_CODES))
        add('open_question');
      else add('closed_question');
    }
    if (codes.has('stacked_questions') || questionCount >= 2) add('stacked_question');
    if (codes.has('leading_question')) add('leading_question');
    if (codes.has('simple_reflection') || codes.has('complex_reflection') || codes.has('summary')) {
      add('reflection');
      if (!actionSeen) add('reflection_before_action');
    }
    if (codes.has('complex_reflection') || codes.has('summary')) add('complex_reflection');
    if (codes.has('summary')) add('summary');
    if (codes.has('affirmation')) add('affirmation');
    if (codes.has('permission_request')) add('permission_request');
    if (codes.has('advice_with_permission')) add('advice_with_permission');
    if (codes.has('advice')) add('unasked_advice');
    if (codes.has('judgement')) add('judgement');
    if (codes.has('reassurance')) add('reassurance');
    if (codes.has('information')) information++;
    if (codes.has('self_disclosure')) selfDisclosures++;
    // reassurance tells the partner how to feel: it counts as telling too
    if (hasAny(codes, TELLING_CODES) || codes.has('reassurance')) add('telling');
    // ICF 3: agreeing the goal or how we work (contracting) sets up the partnership
    if (codes.has('goal_question') || codes.has('contracting')) {
      add('goal_question');
      if (coachNumber <= params.earlyTurns) add('early_goal_question');
      if (goalSeen) add('repeat_goal_question');
      goalSeen = true;
    }
    // ICF 3.3: coming back to what the partner wanted
    if (codes.has('return_to_goal') && !evidence.repeat_goal_question.includes(i))
      add('repeat_goal_question');
    if (codes.has('incisive_question')) add('incisive_question');
    if (codes.has('action_question')) {
      add('action_question');
      actionSeen = true;
    }
    // advice in the action phase: the coach supplying the commitment (GROW Will)
    if (actionSeen && codes.has('advice')) {
      add('advice_after_action');
      if (!evidence.coach_plan.includes(i)) evidence.coach_plan.push(i);
    }
    if (words > params.longTurnWords) add('long_turn');
  }

  const n = (k: MoveKind) => evidence[k].length;
  const coachWords = coachWordCounts.reduce((a, b) => a + b, 0);
  const metrics: Record<string, number> = {
    coach_turns: coachTurns.length,
    engaged_coach_turns: engagedTurns,
    partner_turns: partnerTurns,
    uncoded_coach_turns: uncoded,
    coach_words: coachWords,
    partner_words: partnerWords,
    median_coach_words: median(coachWordCounts),
    long_turns: n('long_turn'),
    questions: n('question'),
    open_questions: n('open_question'),
    closed_questions: n('closed_question'),
    stacked_question_turns: n('stacked_question'),
    leading_questions: n('leading_question'),
    reflections: n('reflection'),
    complex_reflections: n('complex_reflection'),
    simple_reflections: n('reflection') - n('complex_reflection'),
    summaries: n('summary'),
    affirmations: n('affirmation'),
    permission_requests: n('permission_request'),
    advice_with_permission: n('advice_with_permission'),
    unasked_advice: n('unasked_advice'),
    judgements: n('judgement'),
    reassurances: n('reassurance'),
    information: information,
    self_disclosures: selfDisclosures,
    telling_turns: n('telling'),
    goal_questions: n('goal_question'),
    early_goal_questions: n('early_goal_question'),
    repeat_goal_questions: n('repeat_goal_question'),
    incisive_questions: n('incisive_question'),
    action_questions: n('action_question'),
    reflections_before_first_action: actionSeen ? n('reflection_before_action') : 0,
    advice_after_first_action: n('advice_after_action'),
    partner_commitments: n('commitment'),
    coach_plans: n('coach_plan'),
  };
  Object.assign(metrics, derivedRatios(metrics));
  return { metrics, evidence, coachTurns };
}

/**
 * The ratios a rubric reads, recomputed from counts so that counts summed over several sessions
 * give honest pooled ratios. Ratios with a zero denominator are omitted (never NaN or Infinity).
 */
export function derivedRatios(m: Record<string, number>): Record<string, number> {
  const out: Record<string, number> = {};
  const r = m.reflections ?? 0;
  const q = m.questions ?? 0;
  // with no questions, each reflection is weighed against one question: 3 reflections, 0 questions -> 3
  if (r + q > 0) out.reflection_question_ratio = r / Math.max(q, 1);
  if (r > 0) out.complex_reflection_share = (m.complex_reflections ?? 0) / r;
  if ((m.coach_turns ?? 0) > 0) out.reflection_turn_share = r / (m.coach_turns ?? 1);
  if (q > 0) out.open_question_share = (m.open_questions ?? 0) / q;
  const talk = (m.partner_words ?? 0) + (m.coach_words ?? 0);
  if (talk > 0 && (m.partner_turns ?? 0) > 0)
    out.partner_talk_share = (m.partner_words ?? 0) / talk;
  const c = m.coach_turns ?? 0;
  if (c > 0) {
    out.long_turn_share = (m.long_turns ?? 0) / c;
    out.telling_share = (m.telling_turns ?? 0) / c;
  }
  return out;
}

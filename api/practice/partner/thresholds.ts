/**
 * @module practice/partner/thresholds
 * The numbers that make the scripted partner open up or close down. Kept as data, in one place,
 * so the behaviour can be tuned (and read) without touching the transition logic.
 *
 * Trust is the partner's felt safety, 0..1. Listening moves raise it, unasked advice and
 * judgement lower it; the stage can only move forward when trust has reached that stage's entry
 * level and the move itself invites it (a reflection or an open question, never a closed one).
 */
import type { CoachCode, Difficulty, PartnerStage } from '../types.js';

/** Where trust starts: a gentle partner arrives half-ready to talk, a challenging one guarded. */
export const START_TRUST: Record<Difficulty, number> = {
  gentle: 0.3,
  moderate: 0.2,
  challenging: 0.1,
};

/** Multiplies trust gains: a challenging partner needs more good listening to open up. */
export const GAIN_FACTOR: Record<Difficulty, number> = {
  gentle: 1.15,
  moderate: 1,
  challenging: 0.85,
};

/** Multiplies trust losses: a challenging partner is quicker to close. */
export const LOSS_FACTOR: Record<Difficulty, number> = {
  gentle: 0.85,
  moderate: 1,
  challenging: 1.25,
};

/**
 * Trust change per coach code. Deeper listening earns more (complex reflection and summary over
 * simple reflection, MITI); questions earn a little; moves that take the lead from the partner
 * cost trust. Within one turn, a hurtful code (see `HURTFUL_CODES`) cancels the positive ones:
 * advice wrapped in a reflection still lands as advice. A closed question costs nothing by
 * itself; it just gets a short answer and moves nothing forward.
 */
export const TRUST_DELTA: Partial<Record<CoachCode, number>> = {
  summary: 0.14,
  complex_reflection: 0.12,
  simple_reflection: 0.08,
  affirmation: 0.06,
  open_question: 0.06,
  goal_question: 0.08,
  incisive_question: 0.04,
  action_question: 0.02,
  permission_request: 0.04,
  advice_with_permission: 0.02,
  self_disclosure: -0.02,
  stacked_questions: -0.05,
  leading_question: -0.06,
  advice: -0.2,
  judgement: -0.25,
  /** soothing instead of listening: nothing gained, a little lost (the partner feels unheard) */
  reassurance: -0.04,
};

/** Codes that cancel any gain in the same turn. */
export const HURTFUL_CODES: CoachCode[] = [
  'judgement',
  'advice',
  'leading_question',
  'stacked_questions',
  'reassurance',
];

/** Most trust one turn can earn, so one long turn full of techniques is not worth three. */
export const MAX_GAIN_PER_TURN = 0.18;

/**
 * An open question earns this fraction unless the previous turn listened (a reflection or an
 * affirmation) or it is the first turn: questions alone, without reflecting what was heard,
 * open a partner slowly (MITI's Reflection : Question ratio).
 */
export const QUESTION_STREAK_FACTOR = 0.5;

/** Extra trust once outcomes and goals are agreed early (ICF 3.1): the partner knows the frame. */
export const AGREEMENT_BONUS = 0.06;
/** A goal/agreement question counts as "at the start" up to this coach turn (1-based). */
export const EARLY_AGREEMENT_TURNS = 4;

/** Trust needed for a stage to be entered (and, for exploring, for the assumption to surface). */
export const ENTRY_TRUST = {
  /** guarded -> opening_up: the concern surfaces */
  opening_up: 0.4,
  /** opening_up -> exploring: the partner goes deeper into the concern */
  exploring: 0.6,
  /** within exploring: the limiting assumption surfaces */
  assumption: 0.72,
  /** an incisive question lands (-> insight) only with at least this trust */
  insight: 0.6,
  /** an action question leads to committing only with at least this trust */
  committing: 0.5,
} as const;

/** Below its floor, a stage falls back one step (revealed layers stay said: nobody unsays). */
export const STAGE_FLOOR: Record<PartnerStage, number> = {
  guarded: 0,
  opening_up: 0.25,
  exploring: 0.45,
  insight: 0.4,
  committing: 0.35,
};

/** Consecutive defensive reactions after which the partner steps back a stage regardless of trust. */
export const DEFENSIVE_STEP_BACK = 2;

/** Trust needed before the partner agrees to hear the coach's idea. */
export const PERMISSION_TRUST = 0.3;

/** Trust earned when the coach, asked what the partner should do, hands the question back instead. */
export const ADVICE_HELD_BONUS = 0.04;

/**
 * When a partner asks the coach for advice: at most `max` times, `apart` coach turns apart, from
 * coach turn `from`, in these stages. An advice-seeking partner (Grace) asks early and twice;
 * any other partner with lines for it asks once, later, while exploring.
 */
export const ADVICE_ASKS: Record<
  'seeker' | 'other',
  { max: number; apart: number; from: number; stages: PartnerStage[] }
> = {
  seeker: { max: 2, apart: 5, from: 3, stages: ['opening_up', 'exploring'] },
  other: { max: 1, apart: 0, from: 6, stages: ['exploring'] },
};

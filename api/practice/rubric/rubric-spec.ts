/**
 * @module practice/rubric/rubric-spec
 * The shape of a rubric as versioned data: skills built from atomic yes/no checks, each check a
 * named measure compared with a published threshold, and how a skill's score maps to a level.
 * Keeping rubrics as data (not code) lets a rubric change be reviewed, versioned and stored with
 * every scorecard it produced.
 */
import type { SkillId } from '../types.js';
import type { MeasureId } from './measures.js';

/** How a measured value is compared with the threshold. */
export type CheckOp = 'atLeast' | 'atMost' | 'moreThan';

/** One atomic yes/no check: `measure op threshold`, judged only when there is evidence. */
export interface CheckSpec {
  /** stable id: drills reference it in `passChecks`, so never rename a published one */
  id: string;
  /** plain words shown to the learner ("At least one reflection per question") */
  label: string;
  measure: MeasureId;
  op: CheckOp;
  threshold: number;
  /** share of the skill score this check carries (relative to the skill's other checks) */
  weight: number;
  /** the check cannot be judged in sessions with fewer coach turns (absence proves little early) */
  minCoachTurns?: number;
  /**
   * the check cannot be judged with fewer coach turns that engaged with what the partner said:
   * an absence (no advice, short turns) proves nothing in a session of content-free templates
   */
  minEngagedTurns?: number;
  /**
   * partial credit: the check earns `value / threshold` of its weight below the threshold (or
   * the share of the way from 1 down to it for `atMost`), so the score grows smoothly with the
   * behaviour; `passed` stays a plain yes/no
   */
  partial?: boolean;
  /**
   * plain-words advice when the check fails; `{value}` and `{threshold}` are replaced with the
   * measured value and the threshold in the measure's unit, `{detail}` with the value in words ("needs more reflections: 0.6 per
   * question, aim for 1")
   */
  advice: string;
  /** where the threshold or marker comes from (MITI 4.2.1, ICF PCC 7.6, Kline, GROW, ours) */
  source: string;
}

/**
 * The gate checks of a level: when one fails, the skill's score is capped below that level
 * (practice/standing), so the level always follows the number.
 */
export interface LevelRule {
  requires: string[];
}

export interface SkillSpec {
  skill: SkillId;
  /** plain-words name ("non-judgement") */
  label: string;
  checks: CheckSpec[];
  /** fewer coach turns than this: the skill is "not enough evidence", not a score (default 3) */
  minCoachTurns?: number;
  /** `good` also needs everything `fair` needs */
  levels: { fair: LevelRule; good: LevelRule };
}

/** Coding parameters the session metrics use (definitions, not pass thresholds). */
export interface RubricParams {
  /** agreement counts as early within this many coach turns (ICF 3.1, seed: "begin with agreement") */
  earlyTurns: number;
  /** a coach turn longer than this many words counts as long (ICF 7.7 concise language) */
  longTurnWords: number;
}

export interface Rubric {
  id: string;
  version: string;
  params: RubricParams;
  skills: SkillSpec[];
}

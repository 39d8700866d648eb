/**
 * @module practice/standing
 * The one rule for levels and readiness, used by the session scorecard, a learner's progress,
 * the facilitator's view, CSV exports and readiness to partner, so none of them can contradict
 * another on screen:
 * 1. A level follows its number: under 50 is `not_yet`, 50 to 74 `fair`, 75 and over `good`,
 *    for every skill. A session's skill score is capped below a level whose gate checks failed
 *    (49 or 74), so the number shown never says more than the level.
 * 2. A skill with too little evidence in a session (too few coach turns) has no number and no
 *    level: it is "not enough evidence" and leaves progress untouched.
 * 3. A learner's current level per skill follows the recency-weighted mean of their scored
 *    sessions (see progress/mastery), by the same thresholds.
 * 4. Ready to partner: every required skill has at least `minSessions` scored sessions and its
 *    current level (the one shown) is at least `fair`.
 */
import type { Level, SkillResult } from '../types.js';

export { engagementEvidence, scenarioContext } from './engagement-evidence.js';

/** Lowest score for each level above `not_yet`, the same for every skill. */
export const LEVEL_THRESHOLDS = { fair: 50, good: 75 } as const;

/** The level a number shows (session score or recency-weighted estimate). */
export function levelForScore(score: number): Level {
  if (!Number.isFinite(score)) return 'not_yet';
  if (score >= LEVEL_THRESHOLDS.good) return 'good';
  if (score >= LEVEL_THRESHOLDS.fair) return 'fair';
  return 'not_yet';
}

/** A score held below the level whose gate checks failed, so the number and level agree. */
export function cappedScore(score: number, gates: { fair: boolean; good: boolean }): number {
  if (!gates.fair) return Math.min(score, LEVEL_THRESHOLDS.fair - 1);
  if (!gates.good) return Math.min(score, LEVEL_THRESHOLDS.good - 1);
  return score;
}

/** A session skill result with no evidence to score (older results lack the field: scored). */
export function isScored(result: Pick<SkillResult, 'status'> | undefined | null): boolean {
  return !!result && result.status !== 'not_enough_evidence';
}

/** Sessions a skill needs before readiness trusts it, unless a cohort sets its own. */
export const DEFAULT_MIN_SESSIONS = 3;

/** Rule 4: ready when there are enough scored sessions and the level shown is at least fair. */
export function skillReady(
  level: Level,
  scoredSessions: number,
  minSessions = DEFAULT_MIN_SESSIONS,
): boolean {
  return scoredSessions >= minSessions && level !== 'not_yet';
}

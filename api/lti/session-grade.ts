/**
 * @module lti/session-grade
 * The one number an LMS gradebook gets for a finished session: the mean score (0-100) of the
 * drill's focus skills, or of every skill when the session had no drill; skills with not enough
 * evidence are left out (none scored: 0). The pass/fail verdict is
 * the drill's own (its pass levels and checks), not a threshold on this number.
 * Shared by grade passback, SCORM and xAPI so every LMS sees the same score.
 */
import { isScored } from '../practice/standing/index.js';
import type { Scorecard, SkillId } from '../practice/types.js';

export interface SessionGrade {
  scoreGiven: number;
  scoreMaximum: 100;
  /** scaled 0..1, as SCORM 2004 and xAPI want it */
  scaled: number;
  passed: boolean | null;
}

/**
 * @example sessionGrade(scorecard, ['listening'], { passed: true }) // { scoreGiven: 80, ... }
 */
export function sessionGrade(
  scorecard: Pick<Scorecard, 'skills'>,
  focus: readonly SkillId[] | undefined,
  drillResult: { passed: boolean } | null,
): SessionGrade {
  // a skill with not enough evidence has no score to average (practice/standing)
  const scored = scorecard.skills.filter(isScored);
  const inFocus = focus && focus.length ? scored.filter((s) => focus.includes(s.skill)) : [];
  const counted = inFocus.length ? inFocus : scored;
  const mean = counted.length ? counted.reduce((sum, s) => sum + s.score, 0) / counted.length : 0;
  const scoreGiven = Math.round(Math.min(100, Math.max(0, mean)) * 10) / 10;
  return {
    scoreGiven,
    scoreMaximum: 100,
    scaled: Math.round(scoreGiven * 10) / 1000,
    passed: drillResult ? drillResult.passed : null,
  };
}

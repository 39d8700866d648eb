/**
 * @module core/levels
 * The score each skill needs for Fair and Good, as the rubric sets them (score is one of the
 * conditions; a level also needs its checks). Drawn as threshold lines on the progress charts
 * and marks on the scorecard bars. A copy of the rubric's numbers kept small for the bundle;
 * `levels.test.ts` fails when the rubric changes and this does not.
 */
import type { SkillId } from './api-types.js';

export const SKILL_THRESHOLDS: Record<SkillId, { fair: number; good: number }> = {
  listening: { fair: 40, good: 75 },
  questioning: { fair: 40, good: 75 },
  non_judgement: { fair: 50, good: 80 },
  partner_led: { fair: 40, good: 75 },
  agreement: { fair: 25, good: 75 },
  action: { fair: 50, good: 75 },
};

export function thresholdsOf(skill: string): { fair: number; good: number } {
  return (SKILL_THRESHOLDS as Record<string, { fair: number; good: number }>)[skill] ?? { fair: 40, good: 75 };
}

/**
 * @module core/levels
 * The score each skill needs for Fair and Good, by the one level rule (api/practice/standing: a
 * level follows its number; a failed gate check caps the score below the level). Drawn as threshold lines on the progress charts
 * and marks on the scorecard bars. A copy of the rubric's numbers kept small for the bundle;
 * `levels.test.ts` fails when the rubric changes and this does not.
 */
import type { SkillId } from './api-types.js';

/** The same for every skill (api/practice/standing: a level follows its number). */
const EVERY_SKILL = { fair: 50, good: 75 } as const;

export const SKILL_THRESHOLDS: Record<SkillId, { fair: number; good: number }> = {
  listening: EVERY_SKILL,
  questioning: EVERY_SKILL,
  non_judgement: EVERY_SKILL,
  partner_led: EVERY_SKILL,
  agreement: EVERY_SKILL,
  action: EVERY_SKILL,
};

export function thresholdsOf(skill: string): { fair: number; good: number } {
  return (SKILL_THRESHOLDS as Record<string, { fair: number; good: number }>)[skill] ?? EVERY_SKILL;
}

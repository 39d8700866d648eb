/**
 * @module practice/progress
 * Per-learner skill progress, mastery estimates and readiness to partner, from session scorecards.
 */
export { masteryEstimate, type SkillPoint } from './mastery.js';
export {
  learnerProgress,
  learnerProgressFromRows,
  type SessionResult,
  type SkillResultRow,
} from './learner-progress.js';
export { readinessToPartner, type ReadinessOptions } from './readiness.js';

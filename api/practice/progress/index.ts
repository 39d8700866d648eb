/**
 * @module practice/progress
 * Per-learner skill progress, mastery estimates and readiness to partner, from session scorecards.
 */
export { masteryEstimate, type MasteryEstimate, type MasteryOptions, type SkillPoint, type Confidence, type Trend } from './mastery.js';
export {
  learnerProgress,
  learnerProgressFromRows,
  skillRows,
  type LearnerProgress,
  type SkillProgress,
  type ProgressPoint,
  type SessionResult,
  type SkillResultRow,
} from './learner-progress.js';
export { readinessToPartner, pooledMetrics, type Readiness, type ReadinessOptions, type SkillReadiness } from './readiness.js';

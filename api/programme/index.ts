/**
 * @module programme
 * Learning Partnership programmes without I/O: assignment status, roster CSV import, cohort
 * progress and its CSV export, learners needing attention.
 */
export {
  assignmentStatus,
  attemptLevel,
  betterLevel,
  type AssignmentStatus,
} from './assignment-status.js';
export { parseCsv } from './csv.js';
export { parseRoster, type RosterRow, type RosterError } from './roster.js';
export {
  cohortProgress,
  cohortProgressCsv,
  learnerSnapshot,
  type LearnerSeries,
  type LearnerSnapshot,
  type CohortMember,
  type LearnerProgressView,
} from './cohort-progress.js';
export { needsAttention } from './attention.js';

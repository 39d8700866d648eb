/**
 * @module programme
 * Learning Partnership programmes without I/O: assignment status, roster CSV import, cohort
 * progress and its CSV export, learners needing attention.
 */
export { assignmentStatus, attemptLevel, betterLevel, ASSIGNMENT_STATUSES, type AssignmentStatus, type AssignmentProgress } from './assignment-status.js';
export { parseCsv, toCsv, csvField, CsvSyntaxError, type CsvRecord } from './csv.js';
export { parseRoster, ROSTER_COLUMNS, MAX_ROSTER_ROWS, type RosterRow, type RosterError } from './roster.js';
export { cohortProgress, cohortProgressCsv, seriesFromRows, learnerSnapshot, type LearnerSeries, type LearnerSnapshot, type CohortMember, type LearnerProgressView, type LearnerAssignmentView, type SkillSnapshot, type CohortProgressInput } from './cohort-progress.js';
export { needsAttention, type AttentionItem, type AttentionKind, type AttentionOptions } from './attention.js';

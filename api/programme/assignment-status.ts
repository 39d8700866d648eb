/**
 * @module programme/assignment-status
 * Where a learner stands on an assigned drill, and how one practised attempt changes that.
 * Pure: the store keeps the counters, this module decides what they mean.
 */
import { LEVELS, type DrillSpec, type Level, type Scorecard } from '../practice/types.js';

export const ASSIGNMENT_STATUSES = [
  'not_started',
  'in_progress',
  'passed',
  'not_passed',
  'overdue',
] as const;
export type AssignmentStatus = (typeof ASSIGNMENT_STATUSES)[number];

/** What the store keeps per assignment (the counters a drill session updates). */
export interface AssignmentProgress {
  dueAt: Date;
  attempts: number;
  passed: boolean;
  bestLevel: Level | null;
}

/**
 * The status a learner and a facilitator see. Passed wins (even when late); past the due date
 * without a pass is overdue; an open drill session is in progress; failed attempts are not passed.
 * @example assignmentStatus({ dueAt, attempts: 1, passed: false, bestLevel: 'fair' }, now, false) // 'not_passed'
 */
export function assignmentStatus(
  a: AssignmentProgress,
  now: Date,
  hasOpenSession: boolean,
): AssignmentStatus {
  if (a.passed) return 'passed';
  if (now.getTime() > a.dueAt.getTime()) return 'overdue';
  if (hasOpenSession) return 'in_progress';
  return a.attempts > 0 ? 'not_passed' : 'not_started';
}

/**
 * The level an attempt reached on the drill: its weakest focus skill (a drill on listening and
 * non-judgement is only as good as the weaker of the two). Every scored skill when no focus is set.
 */
export function attemptLevel(
  drill: Pick<DrillSpec, 'focus'>,
  scorecard: Pick<Scorecard, 'skills'>,
): Level | null {
  const focus = drill.focus?.length ? drill.focus : scorecard.skills.map((s) => s.skill);
  const levels = focus.map(
    (skill) => scorecard.skills.find((s) => s.skill === skill)?.level ?? 'not_yet',
  );
  if (levels.length === 0) return null;
  return LEVELS[Math.min(...levels.map((l) => Math.max(0, LEVELS.indexOf(l))))];
}

/** The higher of two levels (null counts as below not_yet). */
export function betterLevel(a: Level | null, b: Level | null): Level | null {
  if (!a) return b;
  if (!b) return a;
  return LEVELS.indexOf(a) >= LEVELS.indexOf(b) ? a : b;
}

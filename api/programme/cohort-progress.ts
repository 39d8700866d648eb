/**
 * @module programme/cohort-progress
 * A cohort's progress as a facilitator sees it: per learner and skill the mastery level, how sure
 * it is and where it is heading; ready to partner or the reasons why not; their assignments.
 * Pure assembly from rows the store reads in bulk (one query per kind, never per learner); the
 * ledger arrives as compact per-skill series so a large cohort costs little to ship and assemble.
 */
import {
  masteryEstimate,
  readinessToPartner,
  type ReadinessOptions,
  type SessionResult,
  type SkillPoint,
  type SkillResultRow,
} from '../practice/progress/index.js';
import { SKILLS, type Level, type SkillId } from '../practice/types.js';
import type { AssignmentStatus } from './assignment-status.js';
import { toCsv } from './csv.js';

export interface CohortMember {
  id: string;
  name: string;
  email: string;
}

export interface LearnerAssignmentView {
  id: string;
  drillId: string;
  /** the cohort it was assigned through; null when assigned to the learner directly */
  cohortId: string | null;
  title: string;
  status: AssignmentStatus;
  dueAt: string;
  attempts: number;
  bestLevel: Level | null;
}

export interface SkillSnapshot {
  level: Level;
  confidence: 'low' | 'medium' | 'high';
  trend: 'improving' | 'steady' | 'declining' | 'unknown';
  /** recency-weighted score 0..100 */
  estimate: number;
  sessions: number;
}

export interface LearnerProgressView {
  id: string;
  name: string;
  email: string;
  skills: Record<SkillId, SkillSnapshot>;
  readyToPartner: boolean;
  reasons: string[];
  assignments: LearnerAssignmentView[];
  /** ended sessions on record */
  sessions: number;
  lastSessionAt: string | null;
}

/** One learner's ledger in compact form: per skill the scored points, oldest first. */
export interface LearnerSeries {
  skills: Partial<Record<string, SkillPoint[]>>;
  /** ended sessions on record */
  sessions: number;
  lastSessionAt: string | null;
}

/** The compact series from `skill_results` rows (the store can also build it in SQL). */
export function seriesFromRows(rows: SkillResultRow[]): LearnerSeries {
  const ordered = [...rows].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  const skills: Record<string, SkillPoint[]> = {};
  for (const r of ordered) (skills[r.skill] ??= []).push({ score: r.score, level: r.level });
  return {
    skills,
    sessions: new Set(rows.map((r) => r.sessionId)).size,
    lastSessionAt: ordered.length ? ordered[ordered.length - 1].at : null,
  };
}

/** What a learner's progress is, apart from who they are and their assignments. */
export type LearnerSnapshot = Pick<
  LearnerProgressView,
  'skills' | 'readyToPartner' | 'reasons' | 'sessions' | 'lastSessionAt'
>;

const NO_SERIES: LearnerSeries = { skills: {}, sessions: 0, lastSessionAt: null };

/**
 * Mastery per skill from the ledger series, and readiness from the recent sessions.
 * @example learnerSnapshot(series, recent, { minSessions: 3 }).readyToPartner
 */
export function learnerSnapshot(
  series: LearnerSeries,
  recent: SessionResult[],
  readiness: ReadinessOptions,
): LearnerSnapshot {
  const skills = {} as Record<SkillId, SkillSnapshot>;
  for (const skill of SKILLS) {
    const { level, confidence, trend, estimate, sessions } = masteryEstimate(
      series.skills[skill] ?? [],
    );
    skills[skill] = { level, confidence, trend, estimate, sessions };
  }
  // readiness decides from the very levels shown here (practice/standing), never its own
  const r = readinessToPartner(recent, { ...readiness, standing: skills });
  return {
    skills,
    readyToPartner: r.ready,
    reasons: r.reasons,
    sessions: series.sessions,
    lastSessionAt: series.lastSessionAt,
  };
}

export interface CohortProgressInput {
  members: CohortMember[];
  /** each member's snapshot; a member without one has never practised */
  snapshots: Map<string, LearnerSnapshot>;
  assignments: Map<string, LearnerAssignmentView[]>;
  readiness: ReadinessOptions;
}

/**
 * @example cohortProgress({ members, snapshots, assignments, readiness: { minSessions: 3 } })[0].readyToPartner
 */
export function cohortProgress(input: CohortProgressInput): LearnerProgressView[] {
  const empty = learnerSnapshot(NO_SERIES, [], input.readiness);
  return input.members.map((m) => ({
    id: m.id,
    name: m.name,
    email: m.email,
    ...(input.snapshots.get(m.id) ?? empty),
    assignments: input.assignments.get(m.id) ?? [],
  }));
}

/** The CSV a facilitator downloads: one row per learner, a level column per skill. */
export function cohortProgressCsv(learners: LearnerProgressView[]): string {
  const header = [
    'learner_id',
    'name',
    'email',
    ...SKILLS,
    'ready_to_partner',
    'reasons',
    'sessions',
    'last_session_at',
    'assignments_passed',
    'assignments_overdue',
    'assignments_total',
  ];
  const rows = learners.map((l) => [
    l.id,
    l.name,
    l.email,
    ...SKILLS.map((s) => l.skills[s]?.level ?? 'not_yet'),
    l.readyToPartner ? 'yes' : 'no',
    l.reasons.join('; '),
    l.sessions,
    l.lastSessionAt ?? '',
    l.assignments.filter((a) => a.status === 'passed').length,
    l.assignments.filter((a) => a.status === 'overdue').length,
    l.assignments.length,
  ]);
  return toCsv([header, ...rows]);
}

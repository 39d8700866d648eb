/**
 * @module programme/cohort-progress
 * A cohort's progress as a facilitator sees it: per learner and skill the mastery level, how sure
 * it is and where it is heading; ready to partner or the reasons why not; their assignments.
 * Pure assembly from rows the store reads in bulk (one query per kind, never per learner).
 */
import { learnerProgressFromRows, readinessToPartner, type ReadinessOptions, type SessionResult, type SkillResultRow } from '../practice/progress/index.js';
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

export interface CohortProgressInput {
  members: CohortMember[];
  /** skill_results rows of the members */
  skillRows: Map<string, SkillResultRow[]>;
  /** each member's most recent ended sessions (at least the readiness window) */
  recentSessions: Map<string, SessionResult[]>;
  assignments: Map<string, LearnerAssignmentView[]>;
  readiness: ReadinessOptions;
}

/**
 * @example cohortProgress({ members, skillRows, recentSessions, assignments, readiness: { minSessions: 3 } })[0].readyToPartner
 */
export function cohortProgress(input: CohortProgressInput): LearnerProgressView[] {
  return input.members.map((m) => {
    const rows = input.skillRows.get(m.id) ?? [];
    const progress = learnerProgressFromRows(rows);
    const skills = {} as Record<SkillId, SkillSnapshot>;
    for (const s of progress.skills) {
      if (!(SKILLS as readonly string[]).includes(s.skill)) continue;
      const { level, confidence, trend, estimate, sessions } = s.mastery;
      skills[s.skill] = { level, confidence, trend, estimate, sessions };
    }
    const readiness = readinessToPartner(input.recentSessions.get(m.id) ?? [], input.readiness);
    const sessionIds = new Set(rows.map((r) => r.sessionId));
    const last = rows.reduce<string | null>((acc, r) => (acc === null || Date.parse(r.at) > Date.parse(acc) ? r.at : acc), null);
    return {
      id: m.id,
      name: m.name,
      email: m.email,
      skills,
      readyToPartner: readiness.ready,
      reasons: readiness.reasons,
      assignments: input.assignments.get(m.id) ?? [],
      sessions: sessionIds.size,
      lastSessionAt: last,
    };
  });
}

/** The CSV a facilitator downloads: one row per learner, a level column per skill. */
export function cohortProgressCsv(learners: LearnerProgressView[]): string {
  const header = ['learner_id', 'name', 'email', ...SKILLS, 'ready_to_partner', 'reasons', 'sessions', 'last_session_at', 'assignments_passed', 'assignments_overdue', 'assignments_total'];
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

/**
 * @module core/api-types
 * The shapes of the Sounding Board HTTP API as the components read them. Domain types come from
 * the shared practice vocabulary so a change there shows up here at compile time; type-only
 * imports, so nothing of the server ends up in the bundle.
 */
import type { CoachCode, Level, Scorecard, ScenarioBrief, SkillId, TurnFeedback, UtteranceLabel } from '../../../api/practice/types.js';

export type { CoachCode, Level, Scorecard, ScenarioBrief, SkillId, TurnFeedback, UtteranceLabel };

/** A problem+json body (RFC 9457) as the API sends it. */
export interface ProblemBody {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  errors?: { path: string; message: string }[];
}

export interface DrillSummary {
  id: string;
  title: string;
  scenarioId?: string;
  description?: string;
  focus?: SkillId[];
  constraints?: { reflectionsOnlyFirstTurns?: number; maxTurns?: number };
  /** the level each named skill must reach to pass */
  passLevels?: Partial<Record<SkillId, Level>>;
}

/** One turn of a session transcript; coach turns carry their codes and (when released) feedback. */
export interface SessionTurn {
  index: number;
  role: 'coach' | 'partner';
  text: string;
  codes?: CoachCode[];
  label?: UtteranceLabel;
  feedback?: TurnFeedback | null;
}

export interface Session {
  id: string;
  status: 'active' | 'ended';
  scenario: ScenarioBrief;
  /** the drill this session practises, if any (read it with GET /api/drills/{id}) */
  drillId?: string | null;
  /** filled in by the components once the drill is known (the API sends only `drillId`) */
  drill?: DrillSummary | null;
  turns: SessionTurn[];
  scorecard?: Scorecard | null;
  /** for a drill session that has ended: whether it passed, and why not */
  drillResult?: { passed: boolean; reasons: string[] } | null;
}

/** The answer to a coach turn (also assembled from the streamed events). */
export interface TurnResult {
  turn: SessionTurn & { role: 'coach' };
  reply: { index: number; text: string };
}

export interface ProgressPoint {
  sessionId: string;
  at: string;
  level: Level;
  score: number;
}

export interface SkillProgress {
  skill: SkillId;
  level: Level;
  history: ProgressPoint[];
}

export type AssignmentStatus = 'not_started' | 'in_progress' | 'passed' | 'not_passed' | 'overdue';

export interface Assignment {
  id: string;
  drillId: string;
  dueAt: string | null;
  status: AssignmentStatus;
  attempts: number;
  bestLevel?: Level | null;
  drill: DrillSummary;
}

export interface Cohort {
  id: string;
  name: string;
  /** an LMS course feeds it: its members join when they launch from the course */
  lmsLinked?: boolean;
}

export interface CohortLearner {
  id: string;
  name: string;
  skills: Partial<Record<SkillId, { level: Level | null; confidence?: number | string; trend?: number | string | null }>>;
  readyToPartner?: boolean;
  reasons?: string[];
  /** every drill assigned to the learner, whichever way (`cohortId` null: assigned directly) */
  assignments?: CohortAssignment[];
  /** ended sessions on record */
  sessions?: number;
  lastSessionAt?: string | null;
}

/** A learner a facilitator should look at, and why (`GET /api/cohorts/{id}/attention`). */
export interface AttentionLearner {
  id: string;
  name: string;
  items: { kind: 'overdue' | 'stalled' | 'below_fair' | 'declining'; detail: string }[];
}

export interface CohortAssignment {
  id: string;
  drillId?: string;
  /** the cohort it was assigned through (taking the learner out of that cohort cancels it); null: directly */
  cohortId?: string | null;
  title?: string;
  status: AssignmentStatus;
  dueAt?: string | null;
  attempts?: number;
}

/** A session in a list (`GET /api/sessions`, a cohort learner's sessions). */
export interface SessionListItem {
  id: string;
  status: 'active' | 'ended';
  scenario?: ScenarioBrief | null;
  scenarioId?: string;
  drillId?: string | null;
  startedAt: string;
  endedAt?: string | null;
  levels?: Partial<Record<SkillId, Level | null>> | null;
  drillPassed?: boolean | null;
}

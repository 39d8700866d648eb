/**
 * @module store/cohort-progress
 * Reads what a cohort's progress view needs in four queries whatever the cohort's size: its
 * learners, their `skill_results` ledger rows, each one's last few ended sessions' scorecards
 * (only the skills and metrics readiness needs, through a LATERAL index scan per learner), and
 * their assignments. Everything is filtered to the cohort's members through the
 * (org_id, person_id, ...) indexes, so the cost grows with the cohort, not with the tables.
 */
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '../db/index.js';
import { sessions, skillResults, type CohortReadinessRule } from '../db/schema/index.js';
import { cohortProgress, type LearnerProgressView } from '../programme/index.js';
import type { SessionResult, SkillResultRow } from '../practice/progress/index.js';
import { assignmentsOf } from './assignments.js';
import { cohortLearners } from './cohorts.js';

/** the readiness window when a cohort does not set one (`readinessToPartner`'s default) */
const DEFAULT_WINDOW = 3;

function groupBy<T>(rows: T[], key: (r: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const r of rows) {
    const k = key(r);
    let list = out.get(k);
    if (!list) out.set(k, (list = []));
    list.push(r);
  }
  return out;
}

/** The last `n` ended sessions of each learner, skills and metrics only. */
export async function recentScorecards(db: Database, orgId: string, personIds: string[], n: number): Promise<Map<string, SessionResult[]>> {
  if (personIds.length === 0) return new Map();
  const ids = sql.join(personIds.map((id) => sql`${id}::uuid`), sql`, `);
  const result = await db.execute(sql`
    select m.person_id, s.id, s.ended_at, s.skills, s.metrics
    from unnest(array[${ids}]) as m(person_id)
    cross join lateral (
      select id, ended_at, scorecard -> 'skills' as skills, scorecard -> 'metrics' as metrics
      from sessions
      where org_id = ${orgId} and person_id = m.person_id and status = 'ended' and scorecard is not null
      order by started_at desc
      limit ${n}
    ) s`);
  const rows = ((result as { rows?: unknown[] }).rows ?? (result as unknown as unknown[])) as { person_id: string; id: string; ended_at: string | Date; skills: unknown; metrics: unknown }[];
  const parse = (v: unknown) => (typeof v === 'string' ? JSON.parse(v) : v);
  return groupBy(
    rows.map((r) => ({
      personId: r.person_id,
      sessionId: r.id,
      at: new Date(r.ended_at).toISOString(),
      scorecard: { skills: parse(r.skills) ?? [], metrics: parse(r.metrics) ?? {} },
    })),
    (r) => r.personId,
  ) as unknown as Map<string, SessionResult[]>;
}

export async function skillRowsOf(db: Database, orgId: string, personIds: string[]): Promise<Map<string, SkillResultRow[]>> {
  if (personIds.length === 0) return new Map();
  const rows = await db
    .select({ personId: skillResults.personId, sessionId: skillResults.sessionId, at: skillResults.at, skill: skillResults.skill, level: skillResults.level, score: skillResults.score })
    .from(skillResults)
    .where(and(eq(skillResults.orgId, orgId), inArray(skillResults.personId, personIds)))
    .orderBy(asc(skillResults.at));
  const mapped = rows.map((r) => ({ personId: r.personId, sessionId: r.sessionId, at: r.at.toISOString(), skill: r.skill, level: r.level as SkillResultRow['level'], score: r.score }));
  return groupBy(mapped, (r) => r.personId);
}

/** The progress view of a cohort's learners (see `cohortProgress`). */
export async function readCohortProgress(db: Database, orgId: string, cohort: { id: string; readiness: CohortReadinessRule }, now: Date): Promise<LearnerProgressView[]> {
  const members = await cohortLearners(db, orgId, cohort.id);
  const ids = members.map((m) => m.id);
  const window = Math.max(cohort.readiness.window ?? DEFAULT_WINDOW, cohort.readiness.minSessions ?? DEFAULT_WINDOW);
  const [skillRows, recentSessions, assignments] = await Promise.all([skillRowsOf(db, orgId, ids), recentScorecards(db, orgId, ids, window), assignmentsOf(db, orgId, ids, now)]);
  const byPerson = groupBy(
    assignments.map((a) => ({ personId: a.personId, view: { id: a.id, drillId: a.drillId, title: a.drill.title, status: a.status, dueAt: a.dueAt, attempts: a.attempts, bestLevel: a.bestLevel } })),
    (a) => a.personId,
  );
  return cohortProgress({
    members,
    skillRows,
    recentSessions,
    assignments: new Map([...byPerson].map(([k, v]) => [k, v.map((x) => x.view)])),
    readiness: cohort.readiness,
  });
}

/** One learner's sessions for a facilitator's list, newest first (levels only; the transcript is `GET /api/sessions/{id}`). */
export async function learnerSessions(db: Database, orgId: string, personId: string, limit = 100) {
  const rows = await db
    .select({ id: sessions.id, status: sessions.status, scenarioId: sessions.scenarioId, drillId: sessions.drillId, startedAt: sessions.startedAt, endedAt: sessions.endedAt, scorecard: sessions.scorecard, drillResult: sessions.drillResult })
    .from(sessions)
    .where(and(eq(sessions.orgId, orgId), eq(sessions.personId, personId)))
    .orderBy(desc(sessions.startedAt))
    .limit(limit);
  return rows.map((r) => ({
    id: r.id,
    status: r.status,
    scenarioId: r.scenarioId,
    drillId: r.drillId,
    startedAt: r.startedAt.toISOString(),
    endedAt: r.endedAt?.toISOString() ?? null,
    levels: r.scorecard ? Object.fromEntries(r.scorecard.skills.map((s) => [s.skill, s.level])) : null,
    drillPassed: r.drillResult ? r.drillResult.passed : null,
  }));
}

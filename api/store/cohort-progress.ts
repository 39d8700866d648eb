/**
 * @module store/cohort-progress
 * Reads what a cohort's progress view needs in a handful of queries whatever the cohort's size:
 * its learners, their stored progress snapshots (`learner_progress`, refreshed when a session
 * ends and checked against the ledger's newest result), and their assignments. Snapshots that are
 * missing or stale, and cohorts with their own readiness rule, are computed from the ledger's
 * per-learner, per-skill counts (`skill_result_counts`) and last few points per skill, plus each
 * learner's last few scorecards (slimmed in SQL, through a LATERAL index scan per learner). Everything is filtered to the cohort's members through the
 * (org_id, person_id, ...) indexes, so the cost grows with the cohort, not with the tables.
 */
import { and, desc, eq, sql } from 'drizzle-orm';
import type { Database } from '../db/index.js';
import { preparedPerDatabase } from '../db/prepared.js';
import { learnerProgress, sessions, type CohortReadinessRule } from '../db/schema/index.js';
import {
  cohortProgress,
  learnerSnapshot,
  type CohortMember,
  type LearnerProgressView,
  type LearnerSeries,
  type LearnerSnapshot,
} from '../programme/index.js';
import type { OnSessionEnded } from '../session-flow/end.js';
import type { SessionResult } from '../practice/progress/index.js';
import type { Level } from '../practice/types.js';
import type { Caller } from '../auth/index.js';
import { assignmentsOf } from './assignments.js';
import { findManagedCohort, type ManagedCohort } from './cohorts.js';
import { SESSION_SUMMARY } from './sessions.js';
import { isScored } from '../practice/standing/index.js';

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

const idList = (ids: string[]) =>
  sql.join(
    ids.map((id) => sql`${id}::uuid`),
    sql`, `,
  );
const rowsOf = <T>(result: unknown): T[] => (result as { rows?: T[] }).rows ?? (result as T[]);
/** A jsonb value as the driver hands it over: parsed already (postgres.js) or as text (PGlite raw SQL). */
const json = <T>(v: unknown): T | null => (typeof v === 'string' ? JSON.parse(v) : v) as T | null;
const iso = (v: string | Date) => new Date(v).toISOString();

/**
 * The last `n` ended sessions of each learner with a skill scored, with only what readiness reads: per skill its level,
 * score and the checks it failed (readiness counts failures only, so passed checks are left out),
 * and the session metrics. Slimmed in SQL, so the server
 * ships a few hundred bytes per session instead of the whole scorecard.
 */
export async function recentScorecards(
  db: Database,
  orgId: string,
  personIds: string[],
  n: number,
): Promise<Map<string, SessionResult[]>> {
  if (personIds.length === 0) return new Map();
  const result = await db.execute(sql`
    select m.person_id, s.id, s.ended_at, s.skills, s.metrics
    from unnest(array[${idList(personIds)}]) as m(person_id)
    cross join lateral (
      select id, ended_at, scorecard -> 'metrics' as metrics,
        (select jsonb_agg(jsonb_build_object(
            'skill', k -> 'skill', 'level', k -> 'level', 'score', k -> 'score', 'status', k -> 'status',
            'checks', coalesce((select jsonb_agg(jsonb_build_object('id', c -> 'id', 'passed', false)) from jsonb_array_elements(k -> 'checks') c where c -> 'passed' = 'false'::jsonb), '[]'::jsonb)))
         from jsonb_array_elements(scorecard -> 'skills') k) as skills
      from sessions
      where org_id = ${orgId} and person_id = m.person_id and status = 'ended' and scorecard is not null
        -- a session with no skill scored (not enough evidence) says nothing about the learner
        and exists (select 1 from jsonb_array_elements(scorecard -> 'skills') k where coalesce(k ->> 'status', 'scored') = 'scored')
      order by started_at desc
      limit ${n}
    ) s`);
  const out = new Map<string, SessionResult[]>();
  for (const r of rowsOf<{
    person_id: string;
    id: string;
    ended_at: string | Date;
    skills: unknown;
    metrics: unknown;
  }>(result)) {
    let list = out.get(r.person_id);
    if (!list) out.set(r.person_id, (list = []));
    list.push({
      sessionId: r.id,
      at: iso(r.ended_at),
      scorecard: {
        skills: json<SessionResult['scorecard']['skills']>(r.skills) ?? [],
        metrics: json<SessionResult['scorecard']['metrics']>(r.metrics) ?? undefined,
      },
    });
  }
  return out;
}

/** points per skill the mastery estimate looks at (older ones weigh under 0.1%) */
const SERIES_POINTS = 20;

/** The statement `skillSeriesOf` runs (exported for the test that checks its plan). */
export const skillSeriesQuery = (orgId: string, personIds: string[]) => sql`
  select c.person_id, c.skill, c.results as n, c.last_at as last, p.scores, p.levels
  from skill_result_counts c
  cross join lateral (
    select array_agg(score order by at) as scores, array_agg(level order by at) as levels
    from (
      select score, level, at from skill_results r
      where r.org_id = ${orgId} and r.person_id = c.person_id and r.skill = c.skill
      order by r.at desc
      limit ${SERIES_POINTS}
    ) latest
  ) p
  where c.org_id = ${orgId} and c.person_id in (${idList(personIds)})`;

/**
 * Each learner's ledger as compact per-skill series (one row per learner and skill instead of one
 * per session and skill). Every ended session writes a row for each skill it scored, so a
 * learner's session count is their largest per-skill count. Every session that ends reads this
 * for its learner (refreshProgressOnSessionEnd), so its cost must not follow the learner's
 * history: the counts and the newest result come from `skill_result_counts` (kept by the database
 * as the ledger is written, one row per skill), and each skill's last points from the
 * (org, person, skill, at) index backwards, a few rows each. Counting the ledger here read every
 * row of it at every end: 12,834 rows per end at 2,000 sessions against 1,134 at 50
 * (test/api/end-history-cost), and a soak's second wave did 0.63 of its first's work.
 */
export async function skillSeriesOf(
  db: Database,
  orgId: string,
  personIds: string[],
): Promise<Map<string, LearnerSeries>> {
  if (personIds.length === 0) return new Map();
  const result = await db.execute(skillSeriesQuery(orgId, personIds));
  const out = new Map<string, LearnerSeries>();
  for (const r of rowsOf<{
    person_id: string;
    skill: string;
    n: number;
    last: string | Date;
    scores: number[] | string;
    levels: string[] | string;
  }>(result)) {
    let series = out.get(r.person_id);
    if (!series) out.set(r.person_id, (series = { skills: {}, sessions: 0, lastSessionAt: null }));
    const scores = pgArray(r.scores).map(Number);
    const levels = pgArray(r.levels) as Level[];
    series.skills[r.skill] = scores.map((score, i) => ({ score, level: levels[i] }));
    series.sessions = Math.max(series.sessions, Number(r.n));
    const last = iso(r.last);
    if (!series.lastSessionAt || last > series.lastSessionAt) series.lastSessionAt = last;
  }
  return out;
}

/** A Postgres array as drivers hand it back: parsed already, or as `{a,b}` text. */
function pgArray(v: unknown[] | string): string[] {
  if (Array.isArray(v)) return v.map(String);
  const inner = v.replace(/^\{|\}$/g, '');
  return inner ? inner.split(',').map((x) => x.replace(/^"|"$/g, '')) : [];
}

const isDefaultRule = (r: CohortReadinessRule) =>
  r.minSessions === undefined && r.window === undefined && r.skills === undefined;

/** Snapshots computed from the ledger and recent scorecards (the slow, always-right path). */
export async function computeSnapshots(
  db: Database,
  orgId: string,
  personIds: string[],
  readiness: CohortReadinessRule,
): Promise<Map<string, LearnerSnapshot>> {
  const window = Math.max(
    readiness.window ?? DEFAULT_WINDOW,
    readiness.minSessions ?? DEFAULT_WINDOW,
  );
  const [series, recent] = await Promise.all([
    skillSeriesOf(db, orgId, personIds),
    recentScorecards(db, orgId, personIds, window),
  ]);
  return new Map(
    [...series].map(([id, s]) => [id, learnerSnapshot(s, recent.get(id) ?? [], readiness)]),
  );
}

/** A learner has one snapshot: a newer one written for them replaces it. */
const REPLACE_SNAPSHOT = {
  target: learnerProgress.personId,
  set: {
    snapshot: sql`excluded.snapshot`,
    lastResultAt: sql`excluded.last_result_at`,
    updatedAt: sql`excluded.updated_at`,
  },
};

/** Recomputes and stores the default-rule snapshots of these learners. */
export async function refreshLearnerProgress(
  db: Database,
  orgId: string,
  personIds: string[],
): Promise<Map<string, LearnerSnapshot>> {
  const snapshots = await computeSnapshots(db, orgId, personIds, {});
  const rows = [...snapshots].map(([personId, snapshot]) => ({
    personId,
    orgId,
    snapshot,
    lastResultAt: snapshot.lastSessionAt ? new Date(snapshot.lastSessionAt) : null,
    updatedAt: new Date(),
  }));
  if (rows.length) {
    await db.insert(learnerProgress).values(rows).onConflictDoUpdate(REPLACE_SNAPSHOT);
  }
  return snapshots;
}

// One learner's snapshot, prepared: every session that ends writes it (see db/prepared).
const ph = sql.placeholder;
const upsertOne = preparedPerDatabase((db) =>
  db
    .insert(learnerProgress)
    .values({
      personId: ph('personId'),
      orgId: ph('orgId'),
      snapshot: sql`${ph('snapshot')}::jsonb`,
      lastResultAt: sql`${ph('lastResultAt')}::timestamptz`,
      updatedAt: sql`${ph('updatedAt')}::timestamptz`,
    })
    .onConflictDoUpdate(REPLACE_SNAPSHOT)
    .prepare('learner_progress_upsert'),
);

/** `onSessionEnded` hook: the learner's snapshot follows their new result (as `refreshLearnerProgress`). */
export const refreshProgressOnSessionEnd: OnSessionEnded = async (deps, session) => {
  const snapshot = (await computeSnapshots(deps.db, session.orgId, [session.personId], {})).get(
    session.personId,
  );
  if (!snapshot) return;
  await upsertOne(deps.db).execute({
    personId: session.personId,
    orgId: session.orgId,
    snapshot: JSON.stringify(snapshot),
    lastResultAt: snapshot.lastSessionAt ? new Date(snapshot.lastSessionAt).toISOString() : null,
    updatedAt: new Date().toISOString(),
  });
};

/**
 * A cohort's learners with their stored snapshots, in one query. A snapshot counts only when it
 * includes the learner's newest result (one index probe each), so a missed refresh is recomputed,
 * not trusted: those learners come back in `stale`.
 */
async function cohortSnapshots(db: Database, orgId: string, cohortId: string) {
  const result = await db.execute(sql`
    select p.id, p.name, p.email, lp.snapshot,
      (latest.at is not null and lp.last_result_at is not null and date_trunc('milliseconds', lp.last_result_at) = date_trunc('milliseconds', latest.at)) as fresh,
      latest.at is null as never_practised
    from cohort_members m
    -- LATERAL look-ups: one index probe per member, never a scan of the organisation's people
    cross join lateral (select id, name, email from people where id = m.person_id limit 1) p
    left join lateral (select snapshot, last_result_at from learner_progress where person_id = m.person_id and org_id = ${orgId} limit 1) lp on true
    cross join lateral (select max(at) as at from skill_results where org_id = ${orgId} and person_id = m.person_id) latest
    where m.org_id = ${orgId} and m.cohort_id = ${cohortId} and m.role = 'learner'
    order by p.name, p.id`);
  const members: CohortMember[] = [];
  const fresh = new Map<string, LearnerSnapshot>();
  const stale: string[] = [];
  for (const r of rowsOf<{
    id: string;
    name: string;
    email: string;
    snapshot: unknown;
    fresh: boolean;
    never_practised: boolean;
  }>(result)) {
    members.push({ id: r.id, name: r.name, email: r.email });
    if (r.never_practised) continue;
    if (r.fresh) fresh.set(r.id, json<LearnerSnapshot>(r.snapshot)!);
    else stale.push(r.id);
  }
  return { members, fresh, stale };
}

/**
 * The progress view of a cohort the caller manages (see `cohortProgress`), or null when it is not
 * theirs to see. The access check, the learners with their snapshots, and their assignments are
 * read in parallel: three queries, one round trip, whatever the cohort's size. The data queries
 * are scoped to the caller's organisation, and nothing of them is returned unless the check passes.
 */
export async function readCohortProgress(
  db: Database,
  caller: Caller,
  cohortId: string,
  now: Date,
): Promise<{ cohort: ManagedCohort; learners: LearnerProgressView[] } | null> {
  const orgId = caller.orgId;
  const [cohort, { members, fresh, stale }, assignments] = await Promise.all([
    findManagedCohort(db, caller, cohortId),
    cohortSnapshots(db, orgId, cohortId),
    assignmentsOf(db, orgId, { cohortId }, now),
  ]);
  if (!cohort) return null;
  let snapshots = fresh;
  if (!isDefaultRule(cohort.readiness)) {
    // a cohort with its own readiness rule needs readiness computed under that rule
    snapshots = await computeSnapshots(
      db,
      orgId,
      members.map((m) => m.id),
      cohort.readiness,
    );
  } else if (stale.length) {
    for (const [id, snap] of await refreshLearnerProgress(db, orgId, stale))
      snapshots.set(id, snap);
  }
  const byPerson = groupBy(
    assignments.map((a) => ({
      personId: a.personId,
      view: {
        id: a.id,
        drillId: a.drillId,
        cohortId: a.cohortId,
        title: a.drill.title,
        status: a.status,
        dueAt: a.dueAt,
        attempts: a.attempts,
        bestLevel: a.bestLevel,
      },
    })),
    (a) => a.personId,
  );
  const learners = cohortProgress({
    members,
    snapshots,
    assignments: new Map([...byPerson].map(([k, v]) => [k, v.map((x) => x.view)])),
    readiness: cohort.readiness,
  });
  return { cohort, learners };
}

/** One learner's sessions for a facilitator's list, newest first (levels only; the transcript is `GET /api/sessions/{id}`). */
export async function learnerSessions(db: Database, orgId: string, personId: string, limit = 100) {
  const rows = await db
    .select({ ...SESSION_SUMMARY, drillResult: sessions.drillResult })
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
    levels: r.scorecard
      ? Object.fromEntries(r.scorecard.skills.filter(isScored).map((s) => [s.skill, s.level]))
      : null,
    drillPassed: r.drillResult ? r.drillResult.passed : null,
  }));
}

/**
 * @module store/assignments
 * Drill assignments: created all-or-nothing for a cohort or a list of learners, read back with
 * their drill and status, and brought up to date when a drill session ends (`recordDrillAttempt`,
 * an `onSessionEnded` hook), or cancelled (`deleteAssignment`). Reads take a list of learners and cost one query per kind, so a
 * cohort's assignments never turn into a query per learner.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { AppDeps } from '../app-env.js';
import type { Caller } from '../auth/index.js';
import type { Database } from '../db/index.js';
import { assignments, cohortMembers } from '../db/schema/index.js';
import { StoreError } from './errors.js';
import {
  assignmentStatus,
  attemptLevel,
  betterLevel,
  type AssignmentStatus,
} from '../programme/index.js';
import type { DrillSpec, Level } from '../practice/types.js';
import type { OnSessionEnded } from '../session-flow/end.js';
import { isUniqueViolation, managedLearners } from './cohorts.js';
import { drillSpecOf, findDrill, type DrillRow } from './drills.js';
import { lockCohort, lockPeople } from './locks.js';

export interface AssignmentView {
  id: string;
  drillId: string;
  personId: string;
  cohortId: string | null;
  dueAt: string;
  status: AssignmentStatus;
  attempts: number;
  bestLevel: Level | null;
  passedAt: string | null;
  lastAttemptAt: string | null;
  lastReasons: string[];
  drill: Pick<DrillSpec, 'id' | 'title' | 'scenarioId' | 'description' | 'focus' | 'constraints'>;
}

/**
 * Assigns a drill to a cohort's learners or to listed learners, in one transaction: if any of them
 * already has it, nothing is written and the conflict names them. The cohort, then the learners,
 * then (for a cohort) their memberships are locked before anything is written (store/locks), so a
 * cohort deleted, a learner taken out or a person deleted at the same moment either waits for the
 * assignments (and removes them with everything else) or is seen here: a cohort gone is a 404, a
 * learner gone is left out (a cohort) or a 404 (listed), never a foreign-key error or an
 * assignment left pointing at nothing.
 */
export async function createAssignments(
  db: Database,
  input: {
    orgId: string;
    drillId: string;
    to: { cohortId: string } | { learnerIds: string[] };
    dueAt: Date;
    assignedBy: string;
  },
) {
  const { orgId, to } = input;
  try {
    return await db.transaction(async (tx) => {
      const t = tx as unknown as Database;
      const personIds =
        'cohortId' in to
          ? await lockCohortLearners(t, orgId, to.cohortId)
          : await lockListedLearners(t, orgId, to.learnerIds);
      const existing = await t
        .select({ personId: assignments.personId })
        .from(assignments)
        .where(
          and(
            eq(assignments.orgId, orgId),
            eq(assignments.drillId, input.drillId),
            inArray(assignments.personId, personIds),
          ),
        );
      if (existing.length) throw duplicate(existing.map((e) => e.personId));
      const cohortId = 'cohortId' in to ? to.cohortId : null;
      return t
        .insert(assignments)
        .values(
          personIds.map((personId) => ({
            orgId,
            drillId: input.drillId,
            personId,
            cohortId,
            dueAt: input.dueAt,
            assignedBy: input.assignedBy,
          })),
        )
        .returning({
          id: assignments.id,
          personId: assignments.personId,
          cohortId: assignments.cohortId,
        });
    });
  } catch (err) {
    // a concurrent request assigned the same drill between the check and the insert
    if (isUniqueViolation(err)) throw duplicate([]);
    throw err;
  }
}

/** The cohort's learners, locked in the store/locks order: cohort, people, memberships. */
async function lockCohortLearners(
  tx: Database,
  orgId: string,
  cohortId: string,
): Promise<string[]> {
  if (!(await lockCohort(tx, orgId, cohortId, 'share'))) throw cohortNotFound();
  const learnerMembership = and(
    eq(cohortMembers.orgId, orgId),
    eq(cohortMembers.cohortId, cohortId),
    eq(cohortMembers.role, 'learner'),
  );
  const seen = await tx
    .select({ personId: cohortMembers.personId })
    .from(cohortMembers)
    .where(learnerMembership);
  const people = (
    await lockPeople(
      tx,
      orgId,
      seen.map((m) => m.personId),
      'share',
    )
  )
    .filter((p) => p.role === 'learner')
    .map((p) => p.id);
  // still members once their rows are locked: a removal that got in first is respected, one that
  // comes after waits for these assignments and cancels them with the membership
  const kept = people.length
    ? await tx
        .select({ personId: cohortMembers.personId })
        .from(cohortMembers)
        .where(and(learnerMembership, inArray(cohortMembers.personId, people)))
        .for('share')
    : [];
  if (kept.length === 0)
    throw StoreError.invalid('The cohort has no learners yet; add or import them first.', [
      { path: 'cohortId', message: 'no learners' },
    ]);
  return kept.map((m) => m.personId);
}

/** The listed learners, locked; any who is no longer a learner of the organisation is a 404. */
async function lockListedLearners(
  tx: Database,
  orgId: string,
  learnerIds: string[],
): Promise<string[]> {
  const locked = new Set(
    (await lockPeople(tx, orgId, learnerIds, 'share'))
      .filter((p) => p.role === 'learner')
      .map((p) => p.id),
  );
  const missing = learnerIds.filter((id) => !locked.has(id));
  if (missing.length) throw learnersNotFound(learnerIds, missing);
  return learnerIds;
}

/** 404 for a cohort that does not exist (or that the caller does not run), on the `cohortId` field. */
export function cohortNotFound() {
  return StoreError.notFound('The cohort', [
    { path: 'cohortId', message: 'no such cohort that you run' },
  ]);
}

/** 404 naming, by their place in `asked`, the learners that could not be found. */
export function learnersNotFound(asked: string[], missing: string[]) {
  return new StoreError(
    'not_found',
    `${missing.length} of the learners ${missing.length === 1 ? 'was' : 'were'} not found among the learners you manage; nothing was assigned.`,
    missing.map((id) => ({
      path: `learnerIds.${asked.indexOf(id)}`,
      message: `no learner ${id} that you manage`,
    })),
  );
}

function duplicate(personIds: string[]) {
  return StoreError.conflict(
    personIds.length
      ? `${personIds.length} of these learners already have this drill assigned; nothing was assigned.`
      : 'Some of these learners already have this drill assigned; nothing was assigned.',
    { learnerIds: personIds },
  );
}

/**
 * Cancels one assignment: an admin any in the organisation, a facilitator those of learners they
 * manage. Only the assignment row goes: the sessions on the drill and their results stay in the
 * learner's progress, and assigning the drill again starts a fresh attempt count. False when the
 * caller has no such assignment to cancel (answer 404 either way).
 */
export async function deleteAssignment(
  db: Database,
  caller: Caller,
  assignmentId: string,
): Promise<boolean> {
  const [a] = await db
    .select({ personId: assignments.personId })
    .from(assignments)
    .where(and(eq(assignments.orgId, caller.orgId), eq(assignments.id, assignmentId)));
  if (!a) return false;
  if (caller.role !== 'admin' && (await managedLearners(db, caller, [a.personId])).length === 0)
    return false;
  const gone = await db
    .delete(assignments)
    .where(and(eq(assignments.orgId, caller.orgId), eq(assignments.id, assignmentId)))
    .returning({ id: assignments.id });
  return gone.length > 0;
}

interface AssignmentRow {
  id: string;
  drill_id: string;
  person_id: string;
  cohort_id: string | null;
  due_at: string | Date;
  attempts: number;
  passed: boolean;
  passed_at: string | Date | null;
  best_level: Level | null;
  last_attempt_at: string | Date | null;
  last_reasons: unknown;
  title: string;
  scenario_id: string;
  spec: unknown;
  open: boolean | null;
}

const iso = (v: string | Date | null) => (v === null ? null : new Date(v).toISOString());
const json = <T>(v: unknown): T => (typeof v === 'string' ? JSON.parse(v) : v) as T;

/**
 * Every assignment of the given learners (or of a cohort's learners) with its drill and current
 * status, in one query that starts from the learners and reaches their assignments and open drill
 * sessions through the (org_id, person_id, ...) indexes, so its cost follows the cohort and not
 * the size of the sessions table.
 */
export async function assignmentsOf(
  db: Database,
  orgId: string,
  who: string[] | { cohortId: string },
  now: Date,
): Promise<AssignmentView[]> {
  if (Array.isArray(who) && who.length === 0) return [];
  const learners = Array.isArray(who)
    ? sql`select unnest(array[${sql.join(
        who.map((id) => sql`${id}::uuid`),
        sql`, `,
      )}]) as person_id`
    : sql`select person_id from cohort_members where org_id = ${orgId} and cohort_id = ${who.cohortId} and role = 'learner'`;
  const result = await db.execute(sql`
    select a.id, a.drill_id, a.person_id, a.cohort_id, a.due_at, a.attempts, a.passed, a.passed_at, a.best_level, a.last_attempt_at, a.last_reasons,
      d.title, d.scenario_id, d.spec, a.drill_id = any(coalesce(o.drills, '{}')) as open
    from (${learners}) m
    -- the drills each learner has a session open on: one index probe per learner
    cross join lateral (
      select array_agg(s.drill_id) as drills from sessions s
      where s.org_id = ${orgId} and s.person_id = m.person_id and s.status = 'active' and s.drill_id is not null
    ) o
    join assignments a on a.org_id = ${orgId} and a.person_id = m.person_id
    join drills d on d.id = a.drill_id
    order by a.due_at, a.created_at`);
  const rows = ((result as { rows?: AssignmentRow[] }).rows ??
    (result as unknown as AssignmentRow[])) as AssignmentRow[];
  return rows.map((a) => {
    const spec = json<DrillRow['spec']>(a.spec);
    const dueAt = new Date(a.due_at);
    return {
      id: a.id,
      drillId: a.drill_id,
      personId: a.person_id,
      cohortId: a.cohort_id,
      dueAt: dueAt.toISOString(),
      status: assignmentStatus(
        { dueAt, attempts: Number(a.attempts), passed: Boolean(a.passed), bestLevel: a.best_level },
        now,
        Boolean(a.open),
      ),
      attempts: Number(a.attempts),
      bestLevel: a.best_level ?? null,
      passedAt: iso(a.passed_at),
      lastAttemptAt: iso(a.last_attempt_at),
      lastReasons: json<string[] | null>(a.last_reasons) ?? [],
      drill: {
        id: a.drill_id,
        title: a.title,
        scenarioId: a.scenario_id,
        description: spec.description,
        focus: spec.focus,
        ...(spec.constraints ? { constraints: spec.constraints } : {}),
      },
    };
  });
}

/**
 * `onSessionEnded` hook: a session on an assigned drill counts as an attempt. The row is locked
 * while it is updated, so two sessions ending at once both count.
 */
export const recordDrillAttempt: OnSessionEnded = async (deps: AppDeps, session, ended) => {
  if (!session.drillId || !ended.drillResult) return;
  const drillRow = await findDrill(deps.db, session.orgId, session.drillId);
  if (!drillRow) return;
  const level = attemptLevel(drillSpecOf(drillRow), ended.scorecard);
  const at = deps.now();
  await deps.db.transaction(async (tx) => {
    const [a] = await tx
      .select()
      .from(assignments)
      .where(
        and(
          eq(assignments.orgId, session.orgId),
          eq(assignments.personId, session.personId),
          eq(assignments.drillId, session.drillId!),
        ),
      )
      .for('update');
    if (!a) return; // practising an unassigned drill is fine; nothing to track
    const passedNow = ended.drillResult!.passed;
    await tx
      .update(assignments)
      .set({
        attempts: a.attempts + 1,
        passed: a.passed || passedNow,
        passedAt: a.passedAt ?? (passedNow ? at : null),
        bestLevel: betterLevel(a.bestLevel ?? null, level),
        lastSessionId: session.id,
        lastAttemptAt: at,
        lastReasons: ended.drillResult!.reasons,
      })
      .where(eq(assignments.id, a.id));
  });
};

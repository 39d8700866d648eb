/**
 * @module store/assignments
 * Drill assignments: created all-or-nothing for a cohort or a list of learners, read back with
 * their drill and status, and brought up to date when a drill session ends (`recordDrillAttempt`,
 * an `onSessionEnded` hook). Reads take a list of learners and cost one query per kind, so a
 * cohort's assignments never turn into a query per learner.
 */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { AppDeps } from '../app-env.js';
import type { Database } from '../db/index.js';
import { assignments, cohortMembers, drills, sessions } from '../db/schema/index.js';
import { Problem } from '../problems/index.js';
import { assignmentStatus, attemptLevel, betterLevel, type AssignmentStatus } from '../programme/index.js';
import type { DrillSpec, Level } from '../practice/types.js';
import type { OnSessionEnded } from '../session-flow/end.js';
import { isUniqueViolation } from './cohorts.js';
import { drillSpecOf, findDrill } from './drills.js';

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
 * Assigns a drill to learners in one transaction: if any of them already has it, nothing is written
 * and the conflict names them.
 */
export async function createAssignments(db: Database, input: { orgId: string; drillId: string; personIds: string[]; cohortId: string | null; dueAt: Date; assignedBy: string }) {
  const existing = await db
    .select({ personId: assignments.personId })
    .from(assignments)
    .where(and(eq(assignments.orgId, input.orgId), eq(assignments.drillId, input.drillId), inArray(assignments.personId, input.personIds)));
  if (existing.length) throw duplicate(existing.map((e) => e.personId));
  try {
    return await db.transaction(async (tx) =>
      tx
        .insert(assignments)
        .values(input.personIds.map((personId) => ({ orgId: input.orgId, drillId: input.drillId, personId, cohortId: input.cohortId, dueAt: input.dueAt, assignedBy: input.assignedBy })))
        .returning({ id: assignments.id, personId: assignments.personId }),
    );
  } catch (err) {
    // a concurrent request assigned the same drill between the check and the insert
    if (isUniqueViolation(err)) throw duplicate([]);
    throw err;
  }
}

function duplicate(personIds: string[]) {
  return Problem.conflict(
    personIds.length ? `${personIds.length} of these learners already have this drill assigned; nothing was assigned.` : 'Some of these learners already have this drill assigned; nothing was assigned.',
    { learnerIds: personIds },
  );
}

/**
 * Every assignment of the given learners (or of a cohort's learners) with its drill and current
 * status, in one query: whether a drill session is open is an EXISTS probe per assignment.
 */
export async function assignmentsOf(db: Database, orgId: string, who: string[] | { cohortId: string }, now: Date): Promise<AssignmentView[]> {
  if (Array.isArray(who) && who.length === 0) return [];
  const learners = Array.isArray(who)
    ? inArray(assignments.personId, who)
    : inArray(assignments.personId, db.select({ id: cohortMembers.personId }).from(cohortMembers).where(and(eq(cohortMembers.cohortId, who.cohortId), eq(cohortMembers.role, 'learner'))));
  const open = sql<boolean>`exists (select 1 from ${sessions} s where s.org_id = ${assignments.orgId} and s.person_id = ${assignments.personId} and s.drill_id = ${assignments.drillId} and s.status = 'active')`;
  const rows = await db
    .select({ a: assignments, open, drill: { id: drills.id, title: drills.title, scenarioId: drills.scenarioId, spec: drills.spec } })
    .from(assignments)
    .innerJoin(drills, eq(drills.id, assignments.drillId))
    .where(and(eq(assignments.orgId, orgId), learners))
    .orderBy(asc(assignments.dueAt), asc(assignments.createdAt));
  return rows.map(({ a, open, drill }) => ({
    id: a.id,
    drillId: a.drillId,
    personId: a.personId,
    cohortId: a.cohortId,
    dueAt: a.dueAt.toISOString(),
    status: assignmentStatus(a, now, Boolean(open)),
    attempts: a.attempts,
    bestLevel: a.bestLevel ?? null,
    passedAt: a.passedAt?.toISOString() ?? null,
    lastAttemptAt: a.lastAttemptAt?.toISOString() ?? null,
    lastReasons: a.lastReasons ?? [],
    drill: { id: drill.id, title: drill.title, scenarioId: drill.scenarioId, description: drill.spec.description, focus: drill.spec.focus, ...(drill.spec.constraints ? { constraints: drill.spec.constraints } : {}) },
  }));
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
      .where(and(eq(assignments.orgId, session.orgId), eq(assignments.personId, session.personId), eq(assignments.drillId, session.drillId!)))
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

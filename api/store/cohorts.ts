/**
 * @module store/cohorts
 * Cohorts and who is in them, and the one place that decides which cohorts and learners a caller
 * manages: an admin manages every cohort and learner in their organisation, a facilitator the
 * cohorts they run and the learners in those, a learner nothing. Routes ask here; a cohort or
 * learner outside the caller's reach is reported as not found, never as someone else's.
 */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Caller } from '../auth/index.js';
import type { Database } from '../db/index.js';
import {
  assignments,
  cohortMembers,
  cohorts,
  ltiContexts,
  people,
  type CohortReadinessRule,
  type MembershipRole,
} from '../db/schema/index.js';
import { StoreError } from './errors.js';
import { lockCohort, lockPeople } from './locks.js';
import { clearRemovals, recordRemoval } from './removals.js';

export type CohortRow = typeof cohorts.$inferSelect;
/** A cohort as the routes show it: with whether an LMS course feeds it. */
export type ManagedCohort = CohortRow & { lmsLinked: boolean };
type Tx = Database;

/**
 * Whether an LMS course (an LTI context) is linked to the cohort: its members join it when they
 * launch from the course, so a facilitator needs to know before taking someone out. The link is
 * `lti_contexts.cohort_id`, which the first launch from a course sets. The outer `cohorts.id` is
 * spelled out: drizzle leaves a column unqualified in a one-table select, and inside the subquery a
 * bare `id` would be the context's own.
 */
const lmsLinked = sql<boolean>`exists (select 1 from ${ltiContexts} x where x.cohort_id = ${cohorts}.id)`;

/** The cohorts a caller manages (all of the organisation's for an admin), with member counts. */
export async function listManagedCohorts(db: Database, caller: Caller) {
  const learners = sql<number>`(select count(*)::int from ${cohortMembers} m where m.cohort_id = ${cohorts.id} and m.role = 'learner')`;
  const base = db
    .select({
      id: cohorts.id,
      name: cohorts.name,
      description: cohorts.description,
      readiness: cohorts.readiness,
      createdAt: cohorts.createdAt,
      learners,
      lmsLinked,
    })
    .from(cohorts);
  if (caller.role === 'admin')
    return base.where(eq(cohorts.orgId, caller.orgId)).orderBy(asc(cohorts.name));
  if (caller.role !== 'facilitator') return [];
  return base
    .innerJoin(
      cohortMembers,
      and(
        eq(cohortMembers.cohortId, cohorts.id),
        eq(cohortMembers.personId, caller.personId),
        eq(cohortMembers.role, 'facilitator'),
      ),
    )
    .where(eq(cohorts.orgId, caller.orgId))
    .orderBy(asc(cohorts.name));
}

/** A cohort the caller manages, or null (answer 404: no hint whether it exists elsewhere). One query. */
export async function findManagedCohort(
  db: Database,
  caller: Caller,
  cohortId: string,
): Promise<ManagedCohort | null> {
  if (caller.role !== 'admin' && caller.role !== 'facilitator') return null;
  const runs = sql<boolean>`exists (select 1 from ${cohortMembers} m where m.cohort_id = ${cohorts.id} and m.person_id = ${caller.personId} and m.role = 'facilitator')`;
  const [row] = await db
    .select({ cohort: cohorts, runs, lmsLinked })
    .from(cohorts)
    .where(and(eq(cohorts.orgId, caller.orgId), eq(cohorts.id, cohortId)))
    .limit(1);
  if (!row) return null;
  return caller.role === 'admin' || row.runs
    ? { ...row.cohort, lmsLinked: Boolean(row.lmsLinked) }
    : null;
}

/**
 * Of `personIds`, the learners the caller manages (admin: any learner of the organisation;
 * facilitator: learners in a cohort they run). One query whatever the number of ids.
 */
export async function managedLearners(db: Database, caller: Caller, personIds: string[]) {
  if (personIds.length === 0 || (caller.role !== 'admin' && caller.role !== 'facilitator'))
    return [];
  const base = and(
    eq(people.orgId, caller.orgId),
    inArray(people.id, personIds),
    eq(people.role, 'learner'),
  );
  if (caller.role === 'admin')
    return db
      .select({ id: people.id, name: people.name, email: people.email })
      .from(people)
      .where(base);
  const runs = db
    .select({ cohortId: cohortMembers.cohortId })
    .from(cohortMembers)
    .where(
      and(
        eq(cohortMembers.orgId, caller.orgId),
        eq(cohortMembers.personId, caller.personId),
        eq(cohortMembers.role, 'facilitator'),
      ),
    );
  return db
    .selectDistinct({ id: people.id, name: people.name, email: people.email })
    .from(people)
    .innerJoin(
      cohortMembers,
      and(
        eq(cohortMembers.personId, people.id),
        eq(cohortMembers.role, 'learner'),
        inArray(cohortMembers.cohortId, runs),
      ),
    )
    .where(base);
}

/** Whether the caller may look at this person's practice (themselves, a learner they facilitate, anyone in the organisation for an admin). */
export async function mayViewLearner(
  db: Database,
  caller: Caller,
  personId: string,
): Promise<boolean> {
  if (personId === caller.personId) return true;
  if (caller.role === 'admin') {
    const [p] = await db
      .select({ id: people.id })
      .from(people)
      .where(and(eq(people.orgId, caller.orgId), eq(people.id, personId)))
      .limit(1);
    return Boolean(p);
  }
  return (await managedLearners(db, caller, [personId])).length > 0;
}

/** Everyone in a cohort with their cohort role (learners and facilitators). */
export async function cohortRoster(db: Database, orgId: string, cohortId: string) {
  return db
    .select({ id: people.id, name: people.name, email: people.email, role: cohortMembers.role })
    .from(cohortMembers)
    .innerJoin(people, eq(people.id, cohortMembers.personId))
    .where(and(eq(cohortMembers.orgId, orgId), eq(cohortMembers.cohortId, cohortId)))
    .orderBy(asc(cohortMembers.role), asc(people.name));
}

/** Creates a cohort; a facilitator who creates one runs it (through `addMembers`, so a facilitator demoted meanwhile is refused). Call inside a transaction. */
export async function insertCohort(
  tx: Tx,
  caller: Caller,
  input: { name: string; description?: string; readiness?: CohortReadinessRule },
) {
  const [row] = await tx
    .insert(cohorts)
    .values({
      orgId: caller.orgId,
      name: input.name,
      description: input.description ?? '',
      readiness: input.readiness ?? {},
      createdBy: caller.personId,
    })
    .returning();
  if (caller.role === 'facilitator')
    await addMembers(tx, caller.orgId, row.id, [
      { personId: caller.personId, role: 'facilitator' },
    ]);
  return row;
}

/**
 * Adds people to a cohort (call inside a transaction); people already in it keep their
 * membership, and anyone added is no longer marked as removed from it (they are back on purpose).
 * The cohort and then the people are locked (store/locks) and each role is read under the lock: a
 * learner membership is for a learner and a facilitator's for a facilitator, so someone whose role
 * changed (or who was deleted) since the caller looked refuses the whole add with 409, rather than
 * leaving a membership that the people rules would refuse. 404 when the cohort was deleted meanwhile.
 */
export async function addMembers(
  tx: Tx,
  orgId: string,
  cohortId: string,
  members: { personId: string; role: MembershipRole }[],
) {
  if (members.length === 0) return [];
  if (!(await lockCohort(tx, orgId, cohortId, 'share'))) throw StoreError.notFound('The cohort');
  const now = new Map(
    (
      await lockPeople(
        tx,
        orgId,
        members.map((m) => m.personId),
        'share',
      )
    ).map((p) => [p.id, p.role]),
  );
  const changed = members.filter((m) => now.get(m.personId) !== m.role).map((m) => m.personId);
  if (changed.length) {
    throw StoreError.conflict(
      `${changed.length} of these people changed role or left the organisation while being added; nothing was added. Look them up again and retry.`,
      { personIds: changed },
    );
  }
  const added = await tx
    .insert(cohortMembers)
    .values(members.map((m) => ({ cohortId, orgId, personId: m.personId, role: m.role })))
    .onConflictDoNothing()
    .returning({ personId: cohortMembers.personId });
  await clearRemovals(
    tx,
    orgId,
    cohortId,
    members.map((m) => m.personId),
  );
  return added;
}

/** The person's membership role in the cohort, or null when they are not in it. */
export async function membershipIn(
  db: Database,
  orgId: string,
  cohortId: string,
  personId: string,
): Promise<MembershipRole | null> {
  const [row] = await db
    .select({ role: cohortMembers.role })
    .from(cohortMembers)
    .where(
      and(
        eq(cohortMembers.orgId, orgId),
        eq(cohortMembers.cohortId, cohortId),
        eq(cohortMembers.personId, personId),
      ),
    );
  return row?.role ?? null;
}

/** The cohorts a person is in, with their role in each. */
export async function cohortsOf(db: Database, orgId: string, personId: string) {
  return db
    .select({ id: cohorts.id, name: cohorts.name, role: cohortMembers.role })
    .from(cohortMembers)
    .innerJoin(cohorts, eq(cohorts.id, cohortMembers.cohortId))
    .where(and(eq(cohortMembers.orgId, orgId), eq(cohortMembers.personId, personId)))
    .orderBy(asc(cohorts.name));
}

/**
 * Takes someone out of a cohort. The drills a learner was assigned through this cohort go with the
 * membership (nobody follows them there any more, and they would turn overdue); their sessions,
 * progress and any drill assigned to them directly stay. The removal is remembered, so an LMS
 * launch from the cohort's course does not put them back. The person is locked as a launch locks
 * them, so a launch in flight either lands first (and is undone here) or sees the removal.
 * False when they were not in the cohort (or it was deleted meanwhile).
 */
export async function removeMember(
  db: Database,
  orgId: string,
  cohortId: string,
  personId: string,
) {
  return db.transaction(async (tx) => {
    const t = tx as unknown as Tx;
    if (!(await lockCohort(t, orgId, cohortId, 'share'))) return false;
    await lockPeople(t, orgId, [personId], 'share');
    const gone = await t
      .delete(cohortMembers)
      .where(
        and(
          eq(cohortMembers.orgId, orgId),
          eq(cohortMembers.cohortId, cohortId),
          eq(cohortMembers.personId, personId),
        ),
      )
      .returning({ personId: cohortMembers.personId });
    if (gone.length === 0) return false;
    await t
      .delete(assignments)
      .where(
        and(
          eq(assignments.orgId, orgId),
          eq(assignments.cohortId, cohortId),
          eq(assignments.personId, personId),
        ),
      );
    await recordRemoval(t, orgId, cohortId, personId);
    return true;
  });
}

/**
 * Deletes a cohort with its memberships and the assignments made through it. Sessions, progress
 * and drills assigned to its learners directly stay theirs; an LMS course linked to the cohort
 * gets a fresh cohort on its next launch. False when there is no such cohort.
 */
export async function deleteCohort(db: Database, orgId: string, cohortId: string) {
  return db.transaction(async (tx) => {
    // locked for update: an assignment or membership being written through the cohort finishes
    // first (and is deleted below), or waits and finds the cohort gone (404), never a half state
    if (!(await lockCohort(tx as unknown as Tx, orgId, cohortId, 'update'))) return false;
    // the foreign key would only clear assignments.cohort_id; the cohort's drills go with it
    await tx
      .delete(assignments)
      .where(and(eq(assignments.orgId, orgId), eq(assignments.cohortId, cohortId)));
    const gone = await tx
      .delete(cohorts)
      .where(and(eq(cohorts.orgId, orgId), eq(cohorts.id, cohortId)))
      .returning({ id: cohorts.id });
    return gone.length > 0;
  });
}

export async function updateCohort(
  db: Database,
  orgId: string,
  cohortId: string,
  patch: { name?: string; description?: string; readiness?: CohortReadinessRule },
) {
  const [row] = await db
    .update(cohorts)
    .set(patch)
    .where(and(eq(cohorts.orgId, orgId), eq(cohorts.id, cohortId)))
    .returning();
  return row ?? null;
}

/** Postgres unique violation (postgres.js and PGlite both carry the SQLSTATE, possibly on `cause`). */
export function isUniqueViolation(err: unknown): boolean {
  for (
    let e = err as { code?: string; cause?: unknown } | undefined, i = 0;
    e && i < 4;
    e = e.cause as typeof e, i++
  )
    if (e.code === '23505') return true;
  return false;
}

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
import { assignments, cohortMembers, cohorts, ltiContexts, people, type CohortReadinessRule, type MembershipRole } from '../db/schema/index.js';

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
  const base = db.select({ id: cohorts.id, name: cohorts.name, description: cohorts.description, readiness: cohorts.readiness, createdAt: cohorts.createdAt, learners, lmsLinked }).from(cohorts);
  if (caller.role === 'admin') return base.where(eq(cohorts.orgId, caller.orgId)).orderBy(asc(cohorts.name));
  if (caller.role !== 'facilitator') return [];
  return base
    .innerJoin(cohortMembers, and(eq(cohortMembers.cohortId, cohorts.id), eq(cohortMembers.personId, caller.personId), eq(cohortMembers.role, 'facilitator')))
    .where(eq(cohorts.orgId, caller.orgId))
    .orderBy(asc(cohorts.name));
}

/** A cohort the caller manages, or null (answer 404: no hint whether it exists elsewhere). One query. */
export async function findManagedCohort(db: Database, caller: Caller, cohortId: string): Promise<ManagedCohort | null> {
  if (caller.role !== 'admin' && caller.role !== 'facilitator') return null;
  const runs = sql<boolean>`exists (select 1 from ${cohortMembers} m where m.cohort_id = ${cohorts.id} and m.person_id = ${caller.personId} and m.role = 'facilitator')`;
  const [row] = await db.select({ cohort: cohorts, runs, lmsLinked }).from(cohorts).where(and(eq(cohorts.orgId, caller.orgId), eq(cohorts.id, cohortId))).limit(1);
  if (!row) return null;
  return caller.role === 'admin' || row.runs ? { ...row.cohort, lmsLinked: Boolean(row.lmsLinked) } : null;
}

/**
 * Of `personIds`, the learners the caller manages (admin: any learner of the organisation;
 * facilitator: learners in a cohort they run). One query whatever the number of ids.
 */
export async function managedLearners(db: Database, caller: Caller, personIds: string[]) {
  if (personIds.length === 0 || (caller.role !== 'admin' && caller.role !== 'facilitator')) return [];
  const base = and(eq(people.orgId, caller.orgId), inArray(people.id, personIds), eq(people.role, 'learner'));
  if (caller.role === 'admin') return db.select({ id: people.id, name: people.name, email: people.email }).from(people).where(base);
  const runs = db
    .select({ cohortId: cohortMembers.cohortId })
    .from(cohortMembers)
    .where(and(eq(cohortMembers.orgId, caller.orgId), eq(cohortMembers.personId, caller.personId), eq(cohortMembers.role, 'facilitator')));
  return db
    .selectDistinct({ id: people.id, name: people.name, email: people.email })
    .from(people)
    .innerJoin(cohortMembers, and(eq(cohortMembers.personId, people.id), eq(cohortMembers.role, 'learner'), inArray(cohortMembers.cohortId, runs)))
    .where(base);
}

/** Whether the caller may look at this person's practice (themselves, a learner they facilitate, anyone in the organisation for an admin). */
export async function mayViewLearner(db: Database, caller: Caller, personId: string): Promise<boolean> {
  if (personId === caller.personId) return true;
  if (caller.role === 'admin') {
    const [p] = await db.select({ id: people.id }).from(people).where(and(eq(people.orgId, caller.orgId), eq(people.id, personId))).limit(1);
    return Boolean(p);
  }
  return (await managedLearners(db, caller, [personId])).length > 0;
}

/** The learners of a cohort, by name. */
export async function cohortLearners(db: Database, orgId: string, cohortId: string) {
  return db
    .select({ id: people.id, name: people.name, email: people.email })
    .from(cohortMembers)
    .innerJoin(people, eq(people.id, cohortMembers.personId))
    .where(and(eq(cohortMembers.orgId, orgId), eq(cohortMembers.cohortId, cohortId), eq(cohortMembers.role, 'learner')))
    .orderBy(asc(people.name), asc(people.id));
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

export async function findCohortByName(db: Database, orgId: string, name: string) {
  const [row] = await db.select().from(cohorts).where(and(eq(cohorts.orgId, orgId), eq(cohorts.name, name))).limit(1);
  return row ?? null;
}

/** Creates a cohort; a facilitator who creates one runs it. Call inside a transaction. */
export async function insertCohort(tx: Tx, caller: Caller, input: { name: string; description?: string; readiness?: CohortReadinessRule }) {
  const [row] = await tx
    .insert(cohorts)
    .values({ orgId: caller.orgId, name: input.name, description: input.description ?? '', readiness: input.readiness ?? {}, createdBy: caller.personId })
    .returning();
  if (caller.role === 'facilitator') await tx.insert(cohortMembers).values({ cohortId: row.id, personId: caller.personId, orgId: caller.orgId, role: 'facilitator' });
  return row;
}

/** Adds people to a cohort; people already in it keep their membership. */
export async function addMembers(tx: Tx, orgId: string, cohortId: string, members: { personId: string; role: MembershipRole }[]) {
  if (members.length === 0) return [];
  return tx
    .insert(cohortMembers)
    .values(members.map((m) => ({ cohortId, orgId, personId: m.personId, role: m.role })))
    .onConflictDoNothing()
    .returning({ personId: cohortMembers.personId });
}

/** The person's membership role in the cohort, or null when they are not in it. */
export async function membershipIn(db: Database, orgId: string, cohortId: string, personId: string): Promise<MembershipRole | null> {
  const [row] = await db
    .select({ role: cohortMembers.role })
    .from(cohortMembers)
    .where(and(eq(cohortMembers.orgId, orgId), eq(cohortMembers.cohortId, cohortId), eq(cohortMembers.personId, personId)));
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
 * progress and any drill assigned to them directly stay. False when they were not in the cohort.
 */
export async function removeMember(db: Database, orgId: string, cohortId: string, personId: string) {
  return db.transaction(async (tx) => {
    const gone = await tx
      .delete(cohortMembers)
      .where(and(eq(cohortMembers.orgId, orgId), eq(cohortMembers.cohortId, cohortId), eq(cohortMembers.personId, personId)))
      .returning({ personId: cohortMembers.personId });
    if (gone.length === 0) return false;
    await tx.delete(assignments).where(and(eq(assignments.orgId, orgId), eq(assignments.cohortId, cohortId), eq(assignments.personId, personId)));
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
    // the foreign key would only clear assignments.cohort_id; the cohort's drills go with it
    await tx.delete(assignments).where(and(eq(assignments.orgId, orgId), eq(assignments.cohortId, cohortId)));
    const gone = await tx.delete(cohorts).where(and(eq(cohorts.orgId, orgId), eq(cohorts.id, cohortId))).returning({ id: cohorts.id });
    return gone.length > 0;
  });
}

export async function updateCohort(db: Database, orgId: string, cohortId: string, patch: { name?: string; description?: string; readiness?: CohortReadinessRule }) {
  const [row] = await db.update(cohorts).set(patch).where(and(eq(cohorts.orgId, orgId), eq(cohorts.id, cohortId))).returning();
  return row ?? null;
}

/** Postgres unique violation (postgres.js and PGlite both carry the SQLSTATE, possibly on `cause`). */
export function isUniqueViolation(err: unknown): boolean {
  for (let e = err as { code?: string; cause?: unknown } | undefined, i = 0; e && i < 4; e = e.cause as typeof e, i++) if (e.code === '23505') return true;
  return false;
}

/**
 * @module store/privacy
 * A person's own data, all of it: exported as one JSON document, or deleted for real. Deleting
 * the person row cascades to their sessions, turns, progress ledger, memberships, removals from
 * cohorts and assignments (foreign keys `on delete cascade`); what they created for others
 * (cohorts, drills, assignments they set) stays, with the author cleared. Cohort views are computed from what remains, so
 * their aggregates stay consistent without a recount.
 */
import { and, asc, eq, inArray, or, sql } from 'drizzle-orm';
import type { Caller } from '../auth/index.js';
import type { Database } from '../db/index.js';
import {
  assignments,
  cohortMembers,
  cohortRemovals,
  cohorts,
  partnershipActions,
  partnershipAgreements,
  partnershipReviews,
  partnerships,
  partnershipSessions,
  people,
  sessions,
  skillResults,
  turns,
} from '../db/schema/index.js';
import { lockForChange } from './admins.js';

export async function exportPersonData(db: Database, caller: Caller) {
  const [person] = await db
    .select()
    .from(people)
    .where(and(eq(people.orgId, caller.orgId), eq(people.id, caller.personId)));
  const own = await db
    .select()
    .from(sessions)
    .where(and(eq(sessions.orgId, caller.orgId), eq(sessions.personId, caller.personId)))
    .orderBy(asc(sessions.startedAt));
  const ids = own.map((s) => s.id);
  const allTurns = ids.length
    ? await db
        .select({
          sessionId: turns.sessionId,
          index: turns.index,
          role: turns.role,
          text: turns.text,
          coding: turns.coding,
          feedback: turns.feedback,
          createdAt: turns.createdAt,
        })
        .from(turns)
        .where(inArray(turns.sessionId, ids))
        .orderBy(asc(turns.sessionId), asc(turns.index))
    : [];
  const memberships = await db
    .select({
      cohortId: cohortMembers.cohortId,
      cohort: cohorts.name,
      role: cohortMembers.role,
      joinedAt: cohortMembers.joinedAt,
    })
    .from(cohortMembers)
    .innerJoin(cohorts, eq(cohorts.id, cohortMembers.cohortId))
    .where(and(eq(cohortMembers.orgId, caller.orgId), eq(cohortMembers.personId, caller.personId)));
  // a removal is stored about the person too: it is why LMS launches leave them out of that cohort
  const removals = await db
    .select({
      cohortId: cohortRemovals.cohortId,
      cohort: cohorts.name,
      removedAt: cohortRemovals.removedAt,
    })
    .from(cohortRemovals)
    .innerJoin(cohorts, eq(cohorts.id, cohortRemovals.cohortId))
    .where(
      and(eq(cohortRemovals.orgId, caller.orgId), eq(cohortRemovals.personId, caller.personId)),
    );
  const myAssignments = await db
    .select()
    .from(assignments)
    .where(and(eq(assignments.orgId, caller.orgId), eq(assignments.personId, caller.personId)));
  const ledger = await db
    .select()
    .from(skillResults)
    .where(and(eq(skillResults.orgId, caller.orgId), eq(skillResults.personId, caller.personId)))
    .orderBy(asc(skillResults.at));
  return {
    exportedAt: new Date().toISOString(),
    person: {
      id: person.id,
      name: person.name,
      email: person.email,
      role: person.role,
      department: person.department,
      lineManagerId: person.lineManagerId,
      pairingPreferences: person.pairingPreferences,
      createdAt: person.createdAt,
    },
    cohorts: memberships,
    removedFromCohorts: removals,
    assignments: myAssignments.map(({ orgId: _o, ...a }) => a),
    sessions: own.map(({ orgId: _o, partnerState: _p, seed: _s, ...s }) => ({
      ...s,
      turns: allTurns.filter((t) => t.sessionId === s.id).map(({ sessionId: _x, ...t }) => t),
    })),
    skillResults: ledger.map(({ orgId: _o, personId: _p, ...r }) => r),
    partnerships: await partnershipsExport(db, caller.orgId, caller.personId),
  };
}

/** The person's Learning Partnerships with the agreements, sessions, actions and reviews in them. */
async function partnershipsExport(db: Database, orgId: string, personId: string) {
  const rows = await db
    .select()
    .from(partnerships)
    .where(
      and(
        eq(partnerships.orgId, orgId),
        or(eq(partnerships.personA, personId), eq(partnerships.personB, personId)),
      ),
    );
  const ids = rows.map((r) => r.id);
  if (ids.length === 0) return [];
  const [agreements, held, actions, reviews] = await Promise.all([
    db
      .select()
      .from(partnershipAgreements)
      .where(
        and(
          eq(partnershipAgreements.orgId, orgId),
          inArray(partnershipAgreements.partnershipId, ids),
        ),
      )
      .orderBy(asc(partnershipAgreements.version)),
    db
      .select()
      .from(partnershipSessions)
      .where(
        and(eq(partnershipSessions.orgId, orgId), inArray(partnershipSessions.partnershipId, ids)),
      )
      .orderBy(asc(partnershipSessions.heldOn)),
    db
      .select()
      .from(partnershipActions)
      .where(
        and(eq(partnershipActions.orgId, orgId), inArray(partnershipActions.partnershipId, ids)),
      ),
    db
      .select()
      .from(partnershipReviews)
      .where(
        and(eq(partnershipReviews.orgId, orgId), inArray(partnershipReviews.partnershipId, ids)),
      ),
  ]);
  const strip = <T extends { orgId: string }>({ orgId: _o, ...r }: T) => r;
  return rows.map((p) => ({
    ...strip(p),
    agreements: agreements.filter((a) => a.partnershipId === p.id).map(strip),
    sessions: held.filter((s) => s.partnershipId === p.id).map(strip),
    actions: actions.filter((a) => a.partnershipId === p.id).map(strip),
    // the review is each partner's own: only yours is exported
    reviews: reviews.filter((r) => r.partnershipId === p.id && r.personId === personId).map(strip),
  }));
}

/**
 * Deletes a person and everything that is theirs: the caller themselves (`DELETE /api/me`) or,
 * with `by` set to the admin acting, someone else of the organisation (`DELETE /api/people/{id}`).
 * The last admin of an organisation cannot be deleted (nobody could manage it afterwards).
 * Returns null when the person is not in the organisation.
 */
export async function deletePerson(
  db: Database,
  orgId: string,
  personId: string,
  by?: string,
): Promise<{ sessions: number } | null> {
  return db.transaction(async (tx) => {
    const t = tx as unknown as Database;
    const person = await lockForChange(t, orgId, personId, { by, nextRole: null });
    if (!person) return null;
    const [{ n: count }] = await t
      .select({ n: sql<number>`count(*)::int` })
      .from(sessions)
      .where(and(eq(sessions.orgId, orgId), eq(sessions.personId, personId)));
    await leavePartnerships(t, orgId, personId, new Date());
    await t.delete(people).where(and(eq(people.orgId, orgId), eq(people.id, personId)));
    return { sessions: Number(count) };
  });
}

/**
 * Before a partner's account goes: their partnerships end, and the notes they wrote and any help
 * they asked for go with them. The other partner keeps the partnership, the agreement, the sessions
 * and their own actions and review (person columns become null; the person's own actions and
 * review are deleted by the foreign keys).
 */
async function leavePartnerships(t: Database, orgId: string, personId: string, now: Date) {
  const mine = or(eq(partnerships.personA, personId), eq(partnerships.personB, personId));
  await t
    .update(partnerships)
    .set({ status: 'ended', endedAt: now })
    .where(and(eq(partnerships.orgId, orgId), mine, sql`${partnerships.status} <> 'ended'`));
  await t
    .update(partnerships)
    .set({ helpRequest: null })
    .where(
      and(eq(partnerships.orgId, orgId), sql`${partnerships.helpRequest} ->> 'by' = ${personId}`),
    );
  await t
    .update(partnershipSessions)
    .set({ learning: '' })
    .where(and(eq(partnershipSessions.orgId, orgId), eq(partnershipSessions.loggedBy, personId)));
}

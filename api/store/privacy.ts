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

/**
 * The columns each record of the export carries, named one by one: a column added to a table later
 * is not exported until it is added here (and to the export's schema, which refuses any other key).
 * Left out on purpose: the organisation (the same for every record), a session's seed, partner
 * state and turn bookkeeping (engine internals, not the person's data).
 */
const SESSION_COLUMNS = {
  id: sessions.id,
  personId: sessions.personId,
  scenarioId: sessions.scenarioId,
  drillId: sessions.drillId,
  status: sessions.status,
  coaching: sessions.coaching,
  nextIndex: sessions.nextIndex,
  versions: sessions.versions,
  scenarioCard: sessions.scenarioCard,
  scorecard: sessions.scorecard,
  drillResult: sessions.drillResult,
  startedAt: sessions.startedAt,
  endedAt: sessions.endedAt,
};
const ASSIGNMENT_COLUMNS = {
  id: assignments.id,
  drillId: assignments.drillId,
  personId: assignments.personId,
  cohortId: assignments.cohortId,
  dueAt: assignments.dueAt,
  assignedBy: assignments.assignedBy,
  attempts: assignments.attempts,
  passed: assignments.passed,
  passedAt: assignments.passedAt,
  bestLevel: assignments.bestLevel,
  lastSessionId: assignments.lastSessionId,
  lastAttemptAt: assignments.lastAttemptAt,
  lastReasons: assignments.lastReasons,
  createdAt: assignments.createdAt,
};
const SKILL_RESULT_COLUMNS = {
  id: skillResults.id,
  sessionId: skillResults.sessionId,
  skill: skillResults.skill,
  level: skillResults.level,
  score: skillResults.score,
  passedDrill: skillResults.passedDrill,
  at: skillResults.at,
};
const PARTNERSHIP_COLUMNS = {
  id: partnerships.id,
  cohortId: partnerships.cohortId,
  personA: partnerships.personA,
  personB: partnerships.personB,
  status: partnerships.status,
  agreementVersion: partnerships.agreementVersion,
  agreedVersion: partnerships.agreedVersion,
  confirmedBy: partnerships.confirmedBy,
  helpRequest: partnerships.helpRequest,
  createdBy: partnerships.createdBy,
  createdAt: partnerships.createdAt,
  activatedAt: partnerships.activatedAt,
  endedAt: partnerships.endedAt,
};
const AGREEMENT_COLUMNS = {
  partnershipId: partnershipAgreements.partnershipId,
  version: partnershipAgreements.version,
  body: partnershipAgreements.body,
  authorId: partnershipAgreements.authorId,
  createdAt: partnershipAgreements.createdAt,
};
const PARTNERSHIP_SESSION_COLUMNS = {
  id: partnershipSessions.id,
  partnershipId: partnershipSessions.partnershipId,
  heldOn: partnershipSessions.heldOn,
  coachId: partnershipSessions.coachId,
  coacheeId: partnershipSessions.coacheeId,
  topic: partnershipSessions.topic,
  learning: partnershipSessions.learning,
  loggedBy: partnershipSessions.loggedBy,
  sharedBy: partnershipSessions.sharedBy,
  createdAt: partnershipSessions.createdAt,
};
const ACTION_COLUMNS = {
  id: partnershipActions.id,
  partnershipId: partnershipActions.partnershipId,
  sessionId: partnershipActions.sessionId,
  ownerId: partnershipActions.ownerId,
  text: partnershipActions.text,
  dueOn: partnershipActions.dueOn,
  status: partnershipActions.status,
  followedUpIn: partnershipActions.followedUpIn,
  createdAt: partnershipActions.createdAt,
  updatedAt: partnershipActions.updatedAt,
};
const REVIEW_COLUMNS = {
  partnershipId: partnershipReviews.partnershipId,
  personId: partnershipReviews.personId,
  rating: partnershipReviews.rating,
  valued: partnershipReviews.valued,
  wouldRecommend: partnershipReviews.wouldRecommend,
  createdAt: partnershipReviews.createdAt,
};

export async function exportPersonData(db: Database, caller: Caller) {
  const [person] = await db
    .select({
      id: people.id,
      name: people.name,
      email: people.email,
      role: people.role,
      department: people.department,
      lineManagerId: people.lineManagerId,
      pairingPreferences: people.pairingPreferences,
      createdAt: people.createdAt,
    })
    .from(people)
    .where(and(eq(people.orgId, caller.orgId), eq(people.id, caller.personId)));
  const own = await db
    .select(SESSION_COLUMNS)
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
    .select(ASSIGNMENT_COLUMNS)
    .from(assignments)
    .where(and(eq(assignments.orgId, caller.orgId), eq(assignments.personId, caller.personId)));
  const ledger = await db
    .select(SKILL_RESULT_COLUMNS)
    .from(skillResults)
    .where(and(eq(skillResults.orgId, caller.orgId), eq(skillResults.personId, caller.personId)))
    .orderBy(asc(skillResults.at));
  return {
    exportedAt: new Date().toISOString(),
    person,
    cohorts: memberships,
    removedFromCohorts: removals,
    assignments: myAssignments,
    sessions: own.map((s) => ({
      ...s,
      turns: allTurns.filter((t) => t.sessionId === s.id).map(({ sessionId: _x, ...t }) => t),
    })),
    skillResults: ledger,
    partnerships: await partnershipsExport(db, caller.orgId, caller.personId),
  };
}

/** The person's Learning Partnerships with the agreements, sessions, actions and reviews in them. */
async function partnershipsExport(db: Database, orgId: string, personId: string) {
  const rows = await db
    .select(PARTNERSHIP_COLUMNS)
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
      .select(AGREEMENT_COLUMNS)
      .from(partnershipAgreements)
      .where(
        and(
          eq(partnershipAgreements.orgId, orgId),
          inArray(partnershipAgreements.partnershipId, ids),
        ),
      )
      .orderBy(asc(partnershipAgreements.version)),
    db
      .select(PARTNERSHIP_SESSION_COLUMNS)
      .from(partnershipSessions)
      .where(
        and(eq(partnershipSessions.orgId, orgId), inArray(partnershipSessions.partnershipId, ids)),
      )
      .orderBy(asc(partnershipSessions.heldOn)),
    db
      .select(ACTION_COLUMNS)
      .from(partnershipActions)
      .where(
        and(eq(partnershipActions.orgId, orgId), inArray(partnershipActions.partnershipId, ids)),
      ),
    db
      .select(REVIEW_COLUMNS)
      .from(partnershipReviews)
      .where(
        and(eq(partnershipReviews.orgId, orgId), inArray(partnershipReviews.partnershipId, ids)),
      ),
  ]);
  return rows.map((p) => ({
    ...p,
    agreements: agreements.filter((a) => a.partnershipId === p.id),
    sessions: held.filter((s) => s.partnershipId === p.id),
    actions: actions.filter((a) => a.partnershipId === p.id),
    // the review is each partner's own: only yours is exported
    reviews: reviews.filter((r) => r.partnershipId === p.id && r.personId === personId),
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

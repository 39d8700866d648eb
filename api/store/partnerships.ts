/**
 * @module store/partnerships
 * Partnerships, their agreements, sessions, actions and reviews, read and written for the routes.
 * Who may see a partnership is decided here, once: its two partners, the facilitators of its cohort
 * and the organisation's admins; anyone else gets null (a 404: no hint it exists). Every query is
 * scoped to the caller's organisation. The facilitator's view never carries private notes unless
 * both partners shared them. Writes that change the agreement or the status lock the partnership
 * row first, so two partners confirming at once cannot both miss the other's confirmation.
 */
import { and, asc, desc, eq, inArray, or, sql } from 'drizzle-orm';
import type { Caller } from '../auth/index.js';
import type { Database } from '../db/index.js';
import {
  cohortMembers,
  partnershipActions,
  partnershipAgreements,
  partnerships,
  partnershipReviews,
  partnershipSessions,
  people,
  type ActionStatus,
} from '../db/schema/index.js';
import {
  afterConfirmation,
  afterRevision,
  agreementPhase,
  type AgreementBody,
} from '../partnerships/agreement.js';
import { reciprocity } from '../partnerships/reciprocity.js';
import { StoreError } from './errors.js';

import { findManagedCohort } from './cohorts.js';

/** The statuses of a follow-up action, for the routes' schemas (routes never import the tables). */
export { ACTION_STATUSES } from '../db/schema/index.js';

export type PartnershipRow = typeof partnerships.$inferSelect;
/** How the caller stands to a partnership: one of the pair, or staff who may follow it. */
export type Standing = 'partner' | 'staff';
type Tx = Database;

export const partnersOf = (p: Pick<PartnershipRow, 'personA' | 'personB'>) =>
  [p.personA, p.personB].filter((x): x is string => Boolean(x));

/** The partnership and how the caller stands to it, or null when it is not theirs to see. */
export async function findPartnership(
  db: Database,
  caller: Caller,
  id: string,
): Promise<{ row: PartnershipRow; standing: Standing } | null> {
  const [row] = await db
    .select()
    .from(partnerships)
    .where(and(eq(partnerships.orgId, caller.orgId), eq(partnerships.id, id)))
    .limit(1);
  if (!row) return null;
  if (row.personA === caller.personId || row.personB === caller.personId)
    return { row, standing: 'partner' };
  if (caller.role === 'admin') return { row, standing: 'staff' };
  if (
    caller.role === 'facilitator' &&
    row.cohortId &&
    (await findManagedCohort(db, caller, row.cohortId))
  )
    return { row, standing: 'staff' };
  return null;
}

/** People by id, in the organisation: name and department. */
export async function peopleById(db: Database, orgId: string, ids: string[]) {
  if (ids.length === 0)
    return new Map<
      string,
      {
        id: string;
        name: string;
        department: string | null;
        lineManagerId: string | null;
        role: string;
        pairingPreferences: { notWith?: string[]; availability?: string[] };
      }
    >();
  const rows = await db
    .select({
      id: people.id,
      name: people.name,
      department: people.department,
      lineManagerId: people.lineManagerId,
      role: people.role,
      pairingPreferences: people.pairingPreferences,
    })
    .from(people)
    .where(and(eq(people.orgId, orgId), inArray(people.id, ids)));
  return new Map(rows.map((r) => [r.id, r]));
}

/** Of these people, those in a non-ended partnership of the cohort already. */
export async function alreadyPartnered(
  db: Database,
  orgId: string,
  cohortId: string,
  ids: string[],
) {
  if (ids.length === 0) return [];
  const rows = await db
    .select({ a: partnerships.personA, b: partnerships.personB })
    .from(partnerships)
    .where(
      and(
        eq(partnerships.orgId, orgId),
        eq(partnerships.cohortId, cohortId),
        sql`${partnerships.status} <> 'ended'`,
        or(inArray(partnerships.personA, ids), inArray(partnerships.personB, ids)),
      ),
    );
  return [
    ...new Set(
      rows.flatMap((r) => [r.a, r.b]).filter((x): x is string => x !== null && ids.includes(x)),
    ),
  ];
}

export async function insertPartnership(
  db: Database,
  caller: Caller,
  cohortId: string,
  [a, b]: [string, string],
) {
  return db.transaction(async (tx) => {
    // the two learners are locked so two facilitators pairing them at once cannot both succeed
    await tx.execute(
      sql`select id from ${people} where org_id = ${caller.orgId} and id in (${a}, ${b}) order by id for update`,
    );
    if ((await alreadyPartnered(tx as unknown as Tx, caller.orgId, cohortId, [a, b])).length)
      return null;
    const [row] = await tx
      .insert(partnerships)
      .values({ orgId: caller.orgId, cohortId, personA: a, personB: b, createdBy: caller.personId })
      .returning();
    return row;
  });
}

async function lockPartnership(tx: Tx, orgId: string, id: string): Promise<PartnershipRow | null> {
  const [row] = await tx
    .select()
    .from(partnerships)
    .where(and(eq(partnerships.orgId, orgId), eq(partnerships.id, id)))
    .for('update');
  return row ?? null;
}

/** Writes a new agreement version; nobody has confirmed it yet. */
export async function reviseAgreement(
  db: Database,
  orgId: string,
  id: string,
  authorId: string,
  body: AgreementBody,
) {
  return db.transaction(async (tx) => {
    const t = tx as unknown as Tx;
    const row = await lockPartnership(t, orgId, id);
    if (!row) throw StoreError.notFound('The partnership');
    if (row.status === 'ended')
      throw StoreError.conflict('This partnership has ended; its agreement can no longer change.');
    const next = afterRevision({
      version: row.agreementVersion,
      confirmedBy: row.confirmedBy,
      agreedVersion: row.agreedVersion,
    });
    await t
      .insert(partnershipAgreements)
      .values({ partnershipId: id, orgId, version: next.version, body, authorId });
    const [updated] = await t
      .update(partnerships)
      .set({ agreementVersion: next.version, confirmedBy: next.confirmedBy })
      .where(eq(partnerships.id, id))
      .returning();
    return updated;
  });
}

/** A partner confirms a version; the partnership becomes active when both confirmed the same one. */
export async function confirmAgreement(
  db: Database,
  orgId: string,
  id: string,
  personId: string,
  version: number,
  now: Date,
) {
  return db.transaction(async (tx) => {
    const t = tx as unknown as Tx;
    const row = await lockPartnership(t, orgId, id);
    if (!row) throw StoreError.notFound('The partnership');
    if (row.status === 'ended') throw StoreError.conflict('This partnership has ended.');
    const pair = partnersOf(row);
    if (pair.length < 2)
      throw StoreError.conflict('Your partner has left, so there is no one to agree with.');
    const next = afterConfirmation(
      {
        version: row.agreementVersion,
        confirmedBy: row.confirmedBy,
        agreedVersion: row.agreedVersion,
      },
      personId,
      version,
      pair as [string, string],
    );
    if (next === 'none')
      throw StoreError.conflict('There is no agreement to confirm yet; write one first.');
    if (next === 'stale')
      throw StoreError.conflict(
        `The agreement changed since you read it: version ${row.agreementVersion} is the latest. Read it again before you confirm.`,
        { version: row.agreementVersion },
      );
    const becameActive = row.status === 'proposed' && next.agreedVersion === next.version;
    const [updated] = await t
      .update(partnerships)
      .set({
        confirmedBy: next.confirmedBy,
        agreedVersion: next.agreedVersion,
        ...(becameActive ? { status: 'active' as const, activatedAt: now } : {}),
      })
      .where(eq(partnerships.id, id))
      .returning();
    return { row: updated, becameActive, agreed: next.agreedVersion === next.version };
  });
}

export async function agreementVersion(db: Database, orgId: string, id: string, version: number) {
  if (version === 0) return null;
  const [row] = await db
    .select()
    .from(partnershipAgreements)
    .where(
      and(
        eq(partnershipAgreements.orgId, orgId),
        eq(partnershipAgreements.partnershipId, id),
        eq(partnershipAgreements.version, version),
      ),
    );
  return row ?? null;
}

export interface NewSession {
  heldOn: string;
  coachId: string;
  coacheeId: string;
  topic: string;
  learning: string;
  loggedBy: string;
  actions: { text: string; dueOn?: string }[];
  followUp: { actionId: string; status: Exclude<ActionStatus, 'open'> }[];
}

/** Records a session with the coachee's actions and the follow-up of earlier ones, in one transaction. */
export async function insertSession(
  db: Database,
  orgId: string,
  partnershipId: string,
  s: NewSession,
  now: Date,
) {
  return db.transaction(async (tx) => {
    const t = tx as unknown as Tx;
    const row = await lockPartnership(t, orgId, partnershipId);
    if (!row) throw StoreError.notFound('The partnership');
    if (row.status !== 'active')
      throw StoreError.conflict(
        row.status === 'ended'
          ? 'This partnership has ended.'
          : 'Agree and both confirm your agreement before logging sessions.',
      );
    const ids = s.followUp.map((f) => f.actionId);
    const known = ids.length
      ? await t
          .select({ id: partnershipActions.id })
          .from(partnershipActions)
          .where(
            and(
              eq(partnershipActions.orgId, orgId),
              eq(partnershipActions.partnershipId, partnershipId),
              inArray(partnershipActions.id, ids),
            ),
          )
      : [];
    const missing = ids.filter((id) => !known.some((k) => k.id === id));
    if (missing.length)
      throw new StoreError(
        'not_found',
        'Some follow-up actions are not actions of this partnership.',
        missing.map((id) => ({
          path: `followUp.${ids.indexOf(id)}.actionId`,
          message: 'no such action here',
        })),
      );
    const [session] = await t
      .insert(partnershipSessions)
      .values({
        orgId,
        partnershipId,
        heldOn: s.heldOn,
        coachId: s.coachId,
        coacheeId: s.coacheeId,
        topic: s.topic,
        learning: s.learning,
        loggedBy: s.loggedBy,
      })
      .returning();
    const actions = s.actions.length
      ? await t
          .insert(partnershipActions)
          .values(
            s.actions.map((a) => ({
              orgId,
              partnershipId,
              sessionId: session.id,
              ownerId: s.coacheeId,
              text: a.text,
              dueOn: a.dueOn ?? null,
            })),
          )
          .returning()
      : [];
    const followed = [];
    for (const f of s.followUp) {
      const [a] = await t
        .update(partnershipActions)
        .set({ status: f.status, followedUpIn: session.id, updatedAt: now })
        .where(and(eq(partnershipActions.orgId, orgId), eq(partnershipActions.id, f.actionId)))
        .returning();
      followed.push(a);
    }
    return { session, actions, followed };
  });
}

/** A partner shares (or stops sharing) a session's notes with the facilitator; they show only when both share. */
export async function setNotesShared(
  db: Database,
  orgId: string,
  partnershipId: string,
  sessionId: string,
  personId: string,
  share: boolean,
) {
  return db.transaction(async (tx) => {
    const [s] = await tx
      .select()
      .from(partnershipSessions)
      .where(
        and(
          eq(partnershipSessions.orgId, orgId),
          eq(partnershipSessions.partnershipId, partnershipId),
          eq(partnershipSessions.id, sessionId),
        ),
      )
      .for('update');
    if (!s) return null;
    const sharedBy = share
      ? [...new Set([...s.sharedBy, personId])].sort()
      : s.sharedBy.filter((x) => x !== personId);
    const [u] = await tx
      .update(partnershipSessions)
      .set({ sharedBy })
      .where(eq(partnershipSessions.id, sessionId))
      .returning();
    return u;
  });
}

export async function setHelpRequest(
  db: Database,
  orgId: string,
  id: string,
  request: { by: string; message: string; at: string } | null,
) {
  const [row] = await db
    .update(partnerships)
    .set({ helpRequest: request })
    .where(and(eq(partnerships.orgId, orgId), eq(partnerships.id, id)))
    .returning();
  return row ?? null;
}

export async function endPartnership(db: Database, orgId: string, id: string, now: Date) {
  const [row] = await db
    .update(partnerships)
    .set({ status: 'ended', endedAt: now, helpRequest: null })
    .where(
      and(
        eq(partnerships.orgId, orgId),
        eq(partnerships.id, id),
        sql`${partnerships.status} <> 'ended'`,
      ),
    )
    .returning();
  return row ?? null;
}

export async function saveReview(
  db: Database,
  orgId: string,
  partnershipId: string,
  personId: string,
  r: { rating: number; valued: string; wouldRecommend?: boolean },
) {
  const values = {
    partnershipId,
    personId,
    orgId,
    rating: r.rating,
    valued: r.valued,
    wouldRecommend: r.wouldRecommend ?? null,
  };
  const [row] = await db
    .insert(partnershipReviews)
    .values(values)
    .onConflictDoUpdate({
      target: [partnershipReviews.partnershipId, partnershipReviews.personId],
      set: { rating: values.rating, valued: values.valued, wouldRecommend: values.wouldRecommend },
    })
    .returning();
  return row;
}

/** A partnership's sessions (oldest first), actions and reviews: three queries. */
export async function partnershipRecords(db: Database, orgId: string, ids: string[]) {
  if (ids.length === 0) return { sessions: [], actions: [], reviews: [] };
  const [sessions, actions, reviews] = await Promise.all([
    db
      .select()
      .from(partnershipSessions)
      .where(
        and(eq(partnershipSessions.orgId, orgId), inArray(partnershipSessions.partnershipId, ids)),
      )
      .orderBy(asc(partnershipSessions.heldOn), asc(partnershipSessions.createdAt)),
    db
      .select()
      .from(partnershipActions)
      .where(
        and(eq(partnershipActions.orgId, orgId), inArray(partnershipActions.partnershipId, ids)),
      )
      .orderBy(asc(partnershipActions.createdAt)),
    db
      .select()
      .from(partnershipReviews)
      .where(
        and(eq(partnershipReviews.orgId, orgId), inArray(partnershipReviews.partnershipId, ids)),
      ),
  ]);
  return { sessions, actions, reviews };
}

type Records = Awaited<ReturnType<typeof partnershipRecords>>;

/** The partnerships a person is in, newest first. */
export async function partnershipsOf(db: Database, orgId: string, personId: string) {
  return db
    .select()
    .from(partnerships)
    .where(
      and(
        eq(partnerships.orgId, orgId),
        or(eq(partnerships.personA, personId), eq(partnerships.personB, personId)),
      ),
    )
    .orderBy(desc(partnerships.createdAt));
}

export async function cohortPartnerships(db: Database, orgId: string, cohortId: string) {
  return db
    .select()
    .from(partnerships)
    .where(and(eq(partnerships.orgId, orgId), eq(partnerships.cohortId, cohortId)))
    .orderBy(asc(partnerships.createdAt));
}

/** The learners of a cohort, for checking a new pair. */
export async function cohortLearnerIds(db: Database, orgId: string, cohortId: string) {
  const rows = await db
    .select({ id: cohortMembers.personId })
    .from(cohortMembers)
    .where(
      and(
        eq(cohortMembers.orgId, orgId),
        eq(cohortMembers.cohortId, cohortId),
        eq(cohortMembers.role, 'learner'),
      ),
    );
  return new Set(rows.map((r) => r.id));
}

/**
 * The partnership as its reader may see it. Partners see everything of the pair; staff see the
 * agreement state (not its words: the goals are the partners'), sessions without notes unless both
 * shared them, actions without their words, and ratings.
 */
export function partnershipView(
  row: PartnershipRow,
  records: Records,
  names: Map<string, { name: string; department: string | null }>,
  standing: Standing,
  agreement: { version: number; body: AgreementBody } | null,
  viewerId: string,
) {
  const pair = partnersOf(row);
  const nameOf = (id: string | null) =>
    id ? (names.get(id)?.name ?? 'A former colleague') : 'A former colleague';
  const sessions = records.sessions.filter((s) => s.partnershipId === row.id);
  const actions = records.actions.filter((a) => a.partnershipId === row.id);
  const reviews = records.reviews.filter((r) => r.partnershipId === row.id);
  const nameMap = Object.fromEntries(pair.map((id) => [id, nameOf(id)]));
  const recip = reciprocity(
    sessions,
    [row.personA ?? 'gone-a', row.personB ?? 'gone-b'],
    nameMap,
    agreement?.body.firstCoachId,
  );
  const both = (s: (typeof sessions)[number]) =>
    pair.length === 2 && pair.every((id) => s.sharedBy.includes(id));
  const actionView = (a: (typeof actions)[number]) => ({
    id: a.id,
    sessionId: a.sessionId,
    ownerId: a.ownerId,
    ...(standing === 'partner' ? { text: a.text } : {}),
    dueOn: a.dueOn,
    status: a.status,
    followedUpIn: a.followedUpIn,
  });
  const lastSession = sessions.at(-1) ?? null;
  return {
    id: row.id,
    cohortId: row.cohortId,
    status: row.status,
    partners: [row.personA, row.personB].map((id) => ({
      id,
      name: nameOf(id),
      department: id ? (names.get(id)?.department ?? null) : null,
    })),
    createdAt: row.createdAt.toISOString(),
    activatedAt: row.activatedAt?.toISOString() ?? null,
    endedAt: row.endedAt?.toISOString() ?? null,
    agreement: {
      phase: agreementPhase({
        version: row.agreementVersion,
        confirmedBy: row.confirmedBy,
        agreedVersion: row.agreedVersion,
      }),
      version: row.agreementVersion,
      agreedVersion: row.agreedVersion,
      confirmedBy: row.confirmedBy,
      ...(standing === 'partner' && agreement ? { body: agreement.body } : {}),
      ...(agreement ? { cadence: agreement.body.cadence } : {}),
    },
    sessions: sessions.map((s) => ({
      id: s.id,
      heldOn: s.heldOn,
      coachId: s.coachId,
      coacheeId: s.coacheeId,
      topic: standing === 'partner' ? s.topic : undefined,
      ...(standing === 'partner' || both(s) ? { learning: s.learning } : {}),
      sharedBy: s.sharedBy,
      sharedWithFacilitator: both(s),
    })),
    actions: actions.map(actionView),
    /** actions still to follow up at the next session: the Companion's list */
    toFollowUp: actions
      .filter((a) => a.status === 'open' || a.status === 'not_yet' || a.status === 'partly')
      .map(actionView),
    lastSessionOn: lastSession?.heldOn ?? null,
    reciprocity: recip,
    helpRequest: row.helpRequest
      ? {
          byId: row.helpRequest.by,
          by: nameOf(row.helpRequest.by),
          message: row.helpRequest.message,
          at: row.helpRequest.at,
        }
      : null,
    reviews: reviews.map((r) => ({
      personId: r.personId,
      rating: r.rating,
      ...(standing === 'partner' ? { valued: r.valued } : {}),
      wouldRecommend: r.wouldRecommend,
    })),
    you: standing === 'partner' ? viewerId : null,
  };
}

/**
 * @module store/turns
 * The one writer of turn rows after a session starts. Recording a coach turn is two statements:
 * one read of the caller's own session with its latest turns (a bounded window, never the whole
 * transcript), and one conditional write that appends the turns and moves the session on. A turn
 * that waits on an LLM finishes through three more conditional writes (the decision, the reply,
 * the feedback), each applied once whoever races it.
 *
 * Why not a transaction holding the session's row lock: on PostgreSQL that was BEGIN, a locking
 * read, a second read, an insert, an update and COMMIT, each a round trip (two for each statement
 * with parameters, see db/prepared). Here the write is a single statement, so it is atomic on its
 * own, and it only applies if the session is still active at the `nextIndex` the read saw. A
 * racing request (the same clientTurnId sent twice, another turn, the session ending) either sees
 * the first one's turns when it reads, or blocks on the session row in its own write and then
 * finds `nextIndex` moved on, writes nothing and reads again. Both statements are scoped by the
 * caller's organisation and person, like store/ending.
 */
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Caller, CallerPerson } from '../auth/index.js';
import type { Database } from '../db/index.js';
import { jsonParam, rowsParam, spreadColumns } from '../db/json-rows.js';
import { preparedPerDatabase } from '../db/prepared.js';
import { people, sessions, turns } from '../db/schema/index.js';
import type { CoachRecord } from '../practice/turn/index.js';
import type {
  CoachTurnCoding,
  PartnerDirective,
  PartnerState,
  TurnFeedback,
} from '../practice/types.js';
import type { SessionRow, TurnRow } from './sessions.js';
import { CALLER_PERSON_COLUMNS } from './caller-person.js';

/** What recording a turn needs to know about the session. */
export type TurnSession = Pick<
  SessionRow,
  'id' | 'status' | 'scenarioId' | 'scenarioCard' | 'partnerState' | 'nextIndex' | 'coaching'
>;

const ph = sql.placeholder;

/** Whose session a statement is scoped to: every statement here needs only these of the caller. */
export type CallerScope = Pick<Caller, 'orgId' | 'personId'>;

/** Sessions stored before migration 0010 kept no coach record: their context is the whole transcript, as it was. */
const WHOLE_TRANSCRIPT = 1_000_000;

/** What a turn reads of each turn of its window: what `planTurn` and the resend check need (the feedback too: no alternative is offered twice in a session). */
export type WindowTurn = Pick<
  TurnRow,
  'index' | 'role' | 'status' | 'text' | 'clientTurnId' | 'coding' | 'feedback'
>;

const readContext = preparedPerDatabase((db) => {
  // The session by its primary key alone (OFFSET 0 keeps the planner from merging this into the
  // outer query): with no table statistics (PGlite never gathers any) the planner otherwise
  // reaches it through the (organisation, person) index and filters every session of the learner.
  // Its person comes with it by the person's key: the bearer check of a turn (auth requireToken).
  const own = db
    .select({
      id: sessions.id,
      orgId: sessions.orgId,
      personId: sessions.personId,
      status: sessions.status,
      scenarioId: sessions.scenarioId,
      scenarioCard: sessions.scenarioCard,
      partnerState: sessions.partnerState,
      nextIndex: sessions.nextIndex,
      coaching: sessions.coaching,
    })
    .from(sessions)
    .where(eq(sessions.id, ph('sessionId')))
    .offset(ph('fence')) // always 0; a literal 0 would be left out of the SQL
    .as('own');
  const from = sql`${own.nextIndex} - case when ${own.coaching} is null then ${sql.raw(String(WHOLE_TRANSCRIPT))} else ${ph('window')}::int end`;
  // One row: the session's columns once, and the window's turns as one JSON array in turn order
  // (by the (session, index) index), only the columns a turn reads of them; a join would repeat
  // the session's state on every turn row, and the partner's directives and the feedback would be
  // decoded for every turn of the window at every turn. The resent turn, if any, by the unique
  // (session, clientTurnId) index: its whole rows are read on their own (`readTurnPair`).
  return db
    .select({
      person: CALLER_PERSON_COLUMNS,
      session: {
        id: own.id,
        status: own.status,
        scenarioId: own.scenarioId,
        scenarioCard: own.scenarioCard,
        partnerState: own.partnerState,
        nextIndex: own.nextIndex,
        coaching: own.coaching,
      },
      turns: sql<
        WindowTurn[] | string
      >`(select coalesce(json_agg(json_build_object('index', t.index, 'role', t.role, 'status', t.status, 'text', t.text, 'clientTurnId', t.client_turn_id, 'coding', t.coding, 'feedback', t.feedback) order by t.index), '[]'::json) from ${turns} t where t.session_id = ${own.id} and t.index >= ${from})`,
      resentIndex: sql<
        number | null
      >`(select t.index from ${turns} t where t.session_id = ${own.id} and t.client_turn_id = ${ph('clientTurnId')})`,
    })
    .from(own)
    .innerJoin(people, and(eq(people.id, own.personId), eq(people.orgId, own.orgId)))
    .where(and(eq(own.orgId, ph('orgId')), eq(own.personId, ph('personId'))))
    .prepare('turn_context');
});

/**
 * The caller's own session and its latest `window` turns (in turn order, the columns a turn
 * reads), the index of the coach turn sent under `clientTurnId` whatever its age (null when none
 * was), and the caller's person row (a session's person exists while it does: the foreign key
 * cascades), in one statement; null when the session is not theirs or not in their organisation.
 * The read costs the same at turn 10 and at turn 1,000: the session by its key, the turns by
 * (session, index) from `nextIndex - window`.
 */
export async function readTurnContext(
  db: Database,
  caller: CallerScope,
  sessionId: string,
  opts: { window?: number; clientTurnId?: string } = {},
): Promise<{
  person: CallerPerson;
  session: TurnSession;
  turns: WindowTurn[];
  resentIndex: number | null;
} | null> {
  const [row] = await readContext(db).execute({
    orgId: caller.orgId,
    sessionId,
    personId: caller.personId,
    window: opts.window ?? 40,
    clientTurnId: opts.clientTurnId ?? null,
    fence: 0,
  });
  if (!row) return null;
  const window = row.turns;
  return {
    person: row.person,
    session: row.session,
    turns: typeof window === 'string' ? JSON.parse(window) : window,
    resentIndex: row.resentIndex,
  };
}

const partnerTurn = alias(turns, 'partner_turn');

/**
 * A session row's owner is the caller's organisation and person, as a condition the planner
 * cannot take for an index condition, so a statement that also names the session's key finds it
 * by the primary key. Written plainly, without table statistics (PGlite never gathers any; a
 * fresh PostgreSQL table has none) the planner reaches the row through the (organisation, person)
 * index and filters every session of the learner: a turn's cost then grew with the learner's
 * history. `(...) is true` is true exactly when the plain condition is.
 */
export const ownedBy = (orgId: unknown, personId: unknown) =>
  sql`((${sessions.orgId} = ${orgId} and ${sessions.personId} = ${personId}) is true)`;

/** The caller's session, as a sub-select that scopes a write to it. */
const ownSession = (db: Database, caller: CallerScope, sessionId: string) =>
  db
    .select({ id: sessions.id })
    .from(sessions)
    .where(and(eq(sessions.id, sessionId), ownedBy(caller.orgId, caller.personId)));

/**
 * A coach turn by its clientTurnId and the partner turn after it, whatever their age (through the
 * unique (session, clientTurnId) index): a resend of a turn older than the window.
 */
export async function readTurnPair(
  db: Database,
  caller: CallerScope,
  sessionId: string,
  clientTurnId: string,
): Promise<{ coach: TurnRow; partner: TurnRow | null } | null> {
  const [row] = await db
    .select({ coach: turns, partner: partnerTurn })
    .from(turns)
    .leftJoin(
      partnerTurn,
      and(
        eq(partnerTurn.sessionId, turns.sessionId),
        eq(partnerTurn.index, sql`${turns.index} + 1`),
      ),
    )
    .where(
      and(
        eq(turns.sessionId, sessionId),
        eq(turns.clientTurnId, clientTurnId),
        inArray(turns.sessionId, ownSession(db, caller, sessionId)),
      ),
    );
  return row ?? null;
}

// The insert takes every column from a JSON array of rows keyed by column name (db/json-rows),
// except the session id, which comes from the claimed session: no claim, no rows.
const appendStatement = preparedPerDatabase((db) => {
  const claimed = db.$with('claimed').as(
    db
      .update(sessions)
      .set({
        nextIndex: sql`${ph('nextIndex')}`,
        partnerState: sql`${ph('partnerState')}::jsonb`,
        coaching: sql`coalesce(${ph('coaching')}::jsonb, ${sessions.coaching})`,
      })
      .where(
        and(
          eq(sessions.id, ph('sessionId')),
          ownedBy(ph('orgId'), ph('personId')),
          eq(sessions.status, 'active'),
          eq(sessions.nextIndex, ph('expectedNextIndex')),
        ),
      )
      .returning({ id: sessions.id }),
  );
  const values = spreadColumns(turns, 'r', { session_id: sql`${claimed.id}` });
  return db
    .with(claimed)
    .insert(turns)
    .select(
      sql`select ${values} from ${claimed} cross join json_populate_recordset(null::${turns}, ${ph('rows')}::json) as r`,
    )
    .returning({ id: turns.id })
    .prepare('turn_append');
});

/**
 * Appends `rows` (ids already chosen) and sets the session's next index, partner state and coach
 * record (kept as it is when not given), in one statement, only if the caller's session is still
 * active with `nextIndex === expectedNextIndex`. Returns false when it was not (nothing written):
 * read again and decide again.
 */
export async function appendTurns(
  db: Database,
  caller: CallerScope,
  sessionId: string,
  expectedNextIndex: number,
  rows: TurnRow[],
  next: { nextIndex: number; partnerState: PartnerState; coaching?: CoachRecord },
): Promise<boolean> {
  const inserted = await appendStatement(db).execute({
    orgId: caller.orgId,
    sessionId,
    personId: caller.personId,
    expectedNextIndex,
    nextIndex: next.nextIndex,
    partnerState: jsonParam(next.partnerState),
    coaching: next.coaching ? jsonParam(next.coaching) : null,
    rows: rowsParam(turns, rows),
  });
  return inserted.length > 0;
}

/** What the partner engine decided for a recorded coach turn (an LLM turn's step 2). */
export interface TurnDecision {
  coachTurnId: string;
  partnerTurnId: string;
  coding: CoachTurnCoding;
  directive: PartnerDirective;
  fallbackText: string;
  partnerState: PartnerState;
  coaching: CoachRecord;
}

/**
 * Stores a decision once: the partner turn's directive and scripted draft, the coach turn's
 * (refined) codes, the session's partner state and record, in one transaction that applies only
 * if the partner turn is still undecided. Returns the decided partner turn, or null when another
 * run decided first (read the pair again).
 */
export async function storeDecision(
  db: Database,
  caller: CallerScope,
  sessionId: string,
  d: TurnDecision,
): Promise<{ coach: TurnRow; partner: TurnRow } | null> {
  return db.transaction(async (tx) => {
    const scope = inArray(
      turns.sessionId,
      ownSession(tx as unknown as Database, caller, sessionId),
    );
    const [partner] = await tx
      .update(turns)
      .set({ directive: d.directive, fallbackText: d.fallbackText })
      .where(and(eq(turns.id, d.partnerTurnId), isNull(turns.directive), scope))
      .returning();
    if (!partner) return null;
    const [coach] = await tx
      .update(turns)
      .set({ coding: d.coding })
      .where(and(eq(turns.id, d.coachTurnId), scope))
      .returning();
    await tx
      .update(sessions)
      .set({ partnerState: d.partnerState, coaching: d.coaching })
      .where(eq(sessions.id, sessionId));
    return { coach, partner };
  });
}

/** Stores the voiced reply of a pending partner turn once; null when another run stored it first. */
export async function storeReply(
  db: Database,
  caller: CallerScope,
  sessionId: string,
  partnerTurnId: string,
  reply: { text: string; source: string },
): Promise<TurnRow | null> {
  const [row] = await db
    .update(turns)
    .set({ text: reply.text, status: 'done', source: reply.source })
    .where(
      and(
        eq(turns.id, partnerTurnId),
        eq(turns.status, 'pending'),
        inArray(turns.sessionId, ownSession(db, caller, sessionId)),
      ),
    )
    .returning();
  return row ?? null;
}

/** Stores a coach turn's feedback once; null when another run stored it first. */
export async function storeFeedback(
  db: Database,
  caller: CallerScope,
  sessionId: string,
  coachTurnId: string,
  feedback: TurnFeedback & { source: string },
): Promise<TurnRow | null> {
  const [row] = await db
    .update(turns)
    .set({ feedback })
    .where(
      and(
        eq(turns.id, coachTurnId),
        isNull(turns.feedback),
        inArray(turns.sessionId, ownSession(db, caller, sessionId)),
      ),
    )
    .returning();
  return row ?? null;
}

/**
 * @module store/turns
 * Recording a coach turn in two statements: one read of the caller's own session with its
 * transcript, and one conditional write that appends the turns and moves the session on.
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
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Caller } from '../auth/index.js';
import type { Database } from '../db/index.js';
import { jsonParam, rowsParam, spreadColumns } from '../db/json-rows.js';
import { preparedPerDatabase } from '../db/prepared.js';
import { sessions, turns } from '../db/schema/index.js';
import type { PartnerState } from '../practice/types.js';
import type { SessionRow, TurnRow } from './sessions.js';

/** What recording a turn needs to know about the session. */
export type TurnSession = Pick<SessionRow, 'id' | 'status' | 'scenarioId' | 'partnerState' | 'nextIndex'>;

const ph = sql.placeholder;

const readContext = preparedPerDatabase((db) =>
  db
    .select({
      session: { id: sessions.id, status: sessions.status, scenarioId: sessions.scenarioId, partnerState: sessions.partnerState, nextIndex: sessions.nextIndex },
      turn: turns,
    })
    .from(sessions)
    .leftJoin(turns, eq(turns.sessionId, sessions.id))
    .where(and(eq(sessions.orgId, ph('orgId')), eq(sessions.id, ph('sessionId')), eq(sessions.personId, ph('personId'))))
    .orderBy(asc(turns.index))
    .prepare('turn_context'),
);

/**
 * The caller's own session and its whole transcript (in turn order) in one statement; null when
 * the session is not theirs or not in their organisation. Sessions are tens of turns.
 */
export async function readTurnContext(db: Database, caller: Caller, sessionId: string): Promise<{ session: TurnSession; turns: TurnRow[] } | null> {
  const rows = await readContext(db).execute({ orgId: caller.orgId, sessionId, personId: caller.personId });
  if (rows.length === 0) return null;
  return { session: rows[0].session, turns: rows.flatMap((r) => (r.turn ? [r.turn] : [])) };
}

// The insert takes every column from a JSON array of rows keyed by column name (db/json-rows),
// except the session id, which comes from the claimed session: no claim, no rows.
const appendStatement = preparedPerDatabase((db) => {
  const claimed = db.$with('claimed').as(
    db
      .update(sessions)
      .set({ nextIndex: sql`${ph('nextIndex')}`, partnerState: sql`${ph('partnerState')}::jsonb` })
      .where(
        and(
          eq(sessions.orgId, ph('orgId')),
          eq(sessions.id, ph('sessionId')),
          eq(sessions.personId, ph('personId')),
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
    .select(sql`select ${values} from ${claimed} cross join json_populate_recordset(null::${turns}, ${ph('rows')}::json) as r`)
    .returning({ id: turns.id })
    .prepare('turn_append');
});

/**
 * Appends `rows` (ids already chosen) and sets the session's next index and partner state, in one
 * statement, only if the caller's session is still active with `nextIndex === expectedNextIndex`.
 * Returns false when it was not (nothing written): read again and decide again.
 */
export async function appendTurns(db: Database, caller: Caller, sessionId: string, expectedNextIndex: number, rows: TurnRow[], next: { nextIndex: number; partnerState: PartnerState }): Promise<boolean> {
  const inserted = await appendStatement(db).execute({
    orgId: caller.orgId,
    sessionId,
    personId: caller.personId,
    expectedNextIndex,
    nextIndex: next.nextIndex,
    partnerState: jsonParam(next.partnerState),
    rows: rowsParam(turns, rows),
  });
  return inserted.length > 0;
}

/**
 * @module store/ending
 * Ending a session in two statements: one read of the caller's own session with its person (the
 * bearer check), its drill and its transcript, and one conditional write that stores the scorecard and the session's rows in the progress
 * ledger (skill_results): one per skill scored, none for a skill with not enough evidence.
 *
 * Why not a transaction holding the session's row lock: on PostgreSQL that was BEGIN, a locking
 * read, a read of the turns, an update, an insert and COMMIT, 6 statements and 10 round trips.
 * The write here is one statement, so it is atomic on its own, and it only applies if the session
 * is still unscored at the `nextIndex` the read saw. That keeps the guarantees the lock gave:
 * - a turn racing the end either lands first (its own write moves `nextIndex` on, so this write
 *   finds nothing and the caller reads again, now with that turn in the transcript), or waits for
 *   this write on the session row and then finds the session no longer active (store/turns): a
 *   turn never lands in an ended session, and the scorecard covers every stored turn;
 * - two ends racing: the second write waits on the row, finds it scored, writes nothing and
 *   reads the stored scorecard, so the ledger gets one set of rows and the hooks run once.
 * Both statements are scoped by the caller's organisation and person, like store/turns.
 */
import { and, eq, isNull, or, sql } from 'drizzle-orm';
import type { CallerPerson } from '../auth/index.js';
import type { Database } from '../db/index.js';
import { jsonParam, spreadColumns } from '../db/json-rows.js';
import { preparedPerDatabase } from '../db/prepared.js';
import { drills, people, sessions, skillResults, turns } from '../db/schema/index.js';
import { isScored } from '../practice/standing/index.js';
import type { Scorecard } from '../practice/types.js';
import type { DrillRow } from './drills.js';
import type { SessionRow, TurnRow } from './sessions.js';
import { ownedBy, type CallerScope } from './turns.js';
import { CALLER_PERSON_COLUMNS } from './caller-person.js';

/** What ending needs to know about the session. */
export type EndingSession = Pick<
  SessionRow,
  | 'id'
  | 'orgId'
  | 'personId'
  | 'drillId'
  | 'scenarioId'
  | 'scenarioCard'
  | 'status'
  | 'nextIndex'
  | 'scorecard'
  | 'drillResult'
>;
/** What scoring needs of a turn. */
export type EndingTurn = Pick<TurnRow, 'index' | 'role' | 'status' | 'text' | 'coding'>;
/** What judging a drill's pass criteria needs of it (store/drills `drillSpecOf`). */
export type EndingDrill = Pick<DrillRow, 'id' | 'title' | 'scenarioId' | 'spec'>;

const ph = sql.placeholder;

// One statement, one row: the session by its primary key alone (OFFSET 0 keeps the planner from
// merging it into the outer query: with no table statistics, as on PGlite, it would otherwise
// reach it through the (organisation, person) index and filter every session of the learner, as
// in store/turns), scoped to the caller's organisation and person; the person it belongs to (the
// bearer check, auth `requireToken`); its drill, if any; and its transcript as one JSON array in
// turn order. A join of the turns would repeat the session's columns on every turn row, and the
// person and the drill read on their own cost a statement and a round trip each.
const readContext = preparedPerDatabase((db) => {
  const own = db
    .select({
      id: sessions.id,
      orgId: sessions.orgId,
      personId: sessions.personId,
      drillId: sessions.drillId,
      scenarioId: sessions.scenarioId,
      scenarioCard: sessions.scenarioCard,
      status: sessions.status,
      nextIndex: sessions.nextIndex,
      scorecard: sessions.scorecard,
      drillResult: sessions.drillResult,
    })
    .from(sessions)
    .where(eq(sessions.id, ph('sessionId')))
    .offset(ph('fence')) // always 0; a literal 0 would be left out of the SQL
    .as('own');
  return db
    .select({
      person: CALLER_PERSON_COLUMNS,
      session: {
        id: own.id,
        orgId: own.orgId,
        personId: own.personId,
        drillId: own.drillId,
        scenarioId: own.scenarioId,
        scenarioCard: own.scenarioCard,
        status: own.status,
        nextIndex: own.nextIndex,
        scorecard: own.scorecard,
        drillResult: own.drillResult,
      },
      drill: {
        id: drills.id,
        title: drills.title,
        scenarioId: drills.scenarioId,
        spec: drills.spec,
      },
      turns: sql<
        EndingTurn[] | string
      >`(select coalesce(json_agg(json_build_object('index', t.index, 'role', t.role, 'status', t.status, 'text', t.text, 'coding', t.coding) order by t.index), '[]'::json) from ${turns} t where t.session_id = ${own.id})`,
    })
    .from(own)
    .innerJoin(people, and(eq(people.id, own.personId), eq(people.orgId, own.orgId)))
    .leftJoin(drills, and(eq(drills.orgId, own.orgId), eq(drills.id, own.drillId)))
    .where(and(eq(own.orgId, ph('orgId')), eq(own.personId, ph('personId'))))
    .prepare('end_context');
});

/**
 * The caller's own session, the person it belongs to, its drill (null without one, or when the
 * drill is gone) and its transcript (in turn order), in one statement; null when the session is
 * not theirs or not in their organisation.
 */
export async function readEndContext(
  db: Database,
  caller: CallerScope,
  sessionId: string,
): Promise<{
  person: CallerPerson;
  session: EndingSession;
  drill: EndingDrill | null;
  turns: EndingTurn[];
} | null> {
  const [row] = await readContext(db).execute({
    orgId: caller.orgId,
    sessionId,
    personId: caller.personId,
    fence: 0,
  });
  if (!row) return null;
  const transcript = row.turns;
  return {
    person: row.person,
    session: row.session,
    drill: row.drill,
    turns: typeof transcript === 'string' ? JSON.parse(transcript) : transcript,
  };
}

// The ledger rows come as a JSON array (one per skill) keyed by column name; the organisation,
// person, session and time come from the claimed session row: no claim, no rows.
const endStatement = preparedPerDatabase((db) => {
  const ended = db.$with('ended').as(
    db
      .update(sessions)
      .set({
        status: 'ended',
        scorecard: sql`${ph('scorecard')}::jsonb`,
        drillResult: sql`${ph('drillResult')}::jsonb`,
        endedAt: sql`${ph('endedAt')}::timestamptz`,
      })
      .where(
        and(
          eq(sessions.id, ph('sessionId')),
          ownedBy(ph('orgId'), ph('personId')),
          // the negation of "already ended with a scorecard", the case endSession returns as is
          or(eq(sessions.status, 'active'), isNull(sessions.scorecard)),
          eq(sessions.nextIndex, ph('expectedNextIndex')),
        ),
      )
      .returning({
        id: sessions.id,
        orgId: sessions.orgId,
        personId: sessions.personId,
        endedAt: sessions.endedAt,
      }),
  );
  const values = spreadColumns(skillResults, 'r', {
    org_id: sql`e.org_id`,
    person_id: sql`e.person_id`,
    session_id: sql`e.id`,
    at: sql`e.ended_at`,
  });
  // A data-modifying CTE runs whether or not the outer query reads it; the outer query answers
  // "was the session claimed", whatever the number of ledger rows.
  const ledger = db.$with('ledger').as(
    db
      .insert(skillResults)
      .select(
        sql`select ${values} from ${ended} e cross join json_populate_recordset(null::${skillResults}, ${ph('rows')}::json) as r`,
      )
      .returning({ id: skillResults.id }),
  );
  return db.with(ended, ledger).select({ id: ended.id }).from(ended).prepare('session_end');
});

/**
 * Stores the scorecard, marks the session ended and adds one ledger row per skill, in one
 * statement, only if the caller's session is still unscored with `nextIndex === expectedNextIndex`.
 * Returns false when it was not (nothing written): read again and decide again.
 */
export async function storeEnding(
  db: Database,
  caller: CallerScope,
  sessionId: string,
  expectedNextIndex: number,
  ending: {
    scorecard: Scorecard;
    drillResult: { passed: boolean; reasons: string[] } | null;
    endedAt: Date;
  },
): Promise<boolean> {
  // a skill without enough evidence adds no ledger row: progress, trends and readiness stay as they were
  const rows = ending.scorecard.skills.filter(isScored).map((s) => ({
    id: crypto.randomUUID(),
    skill: s.skill,
    level: s.level,
    score: s.score,
    passed_drill: ending.drillResult ? ending.drillResult.passed : null,
  }));
  const claimed = await endStatement(db).execute({
    orgId: caller.orgId,
    sessionId,
    personId: caller.personId,
    expectedNextIndex,
    scorecard: jsonParam(ending.scorecard),
    drillResult: ending.drillResult ? jsonParam(ending.drillResult) : null,
    endedAt: ending.endedAt.toISOString(),
    rows: jsonParam(rows),
  });
  return claimed.length > 0;
}

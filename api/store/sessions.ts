/**
 * @module store/sessions
 * Reading practice sessions and their turns. Every read is scoped by organisation, and the
 * caller's visibility (own sessions; admins their organisation's learners', facilitators those of
 * learners in the cohorts they run) is
 * decided here once, so no route can forget it.
 */
import { and, desc, eq, sql } from 'drizzle-orm';
import type { Caller, CallerPerson, TokenCaller } from '../auth/index.js';
import type { Database } from '../db/index.js';
import { rowParam, spreadColumns } from '../db/json-rows.js';
import { preparedPerDatabase } from '../db/prepared.js';
import { people, sessions, turns } from '../db/schema/index.js';
import { mayViewLearner } from './cohorts.js';
import { CALLER_PERSON_COLUMNS } from './caller-person.js';

export type SessionRow = typeof sessions.$inferSelect;
export type TurnRow = typeof turns.$inferSelect;

/** A session the caller may read, or null (callers answer 404: no hint that it exists). */
export async function findReadableSession(
  db: Database,
  caller: Caller,
  sessionId: string,
): Promise<SessionRow | null> {
  const [row] = await db
    .select()
    .from(sessions)
    .where(and(eq(sessions.orgId, caller.orgId), eq(sessions.id, sessionId)))
    .limit(1);
  if (!row) return null;
  if (row.personId === caller.personId) return row;
  // admins read their organisation's sessions; facilitators only those of learners in cohorts they run
  return (await mayViewLearner(db, caller, row.personId)) ? row : null;
}

const ph = sql.placeholder;

/** What a learner may see of a turn (session-flow/view): never its directive or scripted draft. */
export type VisibleTurn = Pick<
  TurnRow,
  'index' | 'role' | 'status' | 'text' | 'coding' | 'feedback'
>;
/** What a session's view needs of it, and who owns it (for the visibility check). */
export type VisibleSession = Pick<
  SessionRow,
  | 'id'
  | 'personId'
  | 'status'
  | 'scenarioId'
  | 'scenarioCard'
  | 'drillId'
  | 'startedAt'
  | 'endedAt'
  | 'versions'
  | 'scorecard'
  | 'drillResult'
>;

/** A session as its read needs it: the scorecard as the JSON text the database holds, or null. */
export type ReadableSession = Omit<VisibleSession, 'scorecard'> & { scorecardJson: string | null };

// A session's transcript as session-flow/view's `turnView` shows it, built by the database as
// JSON text: the read splices it into its answer as it is (see `sessionViewJson`), so the driver
// never parses it and the server never serialises it again (together ~16% of a read's CPU, and
// most of its garbage). The same rules as `coachTurnView` and `partnerTurnView`, which the turn
// and start answers use (test/api/session-read-json.test.ts holds them to each other):
//   - a coach turn: index, role, text, codes (its coding's, else []), label (its coding's, else
//     'other') and, when it has feedback, the feedback's worked, improve, suggestion and
//     alternative (those of them it has; never its source);
//   - a partner turn: index, role, text, and pending: true while its reply is pending.
// json_build_object keeps the view's key order; jsonb_each walks a jsonb object's keys shortest
// first, which for the feedback's four is the view's order too.
const visibleTurnsJson = sql<string>`(select coalesce(json_agg(case
    when t.role <> 'coach' and t.status = 'pending' then json_build_object('index', t.index, 'role', t.role, 'text', t.text, 'pending', true)
    when t.role <> 'coach' then json_build_object('index', t.index, 'role', t.role, 'text', t.text)
    when jsonb_typeof(t.feedback) = 'object' then json_build_object('index', t.index, 'role', t.role, 'text', t.text,
      'codes', coalesce(nullif(t.coding -> 'codes', 'null'::jsonb), '[]'::jsonb),
      'label', coalesce(nullif(t.coding -> 'label', 'null'::jsonb), '"other"'::jsonb),
      'feedback', (select coalesce(json_object_agg(f.key, f.value), '{}'::json) from jsonb_each(t.feedback) f where f.key in ('worked', 'improve', 'suggestion', 'alternative')))
    else json_build_object('index', t.index, 'role', t.role, 'text', t.text,
      'codes', coalesce(nullif(t.coding -> 'codes', 'null'::jsonb), '[]'::jsonb),
      'label', coalesce(nullif(t.coding -> 'label', 'null'::jsonb), '"other"'::jsonb))
  end order by t.index), '[]'::json)::text from ${turns} t where t.session_id = ${sessions.id})`;

// One statement, one row: the caller's person (the bearer check, see auth `requireToken`), and
// the session's visible columns with its transcript as one JSON array in turn order (the columns a
// view shows, not the partner's directives and drafts). The person drives: no row means no such
// person in the token's organisation (401), a row without a session means no such session there.
// A statement each for the person and the session, or for the session and its turns, cost a round
// trip and a statement's work on the server and in the driver more for every read; a join would
// repeat the session's scorecard on every turn row. The transcript and the scorecard come as JSON
// text, spliced into the answer as they are.
const readableSession = preparedPerDatabase((db) =>
  db
    .select({
      person: CALLER_PERSON_COLUMNS,
      session: {
        id: sessions.id,
        personId: sessions.personId,
        status: sessions.status,
        scenarioId: sessions.scenarioId,
        scenarioCard: sessions.scenarioCard,
        drillId: sessions.drillId,
        startedAt: sessions.startedAt,
        endedAt: sessions.endedAt,
        versions: sessions.versions,
        scorecardJson: sql<string | null>`nullif(${sessions.scorecard}, 'null'::jsonb)::text`,
        drillResult: sessions.drillResult,
      },
      turnsJson: visibleTurnsJson,
    })
    .from(people)
    .leftJoin(sessions, and(eq(sessions.orgId, people.orgId), eq(sessions.id, ph('sessionId'))))
    .where(and(eq(people.orgId, ph('orgId')), eq(people.id, ph('personId'))))
    .prepare('readable_session'),
);

/**
 * The person a token names and, when that person may read it, a session with its visible
 * transcript as JSON text (in turn order), in one prepared statement (and, for a facilitator or
 * admin reading someone else's session, the visibility check's). `admit` turns the person into
 * the caller or refuses the request (auth `admitCaller`), before visibility is decided by the
 * caller's role. The visibility rule is `findReadableSession`'s.
 */
export async function readReadableSession(
  db: Database,
  token: TokenCaller,
  sessionId: string,
  admit: (person: CallerPerson | null) => Promise<Caller>,
): Promise<{ session: ReadableSession; turnsJson: string } | null> {
  const [row] = await readableSession(db).execute({
    orgId: token.orgId,
    personId: token.personId,
    sessionId,
  });
  const caller = await admit(row?.person ?? null);
  const session = row?.session;
  if (!session || !(await mayViewLearner(db, caller, session.personId))) return null;
  return { session, turnsJson: row.turnsJson };
}

// Every column of both rows comes from JSON keyed by column name (ids chosen by the caller; see
// db/json-rows), except the opening turn's session id, which comes from the inserted session:
// one statement.

const insertStatement = preparedPerDatabase((db) => {
  const inserted = db.$with('inserted').as(
    db
      .insert(sessions)
      .select(
        sql`select ${spreadColumns(sessions, 's')} from json_populate_record(null::${sessions}, ${ph('session')}::json) as s`,
      )
      .returning({ id: sessions.id }),
  );
  const values = spreadColumns(turns, 't', { session_id: sql`${inserted.id}` });
  return db
    .with(inserted)
    .insert(turns)
    .select(
      sql`select ${values} from ${inserted} cross join json_populate_record(null::${turns}, ${ph('turn')}::json) as t`,
    )
    .returning({ id: turns.id })
    .prepare('session_insert');
});

/**
 * Stores a new session and its opening turn, both complete rows (ids included, so nothing has to
 * be read back), in one statement.
 */
export async function insertSession(
  db: Database,
  session: SessionRow,
  opening: TurnRow,
): Promise<void> {
  const inserted = await insertStatement(db).execute({
    session: rowParam(sessions, session),
    turn: rowParam(turns, opening),
  });
  if (inserted.length !== 1) throw new Error(`session ${session.id} was not stored`);
}

/** A session as a list shows it: what was practised, when, and how it went (no transcript). */
export const SESSION_SUMMARY = {
  id: sessions.id,
  status: sessions.status,
  scenarioId: sessions.scenarioId,
  drillId: sessions.drillId,
  startedAt: sessions.startedAt,
  endedAt: sessions.endedAt,
  scorecard: sessions.scorecard,
};

export async function listOwnSessions(db: Database, caller: Caller, limit = 100) {
  return db
    .select(SESSION_SUMMARY)
    .from(sessions)
    .where(and(eq(sessions.orgId, caller.orgId), eq(sessions.personId, caller.personId)))
    .orderBy(desc(sessions.startedAt))
    .limit(limit);
}

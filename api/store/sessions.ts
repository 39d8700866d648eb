/**
 * @module store/sessions
 * Reading practice sessions and their turns. Every read is scoped by organisation, and the
 * caller's visibility (own sessions; admins their organisation's learners', facilitators those of
 * learners in the cohorts they run) is
 * decided here once, so no route can forget it.
 */
import { and, asc, desc, eq } from 'drizzle-orm';
import type { Caller } from '../auth/index.js';
import type { Database } from '../db/index.js';
import { sessions, turns } from '../db/schema/index.js';
import { mayViewLearner } from './cohorts.js';

export type SessionRow = typeof sessions.$inferSelect;
export type TurnRow = typeof turns.$inferSelect;

/** A session the caller may read, or null (callers answer 404: no hint that it exists). */
export async function findReadableSession(db: Database, caller: Caller, sessionId: string): Promise<SessionRow | null> {
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

export async function listTurns(db: Database, sessionId: string): Promise<TurnRow[]> {
  return db.select().from(turns).where(eq(turns.sessionId, sessionId)).orderBy(asc(turns.index));
}

export async function listOwnSessions(db: Database, caller: Caller, limit = 100) {
  return db
    .select({ id: sessions.id, status: sessions.status, scenarioId: sessions.scenarioId, drillId: sessions.drillId, startedAt: sessions.startedAt, endedAt: sessions.endedAt, scorecard: sessions.scorecard })
    .from(sessions)
    .where(and(eq(sessions.orgId, caller.orgId), eq(sessions.personId, caller.personId)))
    .orderBy(desc(sessions.startedAt))
    .limit(limit);
}

/**
 * The caller's own session, locked for update inside a transaction (ending serialises on it, and
 * a turn's conditional write in store/turns waits for it); null when it is not theirs or not in
 * their organisation.
 */
export async function lockOwnSession(tx: Database, caller: Caller, sessionId: string): Promise<SessionRow | null> {
  const [row] = await tx
    .select()
    .from(sessions)
    .where(and(eq(sessions.orgId, caller.orgId), eq(sessions.id, sessionId), eq(sessions.personId, caller.personId)))
    .for('update');
  return row ?? null;
}

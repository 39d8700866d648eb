/**
 * @module limits/session-length
 * The longest session: past `config.maxSessionTurns` coach turns a new turn is refused with a
 * 409 that says to end the session (which gives the scorecard as usual). A resend of a turn
 * already stored (same clientTurnId) is still answered, as every resend is. Runs before the turn
 * route, after the caller is known, on the caller's own session only (anything else is left to
 * the route, which answers 404).
 */
import { and, count, eq } from 'drizzle-orm';
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../app-env.js';
import { sessions, turns } from '../db/schema/index.js';
import { Problem } from '../problems/index.js';

export const sessionLengthLimit = createMiddleware<AppEnv>(async (c, next) => {
  const { db, config } = c.var.deps;
  const id = c.req.param('id') ?? '';
  if (!/^[0-9a-f-]{36}$/i.test(id)) return next();
  const body = (await c.req.json().catch(() => null)) as { clientTurnId?: unknown } | null;
  const [row] = await db
    .select({ coachTurns: count(turns.id) })
    .from(sessions)
    .innerJoin(turns, and(eq(turns.sessionId, sessions.id), eq(turns.role, 'coach')))
    .where(and(eq(sessions.id, id), eq(sessions.orgId, c.var.caller.orgId), eq(sessions.personId, c.var.caller.personId)));
  if (!row || row.coachTurns < config.maxSessionTurns) return next();
  if (typeof body?.clientTurnId === 'string') {
    const [known] = await db.select({ id: turns.id }).from(turns).where(and(eq(turns.sessionId, id), eq(turns.clientTurnId, body.clientTurnId))).limit(1);
    if (known) return next();
  }
  const max = config.maxSessionTurns;
  throw new Problem(409, 'Session limit reached', `This session has reached its ${max} coach turns. End it to see your scorecard, then start a new session.`, undefined, { maxTurns: max });
});

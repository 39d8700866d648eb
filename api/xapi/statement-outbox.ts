/**
 * @module xapi/statement-outbox
 * Statements wait in `xapi_outbox` until the organisation's LRS accepts them, retried with the
 * same backoff as grades. Each is sent with `PUT /statements?statementId=` so a retry after a lost
 * response cannot record it twice (an LRS answers 409 for an id it already has: that is success).
 */
import { and, asc, desc, eq, inArray, isNull, lt, lte, or } from 'drizzle-orm';
import type { Database } from '../db/index.js';
import { xapiOutbox, type OutboxStatus } from '../db/schema/index.js';
import { MAX_ATTEMPTS, retryDelayMs } from '../lti/ags/backoff.js';
import { findLrs } from './lrs.store.js';
import { verbName, XAPI_VERSION, type Statement } from './statements.js';

export type StatementRow = typeof xapiOutbox.$inferSelect;
const LEASE_MS = 60_000;

export async function enqueueStatements(db: Database, orgId: string, sessionId: string, statements: Statement[], now: Date): Promise<void> {
  if (!statements.length) return;
  await db
    .insert(xapiOutbox)
    .values(statements.map((s) => ({ id: s.id, orgId, sessionId, verb: verbName(s), statement: s as unknown as Record<string, unknown>, nextAttemptAt: now })))
    .onConflictDoNothing();
}

class LrsError extends Error {
  constructor(
    message: string,
    public readonly retryable: boolean,
  ) {
    super(message);
  }
}

/** `{endpoint}/statements`, whether or not the configured endpoint ends with a slash. */
export function statementsUrl(endpoint: string, id: string): string {
  return `${endpoint.replace(/\/+$/, '')}/statements?statementId=${encodeURIComponent(id)}`;
}

async function send(row: StatementRow, lrs: { endpoint: string; username: string; password: string }, fetchFn: typeof fetch) {
  let res: Response;
  try {
    res = await fetchFn(statementsUrl(lrs.endpoint, row.id), {
      method: 'PUT',
      headers: {
        authorization: `Basic ${btoa(`${lrs.username}:${lrs.password}`)}`,
        'content-type': 'application/json',
        'x-experience-api-version': XAPI_VERSION,
      },
      body: JSON.stringify(row.statement),
      signal: AbortSignal.timeout(10_000),
    });
  } catch (err) {
    throw new LrsError(`LRS unreachable: ${err instanceof Error ? err.message : String(err)}`, true);
  }
  if (res.ok || res.status === 409) return;
  throw new LrsError(`LRS answered ${res.status}`, res.status >= 500 || res.status === 429 || res.status === 401 || res.status === 408);
}

/** Delivers the statements that are due, for every organisation with an enabled LRS. */
export async function deliverDueStatements(db: Database, opts: { now: Date; fetch?: typeof fetch; limit?: number }) {
  const fetchFn = opts.fetch ?? ((...a) => fetch(...a));
  const due = db
    .select({ id: xapiOutbox.id })
    .from(xapiOutbox)
    .where(and(eq(xapiOutbox.status, 'pending'), lte(xapiOutbox.nextAttemptAt, opts.now), or(isNull(xapiOutbox.lockedUntil), lt(xapiOutbox.lockedUntil, opts.now))))
    .orderBy(asc(xapiOutbox.nextAttemptAt), asc(xapiOutbox.createdAt))
    .limit(opts.limit ?? 100)
    .for('update', { skipLocked: true });
  const rows = await db
    .update(xapiOutbox)
    .set({ lockedUntil: new Date(opts.now.getTime() + LEASE_MS) })
    .where(and(inArray(xapiOutbox.id, due), eq(xapiOutbox.status, 'pending')))
    .returning();
  // in the order they happened: attempted before completed before passed
  rows.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || String(a.statement.timestamp).localeCompare(String(b.statement.timestamp)));
  const report = { sent: 0, retrying: 0, failed: 0 };
  const lrsCache = new Map<string, Awaited<ReturnType<typeof findLrs>>>();
  for (const row of rows) {
    const attempts = row.attempts + 1;
    try {
      if (!lrsCache.has(row.orgId)) lrsCache.set(row.orgId, await findLrs(db, row.orgId));
      const lrs = lrsCache.get(row.orgId);
      if (!lrs || !lrs.enabled) throw new LrsError('xAPI is switched off for this organisation', true);
      await send(row, lrs, fetchFn);
      await db.update(xapiOutbox).set({ status: 'sent', attempts, sentAt: opts.now, lockedUntil: null, lastError: null }).where(eq(xapiOutbox.id, row.id));
      report.sent++;
    } catch (err) {
      const retryable = err instanceof LrsError ? err.retryable : true;
      const giveUp = !retryable || attempts >= MAX_ATTEMPTS;
      await db
        .update(xapiOutbox)
        .set({ status: giveUp ? 'failed' : 'pending', attempts, lockedUntil: null, lastError: (err instanceof Error ? err.message : String(err)).slice(0, 500), nextAttemptAt: new Date(opts.now.getTime() + retryDelayMs(attempts)) })
        .where(eq(xapiOutbox.id, row.id));
      if (giveUp) report.failed++;
      else report.retrying++;
    }
  }
  return report;
}

export async function listStatements(db: Database, orgId: string, status?: OutboxStatus, limit = 200): Promise<StatementRow[]> {
  return db
    .select()
    .from(xapiOutbox)
    .where(status ? and(eq(xapiOutbox.orgId, orgId), eq(xapiOutbox.status, status)) : eq(xapiOutbox.orgId, orgId))
    .orderBy(desc(xapiOutbox.createdAt))
    .limit(limit);
}

/** Makes every waiting or failed statement of the organisation due now (after fixing the LRS settings). */
export async function retryStatements(db: Database, orgId: string, now: Date): Promise<number> {
  const rows = await db
    .update(xapiOutbox)
    .set({ status: 'pending', nextAttemptAt: now, lockedUntil: null })
    .where(and(eq(xapiOutbox.orgId, orgId), inArray(xapiOutbox.status, ['pending', 'failed'])))
    .returning({ id: xapiOutbox.id });
  return rows.length;
}

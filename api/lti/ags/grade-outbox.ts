/**
 * @module lti/ags/grade-outbox
 * Grade passback through an outbox: a finished session's score is written to `lti_grade_outbox`
 * first and delivered to the platform's line item afterwards (`POST {lineitem}/scores`), by the
 * in-process worker or on demand. Rows are claimed with `for update skip locked` plus a lease, so
 * two workers never post the same grade at once and a crashed worker's claim simply runs out.
 * Failures are retried with exponential backoff; an LMS that is down loses no grade.
 */
import { and, asc, desc, eq, inArray, isNull, lte, lt, or } from 'drizzle-orm';
import type { Database } from '../../db/index.js';
import { ltiGradeOutbox, type OutboxStatus } from '../../db/schema/index.js';
import { AGS_SCOPE } from '../claims.js';
import { findPlatformById } from '../platforms.store.js';
import { activeSigningKey } from '../tool-keys.js';
import { PlatformRequestError, type AccessTokens } from './access-token.js';
import { MAX_ATTEMPTS, retryDelayMs } from './backoff.js';

export type GradeRow = typeof ltiGradeOutbox.$inferSelect;

/** How long a claimed row is held by one worker. */
const LEASE_MS = 60_000;

export interface GradeToSend {
  orgId: string;
  platformId: string;
  personId: string;
  sessionId: string;
  lineItemUrl: string;
  userSub: string;
  scoreGiven: number;
  scoreMaximum: number;
  comment?: string;
}

/** Queues a grade; the same session is never queued twice for one line item. */
export async function enqueueGrade(db: Database, g: GradeToSend, now: Date): Promise<void> {
  await db.insert(ltiGradeOutbox).values({ ...g, comment: g.comment ?? null, nextAttemptAt: now }).onConflictDoNothing();
}

/** `{lineitem}/scores`, keeping any query string the platform put on the line item URL. */
export function scoresUrl(lineItemUrl: string): string {
  const u = new URL(lineItemUrl);
  u.pathname = `${u.pathname.replace(/\/$/, '')}/scores`;
  return u.toString();
}

export interface DeliveryReport {
  sent: number;
  retrying: number;
  failed: number;
}

async function claimDue(db: Database, now: Date, limit: number): Promise<GradeRow[]> {
  const due = db
    .select({ id: ltiGradeOutbox.id })
    .from(ltiGradeOutbox)
    .where(and(eq(ltiGradeOutbox.status, 'pending'), lte(ltiGradeOutbox.nextAttemptAt, now), or(isNull(ltiGradeOutbox.lockedUntil), lt(ltiGradeOutbox.lockedUntil, now))))
    .orderBy(asc(ltiGradeOutbox.nextAttemptAt))
    .limit(limit)
    .for('update', { skipLocked: true });
  return db
    .update(ltiGradeOutbox)
    .set({ lockedUntil: new Date(now.getTime() + LEASE_MS) })
    .where(and(inArray(ltiGradeOutbox.id, due), eq(ltiGradeOutbox.status, 'pending')))
    .returning();
}

async function postScore(row: GradeRow, token: string, fetchFn: typeof fetch, now: Date) {
  let res: Response;
  try {
    res = await fetchFn(scoresUrl(row.lineItemUrl), {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/vnd.ims.lis.v1.score+json' },
      body: JSON.stringify({
        userId: row.userSub,
        scoreGiven: row.scoreGiven,
        scoreMaximum: row.scoreMaximum,
        activityProgress: 'Completed',
        gradingProgress: 'FullyGraded',
        timestamp: now.toISOString(),
        ...(row.comment ? { comment: row.comment } : {}),
      }),
      signal: AbortSignal.timeout(10_000),
    });
  } catch (err) {
    throw new PlatformRequestError(`score endpoint unreachable: ${err instanceof Error ? err.message : String(err)}`, null, true);
  }
  if (!res.ok) throw new PlatformRequestError(`score endpoint answered ${res.status}`, res.status, res.status >= 500 || res.status === 429 || res.status === 401 || res.status === 408);
}

/**
 * Delivers the grades that are due. Never throws for a platform's failure: that is recorded on
 * the row and retried later.
 */
export async function deliverDueGrades(db: Database, tokens: AccessTokens, opts: { now: Date; fetch?: typeof fetch; limit?: number }): Promise<DeliveryReport> {
  const fetchFn = opts.fetch ?? ((...a) => fetch(...a));
  const rows = await claimDue(db, opts.now, opts.limit ?? 50);
  const report: DeliveryReport = { sent: 0, retrying: 0, failed: 0 };
  for (const row of rows) {
    const attempts = row.attempts + 1;
    try {
      const platform = await findPlatformById(db, row.platformId);
      if (!platform) throw new PlatformRequestError('the platform registration was removed', null, false);
      const token = await tokens.tokenFor(platform, [AGS_SCOPE.score], () => activeSigningKey(db, opts.now));
      try {
        await postScore(row, token, fetchFn, opts.now);
      } catch (err) {
        // a refused token may simply have been revoked early: get a new one next time
        if (err instanceof PlatformRequestError && err.status === 401) tokens.forget(platform.id, [AGS_SCOPE.score]);
        throw err;
      }
      await db.update(ltiGradeOutbox).set({ status: 'sent', attempts, sentAt: opts.now, lockedUntil: null, lastError: null }).where(eq(ltiGradeOutbox.id, row.id));
      report.sent++;
    } catch (err) {
      const retryable = err instanceof PlatformRequestError ? err.retryable : true;
      const giveUp = !retryable || attempts >= MAX_ATTEMPTS;
      await db
        .update(ltiGradeOutbox)
        .set({
          status: giveUp ? 'failed' : 'pending',
          attempts,
          lockedUntil: null,
          lastError: (err instanceof Error ? err.message : String(err)).slice(0, 500),
          nextAttemptAt: new Date(opts.now.getTime() + retryDelayMs(attempts)),
        })
        .where(eq(ltiGradeOutbox.id, row.id));
      if (giveUp) report.failed++;
      else report.retrying++;
    }
  }
  return report;
}

/** The organisation's grades, newest first, optionally of one status. */
export async function listGrades(db: Database, orgId: string, status?: OutboxStatus, limit = 200): Promise<GradeRow[]> {
  return db
    .select()
    .from(ltiGradeOutbox)
    .where(status ? and(eq(ltiGradeOutbox.orgId, orgId), eq(ltiGradeOutbox.status, status)) : eq(ltiGradeOutbox.orgId, orgId))
    .orderBy(desc(ltiGradeOutbox.createdAt))
    .limit(limit);
}

export async function findGrade(db: Database, orgId: string, id: string): Promise<GradeRow | null> {
  const [row] = await db.select().from(ltiGradeOutbox).where(and(eq(ltiGradeOutbox.orgId, orgId), eq(ltiGradeOutbox.id, id))).limit(1);
  return row ?? null;
}

/** Puts a failed (or waiting) grade back in line for immediate delivery. */
export async function retryGrade(db: Database, orgId: string, id: string, now: Date): Promise<GradeRow | null> {
  const [row] = await db
    .update(ltiGradeOutbox)
    .set({ status: 'pending', nextAttemptAt: now, lockedUntil: null })
    .where(and(eq(ltiGradeOutbox.orgId, orgId), eq(ltiGradeOutbox.id, id), inArray(ltiGradeOutbox.status, ['pending', 'failed'])))
    .returning();
  return row ?? null;
}

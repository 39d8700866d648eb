/**
 * @module lti/ags/grade-outbox
 * Grade passback through an outbox: a finished session's score is written to `lti_grade_outbox`
 * first and delivered to the platform's line item afterwards (`POST {lineitem}/scores`), by the
 * in-process worker, on demand or by the Workers cron. Claiming, attempts, backoff and giving up
 * are the shared outbox mechanism's (`api/outbox`); this module says how one grade is posted and
 * which refusals are worth retrying. An LMS that is down loses no grade.
 */
import { and, eq } from 'drizzle-orm';
import type { Database } from '../../db/index.js';
import { ltiGradeOutbox, type OutboxStatus } from '../../db/schema/index.js';
import {
  drainOutbox,
  listOutbox,
  requeue,
  retryableStatus,
  type DeliverDueOptions,
  type DeliveryReport,
  type Outbox,
} from '../../outbox/index.js';
import { AGS_SCOPE } from '../claims.js';
import { findPlatformById } from '../platforms.store.js';
import { activeSigningKey } from '../tool-keys.js';
import { PlatformRequestError, type AccessTokens } from './access-token.js';
import { guardedFetch, PrivateTargetError } from '../../net/guarded-fetch.js';

export type GradeRow = typeof ltiGradeOutbox.$inferSelect;
export type { DeliveryReport };

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
  await db
    .insert(ltiGradeOutbox)
    .values({ ...g, comment: g.comment ?? null, nextAttemptAt: now })
    .onConflictDoNothing();
}

/** `{lineitem}/scores`, keeping any query string the platform put on the line item URL. */
export function scoresUrl(lineItemUrl: string): string {
  const u = new URL(lineItemUrl);
  u.pathname = `${u.pathname.replace(/\/$/, '')}/scores`;
  return u.toString();
}

async function postScore(
  row: GradeRow,
  token: string,
  fetchFn: (url: string, init?: RequestInit) => Promise<Response>,
  now: Date,
) {
  let res: Response;
  try {
    res = await fetchFn(scoresUrl(row.lineItemUrl), {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'application/vnd.ims.lis.v1.score+json',
      },
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
    if (err instanceof PrivateTargetError)
      throw new PlatformRequestError(`score endpoint refused: ${err.reason}`, null, false);
    // a fixed phrase: the network error's own text is never shown to staff
    throw new PlatformRequestError('score endpoint unreachable', null, true);
  }
  // the body is not needed: let go of it, so the connection can be reused or closed
  await res.body?.cancel().catch(() => {});
  if (!res.ok)
    throw new PlatformRequestError(
      `score endpoint answered ${res.status}`,
      res.status,
      retryableStatus(res.status),
    );
}

/** The grade outbox: how one grade reaches its platform, with this run's token cache and fetch. */
function gradeOutbox(
  db: Database,
  tokens: AccessTokens,
  fetchFn: (url: string, init?: RequestInit) => Promise<Response>,
): Outbox<typeof ltiGradeOutbox> {
  return {
    name: 'grades',
    table: ltiGradeOutbox,
    peer: 'LMS',
    retryable: (err) => (err instanceof PlatformRequestError ? err.retryable : true),
    async deliver(row, now) {
      const platform = await findPlatformById(db, row.platformId);
      if (!platform)
        throw new PlatformRequestError('the platform registration was removed', null, false);
      const token = await tokens.tokenFor(platform, [AGS_SCOPE.score], () =>
        activeSigningKey(db, row.orgId, now),
      );
      try {
        await postScore(row, token, fetchFn, now);
      } catch (err) {
        // a refused token may simply have been revoked early: get a new one next time
        if (err instanceof PlatformRequestError && err.status === 401)
          tokens.forget(platform.id, [AGS_SCOPE.score]);
        throw err;
      }
    },
  };
}

/**
 * Delivers the grades that are due (at most `limit`, 50 by default). Never throws for a
 * platform's failure: that is recorded on the row and retried later. `now` may be a clock, read
 * as each grade is claimed.
 */
export async function deliverDueGrades(
  db: Database,
  tokens: AccessTokens,
  opts: DeliverDueOptions,
): Promise<DeliveryReport> {
  // the line item URL came from the platform's launch: checked like its other URLs, at every post
  const fetchFn = guardedFetch(tokens.allowHosts, { fetch: opts.fetch });
  return drainOutbox(db, gradeOutbox(db, tokens, fetchFn), { ...opts, limit: opts.limit ?? 50 });
}

/** The organisation's grades, newest first, optionally of one status. */
export const listGrades = (
  db: Database,
  orgId: string,
  status?: OutboxStatus,
): Promise<GradeRow[]> => listOutbox(db, ltiGradeOutbox, orgId, status);

export async function findGrade(db: Database, orgId: string, id: string): Promise<GradeRow | null> {
  const [row] = await db
    .select()
    .from(ltiGradeOutbox)
    .where(and(eq(ltiGradeOutbox.orgId, orgId), eq(ltiGradeOutbox.id, id)))
    .limit(1);
  return row ?? null;
}

/** Puts a failed (or waiting) grade back in line for immediate delivery. */
export async function retryGrade(
  db: Database,
  orgId: string,
  id: string,
  now: Date,
): Promise<GradeRow | null> {
  const [row] = await requeue(
    db,
    ltiGradeOutbox,
    and(eq(ltiGradeOutbox.orgId, orgId), eq(ltiGradeOutbox.id, id))!,
    now,
  );
  return row ?? null;
}

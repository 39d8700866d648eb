/**
 * @module outbox/drain
 * One run over an outbox: give up the rows whose last attempt never reported back, then claim,
 * deliver and settle due rows one at a time, up to a limit. An outbox supplies only what is its
 * own (its table, how to send one row, which failures are worth retrying, whom it sends to);
 * claiming, counting attempts, backoff and giving up are the same for every outbox and live here.
 *
 * Rows are claimed one at a time, not in a batch, because the attempt is counted at the claim: a
 * run cut off at one row must not have charged an attempt to rows it never reached, and each
 * row's lease starts when its own delivery does.
 */
import type { SQL } from 'drizzle-orm';
import type { Database } from '../db/index.js';
import type { Logger } from '../logger.js';
import { afterFailure } from './backoff.js';
import {
  claimNext,
  giveUpUnanswered,
  markFailed,
  markSent,
  type OutboxTable,
  type RowOf,
} from './lease.js';

/** What one run did: rows delivered, rows waiting for another try, rows given up. */
export interface DeliveryReport {
  sent: number;
  retrying: number;
  failed: number;
}

/** What makes one outbox different from another. */
export interface Outbox<T extends OutboxTable> {
  /** the outbox's name in logs, as the drain report names it ("grades", "xapi") */
  name: string;
  table: T;
  /** whom rows are sent to, as the error of a delivery that never reported back names it ("LMS") */
  peer: string;
  /** tie-breaks after "due longest, then queued first" (xAPI: the order the statements happened) */
  order?: SQL[];
  /** sends one row; throws if it was not accepted */
  deliver(row: RowOf<T>, now: Date): Promise<void>;
  /** whether a failure `deliver` threw may go away if tried again later */
  retryable(err: unknown): boolean;
}

export interface DrainOutboxOptions {
  /**
   * The time, or a clock read at each step: with a clock, a long run's later rows are leased from
   * when they are claimed, not from when the run began.
   */
  now: Date | (() => Date);
  /** most rows delivered in this run */
  limit: number;
  /** where rows given up after a cut-off run are reported (counts only, never row contents) */
  logger?: Logger;
  /**
   * only this organisation's rows: a run a member of staff asks for must neither send another
   * organisation's rows nor report their count (the timer and the cron drain every organisation)
   */
  orgId?: string;
}

/** What a caller of one outbox's delivery gives it: a run's options, its own default limit, a fetch. */
export interface DeliverDueOptions extends Omit<DrainOutboxOptions, 'limit'> {
  limit?: number;
  /** the fetch under the guarded one (tests point it at a local fake) */
  fetch?: typeof fetch;
}

/**
 * Delivers what is due in one outbox. Never throws for a delivery's failure: that is recorded on
 * the row and retried later (a database error does throw; the rows it held come back when their
 * leases run out).
 * @example await drainOutbox(db, gradeOutbox, { now: deps.now, limit: 25 })
 */
export async function drainOutbox<T extends OutboxTable>(
  db: Database,
  outbox: Outbox<T>,
  opts: DrainOutboxOptions,
): Promise<DeliveryReport> {
  const clock = typeof opts.now === 'function' ? opts.now : () => opts.now as Date;
  const unanswered = await giveUpUnanswered(db, outbox.table, outbox.peer, clock(), opts.orgId);
  // a row only gets here if its runs kept being cut off: worth a line, unlike an ordinary failure
  if (unanswered > 0)
    opts.logger?.warn('outbox rows given up: their last attempt never reported back', {
      outbox: outbox.name,
      count: unanswered,
    });
  const report: DeliveryReport = { sent: 0, retrying: 0, failed: unanswered };
  for (let n = 0; n < opts.limit; n++) {
    const row = await claimNext(db, outbox.table, outbox.order ?? [], clock(), opts.orgId);
    if (!row) break;
    report[await deliverClaimed(db, outbox, row, clock)]++;
  }
  return report;
}

/**
 * Sends one claimed row and records the outcome. Recording `sent` stays outside the `try`: a
 * delivery that went through must never be written down as a failed attempt; if recording it
 * throws, the row simply comes back when its lease runs out.
 */
async function deliverClaimed<T extends OutboxTable>(
  db: Database,
  outbox: Outbox<T>,
  row: RowOf<T>,
  clock: () => Date,
): Promise<keyof DeliveryReport> {
  try {
    await outbox.deliver(row, clock());
  } catch (err) {
    const result = afterFailure(row.attempts, outbox.retryable(err), clock());
    await markFailed(db, outbox.table, row, {
      ...result,
      lastError: err instanceof Error ? err.message : String(err),
    });
    return result.status === 'failed' ? 'failed' : 'retrying';
  }
  await markSent(db, outbox.table, row.id, clock());
  return 'sent';
}

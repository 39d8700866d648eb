/**
 * @module outbox/lease
 * Who holds an outbox row, in SQL that runs the same on PGlite and PostgreSQL. A run claims one
 * due row at a time with `for update skip locked`; the same statement leases it, counts its
 * attempt and makes it due again at the end of the lease. So a run cut off mid-delivery (a
 * Workers invocation the platform ended, a crashed process) has still spent that attempt, and the
 * row comes back once nobody holds it. A row whose last attempt never reported back is given up
 * when its lease runs out instead of being claimed again.
 */
import { and, asc, eq, gt, gte, inArray, isNull, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Database } from '../db/index.js';
import type { OutboxStatus } from '../db/schema/index.js';
import { MAX_ATTEMPTS } from './backoff.js';

/**
 * How long a claimed row is held by one run. One delivery is bounded by its fetch timeouts (10 s
 * for a token, 10 s for the post), well inside it.
 */
export const LEASE_MS = 60_000;

/** An outbox table: anything with the delivery columns of `db/schema/lti` (`deliveryColumns`). */
export type OutboxTable = PgTable &
  Record<
    | 'id'
    | 'orgId'
    | 'status'
    | 'attempts'
    | 'nextAttemptAt'
    | 'lockedUntil'
    | 'lastError'
    | 'createdAt'
    | 'sentAt',
    PgColumn
  >;

/** A row of an outbox table, as Drizzle reads it. */
export type RowOf<T extends OutboxTable> = T['$inferSelect'] & DeliveryState;

/** The delivery state of a row, whatever else its outbox stores. */
export interface DeliveryState {
  id: string;
  status: OutboxStatus;
  attempts: number;
  nextAttemptAt: Date;
  lockedUntil: Date | null;
  lastError: string | null;
}

/**
 * Claims the row that has waited longest (then `order`), if any is due and unheld: leased until
 * `now + LEASE_MS`, its attempt counted, due again when the lease ends.
 */
export async function claimNext<T extends OutboxTable>(
  db: Database,
  outboxTable: T,
  order: SQL[],
  now: Date,
  orgId?: string,
): Promise<RowOf<T> | null> {
  const table: OutboxTable = outboxTable; // Drizzle cannot type queries on a generic table: use the shape every outbox shares
  const leaseEnd = new Date(now.getTime() + LEASE_MS);
  const due = db
    .select({ id: table.id })
    .from(table)
    .where(
      and(
        eq(table.status, 'pending'),
        lte(table.nextAttemptAt, now),
        claimable(table, now),
        orgId ? eq(table.orgId, orgId) : undefined,
      ),
    )
    .orderBy(asc(table.nextAttemptAt), asc(table.createdAt), ...order)
    .limit(1)
    .for('update', { skipLocked: true });
  // `id = (subquery)`, not `id in (subquery)`: a scalar subquery runs once per statement, while a
  // semi-join may run it again for every row, and rows this statement already updated are
  // skipped as locked, so `limit 1` would hand out one row after another and claim them all.
  // nextAttemptAt moves to the lease end so a row that keeps cutting its run off queues behind
  // rows that were due before it came back, rather than being taken first every time.
  const [row] = await db
    .update(table)
    .set({ attempts: sql`${table.attempts} + 1`, lockedUntil: leaseEnd, nextAttemptAt: leaseEnd })
    .where(and(sql`${table.id} = (${due})`, eq(table.status, 'pending')))
    .returning();
  return (row as unknown as RowOf<T> | undefined) ?? null;
}

/**
 * Not held by a live lease, and not a row whose last attempt ran out its lease (that one is for
 * `giveUpUnanswered`). A row an admin requeued after it failed has no lease and is claimable.
 */
function claimable(table: OutboxTable, now: Date): SQL {
  return or(
    isNull(table.lockedUntil),
    and(lt(table.lockedUntil, now), lt(table.attempts, MAX_ATTEMPTS)),
  )!;
}

/**
 * Marks failed every row that used its last attempt and never reported back (its lease ran out
 * with the row still pending), saying so in `lastError`. `peer` names who it was sent to.
 * Returns how many were given up.
 */
export async function giveUpUnanswered(
  db: Database,
  table: OutboxTable,
  peer: string,
  now: Date,
  orgId?: string,
): Promise<number> {
  const rows = await db
    .update(table)
    .set({ status: 'failed', lockedUntil: null, lastError: unansweredError(peer) })
    .where(
      and(
        eq(table.status, 'pending'),
        lt(table.lockedUntil, now),
        gte(table.attempts, MAX_ATTEMPTS),
        orgId ? eq(table.orgId, orgId) : undefined,
      ),
    )
    .returning({ id: table.id });
  return rows.length;
}

/** The `lastError` of a row given up because its last attempt never reported back. */
export function unansweredError(peer: string): string {
  return `delivery never reported back: the run sending its last attempt to the ${peer} stopped before the outcome was recorded`;
}

/**
 * Records a delivered row as sent. Whoever held it, a delivery that went through is the truth,
 * even from a run whose lease ran out meanwhile.
 */
export async function markSent(
  db: Database,
  table: OutboxTable,
  id: string,
  now: Date,
): Promise<void> {
  await db
    .update(table)
    .set({ status: 'sent', sentAt: now, lockedUntil: null, lastError: null })
    .where(eq(table.id, id));
}

/**
 * Records a failed attempt, only while this run still holds the row: once the lease ran out the
 * row belongs to whoever claimed it next (or was given up, or sent), and a late failure must not
 * release their lease or undo their result. Returns whether it was recorded.
 */
export async function markFailed(
  db: Database,
  table: OutboxTable,
  held: DeliveryState,
  result: { status: 'pending' | 'failed'; nextAttemptAt: Date; lastError: string },
): Promise<boolean> {
  if (!held.lockedUntil) return false;
  const rows = await db
    .update(table)
    .set({
      status: result.status,
      nextAttemptAt: result.nextAttemptAt,
      lastError: result.lastError.slice(0, 500),
      lockedUntil: null,
    })
    .where(
      and(
        eq(table.id, held.id),
        eq(table.status, 'pending'),
        eq(table.lockedUntil, held.lockedUntil),
      ),
    )
    .returning({ id: table.id });
  return rows.length > 0;
}

/**
 * Makes waiting or failed rows (those `where` picks) due now. A row being delivered right now
 * keeps its lease, so the requeue cannot hand it to a second run while the first is sending it.
 */
export async function requeue<T extends OutboxTable>(
  db: Database,
  outboxTable: T,
  where: SQL,
  now: Date,
): Promise<RowOf<T>[]> {
  const table: OutboxTable = outboxTable; // as in claimNext
  const rows = await db
    .update(table)
    .set({
      status: 'pending',
      nextAttemptAt: now,
      lockedUntil: sql`case when ${gt(table.lockedUntil, now)} then ${table.lockedUntil} end`,
    })
    .where(and(where, inArray(table.status, ['pending', 'failed'])))
    .returning();
  return rows as unknown as RowOf<T>[];
}

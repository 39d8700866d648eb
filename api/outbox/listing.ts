/**
 * @module outbox/listing
 * What an admin sees of an outbox: one organisation's rows, newest first, optionally only those
 * of one status. The same for every outbox, so the grade and statement pages list alike.
 */
import { and, desc, eq } from 'drizzle-orm';
import type { Database } from '../db/index.js';
import type { OutboxStatus } from '../db/schema/index.js';
import type { OutboxTable, RowOf } from './lease.js';

/**
 * The organisation's rows of `outboxTable`, newest first, at most `limit`.
 * @example listOutbox(db, xapiOutbox, orgId, 'failed') // the statements the LRS never took
 */
export async function listOutbox<T extends OutboxTable>(
  db: Database,
  outboxTable: T,
  orgId: string,
  status?: OutboxStatus,
  limit = 200,
): Promise<RowOf<T>[]> {
  const table: OutboxTable = outboxTable; // Drizzle cannot type queries on a generic table (as in lease.ts)
  const rows = await db
    .select()
    .from(table)
    .where(and(eq(table.orgId, orgId), status ? eq(table.status, status) : undefined))
    .orderBy(desc(table.createdAt))
    .limit(limit);
  return rows as unknown as RowOf<T>[];
}

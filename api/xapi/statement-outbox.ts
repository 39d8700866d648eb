/**
 * @module xapi/statement-outbox
 * Statements wait in `xapi_outbox` until the organisation's LRS accepts them; claiming, attempts,
 * backoff and giving up are the shared outbox mechanism's (`api/outbox`), as for grades. Each is
 * sent with `PUT /statements?statementId=` so a retry after a lost response cannot record it
 * twice (an LRS answers 409 for an id it already has: that is success).
 */
import { eq, sql } from 'drizzle-orm';
import type { Database } from '../db/index.js';
import { xapiOutbox, type OutboxStatus } from '../db/schema/index.js';
import {
  drainOutbox,
  listOutbox,
  requeue,
  retryableStatus,
  type DeliverDueOptions,
  type DeliveryReport,
  type Outbox,
} from '../outbox/index.js';
import { guardedFetch, PrivateTargetError } from '../net/guarded-fetch.js';
import { findLrs, lrsPassword } from './lrs.store.js';
import { verbName, XAPI_VERSION, type Statement } from './statements.js';

export type StatementRow = typeof xapiOutbox.$inferSelect;

export async function enqueueStatements(
  db: Database,
  orgId: string,
  sessionId: string | null,
  statements: Statement[],
  now: Date,
): Promise<void> {
  if (!statements.length) return;
  await db
    .insert(xapiOutbox)
    .values(
      statements.map((s) => ({
        id: s.id,
        orgId,
        sessionId,
        verb: verbName(s),
        statement: s as unknown as Record<string, unknown>,
        nextAttemptAt: now,
      })),
    )
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

type Send = (url: string, init?: RequestInit) => Promise<Response>;

async function send(
  row: StatementRow,
  lrs: { endpoint: string; username: string; password: string },
  fetchFn: Send,
) {
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
    // the endpoint or a redirect from it points inside: stays refused until the settings change
    if (err instanceof PrivateTargetError)
      throw new LrsError(`not sent: the LRS endpoint is refused (${err.reason})`, false);
    // a fixed phrase, never the network error's text (it could describe hosts the caller cannot see)
    const timedOut =
      err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError');
    throw new LrsError(timedOut ? 'LRS did not answer within 10 s' : 'LRS unreachable', true);
  }
  // the body is not needed: let go of it, so the connection can be reused or closed
  await res.body?.cancel().catch(() => {});
  if (res.ok || res.status === 409) return;
  throw new LrsError(`LRS answered ${res.status}`, retryableStatus(res.status));
}

/**
 * In the order they happened: a session's statements are queued together, so after the queue
 * order comes the statement's own timestamp, then attempted before completed before the verdict
 * (completed and passed/failed share the end time).
 */
const HAPPENED = [
  sql`${xapiOutbox.statement}->>'timestamp'`,
  sql`case ${xapiOutbox.verb} when 'attempted' then 0 when 'completed' then 1 else 2 end`,
];

/** The statement outbox: how one statement reaches its organisation's LRS, looked up once per run. */
function statementOutbox(
  db: Database,
  fetchFn: Send,
  dataKey: CryptoKey | null,
): Outbox<typeof xapiOutbox> {
  const lrsCache = new Map<string, Awaited<ReturnType<typeof findLrs>>>();
  return {
    name: 'xapi',
    table: xapiOutbox,
    peer: 'LRS',
    order: HAPPENED,
    retryable: (err) => (err instanceof LrsError ? err.retryable : true),
    async deliver(row) {
      if (!lrsCache.has(row.orgId)) lrsCache.set(row.orgId, await findLrs(db, row.orgId));
      const lrs = lrsCache.get(row.orgId);
      if (!lrs || !lrs.enabled)
        throw new LrsError('xAPI is switched off for this organisation', true);
      let password: string;
      try {
        password = await lrsPassword(db, lrs, dataKey);
      } catch {
        throw new LrsError(
          'the LRS password cannot be decrypted: SB_DATA_KEY is missing or changed',
          true,
        );
      }
      await send(row, { endpoint: lrs.endpoint, username: lrs.username, password }, fetchFn);
    },
  };
}

/**
 * Delivers the statements that are due (at most `limit`, 100 by default), for every organisation
 * with an enabled LRS. `now` may be a clock, read as each statement is claimed.
 */
export async function deliverDueStatements(
  db: Database,
  opts: DeliverDueOptions & { dataKey: CryptoKey | null; allowHosts: readonly string[] },
): Promise<DeliveryReport> {
  // checked at every send and at every redirect, on the address the name resolves to then (a name
  // that resolved outside may resolve inside now), connected to that address only (net/guarded-fetch)
  const fetchFn = guardedFetch(opts.allowHosts, { fetch: opts.fetch });
  return drainOutbox(db, statementOutbox(db, fetchFn, opts.dataKey), {
    ...opts,
    limit: opts.limit ?? 100,
  });
}

/** The organisation's statements, newest first, optionally of one status. */
export const listStatements = (
  db: Database,
  orgId: string,
  status?: OutboxStatus,
): Promise<StatementRow[]> => listOutbox(db, xapiOutbox, orgId, status);

/** Makes every waiting or failed statement of the organisation due now (after fixing the LRS settings). */
export async function retryStatements(db: Database, orgId: string, now: Date): Promise<number> {
  return (await requeue(db, xapiOutbox, eq(xapiOutbox.orgId, orgId), now)).length;
}

/**
 * @module limits/rate-limit
 * Per-IP and per-person request limits over fixed one-minute windows counted in the database, so
 * every instance (several Node processes, Workers isolates through Hyperdrive) shares them. Past
 * the limit a request is answered 429 with Retry-After (the seconds left in the window).
 * Each instance tallies its requests in memory and adds them to the shared count in batches (at
 * least once a second, every twentieth of the limit, and whenever the limit is near), so the hot
 * path of a request rarely waits on the database: writing one shared row per request serialised a
 * learner's concurrent requests on that row. The price is an overshoot of at most one batch per
 * instance. A limit of 0 switches it off (the test suite's default).
 */
import { lt, sql } from 'drizzle-orm';
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../app-env.js';
import type { Database } from '../db/index.js';
import { rateWindows } from '../db/schema/index.js';
import { requestClientAddress } from '../net/client-ip.js';
import { Problem } from '../problems/index.js';

const WINDOW_MS = 60_000;

/** 429 with Retry-After, as every limit answers. */
export function tooManyRequests(retryAfterS: number, detail: string): Problem {
  return new Problem(
    429,
    'Too many requests',
    detail,
    undefined,
    {},
    { 'retry-after': String(Math.max(1, Math.ceil(retryAfterS))) },
  );
}

/** One key's requests in the current window, as this instance knows them. */
interface Tally {
  windowStart: number;
  /** the shared count the database last returned */
  shared: number;
  /** requests counted here and not yet added to the shared count */
  pending: number;
  addedAt: number;
}

/** Tallies per database (a test process runs several apps, each with its own database). */
const tallies = new WeakMap<Database, Map<string, Tally>>();
const ADD_EVERY_MS = 1_000;
const MAX_KEYS = 10_000;

/**
 * Counts one request for `key` in the current window; throws 429 when it passes `limit`.
 * @example await countRequest(db, `person:${id}`, 120, now)
 */
export async function countRequest(
  db: Database,
  key: string,
  limit: number,
  now: Date,
): Promise<void> {
  if (limit <= 0) return;
  const at = now.getTime();
  const start = Math.floor(at / WINDOW_MS) * WINDOW_MS;
  const tally = tallyFor(db, key, start);
  tally.pending++;
  const batch = Math.max(1, Math.floor(limit / 20));
  if (
    tally.pending >= batch ||
    at - tally.addedAt >= ADD_EVERY_MS ||
    tally.shared + tally.pending > limit
  ) {
    const add = tally.pending;
    tally.pending = 0;
    tally.addedAt = at;
    const [row] = await db
      .insert(rateWindows)
      .values({ key, windowStart: new Date(start), count: add })
      .onConflictDoUpdate({
        target: [rateWindows.key, rateWindows.windowStart],
        set: { count: sql`${rateWindows.count} + ${add}` },
      })
      .returning({ count: rateWindows.count });
    // concurrent additions may return out of order: the larger total is the later one
    tally.shared = Math.max(tally.shared, row.count);
    // now and then, the windows that have passed go (cheap, and no timer needed on Workers)
    if (Math.random() < 0.01)
      await db.delete(rateWindows).where(lt(rateWindows.windowStart, new Date(start - WINDOW_MS)));
  }
  if (tally.shared + tally.pending > limit) {
    throw tooManyRequests(
      (start + WINDOW_MS - at) / 1000,
      `Too many requests: at most ${limit} a minute. Please wait a moment and try again.`,
    );
  }
}

function tallyFor(db: Database, key: string, windowStart: number): Tally {
  let byKey = tallies.get(db);
  if (!byKey) tallies.set(db, (byKey = new Map()));
  let tally = byKey.get(key);
  if (!tally || tally.windowStart !== windowStart) {
    if (byKey.size >= MAX_KEYS)
      for (const [k, t] of byKey) if (t.windowStart < windowStart) byKey.delete(k);
    tally = { windowStart, shared: 0, pending: 0, addedAt: 0 };
    byKey.set(key, tally);
  }
  return tally;
}

/** The per-IP limit, for every API and LTI request (signed in or not). */
export const ipRateLimit = createMiddleware<AppEnv>(async (c, next) => {
  const { config, db, now } = c.var.deps;
  // switched off: not even the client's address is worked out
  if (config.rateLimits.ipPerMinute <= 0) return next();
  await countRequest(
    db,
    `ip:${requestClientAddress(c, config.trustedProxies)}`,
    config.rateLimits.ipPerMinute,
    now(),
  );
  await next();
});

/** The per-person limit, once the caller is known (auth runs it). */
export function countPersonRequest(
  db: Database,
  personId: string,
  limit: number,
  now: Date,
): Promise<void> {
  return countRequest(db, `person:${personId}`, limit, now);
}

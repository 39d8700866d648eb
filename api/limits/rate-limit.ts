/**
 * @module limits/rate-limit
 * Per-IP and per-person request limits over fixed one-minute windows counted in the database, so
 * every instance (several Node processes, Workers isolates through Hyperdrive) shares them. Past
 * the limit a request is answered 429 with Retry-After (the seconds left in the window). One
 * statement per check: an upsert that counts the request and returns the window's total.
 * A limit of 0 switches it off (the test suite's default).
 */
import { lt, sql } from 'drizzle-orm';
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../app-env.js';
import type { Database } from '../db/index.js';
import { rateWindows } from '../db/schema/index.js';
import { Problem } from '../problems/index.js';

const WINDOW_MS = 60_000;

/** 429 with Retry-After, as every limit answers. */
export function tooManyRequests(retryAfterS: number, detail: string): Problem {
  return new Problem(429, 'Too many requests', detail, undefined, {}, { 'retry-after': String(Math.max(1, Math.ceil(retryAfterS))) });
}

/**
 * Counts one request for `key` in the current window; throws 429 when it passes `limit`.
 * @example await countRequest(db, `person:${id}`, 120, now)
 */
export async function countRequest(db: Database, key: string, limit: number, now: Date): Promise<void> {
  if (limit <= 0) return;
  const start = new Date(Math.floor(now.getTime() / WINDOW_MS) * WINDOW_MS);
  const [row] = await db
    .insert(rateWindows)
    .values({ key, windowStart: start, count: 1 })
    .onConflictDoUpdate({ target: [rateWindows.key, rateWindows.windowStart], set: { count: sql`${rateWindows.count} + 1` } })
    .returning({ count: rateWindows.count });
  // now and then, the windows that have passed go (cheap, and no timer needed on Workers)
  if (Math.random() < 0.01) await db.delete(rateWindows).where(lt(rateWindows.windowStart, new Date(start.getTime() - WINDOW_MS)));
  if (row.count > limit) {
    throw tooManyRequests((start.getTime() + WINDOW_MS - now.getTime()) / 1000, `Too many requests: at most ${limit} a minute. Please wait a moment and try again.`);
  }
}

/** The caller's address: Cloudflare's header on Workers, the socket's on Node. */
function clientIp(c: { req: { header(name: string): string | undefined }; env: unknown }): string {
  const cf = c.req.header('cf-connecting-ip');
  if (cf) return cf;
  const incoming = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming;
  return incoming?.socket?.remoteAddress ?? 'unknown';
}

/** The per-IP limit, for every API and LTI request (signed in or not). */
export const ipRateLimit = createMiddleware<AppEnv>(async (c, next) => {
  const { config, db, now } = c.var.deps;
  await countRequest(db, `ip:${clientIp(c)}`, config.rateLimits.ipPerMinute, now());
  await next();
});

/** The per-person limit, once the caller is known (auth runs it). */
export function countPersonRequest(db: Database, personId: string, limit: number, now: Date): Promise<void> {
  return countRequest(db, `person:${personId}`, limit, now);
}

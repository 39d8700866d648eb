/**
 * @module outbox/backoff
 * When to try a failed delivery again, and when to stop: exponential from 30 s, capped at 6 h,
 * with a little jitter so many rows queued during one outage do not all hit the recovered LMS or
 * LRS in the same second. A retryable failure is given up after `MAX_ATTEMPTS` attempts, any
 * other at once. Pure: no clock, no database; shared by every outbox.
 */

export const BACKOFF_BASE_MS = 30_000;
export const BACKOFF_CAP_MS = 6 * 3600_000;
/** attempts before a retryable failure is given up and shown as failed */
export const MAX_ATTEMPTS = 12;

/**
 * Delay before attempt `attempts + 1`, after `attempts` failures (>= 1).
 * @example retryDelayMs(1, () => 0.5) // 30000
 */
export function retryDelayMs(attempts: number, random: () => number = Math.random): number {
  const exp = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, attempts - 1));
  const jitter = 1 + (random() - 0.5) * 0.2;
  return Math.round(exp * jitter);
}

/** What a failed attempt leaves its row as. */
export interface AfterFailure {
  status: 'pending' | 'failed';
  nextAttemptAt: Date;
}

/**
 * The row after its `attempts`-th attempt (attempts are counted when a row is claimed, so this
 * one is included) failed at `now`: waiting for the next try, or given up.
 * @example afterFailure(1, true, now) // { status: 'pending', nextAttemptAt: about now + 30 s }
 */
export function afterFailure(
  attempts: number,
  retryable: boolean,
  now: Date,
  random: () => number = Math.random,
): AfterFailure {
  const giveUp = !retryable || attempts >= MAX_ATTEMPTS;
  return {
    status: giveUp ? 'failed' : 'pending',
    nextAttemptAt: new Date(now.getTime() + retryDelayMs(attempts, random)),
  };
}

/**
 * Whether an HTTP refusal from an LMS or LRS is worth trying again: the server is down or busy
 * (5xx, 429, 408), or a token was refused that a fresh one may fix (401). Anything else is an
 * answer that will not change.
 * @example retryableStatus(503) // true
 */
export function retryableStatus(status: number): boolean {
  return status >= 500 || status === 429 || status === 401 || status === 408;
}

/**
 * @module lti/ags/backoff
 * When to try a failed delivery again: exponential from 30 s, capped at 6 h, with a little jitter
 * so many grades queued during one outage do not all hit the recovered LMS in the same second.
 * Shared by the grade and xAPI outboxes.
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

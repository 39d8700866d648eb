/**
 * @module outbox/backoff.test
 * The pure retry rules, without a clock or a database.
 */
import { describe, expect, it } from 'vitest';
import {
  afterFailure,
  BACKOFF_CAP_MS,
  MAX_ATTEMPTS,
  retryableStatus,
  retryDelayMs,
} from './backoff.js';

describe('retryDelayMs', () => {
  it('doubles from 30 s', () => {
    const mid = () => 0.5;
    expect([1, 2, 3, 4].map((a) => retryDelayMs(a, mid))).toEqual([
      30_000, 60_000, 120_000, 240_000,
    ]);
  });
  it('is capped at six hours and jitters by at most 10%', () => {
    expect(retryDelayMs(40, () => 0.5)).toBe(BACKOFF_CAP_MS);
    expect(retryDelayMs(1, () => 0)).toBe(27_000);
    expect(retryDelayMs(1, () => 1)).toBe(33_000);
  });
});

describe('afterFailure', () => {
  const now = new Date('2026-01-01T00:00:00Z');
  const mid = () => 0.5;

  it('waits for the next try while attempts are left', () => {
    expect(afterFailure(1, true, now, mid)).toEqual({
      status: 'pending',
      nextAttemptAt: new Date(now.getTime() + 30_000),
    });
    expect(afterFailure(MAX_ATTEMPTS - 1, true, now, mid).status).toBe('pending');
  });
  it('gives up a retryable failure at the last attempt, and beyond it (a retry an admin asked for)', () => {
    expect(afterFailure(MAX_ATTEMPTS, true, now, mid).status).toBe('failed');
    expect(afterFailure(MAX_ATTEMPTS + 1, true, now, mid).status).toBe('failed');
  });
  it('gives up a failure that is not worth retrying at once', () => {
    expect(afterFailure(1, false, now, mid).status).toBe('failed');
  });
});

describe('retryableStatus', () => {
  it('retries a server that is down or busy, or a refused token; not other refusals', () => {
    expect([500, 502, 503, 429, 408, 401].map(retryableStatus)).toEqual([
      true,
      true,
      true,
      true,
      true,
      true,
    ]);
    expect([400, 403, 404, 410, 422].map(retryableStatus)).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
  });
});

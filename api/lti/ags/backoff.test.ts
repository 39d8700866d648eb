/**
 * @module lti/ags/backoff.test
 */
import { describe, expect, it } from 'vitest';
import { BACKOFF_CAP_MS, retryDelayMs } from './backoff.js';

describe('retryDelayMs', () => {
  it('doubles from 30 s', () => {
    const mid = () => 0.5;
    expect([1, 2, 3, 4].map((a) => retryDelayMs(a, mid))).toEqual([30_000, 60_000, 120_000, 240_000]);
  });
  it('is capped at six hours and jitters by at most 10%', () => {
    expect(retryDelayMs(40, () => 0.5)).toBe(BACKOFF_CAP_MS);
    expect(retryDelayMs(1, () => 0)).toBe(27_000);
    expect(retryDelayMs(1, () => 1)).toBe(33_000);
  });
});

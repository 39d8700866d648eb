/**
 * @module llm/circuit-breaker.test
 * Opens after a run of failures, lets one trial through after the cooldown, closes on success.
 */
import { describe, expect, it } from 'vitest';
import { CircuitBreaker } from './circuit-breaker.js';

describe('circuit breaker', () => {
  it('opens after the threshold, half-opens after the cooldown, closes on a good trial', () => {
    let t = 0;
    const b = new CircuitBreaker({ failureThreshold: 3, cooldownMs: 30_000, now: () => t });
    for (let i = 0; i < 2; i++) {
      expect(b.allow()).toBe(true);
      b.failure();
    }
    expect(b.state).toBe('closed');
    expect(b.allow()).toBe(true);
    b.failure();
    expect(b.state).toBe('open');
    expect(b.allow()).toBe(false);
    t += 29_999;
    expect(b.allow()).toBe(false);
    t += 1;
    expect(b.allow()).toBe(true);
    expect(b.state).toBe('half_open');
    // only one trial at a time
    expect(b.allow()).toBe(false);
    b.success();
    expect(b.state).toBe('closed');
    expect(b.allow()).toBe(true);
  });

  it('re-opens for a full cooldown when the trial fails', () => {
    let t = 0;
    const b = new CircuitBreaker({ failureThreshold: 1, cooldownMs: 1000, now: () => t });
    b.allow();
    b.failure();
    t = 1000;
    expect(b.allow()).toBe(true);
    b.failure();
    expect(b.state).toBe('open');
    t = 1999;
    expect(b.allow()).toBe(false);
    t = 2000;
    expect(b.allow()).toBe(true);
  });

  it('a success resets the failure count; a released trial frees the slot', () => {
    let t = 0;
    const b = new CircuitBreaker({ failureThreshold: 2, cooldownMs: 10, now: () => t });
    b.failure();
    b.success();
    b.failure();
    expect(b.state).toBe('closed');
    b.failure();
    t = 10;
    expect(b.allow()).toBe(true);
    b.release();
    expect(b.allow()).toBe(true);
  });
});

/**
 * @module llm/circuit-breaker
 * Keeps a dead or overloaded LLM endpoint from stalling every turn: after a run of failed calls
 * the breaker opens and callers go straight to the scripted fallback; after a cooldown one trial
 * call is let through (half-open) and its outcome closes or re-opens the breaker. So the service
 * recovers by itself, without a restart, within one cooldown of the endpoint coming back.
 */

export type BreakerState = 'closed' | 'open' | 'half_open';

export interface BreakerOptions {
  /** consecutive failures that open the breaker */
  failureThreshold?: number;
  /** how long it stays open before letting one trial through (ms) */
  cooldownMs: number;
  now?: () => number;
}

export class CircuitBreaker {
  private failures = 0;
  private openedAt = 0;
  private trialInFlight = false;
  private current: BreakerState = 'closed';
  private readonly threshold: number;
  private readonly cooldownMs: number;
  private readonly now: () => number;

  constructor(opts: BreakerOptions) {
    this.threshold = Math.max(1, opts.failureThreshold ?? 3);
    this.cooldownMs = opts.cooldownMs;
    this.now = opts.now ?? Date.now;
  }

  get state(): BreakerState {
    return this.current;
  }

  /** Failed calls in a row since the last success (0: the last call went through). */
  get consecutiveFailures(): number {
    return this.failures;
  }

  /**
   * May a call go upstream now? In half-open state only one trial at a time is allowed; every
   * allowed call must be followed by `success()` or `failure()` (or `release()` if abandoned).
   */
  allow(): boolean {
    if (this.current === 'closed') return true;
    if (this.current === 'open') {
      if (this.now() - this.openedAt < this.cooldownMs) return false;
      this.current = 'half_open';
    }
    if (this.trialInFlight) return false;
    this.trialInFlight = true;
    return true;
  }

  success(): void {
    this.failures = 0;
    this.trialInFlight = false;
    this.current = 'closed';
  }

  failure(): void {
    this.trialInFlight = false;
    this.failures++;
    if (this.current === 'half_open' || this.failures >= this.threshold) {
      this.current = 'open';
      this.openedAt = this.now();
    }
  }

  /** An allowed call ended without telling anything about the endpoint (the learner left). */
  release(): void {
    this.trialInFlight = false;
  }
}

/**
 * @module lti/runtime
 * The LMS integration's per-app state: the platforms' key cache, the AGS token cache and the
 * outbox worker. One per `AppDeps` (kept in a WeakMap, never a module-level singleton), so each
 * test app has its own, and the worker can be stopped by whoever holds the deps.
 */
import type { AppDeps } from '../app-env.js';
import { AccessTokens } from './ags/access-token.js';
import { deliverDueGrades, type DeliveryReport } from './ags/grade-outbox.js';
import { PlatformJwks } from './platform-jwks.js';

/** Something else that drains an outbox on the same beat (xAPI registers itself here). */
export type OutboxDrain = (deps: AppDeps) => Promise<unknown>;

export class LtiRuntime {
  readonly jwks: PlatformJwks;
  readonly tokens: AccessTokens;
  private timer: ReturnType<typeof setInterval> | null = null;
  private running: Promise<unknown> | null = null;
  private readonly extraDrains: OutboxDrain[] = [];

  constructor(private readonly deps: AppDeps) {
    this.jwks = new PlatformJwks({ now: () => deps.now() });
    this.tokens = new AccessTokens(undefined, () => deps.now());
  }

  addDrain(drain: OutboxDrain) {
    if (!this.extraDrains.includes(drain)) this.extraDrains.push(drain);
  }

  /** Delivers everything due now (grades, then other outboxes); concurrent calls share one run. */
  async drain(): Promise<DeliveryReport> {
    while (this.running) await this.running.catch(() => {});
    const run = (async () => {
      const report = await deliverDueGrades(this.deps.db, this.tokens, { now: this.deps.now() });
      for (const d of this.extraDrains) await d(this.deps).catch((err) => this.deps.logger.warn('outbox drain failed', { error: String(err) }));
      return report;
    })();
    this.running = run;
    try {
      return await run;
    } finally {
      this.running = null;
    }
  }

  /** Starts the in-process worker (Node). Safe to call twice; `stop()` ends it. */
  start(intervalMs = 15_000) {
    if (this.timer) return;
    this.timer = setInterval(() => {
      this.drain().catch((err) => this.deps.logger.warn('grade outbox run failed', { error: String(err) }));
    }, intervalMs);
    // never keep a process (or a test run) alive just for the outbox
    (this.timer as { unref?: () => void }).unref?.();
  }

  stop() {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}

const runtimes = new WeakMap<AppDeps, LtiRuntime>();

/** The runtime of an app, created on first use. */
export function ltiRuntimeOf(deps: AppDeps): LtiRuntime {
  let r = runtimes.get(deps);
  if (!r) runtimes.set(deps, (r = new LtiRuntime(deps)));
  return r;
}

/**
 * Starts the outbox worker where a long-lived process exists (Node). On Workers there is no
 * process to keep a timer in; deliveries run on demand (after each ended session and from the
 * admin route) instead.
 */
export function startLmsOutboxes(deps: AppDeps, intervalMs?: number) {
  // Workers with nodejs_compat also have process.versions.node, so ask for Workers by name
  const onWorkers = typeof navigator !== 'undefined' && (navigator as { userAgent?: string }).userAgent === 'Cloudflare-Workers';
  const isNode = typeof process !== 'undefined' && Boolean((process as { versions?: { node?: string } }).versions?.node);
  if (isNode && !onWorkers && deps.config.env !== 'test') ltiRuntimeOf(deps).start(intervalMs);
}

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

/** How much one run may deliver: a scheduled run (Workers cron) caps it to stay inside CPU limits. */
export interface DrainOptions {
  /** most rows each outbox delivers in this run (each outbox's own default when absent) */
  limit?: number;
  /** only this organisation's rows (a run staff asked for); every organisation's when absent */
  orgId?: string;
}

/** Something else that drains an outbox on the same beat (xAPI registers itself here). */
export type OutboxDrain = (deps: AppDeps, opts: DrainOptions) => Promise<unknown>;

/** What one run did: the grade outbox's report, and each other outbox's by name (`{ error }` if it failed). */
export interface DrainRun {
  grades: DeliveryReport;
  others: Record<string, unknown>;
}

export class LtiRuntime {
  readonly jwks: PlatformJwks;
  readonly tokens: AccessTokens;
  private timer: ReturnType<typeof setInterval> | null = null;
  private running: Promise<unknown> | null = null;
  private readonly extraDrains = new Map<string, OutboxDrain>();

  constructor(private readonly deps: AppDeps) {
    this.jwks = new PlatformJwks({ now: () => deps.now(), allowHosts: deps.config.allowPrivateHosts });
    this.tokens = new AccessTokens(undefined, () => deps.now(), deps.config.allowPrivateHosts);
  }

  /** Registers another outbox under a name (registering the same name again is a no-op). */
  addDrain(name: string, drain: OutboxDrain) {
    if (!this.extraDrains.has(name)) this.extraDrains.set(name, drain);
  }

  /** Delivers what is due now (grades, then other outboxes); the grade report, as the admin route returns it. */
  async drain(opts: DrainOptions = {}): Promise<DeliveryReport> {
    return (await this.drainAll(opts)).grades;
  }

  /** Like `drain`, with every outbox's report; runs one after another, never two at once. */
  async drainAll(opts: DrainOptions = {}): Promise<DrainRun> {
    while (this.running) await this.running.catch(() => {});
    const run = (async (): Promise<DrainRun> => {
      // a clock, not one instant: each row's lease starts when that row is claimed
      const grades = await deliverDueGrades(this.deps.db, this.tokens, { now: () => this.deps.now(), limit: opts.limit, logger: this.deps.logger, orgId: opts.orgId });
      const others: Record<string, unknown> = {};
      for (const [name, d] of this.extraDrains) {
        others[name] = await d(this.deps, opts).catch((err) => {
          this.deps.logger.warn('outbox drain failed', { outbox: name, error: err });
          return { error: String(err) };
        });
      }
      return { grades, others };
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
      this.drain().catch((err) => this.deps.logger.warn('grade outbox run failed', { error: err }));
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

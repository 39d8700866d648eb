/**
 * @module outbox/runtime
 * The app's outboxes and who runs them. One run drains the LMS grade outbox, then the xAPI
 * statement outbox, and one app never runs two at once. Three things start a run: the Node timer
 * (`startOutboxTimer`, called by api/server.ts only), the Workers cron trigger
 * (`drainOutboxesOnSchedule`, api/outbox/schedule.ts) and staff asking for one (the LTI and xAPI
 * admin routes). `createApp` starts nothing.
 *
 * One runtime per `AppDeps` (kept in a WeakMap, never a module-level singleton), so each test app
 * has its own and whoever holds the deps can stop its timer. The outboxes themselves (what a row
 * is, how it is sent) stay with their integrations: `api/lti` and `api/xapi` know nothing of this
 * file; it knows how to run each of them for an app.
 */
import type { AppDeps } from '../app-env.js';
import { drainGrades } from '../lti/runtime.js';
import { drainStatements } from '../xapi/session-statements.js';
import type { DeliveryReport } from './drain.js';

/** How much one run may deliver, and for whom. */
export interface DrainOptions {
  /** most rows each outbox delivers in this run (each outbox's own default when absent) */
  limit?: number;
  /** only this organisation's rows (a run staff asked for); every organisation's when absent */
  orgId?: string;
}

/** What one run did, by outbox. */
export interface DrainRun {
  /** the grade outbox's report (a failure here fails the run: it is what the admin route answers) */
  grades: DeliveryReport;
  /** the xAPI outbox's report, or `{ error }` if its run failed (logged; the grades were still delivered) */
  xapi: DeliveryReport | { error: string };
}

/** How often the Node timer starts a run. */
export const OUTBOX_INTERVAL_MS = 15_000;

export class OutboxRuntime {
  private timer: ReturnType<typeof setInterval> | null = null;
  private running: Promise<unknown> | null = null;

  constructor(private readonly deps: AppDeps) {}

  /**
   * Delivers what is due now: grades, then xAPI statements; waits for a run already going.
   * @example const { grades } = await outboxRuntimeOf(deps).drain({ orgId })
   */
  async drain(opts: DrainOptions = {}): Promise<DrainRun> {
    while (this.running) await this.running.catch(() => {});
    const run = (async (): Promise<DrainRun> => {
      const grades = await drainGrades(this.deps, opts);
      const xapi = await drainStatements(this.deps, opts).catch((err) => {
        this.deps.logger.warn('outbox drain failed', { outbox: 'xapi', error: err });
        return { error: String(err) };
      });
      return { grades, xapi };
    })();
    this.running = run;
    try {
      return await run;
    } finally {
      this.running = null;
    }
  }

  /** Starts a run every `intervalMs`. Safe to call twice; `stop()` ends it. */
  start(intervalMs = OUTBOX_INTERVAL_MS) {
    if (this.timer) return;
    this.timer = setInterval(() => {
      this.drain().catch((err) => this.deps.logger.warn('outbox run failed', { error: err }));
    }, intervalMs);
    // never keep a process (or a test run) alive just for the outbox
    (this.timer as { unref?: () => void }).unref?.();
  }

  stop() {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}

const runtimes = new WeakMap<AppDeps, OutboxRuntime>();

/** The outbox runtime of an app, created on first use. */
export function outboxRuntimeOf(deps: AppDeps): OutboxRuntime {
  let r = runtimes.get(deps);
  if (!r) runtimes.set(deps, (r = new OutboxRuntime(deps)));
  return r;
}

/**
 * Starts the outboxes' timer in a long-lived Node process (api/server.ts). Not under
 * `NODE_ENV=test`, where a test drives its own runs. On Workers there is no process to keep a
 * timer in: the cron trigger drains instead (api/worker.ts).
 * @example startOutboxTimer(runtime.deps)
 */
export function startOutboxTimer(deps: AppDeps, intervalMs?: number) {
  if (deps.config.env !== 'test') outboxRuntimeOf(deps).start(intervalMs);
}

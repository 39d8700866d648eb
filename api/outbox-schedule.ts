/** One bounded, logged run of the LMS grade and xAPI outboxes: what the Workers cron trigger does. */
import type { AppDeps } from './app-env.js';
import { ltiRuntimeOf, type DrainRun } from './lti/runtime.js';

/**
 * Most rows each outbox delivers per scheduled run. A row costs a few queries, one JSON body and
 * (for grades, once per platform per hour) one JWT signature: well under a millisecond of CPU
 * each, so 25 + 25 stays far inside the Workers CPU limit, and waiting on a slow LMS or LRS (up
 * to the 10 s fetch timeout per row) is wall time, not CPU. Anything left over waits a minute.
 */
export const SCHEDULED_DRAIN_LIMIT = 25;

/**
 * Drains both outboxes through the app's own runtime (the same functions the Node timer and the
 * admin routes call) and logs counts only: never rows, endpoints or credentials.
 * @example await drainOutboxesOnSchedule(deps, { cron: controller.cron })
 */
export async function drainOutboxesOnSchedule(deps: AppDeps, opts: { cron?: string; limit?: number } = {}): Promise<DrainRun> {
  const limit = opts.limit ?? SCHEDULED_DRAIN_LIMIT;
  const started = Date.now();
  const run = await ltiRuntimeOf(deps).drainAll({ limit });
  const meta = { cron: opts.cron, limit, grades: run.grades, ...run.others, ms: Date.now() - started };
  // a run that found nothing to do is the usual case; keep it out of the info log
  const busy = [run.grades, ...Object.values(run.others)].some((r) => !isEmptyReport(r));
  if (busy) deps.logger.info('scheduled outbox drain', meta);
  else deps.logger.debug('scheduled outbox drain', meta);
  return run;
}

function isEmptyReport(report: unknown): boolean {
  if (!report || typeof report !== 'object') return true;
  return Object.values(report).every((v) => v === 0);
}

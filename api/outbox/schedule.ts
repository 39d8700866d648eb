/**
 * @module outbox/schedule
 * One bounded, logged run of the LMS grade and xAPI outboxes: what the Workers cron trigger does.
 */
import type { AppDeps } from '../app-env.js';
import { outboxRuntimeOf, type DrainRun } from './runtime.js';

/**
 * Most rows each outbox delivers per scheduled run. A row costs a few queries, one JSON body and
 * (for grades, once per platform per hour) one JWT signature: well under a millisecond of CPU
 * each, so 25 + 25 stays far inside the Workers CPU limit, and waiting on a slow LMS or LRS (up
 * to the 10 s fetch timeout per row) is wall time, not CPU. Anything left over waits a minute.
 */
export const SCHEDULED_DRAIN_LIMIT = 25;

/**
 * Drains both outboxes through the app's own runtime (the same run the Node timer and the admin
 * routes start) and logs counts only: never rows, endpoints or credentials.
 * @example await drainOutboxesOnSchedule(deps, { cron: controller.cron })
 */
export async function drainOutboxesOnSchedule(
  deps: AppDeps,
  opts: { cron?: string; limit?: number } = {},
): Promise<DrainRun> {
  const limit = opts.limit ?? SCHEDULED_DRAIN_LIMIT;
  const started = Date.now();
  const run = await outboxRuntimeOf(deps).drain({ limit });
  const meta = {
    cron: opts.cron,
    limit,
    grades: run.grades,
    xapi: run.xapi,
    ms: Date.now() - started,
  };
  // a run that found nothing to do is the usual case; keep it out of the info log
  const busy = [run.grades, run.xapi].some((r) => !isEmptyReport(r));
  if (busy) deps.logger.info('scheduled outbox drain', meta);
  else deps.logger.debug('scheduled outbox drain', meta);
  return run;
}

function isEmptyReport(report: object): boolean {
  return Object.values(report).every((v) => v === 0);
}

/**
 * @module xapi/session-statements
 * The `onSessionEnded` hook for xAPI: if the learner's organisation has an enabled LRS, queue the
 * session's statements and try to deliver them at once (the outbox runtime, api/outbox/runtime,
 * retries what fails, running `drainStatements` as it runs the grade outbox).
 */
import { runInBackground, type AppDeps } from '../app-env.js';
import { sessions } from '../db/schema/index.js';
import { sessionGrade } from '../lti/session-grade.js';
import { listScenarios } from '../practice/scenarios/index.js';
import type { OnSessionEnded } from '../session-flow/end.js';
import { drillSpecOf, findDrill } from '../store/drills.js';
import { findPerson } from '../store/people.js';
import { eq } from 'drizzle-orm';
import { findLrs } from './lrs.store.js';
import type { DeliveryReport } from '../outbox/index.js';
import { deliverDueStatements, enqueueStatements } from './statement-outbox.js';
import { sessionStatements } from './statements.js';

/**
 * Delivers the app's due statements: at most `limit` (the outbox's default when absent), only
 * `orgId`'s when given.
 * @example await drainStatements(deps, { orgId })
 */
export function drainStatements(
  deps: AppDeps,
  opts: { limit?: number; orgId?: string } = {},
): Promise<DeliveryReport> {
  return deliverDueStatements(deps.db, {
    now: () => deps.now(),
    limit: opts.limit,
    logger: deps.logger,
    orgId: opts.orgId,
    dataKey: deps.dataKey,
    allowHosts: deps.config.allowPrivateHosts,
  });
}

export const xapiStatements: OnSessionEnded = async (deps, session, ended) => {
  const lrs = await findLrs(deps.db, session.orgId);
  if (!lrs?.enabled) return;
  const person = await findPerson(deps.db, session.orgId, session.personId);
  const [row] = await deps.db
    .select({
      startedAt: sessions.startedAt,
      endedAt: sessions.endedAt,
      scenarioId: sessions.scenarioId,
    })
    .from(sessions)
    .where(eq(sessions.id, session.id));
  if (!person || !row) return;
  const drill = session.drillId ? await findDrill(deps.db, session.orgId, session.drillId) : null;
  const spec = drill ? drillSpecOf(drill) : null;
  // the public brief only: an LRS must never see a partner's hidden layers
  const brief = spec ? null : listScenarios().find((b) => b.id === row.scenarioId);
  const base = (deps.config.publicUrl ?? 'urn:sounding-board').replace(/\/$/, '');
  const statements = sessionStatements({
    base,
    session: { id: session.id, startedAt: row.startedAt, endedAt: row.endedAt ?? deps.now() },
    person: { id: person.id, name: person.name },
    activity: spec
      ? { kind: 'drill', id: spec.id, title: spec.title, description: spec.description }
      : { kind: 'scenario', id: row.scenarioId, title: brief?.title ?? row.scenarioId },
    scorecard: ended.scorecard,
    grade: sessionGrade(ended.scorecard, spec?.focus, ended.drillResult),
  });
  await enqueueStatements(deps.db, session.orgId, session.id, statements, deps.now());
  runInBackground(
    deps,
    drainStatements(deps, {}).catch((err) =>
      deps.logger.warn('xAPI delivery failed; statements stay queued', {
        sessionId: session.id,
        error: err,
      }),
    ),
  );
};

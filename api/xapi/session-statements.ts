/**
 * @module xapi/session-statements
 * The `onSessionEnded` hook for xAPI: if the learner's organisation has an enabled LRS, queue the
 * session's statements and try to deliver them at once (the worker retries what fails). Also
 * registers the xAPI outbox with the LMS outbox worker.
 */
import { runInBackground, type AppDeps } from '../app-env.js';
import { sessions } from '../db/schema/index.js';
import { ltiRuntimeOf, type OutboxDrain } from '../lti/runtime.js';
import { sessionGrade } from '../lti/session-grade.js';
import { listScenarios } from '../practice/scenarios/index.js';
import type { OnSessionEnded } from '../session-flow/end.js';
import { drillSpecOf, findDrill } from '../store/drills.js';
import { findPerson } from '../store/people.js';
import { eq } from 'drizzle-orm';
import { findLrs } from './lrs.store.js';
import { deliverDueStatements, enqueueStatements } from './statement-outbox.js';
import { sessionStatements } from './statements.js';

const drainStatements: OutboxDrain = (deps, opts) => deliverDueStatements(deps.db, { now: () => deps.now(), limit: opts.limit, logger: deps.logger, orgId: opts.orgId, dataKey: deps.dataKey, allowHosts: deps.config.allowPrivateHosts });

export const xapiStatements: OnSessionEnded = async (deps, session, ended) => {
  const runtime = ltiRuntimeOf(deps);
  runtime.addDrain('xapi', drainStatements);
  const lrs = await findLrs(deps.db, session.orgId);
  if (!lrs?.enabled) return;
  const person = await findPerson(deps.db, session.orgId, session.personId);
  const [row] = await deps.db.select({ startedAt: sessions.startedAt, endedAt: sessions.endedAt, scenarioId: sessions.scenarioId }).from(sessions).where(eq(sessions.id, session.id));
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
    activity: spec ? { kind: 'drill', id: spec.id, title: spec.title, description: spec.description } : { kind: 'scenario', id: row.scenarioId, title: brief?.title ?? row.scenarioId },
    scorecard: ended.scorecard,
    grade: sessionGrade(ended.scorecard, spec?.focus, ended.drillResult),
  });
  await enqueueStatements(deps.db, session.orgId, session.id, statements, deps.now());
  runInBackground(deps, drainStatements(deps, {}).catch((err) => deps.logger.warn('xAPI delivery failed; statements stay queued', { sessionId: session.id, error: err })));
};

/** Lets the outbox worker drain xAPI too, from start-up rather than after the first session. */
export function registerXapiOutbox(deps: AppDeps) {
  ltiRuntimeOf(deps).addDrain('xapi', drainStatements);
}

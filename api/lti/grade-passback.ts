/**
 * @module lti/grade-passback
 * The `onSessionEnded` hook: when a learner ends a drill session they launched from an LMS, queue
 * its grade for the line item of their latest launch of that drill, then try to deliver at once
 * (without holding up the learner's response). If the LMS is down the worker retries later.
 */
import { and, desc, eq, isNotNull } from 'drizzle-orm';
import { runInBackground } from '../app-env.js';
import { ltiLaunches, ltiResourceLinks } from '../db/schema/index.js';
import type { OnSessionEnded } from '../session-flow/end.js';
import { drillSpecOf, findDrill } from '../store/drills.js';
import { enqueueGrade } from './ags/grade-outbox.js';
import { drainGrades } from './runtime.js';
import { sessionGrade } from './session-grade.js';

export const gradePassback: OnSessionEnded = async (deps, session, ended) => {
  if (!session.drillId) return;
  const [launch] = await deps.db
    .select({
      userSub: ltiLaunches.userSub,
      platformId: ltiResourceLinks.platformId,
      lineItemUrl: ltiResourceLinks.lineItemUrl,
    })
    .from(ltiLaunches)
    .innerJoin(ltiResourceLinks, eq(ltiResourceLinks.id, ltiLaunches.resourceLinkId))
    .where(
      and(
        eq(ltiLaunches.personId, session.personId),
        eq(ltiResourceLinks.orgId, session.orgId),
        eq(ltiResourceLinks.drillId, session.drillId),
        isNotNull(ltiResourceLinks.lineItemUrl),
      ),
    )
    .orderBy(desc(ltiLaunches.launchedAt))
    .limit(1);
  if (!launch?.lineItemUrl) return;
  const drill = await findDrill(deps.db, session.orgId, session.drillId);
  const grade = sessionGrade(
    ended.scorecard,
    drill ? drillSpecOf(drill).focus : undefined,
    ended.drillResult,
  );
  await enqueueGrade(
    deps.db,
    {
      orgId: session.orgId,
      platformId: launch.platformId,
      personId: session.personId,
      sessionId: session.id,
      lineItemUrl: launch.lineItemUrl,
      userSub: launch.userSub,
      scoreGiven: grade.scoreGiven,
      scoreMaximum: grade.scoreMaximum,
      comment:
        grade.passed === null
          ? undefined
          : grade.passed
            ? 'Drill passed.'
            : 'Drill not passed yet.',
    },
    deps.now(),
  );
  runInBackground(
    deps,
    drainGrades(deps).catch((err) =>
      deps.logger.warn('grade delivery failed; it stays queued', {
        sessionId: session.id,
        error: err,
      }),
    ),
  );
};

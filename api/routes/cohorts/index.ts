/**
 * @module routes/cohorts
 * Cohorts for facilitators and admins: list, create and delete them, change their readiness rule,
 * add and remove people, and follow progress (JSON and CSV), who needs attention, and a learner's sessions.
 * Learners get 403 on all of these; a cohort the caller does not run is 404, as is anything in
 * another organisation.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { requireAuth, requireRole } from '../../auth/index.js';
import type { Caller } from '../../auth/index.js';
import type { AppDeps } from '../../app-env.js';
import { Problem } from '../../problems/index.js';
import { cohortProgressCsv, needsAttention } from '../../programme/index.js';
import { learnerSessions, readCohortProgress } from '../../store/cohort-progress.js';
import {
  addMembers,
  cohortRoster,
  deleteCohort,
  findManagedCohort,
  insertCohort,
  isUniqueViolation,
  listManagedCohorts,
  managedLearners,
  membershipIn,
  removeMember,
  updateCohort,
} from '../../store/cohorts.js';
import { removedFrom } from '../../store/removals.js';
import { peopleInOrg } from '../../store/roster.js';
import { bearer, createRouter, IdParams, json, jsonBody, problems, UuidParam } from '../openapi.js';
import {
  CohortDetailSchema,
  CohortPatch,
  CohortRef,
  CohortSchema,
  LearnerProgressSchema,
  LearnerSessionSchema,
  MembersBody,
  NewCohort,
} from './schemas.js';

const staff = {
  security: bearer,
  tags: ['cohorts'],
  middleware: [requireAuth, requireRole('facilitator', 'admin')],
};
const MemberParams = z.object({ id: UuidParam('id'), personId: UuidParam('personId') });
const Attention = z.object({
  learners: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      items: z.array(
        z.object({
          kind: z.enum(['overdue', 'stalled', 'below_fair', 'declining']),
          detail: z.string(),
        }),
      ),
    }),
  ),
});

const list = createRoute({
  ...staff,
  method: 'get',
  path: '/cohorts',
  summary: 'Cohorts you run (all of them for an admin)',
  responses: {
    200: { description: 'Cohorts', content: json(z.object({ cohorts: z.array(CohortSchema) })) },
    ...problems(401, 403),
  },
});
const create = createRoute({
  ...staff,
  method: 'post',
  path: '/cohorts',
  summary: 'Create a cohort (a facilitator who creates one runs it)',
  request: { body: jsonBody(NewCohort) },
  responses: {
    201: { description: 'Created', content: json(CohortSchema) },
    ...problems(400, 401, 403, 404, 409),
  },
});
const read = createRoute({
  ...staff,
  method: 'get',
  path: '/cohorts/{id}',
  summary: 'A cohort with its learners and facilitators',
  request: { params: IdParams },
  responses: {
    200: { description: 'The cohort', content: json(CohortDetailSchema) },
    ...problems(400, 401, 403, 404),
  },
});
const patch = createRoute({
  ...staff,
  method: 'patch',
  path: '/cohorts/{id}',
  summary: 'Rename a cohort or change its readiness rule',
  request: { params: IdParams, body: jsonBody(CohortPatch) },
  responses: {
    200: { description: 'Updated', content: json(CohortSchema) },
    ...problems(400, 401, 403, 404, 409),
  },
});
const remove = createRoute({
  ...staff,
  method: 'delete',
  path: '/cohorts/{id}',
  summary: 'Delete a cohort with its memberships and the drills assigned through it',
  description:
    'The learners’ sessions and progress stay theirs, as do drills assigned to them directly. Facilitators delete cohorts they run, admins any in the organisation.',
  request: { params: IdParams },
  responses: { 204: { description: 'Deleted' }, ...problems(400, 401, 403, 404) },
});
const addMembersRoute = createRoute({
  ...staff,
  method: 'post',
  path: '/cohorts/{id}/members',
  summary: 'Add learners (or, for admins, facilitators) to a cohort',
  description:
    'Facilitators add learners they already facilitate, and learners taken out of this cohort (undoing the removal). Adding someone back ends the removal, so LMS launches from the cohort’s course keep them in again. 409 when someone’s role changed meanwhile.',
  request: { params: IdParams, body: jsonBody(MembersBody) },
  responses: {
    200: { description: 'Added', content: json(z.object({ added: z.number().int() })) },
    ...problems(400, 401, 403, 404, 409),
  },
});
const removeMemberRoute = createRoute({
  ...staff,
  method: 'delete',
  path: '/cohorts/{id}/members/{personId}',
  summary: 'Take someone out of a cohort (their data stays theirs)',
  description:
    'Facilitators take learners out of cohorts they run; only an admin takes a facilitator off a cohort. Drills the learner was assigned through this cohort are cancelled; their sessions, progress and directly assigned drills stay. The removal is remembered: LMS launches do not put them back until they are added again.',
  request: { params: MemberParams },
  responses: { 204: { description: 'Removed' }, ...problems(400, 401, 403, 404) },
});
const progress = createRoute({
  ...staff,
  method: 'get',
  path: '/cohorts/{id}/progress',
  summary:
    'Per learner: skill levels with confidence and trend, ready to partner (or why not), assignments',
  request: { params: IdParams },
  responses: {
    200: {
      description: 'Progress',
      content: json(z.object({ cohort: CohortRef, learners: z.array(LearnerProgressSchema) })),
    },
    ...problems(400, 401, 403, 404),
  },
});
const progressCsv = createRoute({
  ...staff,
  method: 'get',
  path: '/cohorts/{id}/progress.csv',
  summary: 'Cohort progress as CSV: one row per learner, a column per skill',
  request: { params: IdParams },
  responses: {
    200: { description: 'CSV', content: { 'text/csv': { schema: z.string() } } },
    ...problems(400, 401, 403, 404),
  },
});
const attention = createRoute({
  ...staff,
  method: 'get',
  path: '/cohorts/{id}/attention',
  summary: 'Learners needing attention: overdue, stalled, stuck below Fair, declining',
  request: {
    params: IdParams,
    query: z.object({ stalledDays: z.coerce.number().int().min(1).max(365).optional() }),
  },
  responses: {
    200: { description: 'Learners and why', content: json(Attention) },
    ...problems(400, 401, 403, 404),
  },
});
const sessionsOf = createRoute({
  ...staff,
  method: 'get',
  path: '/cohorts/{id}/learners/{personId}/sessions',
  summary: 'A cohort learner’s sessions (read each with GET /api/sessions/{id})',
  request: { params: MemberParams },
  responses: {
    200: {
      description: 'Sessions',
      content: json(z.object({ sessions: z.array(LearnerSessionSchema) })),
    },
    ...problems(400, 401, 403, 404),
  },
});

async function cohortOr404(deps: AppDeps, caller: Caller, id: string) {
  const cohort = await findManagedCohort(deps.db, caller, id);
  if (!cohort) throw Problem.notFound('The cohort');
  return cohort;
}

async function progressOr404(deps: AppDeps, caller: Caller, id: string) {
  const progress = await readCohortProgress(deps.db, caller, id, deps.now());
  if (!progress) throw Problem.notFound('The cohort');
  return progress;
}

const cohortView = (
  c: { id: string; name: string; description: string; readiness: object; createdAt: Date },
  learners: number,
  lmsLinked: boolean,
) => ({
  id: c.id,
  name: c.name,
  description: c.description,
  readiness: c.readiness,
  learners,
  lmsLinked,
  createdAt: c.createdAt.toISOString(),
});

/** The person is not (or no longer) in the cohort: said without ids, which the caller already has. */
const notAMember = () =>
  new Problem(
    404,
    'Not found',
    'That person is not in this cohort; they may have been taken out already.',
  );

const nameTaken = (name: string) =>
  Problem.conflict(`A cohort called "${name}" already exists in this organisation.`);

export const cohortRoutes = createRouter()
  .openapi(list, async (c) => {
    const rows = await listManagedCohorts(c.var.deps.db, c.var.caller);
    return c.json(
      { cohorts: rows.map((r) => cohortView(r, Number(r.learners), Boolean(r.lmsLinked))) },
      200,
    );
  })
  .openapi(create, async (c) => {
    const { db } = c.var.deps;
    const caller = c.var.caller;
    const body = c.req.valid('json');
    if (body.facilitatorIds?.length && caller.role !== 'admin')
      throw Problem.forbidden(
        'Only an admin can choose who runs a cohort; a facilitator runs the cohorts they create.',
      );
    const facilitators = body.facilitatorIds?.length
      ? await peopleInOrg(db, caller.orgId, body.facilitatorIds, 'facilitator')
      : [];
    const missing = (body.facilitatorIds ?? []).filter(
      (id) => !facilitators.some((f) => f.id === id),
    );
    if (missing.length)
      throw new Problem(
        404,
        'Not found',
        'Some facilitatorIds are not facilitators in this organisation.',
        missing.map((id) => ({
          path: `facilitatorIds.${body.facilitatorIds!.indexOf(id)}`,
          message: `no facilitator ${id} here`,
        })),
      );
    try {
      const row = await db.transaction(async (tx) => {
        const cohort = await insertCohort(tx, caller, body);
        await addMembers(
          tx,
          caller.orgId,
          cohort.id,
          facilitators.map((f) => ({ personId: f.id, role: 'facilitator' as const })),
        );
        return cohort;
      });
      // made here, so no LMS course feeds it (only a launch links one)
      return c.json(cohortView(row, 0, false), 201);
    } catch (err) {
      if (isUniqueViolation(err)) throw nameTaken(body.name);
      throw err;
    }
  })
  .openapi(read, async (c) => {
    const { id } = c.req.valid('param');
    const cohort = await cohortOr404(c.var.deps, c.var.caller, id);
    const roster = await cohortRoster(c.var.deps.db, c.var.caller.orgId, id);
    const learners = roster.filter((r) => r.role === 'learner').map(({ role: _r, ...p }) => p);
    const facilitators = roster
      .filter((r) => r.role === 'facilitator')
      .map(({ role: _r, ...p }) => p);
    return c.json(
      { ...cohortView(cohort, learners.length, cohort.lmsLinked), learners, facilitators },
      200,
    );
  })
  .openapi(patch, async (c) => {
    const { id } = c.req.valid('param');
    const body = c.req.valid('json');
    const cohort = await cohortOr404(c.var.deps, c.var.caller, id);
    try {
      const row = await updateCohort(c.var.deps.db, c.var.caller.orgId, id, body);
      if (!row) throw Problem.notFound('The cohort');
      const roster = await cohortRoster(c.var.deps.db, c.var.caller.orgId, id);
      return c.json(
        cohortView(row, roster.filter((r) => r.role === 'learner').length, cohort.lmsLinked),
        200,
      );
    } catch (err) {
      if (isUniqueViolation(err)) throw nameTaken(body.name ?? cohort.name);
      throw err;
    }
  })
  .openapi(addMembersRoute, async (c) => {
    const { id } = c.req.valid('param');
    const { personIds, role } = c.req.valid('json');
    const { db } = c.var.deps;
    const caller = c.var.caller;
    await cohortOr404(c.var.deps, caller, id);
    if (role === 'facilitator' && caller.role !== 'admin')
      throw Problem.forbidden('Only an admin can add facilitators to a cohort.');
    const ids = [...new Set(personIds)];
    // a facilitator may only enrol learners they already facilitate (or new ones they import), or
    // put back someone taken out of this cohort (undoing a removal gives back access they had):
    // enrolling anyone else would let them read that person's transcripts
    const allowed =
      role === 'facilitator'
        ? await peopleInOrg(db, caller.orgId, ids, 'facilitator')
        : [
            ...(await managedLearners(db, caller, ids)),
            ...(await removedFrom(db, caller.orgId, id, ids)).filter((p) => p.role === 'learner'),
          ];
    const missing = ids.filter((pid) => !allowed.some((p) => p.id === pid));
    if (missing.length) {
      throw new Problem(
        404,
        'Not found',
        `${missing.length} of these people ${missing.length === 1 ? 'is' : 'are'} not ${role}s you can add.`,
        missing.map((pid) => ({
          path: `personIds.${personIds.indexOf(pid)}`,
          message: `no ${role} ${pid} you can add`,
        })),
      );
    }
    const added = await db.transaction(async (tx) =>
      addMembers(
        tx,
        caller.orgId,
        id,
        ids.map((personId) => ({ personId, role })),
      ),
    );
    return c.json({ added: added.length }, 200);
  })
  .openapi(removeMemberRoute, async (c) => {
    const { id, personId } = c.req.valid('param');
    const { db } = c.var.deps;
    const caller = c.var.caller;
    await cohortOr404(c.var.deps, caller, id);
    const role = await membershipIn(db, caller.orgId, id, personId);
    if (!role) throw notAMember();
    // adding a facilitator is an admin's call, so taking one off is too
    if (role === 'facilitator' && caller.role !== 'admin') {
      throw Problem.forbidden(
        personId === caller.personId
          ? 'Ask an admin to take you off a cohort you run.'
          : 'Only an admin can take a facilitator off a cohort.',
      );
    }
    if (!(await removeMember(db, caller.orgId, id, personId))) throw notAMember();
    return c.body(null, 204);
  })
  .openapi(remove, async (c) => {
    const { id } = c.req.valid('param');
    await cohortOr404(c.var.deps, c.var.caller, id);
    if (!(await deleteCohort(c.var.deps.db, c.var.caller.orgId, id)))
      throw Problem.notFound('The cohort');
    return c.body(null, 204);
  })
  .openapi(progress, async (c) => {
    const { id } = c.req.valid('param');
    const { cohort, learners } = await progressOr404(c.var.deps, c.var.caller, id);
    return c.json(
      { cohort: { id: cohort.id, name: cohort.name, lmsLinked: cohort.lmsLinked }, learners },
      200,
    );
  })
  .openapi(progressCsv, async (c) => {
    const { id } = c.req.valid('param');
    const { cohort, learners } = await progressOr404(c.var.deps, c.var.caller, id);
    const file = `${cohort.name.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '') || 'cohort'}-progress.csv`;
    return c.body(cohortProgressCsv(learners), 200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${file}"`,
      'cache-control': 'no-store',
    });
  })
  .openapi(attention, async (c) => {
    const { id } = c.req.valid('param');
    const { stalledDays } = c.req.valid('query');
    const now = c.var.deps.now();
    const { learners } = await progressOr404(c.var.deps, c.var.caller, id);
    const flagged = learners
      .map((l) => ({ id: l.id, name: l.name, items: needsAttention(l, { now, stalledDays }) }))
      .filter((l) => l.items.length > 0);
    return c.json({ learners: flagged }, 200);
  })
  .openapi(sessionsOf, async (c) => {
    const { id, personId } = c.req.valid('param');
    await cohortOr404(c.var.deps, c.var.caller, id);
    const roster = await cohortRoster(c.var.deps.db, c.var.caller.orgId, id);
    if (!roster.some((r) => r.id === personId && r.role === 'learner'))
      throw new Problem(404, 'Not found', 'That learner is not in this cohort.');
    return c.json(
      { sessions: await learnerSessions(c.var.deps.db, c.var.caller.orgId, personId) },
      200,
    );
  });

/**
 * @module routes/assignments
 * `POST /api/assignments`: a facilitator assigns a drill to a cohort or to learners with a due
 * date, all or nothing. `GET /api/me/assignments`: a learner's drills and where they stand; the
 * status moves as they practise (`recordDrillAttempt` runs when a drill session ends).
 * `DELETE /api/assignments/{id}`: cancel one; past attempts stay in the learner's progress.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { requireAuth, requireRole } from '../../auth/index.js';
import { Problem } from '../../problems/index.js';
import { LEVELS, SKILLS } from '../../practice/types.js';
import {
  assignmentsOf,
  cohortNotFound,
  createAssignments,
  deleteAssignment,
  learnersNotFound,
} from '../../store/assignments.js';
import { findManagedCohort, managedLearners } from '../../store/cohorts.js';
import { findDrill } from '../../store/drills.js';
import { bearer, createRouter, json, jsonBody, problems, UuidParam } from '../openapi.js';

const DAY_ONLY = /^\d{4}-\d{2}-\d{2}$/;

const NewAssignment = z
  .object({
    drillId: z.uuid(),
    cohortId: z.uuid().optional(),
    learnerIds: z.array(z.uuid()).min(1).max(1000).optional(),
    dueAt: z.string().min(1).max(40).openapi({
      description: 'ISO 8601 date-time, or a date (due at the end of that day, UTC)',
      example: '2026-12-01T17:00:00Z',
    }),
  })
  .strict()
  .refine((b) => (b.cohortId ? 1 : 0) + (b.learnerIds ? 1 : 0) === 1, {
    message: 'give exactly one of cohortId or learnerIds',
    path: ['cohortId'],
  })
  .openapi('NewAssignment');

const Status = z.enum(['not_started', 'in_progress', 'passed', 'not_passed', 'overdue']);
const AssignmentSchema = z
  .object({
    id: z.string(),
    drillId: z.string(),
    cohortId: z.string().nullable(),
    dueAt: z.string(),
    status: Status,
    attempts: z.number().int(),
    bestLevel: z.enum(LEVELS).nullable(),
    passedAt: z.string().nullable(),
    lastAttemptAt: z.string().nullable(),
    lastReasons: z.array(z.string()),
    drill: z
      .object({
        id: z.string(),
        title: z.string(),
        scenarioId: z.string(),
        description: z.string(),
        focus: z.array(z.enum(SKILLS)),
        constraints: z
          .object({
            reflectionsOnlyFirstTurns: z.number().int().optional(),
            maxTurns: z.number().int().optional(),
          })
          .optional(),
      })
      .openapi('AssignedDrill'),
  })
  .openapi('Assignment');

const create = createRoute({
  security: bearer,
  tags: ['assignments'],
  middleware: [requireAuth, requireRole('facilitator', 'admin')],
  method: 'post',
  path: '/assignments',
  summary: 'Assign a drill to a cohort or to learners, with a due date',
  request: { body: jsonBody(NewAssignment) },
  responses: {
    201: {
      description: 'Assigned (one per learner)',
      content: json(
        z.object({
          assignments: z.array(
            z.object({
              id: z.string(),
              learnerId: z.string(),
              drillId: z.string(),
              cohortId: z.string().nullable(),
              dueAt: z.string(),
              status: Status,
            }),
          ),
        }),
      ),
    },
    ...problems(400, 401, 403, 404, 409),
  },
});

const mine = createRoute({
  security: bearer,
  tags: ['assignments'],
  middleware: [requireAuth],
  method: 'get',
  path: '/me/assignments',
  summary: 'Your assigned drills and where you stand on each',
  responses: {
    200: {
      description: 'Assignments',
      content: json(z.object({ assignments: z.array(AssignmentSchema) })),
    },
    ...problems(401),
  },
});

const cancel = createRoute({
  security: bearer,
  tags: ['assignments'],
  middleware: [requireAuth, requireRole('facilitator', 'admin')],
  method: 'delete',
  path: '/assignments/{id}',
  summary: 'Cancel an assignment (the learner’s sessions on the drill and their progress stay)',
  description:
    'Facilitators cancel assignments of learners in cohorts they run, admins any in the organisation. Assigning the drill again later starts a fresh attempt count.',
  request: { params: z.object({ id: UuidParam('id') }) },
  responses: { 204: { description: 'Cancelled' }, ...problems(400, 401, 403, 404) },
});

/** A due date from ISO text; a bare date means the end of that day (UTC). */
function parseDue(text: string): Date | null {
  const t = Date.parse(DAY_ONLY.test(text) ? `${text}T23:59:59Z` : text);
  return Number.isNaN(t) || !/^\d{4}-\d{2}-\d{2}/.test(text) ? null : new Date(t);
}

export const assignmentRoutes = createRouter()
  .openapi(create, async (c) => {
    const { db, now } = c.var.deps;
    const caller = c.var.caller;
    const body = c.req.valid('json');
    const dueAt = parseDue(body.dueAt);
    if (!dueAt)
      throw Problem.badRequest(`dueAt "${body.dueAt}" is not a date.`, [
        {
          path: 'dueAt',
          message: 'use an ISO 8601 date-time such as 2026-12-01T17:00:00Z, or a date',
        },
      ]);
    if (dueAt.getTime() <= now().getTime())
      throw Problem.badRequest(`dueAt ${dueAt.toISOString()} is in the past.`, [
        { path: 'dueAt', message: 'must be in the future' },
      ]);
    const drill = await findDrill(db, caller.orgId, body.drillId);
    if (!drill)
      throw new Problem(404, 'Not found', 'The drill was not found.', [
        { path: 'drillId', message: 'no such drill in your organisation' },
      ]);

    let to: { cohortId: string } | { learnerIds: string[] };
    if (body.cohortId) {
      if (!(await findManagedCohort(db, caller, body.cohortId))) throw cohortNotFound();
      to = { cohortId: body.cohortId };
    } else {
      const asked = body.learnerIds!;
      const dup = asked.findIndex((id, i) => asked.indexOf(id) !== i);
      if (dup >= 0)
        throw Problem.badRequest('A learner is listed twice.', [
          { path: `learnerIds.${dup}`, message: 'listed twice' },
        ]);
      const found = new Set((await managedLearners(db, caller, asked)).map((l) => l.id));
      const missing = asked.filter((id) => !found.has(id));
      if (missing.length) throw learnersNotFound(asked, missing);
      to = { learnerIds: asked };
    }
    const created = await createAssignments(db, {
      orgId: caller.orgId,
      drillId: drill.id,
      to,
      dueAt,
      assignedBy: caller.personId,
    });
    return c.json(
      {
        assignments: created.map((a) => ({
          id: a.id,
          learnerId: a.personId,
          drillId: drill.id,
          cohortId: a.cohortId,
          dueAt: dueAt.toISOString(),
          status: 'not_started' as const,
        })),
      },
      201,
    );
  })
  .openapi(cancel, async (c) => {
    const { id } = c.req.valid('param');
    if (!(await deleteAssignment(c.var.deps.db, c.var.caller, id)))
      throw new Problem(
        404,
        'Not found',
        'That assignment was not found; it may have been cancelled already.',
      );
    return c.body(null, 204);
  })
  .openapi(mine, async (c) => {
    const { db, now } = c.var.deps;
    const list = await assignmentsOf(db, c.var.caller.orgId, [c.var.caller.personId], now());
    return c.json({ assignments: list.map(({ personId: _p, ...a }) => a) }, 200);
  });

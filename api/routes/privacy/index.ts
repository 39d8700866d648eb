/**
 * @module routes/privacy
 * A person's own data: `GET /api/me/export` (everything, as JSON) and `DELETE /api/me` (the account
 * and all its sessions, transcripts and progress, for real). Any signed-in role may use them.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { requireAuth } from '../../auth/index.js';
import { Problem } from '../../problems/index.js';
import { deletePerson, exportPersonData } from '../../store/privacy.js';
import { bearer, createRouter, problems } from '../openapi.js';

/**
 * Every record kept about the person, as stored: each record names its main fields here and
 * carries the rest of its stored columns (transcripts' codes, scorecards, agreements) as they are.
 */
const record = <T extends z.ZodRawShape>(shape: T) => z.looseObject(shape);
const PersonalDataExport = z
  .object({
    exportedAt: z.string(),
    person: z.object({
      id: z.string(),
      name: z.string(),
      email: z.string(),
      role: z.enum(['learner', 'facilitator', 'admin']),
      department: z.string().nullable(),
      lineManagerId: z.string().nullable(),
      pairingPreferences: z.object({
        notWith: z.array(z.string()).optional(),
        availability: z.array(z.string()).optional(),
      }),
      createdAt: z.string(),
    }),
    cohorts: z.array(
      z.object({
        cohortId: z.string(),
        cohort: z.string(),
        role: z.enum(['learner', 'facilitator']),
        joinedAt: z.string(),
      }),
    ),
    removedFromCohorts: z.array(
      z.object({ cohortId: z.string(), cohort: z.string(), removedAt: z.string() }),
    ),
    assignments: z.array(
      record({
        id: z.string(),
        drillId: z.string(),
        cohortId: z.string().nullable(),
        dueAt: z.string(),
        attempts: z.number().int(),
        passed: z.boolean(),
      }),
    ),
    sessions: z.array(
      record({
        id: z.string(),
        scenarioId: z.string(),
        status: z.enum(['active', 'ended']),
        startedAt: z.string(),
        endedAt: z.string().nullable(),
        turns: z.array(
          record({
            index: z.number().int(),
            role: z.enum(['coach', 'partner']),
            text: z.string(),
            createdAt: z.string(),
          }),
        ),
      }),
    ),
    skillResults: z.array(
      record({
        id: z.string(),
        sessionId: z.string(),
        skill: z.string(),
        level: z.string(),
        score: z.number(),
        at: z.string(),
      }),
    ),
    partnerships: z.array(
      record({
        id: z.string(),
        status: z.enum(['proposed', 'active', 'ended']),
        agreements: z.array(record({ version: z.number().int() })),
        sessions: z.array(record({ id: z.string(), heldOn: z.string() })),
        actions: z.array(record({ id: z.string(), text: z.string() })),
        reviews: z.array(record({ rating: z.number().int() })),
      }),
    ),
  })
  .openapi('PersonalDataExport');

const exportRoute = createRoute({
  security: bearer,
  tags: ['privacy'],
  middleware: [requireAuth],
  method: 'get',
  path: '/me/export',
  summary:
    'Download all your data (profile, cohorts, assignments, sessions with transcripts, progress ledger)',
  responses: {
    200: {
      description: 'Your data',
      content: { 'application/json': { schema: PersonalDataExport } },
    },
    ...problems(401),
  },
});

const deleteRoute = createRoute({
  security: bearer,
  tags: ['privacy'],
  middleware: [requireAuth],
  method: 'delete',
  path: '/me',
  summary: 'Delete your account, sessions and transcripts (cannot be undone)',
  responses: { 204: { description: 'Deleted' }, ...problems(401, 404, 409) },
});

export const privacyRoutes = createRouter()
  .openapi(exportRoute, async (c) => {
    const data = await exportPersonData(c.var.deps.db, c.var.caller);
    return c.json(data, 200, {
      'content-disposition': 'attachment; filename="sounding-board-export.json"',
      'cache-control': 'no-store',
    });
  })
  .openapi(deleteRoute, async (c) => {
    const { orgId, personId } = c.var.caller;
    if (!(await deletePerson(c.var.deps.db, orgId, personId)))
      throw Problem.notFound('Your account');
    return c.body(null, 204);
  });

/**
 * @module routes/drills
 * `GET /api/drills`, `GET /api/drills/{id}`, `POST /api/drills`: the organisation's drills (built-in
 * and its own). Everyone in the organisation may read them (a learner practises them); facilitators
 * and admins create them, with pass criteria checked against the rubric and a real scenario.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { requireAuth, requireRole } from '../../auth/index.js';
import { Problem } from '../../problems/index.js';
import { rubricCheckIds } from '../../practice/rubric/index.js';
import { getPartnerCard } from '../../practice/scenarios/index.js';
import { LEVELS, SKILLS } from '../../practice/types.js';
import { createDrill, drillView, findDrill, listDrills } from '../../store/drills-catalogue.js';
import { activeOrgCard } from '../../store/org-scenarios.js';
import { bearer, createRouter, IdParams, json, jsonBody, problems } from '../openapi.js';

const Skill = z.enum(SKILLS);
const Level = z.enum(LEVELS);

export const DrillSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    scenarioId: z.string(),
    focus: z.array(Skill),
    description: z.string(),
    passLevels: z.record(z.string(), Level),
    passChecks: z.array(z.string()),
    constraints: z
      .object({
        reflectionsOnlyFirstTurns: z.number().int().optional(),
        maxTurns: z.number().int().optional(),
      })
      .optional(),
    builtIn: z.boolean(),
    createdAt: z.string(),
  })
  .openapi('Drill');

const checkIds = [...rubricCheckIds()];
const NewDrill = z
  .object({
    title: z.string().trim().min(3).max(160),
    scenarioId: z.string().min(1).max(80),
    focus: z.array(Skill).min(1).max(SKILLS.length),
    description: z.string().trim().min(1).max(4000),
    passLevels: z.partialRecord(Skill, Level).default({}),
    passChecks: z
      .array(
        z.string().refine((id) => checkIds.includes(id), {
          message: `not a rubric check; use one of: ${checkIds.join(', ')}`,
        }),
      )
      .max(20)
      .default([]),
    constraints: z
      .object({
        reflectionsOnlyFirstTurns: z.number().int().min(1).max(20).optional(),
        maxTurns: z.number().int().min(1).max(100).optional(),
      })
      .strict()
      .optional(),
  })
  .strict()
  .refine((d) => Object.keys(d.passLevels).length + d.passChecks.length > 0, {
    message:
      'give at least one pass criterion: a level per skill (passLevels) or a check (passChecks)',
    path: ['passLevels'],
  })
  .openapi('NewDrill');

const auth = { security: bearer, tags: ['drills'] };

const list = createRoute({
  ...auth,
  middleware: [requireAuth],
  method: 'get',
  path: '/drills',
  summary: 'The organisation’s drills',
  responses: {
    200: { description: 'Drills', content: json(z.object({ drills: z.array(DrillSchema) })) },
    ...problems(401),
  },
});

const read = createRoute({
  ...auth,
  middleware: [requireAuth],
  method: 'get',
  path: '/drills/{id}',
  summary: 'One drill',
  request: { params: IdParams },
  responses: {
    200: { description: 'The drill', content: json(DrillSchema) },
    ...problems(400, 401, 404),
  },
});

const create = createRoute({
  ...auth,
  middleware: [requireAuth, requireRole('facilitator', 'admin')],
  method: 'post',
  path: '/drills',
  summary: 'Create a drill: a scenario, skills in focus, pass criteria, optional constraints',
  request: { body: jsonBody(NewDrill) },
  responses: {
    201: { description: 'Created', content: json(DrillSchema) },
    ...problems(400, 401, 403),
  },
});

export const drillRoutes = createRouter()
  .openapi(list, async (c) =>
    c.json({ drills: (await listDrills(c.var.deps.db, c.var.caller.orgId)).map(drillView) }, 200),
  )
  .openapi(read, async (c) => {
    const { id } = c.req.valid('param');
    const row = await findDrill(c.var.deps.db, c.var.caller.orgId, id);
    if (!row) throw Problem.notFound('The drill');
    return c.json(drillView(row), 200);
  })
  .openapi(create, async (c) => {
    const body = c.req.valid('json');
    if (
      !getPartnerCard(body.scenarioId) &&
      !(await activeOrgCard(c.var.deps.db, c.var.caller.orgId, body.scenarioId))
    )
      throw Problem.badRequest(`There is no scenario "${body.scenarioId}".`, [
        { path: 'scenarioId', message: 'unknown scenario; see GET /api/scenarios' },
      ]);
    const row = await createDrill(c.var.deps.db, c.var.caller, body);
    return c.json(drillView(row), 201);
  });

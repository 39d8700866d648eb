/**
 * @module routes/scenarios
 * `GET /api/scenarios`: the partner briefs a learner may read (never hidden layers).
 */
import { createRoute, z } from '@hono/zod-openapi';
import { requireAuth } from '../../auth/index.js';
import { listScenarios } from '../../practice/scenarios/index.js';
import { bearer, createRouter, problems } from '../openapi.js';

export const ScenarioSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    difficulty: z.enum(['gentle', 'moderate', 'challenging']),
    partner: z.object({ name: z.string(), role: z.string(), team: z.string() }),
    brief: z.string(),
    focus: z.array(z.string()),
  })
  .openapi('Scenario');

const route = createRoute({
  method: 'get',
  path: '/scenarios',
  tags: ['practice'],
  summary: 'Scenarios a learner can practise',
  security: bearer,
  middleware: [requireAuth],
  responses: { 200: { description: 'Scenario briefs', content: { 'application/json': { schema: z.object({ scenarios: z.array(ScenarioSchema) }) } } }, ...problems(401) },
});

export const scenarioRoutes = createRouter().openapi(route, (c) => c.json({ scenarios: listScenarios() }, 200));

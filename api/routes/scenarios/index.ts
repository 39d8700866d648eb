/**
 * @module routes/scenarios
 * `GET /api/scenarios`: the partner briefs a learner may read (never hidden layers): the built-in
 * library and the organisation's own active scenarios. The organisation's scenarios are managed
 * under `/api/org/scenarios` (org-scenarios.ts).
 */
import { createRoute, z } from '@hono/zod-openapi';
import { requireAuth } from '../../auth/index.js';
import { listScenarios, toBrief } from '../../practice/scenarios/index.js';
import { activeOrgCards } from '../../store/org-scenarios.js';
import { bearer, createRouter, json, problems } from '../openapi.js';
import { orgScenarioRoutes } from './org-scenarios.js';
import { ScenarioSchema } from './schemas.js';

export { ScenarioSchema } from './schemas.js';

const route = createRoute({
  method: 'get',
  path: '/scenarios',
  tags: ['practice'],
  summary: 'Scenarios a learner can practise: the built-in ones and your organisation’s own',
  security: bearer,
  middleware: [requireAuth],
  responses: {
    200: {
      description: 'Scenario briefs',
      content: json(z.object({ scenarios: z.array(ScenarioSchema) })),
    },
    ...problems(401),
  },
});

export const scenarioRoutes = createRouter()
  .openapi(route, async (c) => {
    const own = await activeOrgCards(c.var.deps.db, c.var.caller.orgId);
    const scenarios = [
      ...listScenarios().map((b) => ({ ...b, builtIn: true })),
      ...own.map((card) => ({ ...toBrief(card), builtIn: false })),
    ];
    return c.json({ scenarios }, 200);
  })
  .route('/', orgScenarioRoutes);

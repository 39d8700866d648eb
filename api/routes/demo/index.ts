/**
 * @module routes/demo
 * `GET /api/demo/tokens`: bearer tokens for the demo people, only while demo mode is on
 * (a 404 otherwise, as if the route did not exist).
 */
import { createRoute, z } from '@hono/zod-openapi';
import { signToken } from '../../auth/index.js';
import { findDemoPeople } from '../../demo/seed.js';
import { Problem } from '../../problems/index.js';
import { createRouter, json, problems } from '../openapi.js';

/** Demo tokens last 12 hours: a day's demo; the page fetches fresh ones on every load. */
export const DEMO_TOKEN_TTL_SECONDS = 12 * 3600;

const Tokens = z
  .object({
    learner: z.string(),
    learner2: z.string(),
    facilitator: z.string(),
    admin: z.string(),
    otherOrgFacilitator: z.string(),
    otherOrgLearner: z.string(),
  })
  .openapi('DemoTokens');

const route = createRoute({
  method: 'get',
  path: '/demo/tokens',
  tags: ['system'],
  summary: 'Demo bearer tokens (demo mode only)',
  responses: {
    200: { description: 'Tokens', content: json(Tokens) },
    ...problems(404),
  },
});

export const demoRoutes = createRouter().openapi(route, async (c) => {
  const { config, db, jwtSecret } = c.var.deps;
  if (!config.demo) throw Problem.notFound('This route');
  const demo = await findDemoPeople(db);
  if (!demo) throw Problem.notFound('Demo data');
  const entries = await Promise.all(
    Object.entries(demo).map(
      async ([key, p]) =>
        [
          key,
          await signToken(
            jwtSecret,
            { sub: p.id, org: p.orgId, role: p.role },
            DEMO_TOKEN_TTL_SECONDS,
          ),
        ] as const,
    ),
  );
  return c.json(Object.fromEntries(entries) as z.infer<typeof Tokens>, 200);
});

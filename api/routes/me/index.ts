/**
 * @module routes/me
 * `GET /api/me/progress`: the caller's per-skill progress over their ended sessions.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { requireAuth } from '../../auth/index.js';
import { learnerProgressFromRows } from '../../practice/progress/index.js';
import { skillRowsFor } from '../../store/progress.js';
import { bearer, createRouter, problems } from '../openapi.js';

const Point = z.object({ sessionId: z.string(), at: z.string(), level: z.enum(['not_yet', 'fair', 'good']), score: z.number() });
const Progress = z
  .object({ skills: z.array(z.object({ skill: z.string(), level: z.enum(['not_yet', 'fair', 'good']), history: z.array(Point) }).passthrough()) })
  .openapi('Progress');

const progress = createRoute({
  method: 'get',
  path: '/me/progress',
  tags: ['progress'],
  summary: 'Your per-skill progress; the level reflects recent sessions',
  security: bearer,
  middleware: [requireAuth],
  responses: { 200: { description: 'Progress', content: { 'application/json': { schema: Progress } } }, ...problems(401) },
});

export const meRoutes = createRouter().openapi(progress, async (c) => {
  const { db } = c.var.deps;
  const rows = await skillRowsFor(db, c.var.caller.orgId, c.var.caller.personId);
  return c.json(learnerProgressFromRows(rows) as never, 200);
});

/**
 * @module routes/me
 * `GET /api/me/progress`: the caller's per-skill progress over their ended sessions.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { requireAuth } from '../../auth/index.js';
import { learnerProgressFromRows } from '../../practice/progress/index.js';
import { LEVELS, SKILLS } from '../../practice/types.js';
import { skillRowsFor } from '../../store/progress.js';
import { bearer, createRouter, json, problems } from '../openapi.js';

const Point = z
  .object({ sessionId: z.string(), at: z.string(), level: z.enum(LEVELS), score: z.number() })
  .openapi('ProgressPoint');
const Mastery = z
  .object({
    estimate: z.number().openapi({ description: 'recency-weighted score, 0..100' }),
    level: z.enum(LEVELS),
    confidence: z.enum(['low', 'medium', 'high']),
    margin: z.number().openapi({
      description: 'half-width of a rough 95% interval around the estimate, in score points',
    }),
    trend: z.enum(['improving', 'steady', 'declining', 'unknown']),
    sessions: z.number().int().openapi({ description: 'sessions the estimate rests on' }),
  })
  .openapi('Mastery');
const Progress = z
  .object({
    skills: z.array(
      z
        .object({
          skill: z.enum(SKILLS),
          level: z.enum(LEVELS),
          history: z.array(Point).openapi({ description: 'oldest first' }),
          mastery: Mastery,
        })
        .openapi('SkillProgress'),
    ),
  })
  .openapi('Progress');

const progress = createRoute({
  method: 'get',
  path: '/me/progress',
  tags: ['progress'],
  summary: 'Your per-skill progress; the level reflects recent sessions',
  security: bearer,
  middleware: [requireAuth],
  responses: {
    200: { description: 'Progress', content: json(Progress) },
    ...problems(401),
  },
});

export const meRoutes = createRouter().openapi(progress, async (c) => {
  const { db } = c.var.deps;
  const rows = await skillRowsFor(db, c.var.caller.orgId, c.var.caller.personId);
  return c.json(learnerProgressFromRows(rows), 200);
});

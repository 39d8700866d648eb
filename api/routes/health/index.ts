/**
 * @module routes/health
 * `GET /api/health`: is the server up, which database and which partner voice it uses. No auth.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { sql } from 'drizzle-orm';
import { createRouter } from '../openapi.js';

const Health = z
  .object({ status: z.literal('ok'), db: z.enum(['pglite', 'postgres']), llm: z.enum(['scripted', 'openai']) })
  .openapi('Health');

const route = createRoute({
  method: 'get',
  path: '/health',
  tags: ['system'],
  summary: 'Liveness, database and LLM mode',
  responses: { 200: { description: 'Healthy', content: { 'application/json': { schema: Health } } } },
});

export const healthRoutes = createRouter().openapi(route, async (c) => {
  const { db, dbKind, llm } = c.var.deps;
  await db.execute(sql`select 1`);
  return c.json({ status: 'ok' as const, db: dbKind, llm: llm.mode }, 200);
});

/**
 * @module routes/health
 * `GET /api/health`: is the server up, which database and which partner voice it uses, and how
 * the LLM is doing (read from its circuit breaker: healthy, failing over to the script, or the
 * breaker open), so "llm":"openai" never hides that every call is falling back. No auth.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { sql } from 'drizzle-orm';
import { createRouter, json, problems } from '../openapi.js';

const Health = z
  .object({
    status: z.literal('ok'),
    db: z.enum(['pglite', 'postgres']),
    llm: z.enum(['scripted', 'openai']).openapi({ description: 'the configured partner voice' }),
    llmState: z.enum(['not_configured', 'healthy', 'failing_over', 'breaker_open']).openapi({
      description:
        'healthy: the last LLM call went through; failing_over: recent calls failed and the scripted partner answered; breaker_open: the endpoint is skipped until a trial call after the cooldown',
    }),
    llmConsecutiveFailures: z.number().int(),
  })
  .openapi('Health');

const route = createRoute({
  method: 'get',
  path: '/health',
  tags: ['system'],
  summary: 'Liveness, database and LLM mode',
  responses: {
    200: { description: 'Healthy', content: json(Health) },
    ...problems(503),
  },
});

export const healthRoutes = createRouter().openapi(route, async (c) => {
  const { db, dbKind, llm } = c.var.deps;
  await db.execute(sql`select 1`);
  const now = llm.status?.() ?? { state: 'not_configured' as const, consecutiveFailures: 0 };
  return c.json(
    {
      status: 'ok' as const,
      db: dbKind,
      llm: llm.mode,
      llmState: now.state,
      llmConsecutiveFailures: now.consecutiveFailures,
    },
    200,
  );
});

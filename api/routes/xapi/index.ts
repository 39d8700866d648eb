/**
 * @module routes/xapi
 * xAPI settings and queue under `/api/xapi`: an admin points the organisation at its LRS (or
 * switches xAPI off); facilitators and admins see statements waiting for the LRS and send them again.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { requireAuth, requireRole } from '../../auth/index.js';
import { outboxRuntimeOf } from '../../outbox/runtime.js';
import { privateTargetReason } from '../../net/private-targets.js';
import { Problem } from '../../problems/index.js';
import {
  deleteLrs,
  findLrs,
  listStatements,
  retryStatements,
  saveLrs,
  type LrsRow,
  type StatementRow,
} from '../../xapi/index.js';
import { bearer, createRouter, json, jsonBody, problems } from '../openapi.js';
import { DeliveryAttempts, DeliveryLastError, DeliveryStatus } from '../outbox-delivery.js';

const admin = { security: bearer, tags: ['xapi'], middleware: [requireAuth, requireRole('admin')] };
const staff = {
  security: bearer,
  tags: ['xapi'],
  middleware: [requireAuth, requireRole('facilitator', 'admin')],
};

const LrsBody = z
  .object({
    endpoint: z
      .url({ protocol: /^https?$/ })
      .max(2000)
      .openapi({ example: 'https://lrs.example.org/xapi/' }),
    username: z.string().min(1).max(500),
    password: z.string().min(1).max(500),
    enabled: z.boolean().optional(),
  })
  .strict()
  .openapi('XapiLrsInput');
const LrsSchema = z
  .object({
    endpoint: z.string(),
    username: z.string(),
    enabled: z.boolean(),
    updatedAt: z.string(),
  })
  .openapi('XapiLrs');
const StatementSchema = z
  .object({
    id: z.string(),
    sessionId: z.string().nullable(),
    verb: z.string(),
    status: DeliveryStatus,
    attempts: DeliveryAttempts,
    lastError: DeliveryLastError,
    createdAt: z.string(),
    sentAt: z.string().nullable(),
  })
  .openapi('XapiStatementDelivery');

const lrsView = (r: LrsRow) => ({
  endpoint: r.endpoint,
  username: r.username,
  enabled: r.enabled,
  updatedAt: r.updatedAt.toISOString(),
});
const statementView = (r: StatementRow) => ({
  id: r.id,
  sessionId: r.sessionId,
  verb: r.verb,
  status: r.status,
  attempts: r.attempts,
  lastError: r.lastError,
  createdAt: r.createdAt.toISOString(),
  sentAt: r.sentAt?.toISOString() ?? null,
});

const read = createRoute({
  ...admin,
  method: 'get',
  path: '/xapi/lrs',
  summary: 'The organisation’s LRS (the password is never returned)',
  responses: {
    200: { description: 'LRS settings', content: json(LrsSchema) },
    ...problems(401, 403, 404),
  },
});
const put = createRoute({
  ...admin,
  method: 'put',
  path: '/xapi/lrs',
  summary: 'Send xAPI statements to this LRS',
  request: { body: jsonBody(LrsBody) },
  responses: {
    200: { description: 'Saved', content: json(LrsSchema) },
    ...problems(400, 401, 403, 409),
  },
});
const remove = createRoute({
  ...admin,
  method: 'delete',
  path: '/xapi/lrs',
  summary: 'Stop sending xAPI statements',
  responses: { 204: { description: 'Removed' }, ...problems(401, 403, 404) },
});
const list = createRoute({
  ...staff,
  method: 'get',
  path: '/xapi/statements',
  summary: 'Statements for the LRS, newest first (pending ones are waiting for it)',
  request: { query: z.object({ status: z.enum(['pending', 'sent', 'failed']).optional() }) },
  responses: {
    200: {
      description: 'Statements',
      content: json(z.object({ statements: z.array(StatementSchema) })),
    },
    ...problems(400, 401, 403),
  },
});
const retry = createRoute({
  ...staff,
  method: 'post',
  path: '/xapi/statements/retry',
  summary: 'Send every waiting or failed statement now',
  responses: {
    200: {
      description: 'How many were queued again',
      content: json(z.object({ requeued: z.number() })),
    },
    ...problems(401, 403),
  },
});

export const xapiRoutes = createRouter()
  .openapi(read, async (c) => {
    const row = await findLrs(c.var.deps.db, c.var.caller.orgId);
    if (!row) throw Problem.notFound('An LRS for this organisation');
    return c.json(lrsView(row), 200);
  })
  .openapi(put, async (c) => {
    const b = c.req.valid('json');
    const inside = await privateTargetReason(b.endpoint, c.var.deps.config.allowPrivateHosts);
    if (inside)
      throw Problem.badRequest('The LRS endpoint must be reachable on the internet.', [
        { path: 'endpoint', message: `refused: ${inside}` },
      ]);
    return c.json(
      lrsView(
        await saveLrs(
          c.var.deps.db,
          c.var.caller.orgId,
          {
            endpoint: b.endpoint,
            username: b.username,
            password: b.password,
            enabled: b.enabled ?? true,
          },
          c.var.deps.now(),
          c.var.deps.dataKey,
        ),
      ),
      200,
    );
  })
  .openapi(remove, async (c) => {
    if (!(await deleteLrs(c.var.deps.db, c.var.caller.orgId)))
      throw Problem.notFound('An LRS for this organisation');
    return c.body(null, 204);
  })
  .openapi(list, async (c) =>
    c.json(
      {
        statements: (
          await listStatements(c.var.deps.db, c.var.caller.orgId, c.req.valid('query').status)
        ).map(statementView),
      },
      200,
    ),
  )
  .openapi(retry, async (c) => {
    const requeued = await retryStatements(c.var.deps.db, c.var.caller.orgId, c.var.deps.now());
    await outboxRuntimeOf(c.var.deps).drain({ orgId: c.var.caller.orgId });
    return c.json({ requeued }, 200);
  });

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

const exportRoute = createRoute({
  security: bearer,
  tags: ['privacy'],
  middleware: [requireAuth],
  method: 'get',
  path: '/me/export',
  summary: 'Download all your data (profile, cohorts, assignments, sessions with transcripts, progress ledger)',
  responses: { 200: { description: 'Your data', content: { 'application/json': { schema: z.object({ person: z.any(), sessions: z.array(z.any()) }).passthrough() } } }, ...problems(401) },
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
    return c.json(data as never, 200, { 'content-disposition': 'attachment; filename="sounding-board-export.json"', 'cache-control': 'no-store' });
  })
  .openapi(deleteRoute, async (c) => {
    const { orgId, personId } = c.var.caller;
    if (!(await deletePerson(c.var.deps.db, orgId, personId))) throw Problem.notFound('Your account');
    return c.body(null, 204);
  });

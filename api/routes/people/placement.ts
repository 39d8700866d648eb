/**
 * @module routes/people/placement
 * Where a person sits in the organisation, for pairing across it: their department or team and
 * their line manager (`PUT /api/people/{id}/placement`, admins for anyone, facilitators for their
 * cohorts' learners), and a learner's own pairing wishes (`PUT /api/me/pairing-preferences`: people
 * not to be paired with, and free slots).
 */
import { createRoute, z } from '@hono/zod-openapi';
import { requireAuth, requireRole } from '../../auth/index.js';
import { Problem } from '../../problems/index.js';
import { mayViewLearner } from '../../store/cohorts.js';
import { findPlacement, savePairingPreferences, savePlacement } from '../../store/placement.js';
import { bearer, createRouter, json, jsonBody, problems, UuidParam } from '../openapi.js';
import { Placement, Preferences } from '../partnerships/schemas.js';

const PlacementView = z
  .object({
    id: z.string(),
    department: z.string().nullable(),
    lineManagerId: z.string().nullable(),
  })
  .openapi('PersonPlacement');

const placement = createRoute({
  security: bearer,
  tags: ['people'],
  middleware: [requireAuth, requireRole('facilitator', 'admin')],
  method: 'put',
  path: '/people/{id}/placement',
  summary:
    'Set a person’s department or team and line manager (pairing never joins a department or a manager with their report)',
  description:
    'Admins for anyone in the organisation; facilitators for learners of cohorts they run. `lineManagerId` left out keeps the one on record; null clears it.',
  request: {
    params: z.object({ id: UuidParam('id') }),
    body: jsonBody(Placement),
  },
  responses: {
    200: { description: 'Saved', content: json(PlacementView) },
    ...problems(400, 401, 403, 404),
  },
});
const preferences = createRoute({
  security: bearer,
  tags: ['people'],
  middleware: [requireAuth],
  method: 'put',
  path: '/me/pairing-preferences',
  summary:
    'Your wishes for pairing: people not to be paired with, and when you are free (mon-am … fri-pm)',
  request: { body: jsonBody(Preferences) },
  responses: {
    200: { description: 'Saved', content: json(Preferences) },
    ...problems(400, 401, 404),
  },
});

export const placementRoutes = createRouter()
  .openapi(placement, async (c) => {
    const { id } = c.req.valid('param');
    const body = c.req.valid('json');
    const { db } = c.var.deps;
    const caller = c.var.caller;
    if (
      caller.role !== 'admin' &&
      (id === caller.personId || !(await mayViewLearner(db, caller, id)))
    )
      throw Problem.notFound('The person');
    if (!(await findPlacement(db, caller.orgId, id))) throw Problem.notFound('The person');
    if (body.lineManagerId === id)
      throw Problem.badRequest('Someone cannot be their own line manager.', [
        { path: 'lineManagerId', message: 'the person themselves' },
      ]);
    if (body.lineManagerId && !(await findPlacement(db, caller.orgId, body.lineManagerId)))
      throw new Problem(404, 'Not found', 'The line manager was not found.', [
        { path: 'lineManagerId', message: 'no such person here' },
      ]);
    const saved = await savePlacement(db, caller.orgId, id, body);
    return c.json(saved!, 200);
  })
  .openapi(preferences, async (c) => {
    const body = c.req.valid('json');
    const caller = c.var.caller;
    const notWith = [...new Set(body.notWith)].filter((x) => x !== caller.personId);
    for (const [i, pid] of notWith.entries()) {
      if (!(await findPlacement(c.var.deps.db, caller.orgId, pid)))
        throw new Problem(404, 'Not found', 'Someone in notWith was not found.', [
          { path: `notWith.${i}`, message: 'no such person here' },
        ]);
    }
    const saved = await savePairingPreferences(c.var.deps.db, caller.orgId, caller.personId, {
      notWith,
      availability: [...new Set(body.availability)],
    });
    if (!saved) throw Problem.notFound('Your account');
    return c.json({ notWith: saved.notWith ?? [], availability: saved.availability ?? [] }, 200);
  });

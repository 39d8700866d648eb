/**
 * @module routes/people
 * People for admins and facilitators: list the people you manage, add one, or import many from a
 * CSV roster (`name,email,cohort[,role]`) where any bad row stops the whole import and every
 * problem is reported with its line. Facilitators add learners only; admins any role. Admins also
 * change a person's role and delete a person of their organisation (all of their data, as
 * `DELETE /api/me` does); an organisation always keeps at least one admin.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { requireAuth, requireRole } from '../../auth/index.js';
import { Problem } from '../../problems/index.js';
import { parseRoster } from '../../programme/index.js';
import { cohortsOf, findManagedCohort } from '../../store/cohorts.js';
import { deletePerson } from '../../store/privacy.js';
import { changeRole } from '../../store/roles.js';
import { findPlacement } from '../../store/placement.js';
import {
  createPerson,
  importRoster,
  listManagedPeople,
  rosterProblem,
} from '../../store/roster.js';
import { bearer, createRouter, IdParams, json, jsonBody, problems } from '../openapi.js';

const staff = {
  security: bearer,
  tags: ['people'],
  middleware: [requireAuth, requireRole('facilitator', 'admin')],
};
const adminOnly = {
  security: bearer,
  tags: ['people'],
  middleware: [requireAuth, requireRole('admin')],
};

const PersonSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    email: z.string(),
    role: z.enum(['learner', 'facilitator', 'admin']),
    cohortIds: z.array(z.string()),
  })
  .openapi('Person');
const NewPerson = z
  .object({
    name: z.string().trim().min(1).max(200),
    email: z.email().max(320),
    role: z.enum(['learner', 'facilitator', 'admin']).default('learner'),
    cohortId: z.uuid().optional().openapi({
      description: 'required for facilitators: the cohort (one you run) the learner joins',
    }),
    department: z.string().trim().min(1).max(120).optional().openapi({
      description: 'department or team (Learning Partners are paired across departments)',
    }),
    lineManagerId: z.uuid().optional().openapi({
      description: 'their line manager, someone in the organisation (never paired with them)',
    }),
  })
  .strict()
  .openapi('NewPerson');
const RolePatch = z
  .object({ role: z.enum(['learner', 'facilitator', 'admin']) })
  .strict()
  .openapi('PersonRole');
const ImportResult = z
  .object({
    people: z.object({ created: z.number().int(), existing: z.number().int() }),
    cohorts: z.array(z.object({ id: z.string(), name: z.string(), created: z.boolean() })),
    memberships: z.number().int(),
  })
  .openapi('RosterImport');

const list = createRoute({
  ...staff,
  method: 'get',
  path: '/people',
  summary: 'People you manage (everyone for an admin; your cohorts’ learners for a facilitator)',
  responses: {
    200: { description: 'People', content: json(z.object({ people: z.array(PersonSchema) })) },
    ...problems(401, 403),
  },
});
const create = createRoute({
  ...staff,
  method: 'post',
  path: '/people',
  summary: 'Add a person',
  request: { body: jsonBody(NewPerson) },
  responses: {
    201: { description: 'Created', content: json(PersonSchema) },
    ...problems(400, 401, 403, 404, 409),
  },
});
const importCsv = createRoute({
  ...staff,
  method: 'post',
  path: '/people/import',
  summary: 'Import people and cohorts from CSV (all or nothing)',
  description:
    'Send `text/csv` with a header line `name,email,cohort` (optional `role`, admins only; optional `department` and `line_manager_email`). Cohorts named in the file are created when missing. Any bad row: 400 with every problem by line, nothing written.',
  request: { body: { content: { 'text/csv': { schema: z.string() } }, required: true } },
  responses: {
    201: { description: 'Imported', content: json(ImportResult) },
    ...problems(400, 401, 403, 409, 413, 415),
  },
});

const patchRole = createRoute({
  ...adminOnly,
  method: 'patch',
  path: '/people/{id}',
  summary: 'Change a person’s role (admins only)',
  description:
    'A role changes only for someone in no cohort: a facilitator still running cohorts, or a learner still in one, is a 409 naming the cohorts (take them off first). The last admin cannot be demoted (409).',
  request: { params: IdParams, body: jsonBody(RolePatch) },
  responses: {
    200: { description: 'The person with their role', content: json(PersonSchema) },
    ...problems(400, 401, 403, 404, 409),
  },
});
const remove = createRoute({
  ...adminOnly,
  method: 'delete',
  path: '/people/{id}',
  summary: 'Delete a person and all their data (admins only; cannot be undone)',
  description:
    'Deletes the person with their sessions, transcripts, progress, memberships and assignments, as `DELETE /api/me` does for one’s own account. Cohorts and drills they made stay. Your own account: use `DELETE /api/me`. The last admin cannot be deleted (409).',
  request: { params: IdParams },
  responses: { 204: { description: 'Deleted' }, ...problems(400, 401, 403, 404, 409) },
});

export const peopleRoutes = createRouter()
  .openapi(list, async (c) =>
    c.json({ people: await listManagedPeople(c.var.deps.db, c.var.caller) }, 200),
  )
  .openapi(create, async (c) => {
    const body = c.req.valid('json');
    const caller = c.var.caller;
    if (caller.role !== 'admin' && body.role !== 'learner')
      throw Problem.forbidden('Only an admin can add facilitators and admins.');
    if (caller.role !== 'admin' && !body.cohortId)
      throw Problem.badRequest('Say which of your cohorts the learner joins.', [
        { path: 'cohortId', message: 'required for facilitators' },
      ]);
    if (body.cohortId && !(await findManagedCohort(c.var.deps.db, caller, body.cohortId)))
      throw Problem.notFound('The cohort');
    if (body.cohortId && body.role === 'admin')
      throw Problem.badRequest('Admins are not cohort members.', [
        { path: 'cohortId', message: 'leave empty for an admin' },
      ]);
    if (
      body.lineManagerId &&
      !(await findPlacement(c.var.deps.db, caller.orgId, body.lineManagerId))
    )
      throw new Problem(404, 'Not found', 'The line manager was not found.', [
        { path: 'lineManagerId', message: 'no such person here' },
      ]);
    const p = await createPerson(c.var.deps.db, caller, body);
    return c.json(
      {
        id: p.id,
        name: p.name,
        email: p.email,
        role: p.role,
        cohortIds: body.cohortId ? [body.cohortId] : [],
      },
      201,
    );
  })
  .openapi(importCsv, async (c) => {
    const type = c.req.header('content-type') ?? '';
    if (!/^text\/(csv|plain)\b/i.test(type))
      throw new Problem(415, 'Unsupported media type', 'Send the roster as text/csv.');
    const { rows, errors } = parseRoster(await c.req.text());
    if (errors.length) throw rosterProblem(errors);
    return c.json(await importRoster(c.var.deps.db, c.var.caller, rows), 201);
  })
  .openapi(patchRole, async (c) => {
    const { id } = c.req.valid('param');
    const { orgId, personId } = c.var.caller;
    const p = await changeRole(c.var.deps.db, orgId, id, c.req.valid('json').role, personId);
    if (!p) throw Problem.notFound('The person');
    const cohortIds = (await cohortsOf(c.var.deps.db, orgId, id)).map((m) => m.id);
    return c.json({ id: p.id, name: p.name, email: p.email, role: p.role, cohortIds }, 200);
  })
  .openapi(remove, async (c) => {
    const { id } = c.req.valid('param');
    const { orgId, personId } = c.var.caller;
    if (id === personId) throw Problem.forbidden('To delete your own account use DELETE /api/me.');
    if (!(await deletePerson(c.var.deps.db, orgId, id, personId)))
      throw Problem.notFound('The person');
    return c.body(null, 204);
  });

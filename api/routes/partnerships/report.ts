/**
 * @module routes/partnerships/report
 * `GET /api/programme/report?from&to`: the measurable returns of the Learning Partnerships the
 * caller oversees (an admin: the whole organisation; a facilitator: the cohorts they run), as JSON,
 * as CSV (`/api/programme/report.csv`) and the departments-connected picture as SVG
 * (`/api/programme/report/departments.svg`).
 */
import { createRoute, z } from '@hono/zod-openapi';
import { requireAuth, requireRole } from '../../auth/index.js';
import type { Caller } from '../../auth/index.js';
import type { AppDeps } from '../../app-env.js';
import { departmentsSvg, programmeReport, programmeReportCsv } from '../../partnerships/report.js';
import { Problem } from '../../problems/index.js';
import { SKILLS } from '../../practice/types.js';
import { reportRows } from '../../store/partnership-report.js';
import { listManagedCohorts } from '../../store/cohorts.js';
import { bearer, createRouter, problems } from '../openapi.js';

const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD');
const Query = z.object({
  from: Day.optional().openapi({ description: 'first day (default: a year before `to`)' }),
  to: Day.optional().openapi({ description: 'last day, inclusive (default: today)' }),
});
const staff = {
  security: bearer,
  tags: ['programme'],
  middleware: [requireAuth, requireRole('facilitator', 'admin')],
};
const Report = z
  .object({
    from: z.string(),
    to: z.string(),
    partnerships: z.object({ formed: z.number(), active: z.number(), ended: z.number() }),
    sessions: z.object({ held: z.number() }),
    actions: z.object({ agreed: z.number(), completed: z.number() }),
    departments: z.object({
      names: z.array(z.string()),
      links: z.array(z.object({ a: z.string(), b: z.string(), pairs: z.number() })),
    }),
    skills: z.array(
      z.object({
        skill: z.enum(SKILLS),
        before: z.number().nullable(),
        now: z.number().nullable(),
        partners: z.number(),
      }),
    ),
    ratings: z.object({
      count: z.number(),
      mean: z.number().nullable(),
      counts: z
        .object({
          1: z.number().int(),
          2: z.number().int(),
          3: z.number().int(),
          4: z.number().int(),
          5: z.number().int(),
        })
        .openapi({ description: 'reviews per rating, 1 to 5' }),
    }),
  })
  .openapi('ProgrammeReport');

const json = createRoute({
  ...staff,
  method: 'get',
  path: '/programme/report',
  summary: 'Measurable returns of Learning Partnerships over a period',
  request: { query: Query },
  responses: {
    200: { description: 'The report', content: { 'application/json': { schema: Report } } },
    ...problems(400, 401, 403),
  },
});
const csv = createRoute({
  ...staff,
  method: 'get',
  path: '/programme/report.csv',
  summary: 'The programme report as CSV (section, measure, value)',
  request: { query: Query },
  responses: {
    200: { description: 'CSV', content: { 'text/csv': { schema: z.string() } } },
    ...problems(400, 401, 403),
  },
});
const svg = createRoute({
  ...staff,
  method: 'get',
  path: '/programme/report/departments.svg',
  summary: 'The departments the partnerships connected, as an accessible SVG picture',
  request: { query: Query },
  responses: {
    200: { description: 'SVG', content: { 'image/svg+xml': { schema: z.string() } } },
    ...problems(400, 401, 403),
  },
});

async function reportFor(deps: AppDeps, caller: Caller, q: { from?: string; to?: string }) {
  const to = q.to
    ? new Date(`${q.to}T00:00:00Z`)
    : new Date(`${deps.now().toISOString().slice(0, 10)}T00:00:00Z`);
  const from = q.from ? new Date(`${q.from}T00:00:00Z`) : new Date(to.getTime() - 365 * 86_400_000);
  if (Number.isNaN(from.getTime()) || Number.isNaN(to.getTime()))
    throw Problem.badRequest('The query string is not valid.', [
      { path: Number.isNaN(from.getTime()) ? 'from' : 'to', message: 'not a real date' },
    ]);
  if (from > to)
    throw Problem.badRequest('`from` comes after `to`.', [{ path: 'from', message: 'after to' }]);
  // an admin sees the whole organisation; a facilitator the cohorts they run
  const cohortIds =
    caller.role === 'admin' ? null : (await listManagedCohorts(deps.db, caller)).map((c) => c.id);
  return programmeReport({ from, to, ...(await reportRows(deps.db, caller.orgId, cohortIds)) });
}

export const programmeReportRoutes = createRouter()
  .openapi(json, async (c) =>
    c.json(await reportFor(c.var.deps, c.var.caller, c.req.valid('query')), 200),
  )
  .openapi(csv, async (c) => {
    const rep = await reportFor(c.var.deps, c.var.caller, c.req.valid('query'));
    return c.body(programmeReportCsv(rep), 200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="learning-partnerships-${rep.from}-${rep.to}.csv"`,
      'cache-control': 'no-store',
    });
  })
  .openapi(svg, async (c) => {
    const rep = await reportFor(c.var.deps, c.var.caller, c.req.valid('query'));
    return c.body(departmentsSvg(rep), 200, {
      'content-type': 'image/svg+xml; charset=utf-8',
      'cache-control': 'no-store',
    });
  });

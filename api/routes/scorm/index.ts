/**
 * @module routes/scorm
 * SCORM over HTTP: facilitators download a drill as a SCORM package
 * (`GET /api/drills/{id}/scorm.zip`); the package's launch page exchanges its package token and the
 * LMS's learner id for a learner token (`POST /api/scorm/launch`) and, when the session ends, reads
 * the grade to report (`GET /api/scorm/sessions/{id}/grade`).
 */
import { createRoute, z } from '@hono/zod-openapi';
import { requireAuth, requireRole, signToken } from '../../auth/index.js';
import { sessionGrade } from '../../lti/index.js';
import { Problem } from '../../problems/index.js';
import {
  buildScormPackage,
  packageFileName,
  readPackageToken,
  scormLearner,
  signPackageToken,
} from '../../scorm/index.js';
import { drillSpecOf, findDrill } from '../../store/drills.js';
import { findReadableSession } from '../../store/sessions.js';
import { bearer, createRouter, json, jsonBody, problems, UuidParam } from '../openapi.js';

/** A SCORM attempt is one sitting; the page exchanges again if the token runs out. */
export const SCORM_TOKEN_TTL_S = 2 * 3600;

const download = createRoute({
  method: 'get',
  path: '/drills/{id}/scorm.zip',
  tags: ['scorm'],
  security: bearer,
  middleware: [requireAuth, requireRole('facilitator', 'admin')],
  summary: 'Download a drill as a SCORM package (1.2 by default, or 2004)',
  description:
    'The package’s page embeds `<sb-practice>` for the drill from this server and reports completion, score and pass/fail to the LMS. It holds a package token valid for one year.',
  request: {
    params: z.object({ id: UuidParam('id') }),
    query: z.object({ version: z.enum(['1.2', '2004']).optional() }),
  },
  responses: {
    200: {
      description: 'The zip',
      content: { 'application/zip': { schema: z.string().openapi({ format: 'binary' }) } },
    },
    ...problems(400, 401, 403, 404),
  },
});

const LaunchBody = z
  .object({
    packageToken: z.string().min(10).max(4000),
    learnerId: z.string().trim().min(1).max(255),
    learnerName: z.string().max(255).optional(),
  })
  .strict()
  .openapi('ScormLaunch');

const launch = createRoute({
  method: 'post',
  path: '/scorm/launch',
  tags: ['scorm'],
  summary:
    'Exchange a package token and the LMS’s learner id for a learner token (called by the package)',
  request: { body: jsonBody(LaunchBody) },
  responses: {
    201: {
      description: 'A learner token for the drill',
      content: json(z.object({ token: z.string(), expiresAt: z.string(), drillId: z.string() })),
    },
    ...problems(400, 401, 404),
  },
});

const GradeSchema = z
  .object({
    scoreGiven: z.number(),
    scoreMaximum: z.number(),
    scaled: z.number(),
    passed: z.boolean().nullable(),
  })
  .openapi('SessionGrade');

const grade = createRoute({
  method: 'get',
  path: '/scorm/sessions/{id}/grade',
  tags: ['scorm'],
  security: bearer,
  middleware: [requireAuth],
  summary:
    'The grade of an ended session, as the LMS gets it (the same number as LTI grade passback)',
  request: { params: z.object({ id: UuidParam('id') }) },
  responses: {
    200: { description: 'The grade', content: json(GradeSchema) },
    ...problems(400, 401, 404, 409),
  },
});

export const scormRoutes = createRouter()
  .openapi(download, async (c) => {
    const { id } = c.req.valid('param');
    const version = c.req.valid('query').version ?? '1.2';
    const { db, jwtSecret, now, config } = c.var.deps;
    const row = await findDrill(db, c.var.caller.orgId, id);
    if (!row) throw Problem.notFound('The drill');
    const apiBase = (config.publicUrl ?? new URL(c.req.url).origin).replace(/\/$/, '');
    const packageToken = await signPackageToken(
      jwtSecret,
      { orgId: row.orgId, drillId: row.id },
      now(),
    );
    const zip = buildScormPackage({
      version,
      apiBase,
      drill: { id: row.id, title: row.title },
      packageToken,
    });
    return c.body(zip as unknown as ArrayBuffer, 200, {
      'Content-Type': 'application/zip',
      'Content-Disposition': `attachment; filename="${packageFileName(row.title, version)}"`,
      'Cache-Control': 'no-store',
    });
  })
  .openapi(launch, async (c) => {
    const body = c.req.valid('json');
    const { db, jwtSecret, now } = c.var.deps;
    const pkg = await readPackageToken(jwtSecret, body.packageToken, now());
    if (!pkg)
      throw Problem.unauthorized(
        'The package token is not valid or has expired; download the package again.',
      );
    const drill = await findDrill(db, pkg.orgId, pkg.drillId);
    if (!drill) throw Problem.notFound('The drill of this package');
    const person = await scormLearner(db, pkg.orgId, body.learnerId, body.learnerName ?? '', {
      newPerHour: c.var.deps.config.scormNewLearnersPerHour,
      now: now(),
    });
    const token = await signToken(
      jwtSecret,
      { sub: person.id, org: pkg.orgId, role: 'learner', kind: 'embed' },
      SCORM_TOKEN_TTL_S,
    );
    c.header('Cache-Control', 'no-store');
    return c.json(
      {
        token,
        expiresAt: new Date(now().getTime() + SCORM_TOKEN_TTL_S * 1000).toISOString(),
        drillId: drill.id,
      },
      201,
    );
  })
  .openapi(grade, async (c) => {
    const { id } = c.req.valid('param');
    const { db } = c.var.deps;
    const session = await findReadableSession(db, c.var.caller, id);
    if (!session) throw Problem.notFound('The session');
    if (session.status !== 'ended' || !session.scorecard)
      throw Problem.conflict('The session has not ended yet.');
    const drill = session.drillId ? await findDrill(db, session.orgId, session.drillId) : null;
    return c.json(
      sessionGrade(
        session.scorecard,
        drill ? drillSpecOf(drill).focus : undefined,
        session.drillResult ?? null,
      ),
      200,
    );
  });

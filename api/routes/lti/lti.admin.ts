/**
 * @module routes/lti/admin
 * The LMS integration's API under `/api/lti`: admins register platforms (the values the LMS shows
 * when a tool is added), read the values to paste into the LMS, and rotate the tool's keys;
 * facilitators and admins see grades waiting for (or refused by) an LMS and send them again.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { requireAuth, requireRole } from '../../auth/index.js';
import { Problem } from '../../problems/index.js';
import {
  DuplicatePlatformError,
  createPlatform,
  deletePlatform,
  findGrade,
  findPlatform,
  listGrades,
  listPlatforms,
  platformUrlRefusals,
  retryGrade,
  rotateToolKeys,
  updatePlatform,
  type GradeRow,
  type PlatformRow,
} from '../../lti/index.js';
import { outboxRuntimeOf } from '../../outbox/runtime.js';
import { bearer, createRouter, IdParams, json, jsonBody, problems } from '../openapi.js';
import {
  DeliveryAttempts,
  DeliveryLastError,
  DeliveryStatus,
  NextAttemptAt,
} from '../outbox-delivery.js';
import { toolBase } from './lti.tool.js';

const admin = { security: bearer, tags: ['lti'], middleware: [requireAuth, requireRole('admin')] };
const staff = {
  security: bearer,
  tags: ['lti'],
  middleware: [requireAuth, requireRole('facilitator', 'admin')],
};

const HttpUrl = z
  .string()
  .max(2000)
  .refine((s) => {
    try {
      const u = new URL(s);
      return u.protocol === 'https:' || u.protocol === 'http:';
    } catch {
      return false;
    }
  }, 'must be an http(s) URL');

const PlatformBody = z
  .object({
    name: z.string().trim().min(1).max(200).openapi({ example: 'Moodle (production)' }),
    issuer: HttpUrl.openapi({ example: 'https://moodle.example.edu' }),
    clientId: z.string().trim().min(1).max(500).openapi({ example: 'Xb2kQ9...' }),
    deploymentIds: z
      .array(z.string().trim().min(1).max(500))
      .min(1)
      .max(50)
      .openapi({ example: ['1'] }),
    authEndpoint: HttpUrl.openapi({ example: 'https://moodle.example.edu/mod/lti/auth.php' }),
    tokenEndpoint: HttpUrl.openapi({ example: 'https://moodle.example.edu/mod/lti/token.php' }),
    jwksUrl: HttpUrl.openapi({ example: 'https://moodle.example.edu/mod/lti/certs.php' }),
    tokenAudience: z.string().trim().min(1).max(2000).nullable().optional().openapi({
      description:
        'the `aud` of the AGS client assertion, when not the token endpoint (Brightspace)',
    }),
    frameOrigins: z.array(HttpUrl).max(20).optional().openapi({
      description:
        'extra origins that frame the launch (the LMS host when the issuer differs, e.g. Canvas cloud)',
    }),
  })
  .strict()
  .openapi('LtiPlatformInput');

const PlatformPatch = PlatformBody.partial()
  .refine((patch) => Object.keys(patch).length > 0, 'Send at least one field to change.')
  .openapi('LtiPlatformPatch');

const PlatformSchema = PlatformBody.extend({
  id: z.string(),
  tokenAudience: z.string().nullable(),
  frameOrigins: z.array(z.string()),
  createdAt: z.string(),
}).openapi('LtiPlatform');

const ToolConfigSchema = z
  .object({
    loginUrl: z.string(),
    launchUrl: z.string(),
    redirectUris: z.array(z.string()),
    deepLinkingUrl: z.string(),
    jwksUrl: z.string(),
    customParameters: z.string(),
  })
  .openapi('LtiToolConfiguration');

const GradeSchema = z
  .object({
    id: z.string(),
    sessionId: z.string(),
    personId: z.string(),
    platformId: z.string(),
    lineItemUrl: z.string(),
    scoreGiven: z.number(),
    scoreMaximum: z.number(),
    status: DeliveryStatus,
    attempts: DeliveryAttempts,
    nextAttemptAt: NextAttemptAt,
    lastError: DeliveryLastError,
    createdAt: z.string(),
    sentAt: z.string().nullable(),
  })
  .openapi('LtiGrade');

const platformView = (p: PlatformRow) => ({
  id: p.id,
  name: p.name,
  issuer: p.issuer,
  clientId: p.clientId,
  deploymentIds: p.deploymentIds,
  authEndpoint: p.authEndpoint,
  tokenEndpoint: p.tokenEndpoint,
  jwksUrl: p.jwksUrl,
  tokenAudience: p.tokenAudience,
  frameOrigins: p.frameOrigins,
  createdAt: p.createdAt.toISOString(),
});

const gradeView = (g: GradeRow) => ({
  id: g.id,
  sessionId: g.sessionId,
  personId: g.personId,
  platformId: g.platformId,
  lineItemUrl: g.lineItemUrl,
  scoreGiven: g.scoreGiven,
  scoreMaximum: g.scoreMaximum,
  status: g.status,
  attempts: g.attempts,
  nextAttemptAt: g.status === 'pending' ? g.nextAttemptAt.toISOString() : null,
  lastError: g.lastError,
  createdAt: g.createdAt.toISOString(),
  sentAt: g.sentAt?.toISOString() ?? null,
});

const toolConfig = createRoute({
  ...admin,
  method: 'get',
  path: '/lti/tool-configuration',
  summary: 'The URLs to paste into the LMS when adding Sounding Board as an LTI 1.3 tool',
  responses: {
    200: { description: 'Tool URLs', content: json(ToolConfigSchema) },
    ...problems(401, 403),
  },
});
const list = createRoute({
  ...admin,
  method: 'get',
  path: '/lti/platforms',
  summary: 'Registered LTI platforms',
  responses: {
    200: {
      description: 'Platforms',
      content: json(z.object({ platforms: z.array(PlatformSchema) })),
    },
    ...problems(401, 403),
  },
});
const create = createRoute({
  ...admin,
  method: 'post',
  path: '/lti/platforms',
  summary: 'Register an LTI 1.3 platform',
  request: { body: jsonBody(PlatformBody) },
  responses: {
    201: { description: 'Registered', content: json(PlatformSchema) },
    ...problems(400, 401, 403, 409),
  },
});
const read = createRoute({
  ...admin,
  method: 'get',
  path: '/lti/platforms/{id}',
  summary: 'One platform',
  request: { params: IdParams },
  responses: {
    200: { description: 'The platform', content: json(PlatformSchema) },
    ...problems(400, 401, 403, 404),
  },
});
const update = createRoute({
  ...admin,
  method: 'patch',
  path: '/lti/platforms/{id}',
  summary: 'Change a platform registration (add a deployment id, a rotated JWKS URL, ...)',
  request: { params: IdParams, body: jsonBody(PlatformPatch) },
  responses: {
    200: { description: 'Updated', content: json(PlatformSchema) },
    ...problems(400, 401, 403, 404, 409),
  },
});
const remove = createRoute({
  ...admin,
  method: 'delete',
  path: '/lti/platforms/{id}',
  summary: 'Remove a platform (its launches stop working; people stay)',
  request: { params: IdParams },
  responses: { 204: { description: 'Removed' }, ...problems(400, 401, 403, 404) },
});
const rotate = createRoute({
  ...admin,
  method: 'post',
  path: '/lti/keys/rotate',
  summary:
    'Rotate this organisation’s signing key (other organisations keep theirs; the previous key stays published)',
  responses: {
    200: {
      description: 'The new key id and the key ids now published',
      content: json(z.object({ kid: z.string(), published: z.array(z.string()) })),
    },
    ...problems(401, 403),
  },
});
const grades = createRoute({
  ...staff,
  method: 'get',
  path: '/lti/grades',
  summary: 'Grades for LMS gradebooks in this organisation (pending ones are waiting for the LMS)',
  request: { query: z.object({ status: z.enum(['pending', 'sent', 'failed']).optional() }) },
  responses: {
    200: {
      description: 'Grades, newest first',
      content: json(z.object({ grades: z.array(GradeSchema) })),
    },
    ...problems(400, 401, 403),
  },
});
const deliver = createRoute({
  ...staff,
  method: 'post',
  path: '/lti/grades/deliver',
  summary: 'Send this organisation’s grades that are due now',
  responses: {
    200: {
      description: 'What happened',
      content: json(z.object({ sent: z.number(), retrying: z.number(), failed: z.number() })),
    },
    ...problems(401, 403),
  },
});
const retry = createRoute({
  ...staff,
  method: 'post',
  path: '/lti/grades/{id}/retry',
  summary: 'Put a failed or waiting grade back in line and try it now',
  request: { params: IdParams },
  responses: {
    200: { description: 'The grade after the attempt', content: json(GradeSchema) },
    ...problems(400, 401, 403, 404),
  },
});

/** 400 naming each URL that points inside the server's network (loopback, private, link-local). */
async function refusePrivateUrls(
  body: { jwksUrl?: string; tokenEndpoint?: string; authEndpoint?: string },
  allowHosts: readonly string[],
) {
  const refusals = await platformUrlRefusals(body, allowHosts);
  if (refusals.length)
    throw Problem.badRequest(
      'The platform’s URLs must be reachable on the internet (or named in SB_ALLOW_PRIVATE_HOSTS).',
      refusals,
    );
}

async function conflictOnDuplicate<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (err instanceof DuplicatePlatformError) throw Problem.conflict(err.message);
    // a patch that collides with another registration's issuer and client id
    if (
      /lti_platforms_iss_client_uq|duplicate key/i.test(
        String((err as { cause?: unknown })?.cause ?? err),
      )
    )
      throw Problem.conflict('A platform with this issuer and client id is already registered.');
    throw err;
  }
}

export const ltiAdminRoutes = createRouter()
  .openapi(toolConfig, (c) => {
    const base = toolBase(c);
    return c.json(
      {
        loginUrl: `${base}/lti/login`,
        launchUrl: `${base}/lti/launch`,
        redirectUris: [`${base}/lti/launch`],
        deepLinkingUrl: `${base}/lti/launch`,
        jwksUrl: `${base}/lti/jwks.json`,
        customParameters: '',
      },
      200,
    );
  })
  .openapi(list, async (c) =>
    c.json(
      { platforms: (await listPlatforms(c.var.deps.db, c.var.caller.orgId)).map(platformView) },
      200,
    ),
  )
  .openapi(create, async (c) => {
    const body = c.req.valid('json');
    await refusePrivateUrls(body, c.var.deps.config.allowPrivateHosts);
    const row = await conflictOnDuplicate(() =>
      createPlatform(c.var.deps.db, c.var.caller.orgId, body),
    );
    return c.json(platformView(row), 201);
  })
  .openapi(read, async (c) => {
    const { id } = c.req.valid('param');
    const row = await findPlatform(c.var.deps.db, c.var.caller.orgId, id);
    if (!row) throw Problem.notFound('The platform');
    return c.json(platformView(row), 200);
  })
  .openapi(update, async (c) => {
    const { id } = c.req.valid('param');
    const patch = c.req.valid('json');
    await refusePrivateUrls(patch, c.var.deps.config.allowPrivateHosts);
    const row = await conflictOnDuplicate(() =>
      updatePlatform(c.var.deps.db, c.var.caller.orgId, id, patch),
    );
    if (!row) throw Problem.notFound('The platform');
    return c.json(platformView(row), 200);
  })
  .openapi(remove, async (c) => {
    const { id } = c.req.valid('param');
    if (!(await deletePlatform(c.var.deps.db, c.var.caller.orgId, id)))
      throw Problem.notFound('The platform');
    return c.body(null, 204);
  })
  .openapi(rotate, async (c) =>
    c.json(await rotateToolKeys(c.var.deps.db, c.var.caller.orgId, c.var.deps.now()), 200),
  )
  .openapi(grades, async (c) => {
    const { status } = c.req.valid('query');
    return c.json(
      { grades: (await listGrades(c.var.deps.db, c.var.caller.orgId, status)).map(gradeView) },
      200,
    );
  })
  .openapi(deliver, async (c) =>
    c.json((await outboxRuntimeOf(c.var.deps).drain({ orgId: c.var.caller.orgId })).grades, 200),
  )
  .openapi(retry, async (c) => {
    const { id } = c.req.valid('param');
    const { db, now } = c.var.deps;
    if (!(await retryGrade(db, c.var.caller.orgId, id, now()))) throw Problem.notFound('The grade');
    await outboxRuntimeOf(c.var.deps).drain({ orgId: c.var.caller.orgId });
    return c.json(gradeView((await findGrade(db, c.var.caller.orgId, id))!), 200);
  });

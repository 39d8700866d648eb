/**
 * @module routes/scenarios/org-scenarios
 * An organisation's own scenarios, for its facilitators and admins: add (`POST /org/scenarios`),
 * check without saving (`POST /org/scenarios/preview`), list, read, edit (`PUT`) and retire
 * (`DELETE`). The body is the scenario file itself, as YAML (`application/yaml`, `text/yaml` or
 * `text/plain`) or as JSON (`application/json`); any other media type is refused with a 415. Both
 * are validated by the one schema the built-in scenarios are written in (the document describes the
 * JSON form with it), and a mistake comes back as problem+json whose `errors` name the field path
 * (and the line, for YAML). Built-in scenarios are read-only: their ids cannot be taken.
 */
import { createRoute, z } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../../app-env.js';
import { requireAuth, requireRole } from '../../auth/index.js';
import { ScenarioFileSchema } from '../../practice/scenarios/format/schema.js';
import { Problem } from '../../problems/index.js';
import {
  getPartnerCard,
  parseScenarioObject,
  parseScenarioText,
  scenarioFigures,
  toBrief,
  type ParsedScenario,
} from '../../practice/scenarios/index.js';
import {
  createOrgScenario,
  findOrgScenario,
  listOrgScenarios,
  retireOrgScenario,
  updateOrgScenario,
  type OrgScenarioRow,
  type ScenarioSource,
} from '../../store/org-scenarios.js';
import { bearer, createRouter, json, problems } from '../openapi.js';
import { ScenarioSchema } from './schemas.js';

/** The media types a scenario file is read as YAML from (JSON is read as JSON). */
const YAML_TYPES = ['application/yaml', 'text/yaml', 'text/plain'] as const;
const JSON_TYPE = /^application\/([\w.-]+\+)?json$/;

/** The scenario in the request body, validated: set by `scenarioBody` for the handler. */
type ScenarioBodyEnv = AppEnv & { Variables: { scenarioFile: ScenarioSource } };

/**
 * The body gate of the routes that take a scenario file: by its media type, JSON parsed as JSON
 * and YAML as YAML, both validated with `ScenarioFileSchema`; another media type is a 415, a file
 * with mistakes a 400 naming each field (and its line, for YAML). The OpenAPI validators cannot do
 * this: given a required body they check a YAML one as if it were an empty JSON object.
 */
const scenarioBody = createMiddleware<ScenarioBodyEnv>(async (c, next) => {
  const mediaType = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  let parsed: ParsedScenario;
  let source: string;
  let sourceFormat: ScenarioSource['sourceFormat'];
  if (JSON_TYPE.test(mediaType)) {
    let value: unknown;
    try {
      value = await c.req.json();
    } catch {
      throw Problem.badRequest('The body is not valid JSON.', [
        { path: '(file)', message: 'not valid JSON' },
      ]);
    }
    parsed = parseScenarioObject(value);
    // pretty-printed only once valid: a scenario is shallow, a hostile body may nest past the stack
    source = parsed.ok ? JSON.stringify(value, null, 2) : '';
    sourceFormat = 'json';
  } else if ((YAML_TYPES as readonly string[]).includes(mediaType)) {
    source = await c.req.text();
    parsed = parseScenarioText(source);
    sourceFormat = 'yaml';
  } else {
    throw new Problem(
      415,
      'Unsupported media type',
      `Send the scenario file as YAML (${YAML_TYPES.join(', ')}) or as application/json.`,
    );
  }
  if (!parsed.ok) {
    const errors = parsed.issues.map((i) => ({
      path: i.path || '(file)',
      message: i.line ? `${i.message} (line ${i.line})` : i.message,
    }));
    throw Problem.badRequest(
      `The scenario has ${errors.length} problem${errors.length === 1 ? '' : 's'} to fix.`,
      errors,
    );
  }
  if (getPartnerCard(parsed.card.id)) {
    throw Problem.badRequest(
      `"${parsed.card.id}" is a built-in scenario, which is read-only; give yours its own id.`,
      [{ path: 'id', message: 'the id of a built-in scenario' }],
    );
  }
  c.set('scenarioFile', { source, sourceFormat, card: parsed.card });
  await next();
});

const auth = {
  security: bearer,
  tags: ['scenarios'],
  middleware: [requireAuth, requireRole('facilitator', 'admin')],
};
/** The routes that take a scenario file: a tuple, so the handlers see `scenarioBody`'s variable. */
const withBody = {
  ...auth,
  middleware: [...auth.middleware, scenarioBody] as [
    MiddlewareHandler<AppEnv>,
    MiddlewareHandler<AppEnv>,
    typeof scenarioBody,
  ],
};

const ScenarioFileText = z
  .string()
  .openapi({ description: 'The scenario file as YAML (see docs/scenarios.md).' });

/**
 * The scenario file as JSON, described by the schema it is validated with. A JSON Schema object
 * rather than the zod schema, so the OpenAPI validators leave the body to `scenarioBody`.
 */
const { $schema: _, ...scenarioFileJsonSchema } = z.toJSONSchema(ScenarioFileSchema, {
  io: 'input',
});
const SCENARIO_FILE_REF = { $ref: '#/components/schemas/ScenarioFile' };

const body = {
  content: {
    ...Object.fromEntries(YAML_TYPES.map((t) => [t, { schema: ScenarioFileText }])),
    'application/json': { schema: SCENARIO_FILE_REF },
  },
  required: true,
};

const Figures = z
  .object({
    lines: z.number().int().openapi({ description: 'lines the partner can say' }),
    modelMoves: z.number().int(),
    modelMovesCodingAsClaimed: z
      .number()
      .int()
      .openapi({ description: 'model moves the offline coder reads as the move they claim' }),
    notCodingAsClaimed: z.array(z.object({ path: z.string(), message: z.string() })),
  })
  .openapi('ScenarioFigures');

export const OrgScenarioSchema = z
  .object({
    id: z.string(),
    revision: z.number().int(),
    status: z.enum(['active', 'retired']),
    scenario: ScenarioSchema,
    createdAt: z.string(),
    updatedAt: z.string(),
    retiredAt: z.string().nullable(),
  })
  .openapi('OrgScenario');
const OrgScenarioDetail = OrgScenarioSchema.extend({
  source: z.string().openapi({ description: 'the file as it was sent, to edit and send back' }),
  sourceFormat: z.enum(['yaml', 'json']),
  figures: Figures,
}).openapi('OrgScenarioDetail');
const Preview = z
  .object({
    scenario: ScenarioSchema,
    opening: z.string().openapi({ description: 'the first opening line' }),
    figures: Figures,
  })
  .openapi('ScenarioPreview');

const ScenarioIdParam = z.object({
  scenarioId: z
    .string()
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'a scenario id is lower-case words joined by hyphens')
    .max(80)
    .openapi({ param: { name: 'scenarioId', in: 'path' }, example: 'handover-worries' }),
});

const create = createRoute({
  ...withBody,
  method: 'post',
  path: '/org/scenarios',
  summary: 'Add a scenario for your organisation (the YAML or JSON scenario file)',
  request: { body },
  responses: {
    201: { description: 'Added', content: json(OrgScenarioDetail) },
    ...problems(400, 401, 403, 409, 413, 415),
  },
});
const preview = createRoute({
  ...withBody,
  method: 'post',
  path: '/org/scenarios/preview',
  summary:
    'Check a scenario file without saving it: what learners will see, and how its model moves code',
  request: { body },
  responses: {
    200: { description: 'Valid', content: json(Preview) },
    ...problems(400, 401, 403, 413, 415),
  },
});
const list = createRoute({
  ...auth,
  method: 'get',
  path: '/org/scenarios',
  summary: 'Your organisation’s own scenarios, retired ones included',
  responses: {
    200: {
      description: 'Scenarios',
      content: json(z.object({ scenarios: z.array(OrgScenarioSchema) })),
    },
    ...problems(401, 403),
  },
});
const read = createRoute({
  ...auth,
  method: 'get',
  path: '/org/scenarios/{scenarioId}',
  summary: 'One of your organisation’s scenarios, with its file',
  request: { params: ScenarioIdParam },
  responses: {
    200: { description: 'The scenario', content: json(OrgScenarioDetail) },
    ...problems(400, 401, 403, 404),
  },
});
const update = createRoute({
  ...withBody,
  method: 'put',
  path: '/org/scenarios/{scenarioId}',
  summary: 'Replace a scenario’s file (a new revision; sessions already started keep theirs)',
  request: { params: ScenarioIdParam, body },
  responses: {
    200: { description: 'Updated', content: json(OrgScenarioDetail) },
    ...problems(400, 401, 403, 404, 413, 415),
  },
});
const retire = createRoute({
  ...auth,
  method: 'delete',
  path: '/org/scenarios/{scenarioId}',
  summary: 'Retire a scenario: no new sessions; sessions on it carry on',
  request: { params: ScenarioIdParam },
  responses: { 204: { description: 'Retired' }, ...problems(400, 401, 403, 404) },
});

function summaryView(row: OrgScenarioRow) {
  return {
    id: row.scenarioId,
    revision: row.revision,
    status: row.retiredAt ? ('retired' as const) : ('active' as const),
    scenario: { ...toBrief(row.card), builtIn: false },
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    retiredAt: row.retiredAt ? row.retiredAt.toISOString() : null,
  };
}

function detailView(row: OrgScenarioRow) {
  return {
    ...summaryView(row),
    source: row.source,
    sourceFormat: row.sourceFormat,
    figures: scenarioFigures(row.card),
  };
}

const router = createRouter();
router.openAPIRegistry.registerComponent('schemas', 'ScenarioFile', {
  ...scenarioFileJsonSchema,
  description:
    'The scenario file as a JSON object: the same fields as the YAML (see docs/scenarios.md).',
} as never);

export const orgScenarioRoutes = router
  .openapi(create, async (c) => {
    const input = c.var.scenarioFile;
    const row = await createOrgScenario(c.var.deps.db, c.var.caller, input);
    if (!row)
      throw Problem.conflict(
        `Your organisation already has a scenario "${input.card.id}"; edit it with PUT /api/org/scenarios/${input.card.id}.`,
      );
    return c.json(detailView(row), 201);
  })
  .openapi(preview, async (c) => {
    const { card } = c.var.scenarioFile;
    return c.json(
      {
        scenario: { ...toBrief(card), builtIn: false },
        opening: card.script?.openings[0] ?? '',
        figures: scenarioFigures(card),
      },
      200,
    );
  })
  .openapi(list, async (c) =>
    c.json(
      { scenarios: (await listOrgScenarios(c.var.deps.db, c.var.caller.orgId)).map(summaryView) },
      200,
    ),
  )
  .openapi(read, async (c) => {
    const row = await findOrgScenario(
      c.var.deps.db,
      c.var.caller.orgId,
      c.req.valid('param').scenarioId,
    );
    if (!row) throw Problem.notFound('The scenario');
    return c.json(detailView(row), 200);
  })
  .openapi(update, async (c) => {
    const { scenarioId } = c.req.valid('param');
    const input = c.var.scenarioFile;
    if (input.card.id !== scenarioId)
      throw Problem.badRequest(
        `The file's id is "${input.card.id}", but the path names "${scenarioId}".`,
        [
          {
            path: 'id',
            message: `must be "${scenarioId}" (ids cannot change; add a new scenario instead)`,
          },
        ],
      );
    const row = await updateOrgScenario(c.var.deps.db, c.var.caller, scenarioId, input);
    if (!row) throw Problem.notFound('The scenario');
    return c.json(detailView(row), 200);
  })
  .openapi(retire, async (c) => {
    const row = await retireOrgScenario(
      c.var.deps.db,
      c.var.caller,
      c.req.valid('param').scenarioId,
    );
    if (!row) throw Problem.notFound('The scenario');
    return c.body(null, 204);
  });

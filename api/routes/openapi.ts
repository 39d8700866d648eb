/**
 * @module routes/openapi
 * The router factory every feature uses: an OpenAPIHono whose validation failures become
 * problem responses naming each bad field, plus what every route declares alike (problem
 * responses, ids in the path, JSON bodies).
 */
import { OpenAPIHono, z } from '@hono/zod-openapi';
import type { ZodError } from 'zod';
import type { AppEnv } from '../app-env.js';
import { Problem, fieldErrors, problemResponse } from '../problems/index.js';

/** What a route's request validation hook is handed (params, query or body, parsed or refused). */
type ValidationResult = { success: true } | { success: false; error: ZodError; target?: string };

/**
 * The problem for a request that fails validation: a 400 naming each bad field and which part of
 * the request (path, query string or body) is wrong; `undefined` when it passed.
 */
function validationProblem(result: ValidationResult): Problem | undefined {
  if (result.success) return undefined;
  const detail =
    result.target === 'param'
      ? 'The path is not valid.'
      : result.target === 'query'
        ? 'The query string is not valid.'
        : 'The request body is not valid.';
  return Problem.badRequest(detail, fieldErrors(result.error));
}

export function createRouter() {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result, c) => {
      const problem = validationProblem(result);
      if (problem) return problemResponse(c, problem.toBody());
    },
  });
}

export const ProblemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  })
  .catchall(z.unknown())
  .openapi('Problem', {
    description:
      'RFC 9457 problem details; some kinds add their own members (a roster’s bad `rows`, the `learnerIds` already assigned a drill).',
  });

export const problemContent = { 'application/problem+json': { schema: ProblemSchema } };

const PROBLEM_TEXT = {
  400: 'The request is not valid (field errors say what).',
  401: 'No token, or a bad or expired one.',
  403: 'Your role does not allow this.',
  404: 'Not found in your organisation (or not yours to see).',
  409: 'The request conflicts with the current state.',
  413: 'The body is too large.',
  415: 'The body is not of a media type this route reads.',
  429: 'Too many requests from this person or address; retry after the Retry-After seconds.',
  500: 'An unexpected failure (logged on the server, no internals in the answer).',
  503: 'The database (or another service it needs) is unavailable; retry after the Retry-After seconds.',
} as const;
type ProblemStatus = keyof typeof PROBLEM_TEXT;
type ProblemResponses<S extends ProblemStatus> = {
  [K in S]: { description: (typeof PROBLEM_TEXT)[K]; content: typeof problemContent };
};

/**
 * The problem responses a route can give, to spread into its `responses`: each status with its
 * meaning and the Problem schema, so the document lists them per route.
 * @example responses: { 200: { description: 'The cohort', content: json(CohortSchema) }, ...problems(401, 403, 404) }
 */
export function problems<S extends ProblemStatus>(...statuses: S[]): ProblemResponses<S> {
  return Object.fromEntries(
    statuses.map((s) => [s, { description: PROBLEM_TEXT[s], content: problemContent }]),
  ) as ProblemResponses<S>;
}

/**
 * What the app's own middleware and error handler may answer on any route under `/api`, whatever
 * the route says: the rate limits (429), an unexpected failure (500), a database that cannot be
 * reached or a request past its deadline (503); and on a route that reads a body, a body that is
 * not valid JSON (400), too large (413) or not JSON at all (415). Added to every route's responses
 * where it does not list them itself, so the document says what a client can really get.
 */
export function declareAppProblems(
  definitions: readonly { type: string; route?: { request?: { body?: unknown } } }[],
) {
  for (const d of definitions) {
    if (d.type !== 'route' || !d.route) continue;
    const route = d.route as { request?: { body?: unknown }; responses: Record<string, unknown> };
    const statuses: ProblemStatus[] = [429, 500, 503];
    if (route.request?.body) statuses.push(400, 413, 415);
    const missing = statuses.filter((s) => !(String(s) in route.responses));
    if (missing.length > 0) route.responses = { ...route.responses, ...problems(...missing) };
  }
}

export const UuidParam = (name: string) =>
  z
    .string()
    .uuid(`${name} must be a UUID`)
    .openapi({ param: { name, in: 'path' }, example: '7b1e4c2a-3f0e-4c7e-9a51-0d3c1c2b9f10' });

export const bearer = [{ bearerAuth: [] as string[] }];

/**
 * A JSON media type, for a route's request body or its responses.
 * @example 200: { description: 'The cohort', content: json(CohortSchema) }
 */
export const json = <T>(schema: T) => ({ 'application/json': { schema } });

/**
 * A JSON request body the route cannot do without (a missing one is a 400).
 * @example request: { body: jsonBody(NewCohort) }
 */
export const jsonBody = <T>(schema: T) => ({ content: json(schema), required: true as const });

/** The path of a route on one resource named by its id. */
export const IdParams = z.object({ id: UuidParam('id') });

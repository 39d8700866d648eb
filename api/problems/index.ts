/**
 * @module problems
 * One error type for the app and the one place that turns any error into an RFC 9457
 * problem+json response. Routes throw `Problem`; nothing else builds error bodies.
 */
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { ZodError } from 'zod';
import { StoreError } from '../store/errors.js';

export interface FieldError {
  path: string;
  message: string;
}

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors?: FieldError[];
  [extra: string]: unknown;
}

/** An error the client caused or may act on; becomes a problem response. */
export class Problem extends Error {
  constructor(
    public readonly status: ContentfulStatusCode,
    public readonly title: string,
    public readonly detail: string,
    public readonly errors?: FieldError[],
    public readonly extra: Record<string, unknown> = {},
    /** response headers that belong to the problem (Retry-After) */
    public readonly headers: Record<string, string> = {},
  ) {
    super(detail);
    this.name = 'Problem';
  }

  get type(): string {
    return `https://sounding-board.dev/problems/${this.title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
  }

  toBody(): ProblemBody {
    return {
      type: this.type,
      title: this.title,
      status: this.status,
      detail: this.detail,
      ...(this.errors ? { errors: this.errors } : {}),
      ...this.extra,
    };
  }

  static badRequest(detail: string, errors?: FieldError[]) {
    return new Problem(400, 'Bad request', detail, errors);
  }
  static unauthorized(detail = 'A valid bearer token is required.') {
    return new Problem(401, 'Unauthorized', detail);
  }
  static forbidden(detail = 'Your role does not allow this.') {
    return new Problem(403, 'Forbidden', detail);
  }
  /**
   * `what` names the kind of thing ("The cohort"), never its id: the caller sent the id, and a
   * detail may be shown to people as it is (`errors[].path` says which field when it matters).
   */
  static notFound(what: string) {
    return new Problem(404, 'Not found', `${what} was not found.`);
  }
  static conflict(detail: string, extra?: Record<string, unknown>) {
    return new Problem(409, 'Conflict', detail, undefined, extra);
  }
  /** A failure on our side: nothing internal is said. */
  static internal(
    detail = 'Something went wrong on our side. Nothing you sent was lost; please try again.',
  ) {
    return new Problem(500, 'Internal error', detail);
  }
  /** The problem a store's typed error stands for: the one mapping from store errors to HTTP. */
  static fromStore(err: StoreError) {
    const [status, title] = STORE_ERROR_STATUS[err.kind];
    return new Problem(status, title, err.detail, err.fields, err.extra);
  }
  static unavailable(
    detail = 'The service cannot reach its database just now. Nothing you sent was lost; please try again shortly.',
  ) {
    return new Problem(
      503,
      'Service unavailable',
      detail,
      undefined,
      {},
      { 'retry-after': String(RETRY_AFTER_S) },
    );
  }
}

const STORE_ERROR_STATUS: Record<StoreError['kind'], [ContentfulStatusCode, string]> = {
  invalid: [400, 'Bad request'],
  forbidden: [403, 'Forbidden'],
  not_found: [404, 'Not found'],
  conflict: [409, 'Conflict'],
};

/** Field errors from a zod error, with dotted paths ("text", "learnerIds.2"). */
export function fieldErrors(error: ZodError): FieldError[] {
  return error.issues.map((i) => ({ path: i.path.join('.') || '(body)', message: i.message }));
}

export function problemResponse(
  c: Context,
  body: ProblemBody,
  headers: Record<string, string> = {},
) {
  return c.newResponse(JSON.stringify(body), body.status as ContentfulStatusCode, {
    'content-type': 'application/problem+json; charset=utf-8',
    ...headers,
  });
}

/** The app's single `onError`: Problems as they are, known HTTP errors mapped, the rest a 500 without internals. */
export function toProblemResponse(
  err: unknown,
  c: Context,
  log?: (msg: string, meta?: object) => void,
) {
  if (err instanceof Problem) return problemResponse(c, err.toBody(), err.headers);
  if (err instanceof StoreError) return problemResponse(c, Problem.fromStore(err).toBody());
  if (err instanceof ZodError)
    return problemResponse(
      c,
      Problem.badRequest('The request is not valid.', fieldErrors(err)).toBody(),
    );
  if (err instanceof HTTPException) {
    const status = err.status;
    const title = HTTP_TITLES[status] ?? 'Request error';
    const detail =
      status === 413
        ? 'The request body is larger than the server accepts.'
        : status === 415
          ? 'Send the body as JSON (Content-Type: application/json).'
          : err.message || title;
    return problemResponse(c, new Problem(status as ContentfulStatusCode, title, detail).toBody());
  }
  const unstorable = unstorableText(err);
  if (unstorable) return problemResponse(c, Problem.badRequest(unstorable).toBody());
  if (databaseUnavailable(err)) {
    log?.('database unavailable', { error: err, route: c.req.routePath });
    const problem = Problem.unavailable();
    return problemResponse(c, problem.toBody(), problem.headers);
  }
  // the logger writes what may be logged of the error (statement and code, never the values)
  log?.('unhandled error', { error: err, route: c.req.routePath });
  return problemResponse(c, Problem.internal().toBody());
}

/** Seconds a client is asked to wait before retrying while the database is unreachable. */
const RETRY_AFTER_S = 5;

// Connection failures as postgres.js, Node and PostgreSQL name them: the database is unreachable,
// going down or full, not the request at fault (SQLSTATE class 08, and 57P01-03, 53300).
const UNREACHABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'CONNECT_TIMEOUT',
  'CONNECTION_CLOSED',
  'CONNECTION_ENDED',
  'CONNECTION_DESTROYED',
  '57P01',
  '57P02',
  '57P03',
  '53300',
]);

/** Whether an error (or one it wraps) says the database cannot be reached right now. */
export function databaseUnavailable(err: unknown): boolean {
  for (
    let e = err as { code?: unknown; cause?: unknown; errors?: unknown } | undefined, depth = 0;
    e && depth < 5;
    e = e.cause as typeof e, depth++
  ) {
    const code = typeof e.code === 'string' ? e.code : '';
    if (UNREACHABLE_CODES.has(code) || /^08/.test(code)) return true;
    // Node reports a refused connection to a name with several addresses as an AggregateError
    if (Array.isArray(e.errors) && e.errors.some((x) => databaseUnavailable(x))) return true;
  }
  return false;
}

const HTTP_TITLES: Record<number, string> = {
  400: 'Bad request',
  401: 'Unauthorized',
  413: 'Payload too large',
  415: 'Unsupported media type',
};

/**
 * A database refusal of the client's characters (NUL in text or JSON): the client's fault, so a
 * 400, not a 500. Drivers wrap the PostgreSQL error, so the `cause` chain is searched.
 */
function unstorableText(err: unknown): string | null {
  for (
    let e = err as { code?: unknown; cause?: unknown } | undefined, depth = 0;
    e && depth < 5;
    e = e.cause as typeof e, depth++
  ) {
    if (e.code === '22021' || e.code === '22P05')
      return 'The request contains characters the database cannot store (such as NUL, \\u0000).';
  }
  return null;
}

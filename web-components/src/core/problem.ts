/**
 * @module core/problem
 * The one error family the components branch on (with `instanceof`, never on message text):
 * a problem the server answered with, a network failure, or a partner too slow to answer.
 * Each carries the plain-language message the learner sees and whether retrying can help.
 */
import type { ProblemBody } from './api-types.js';

/** Base class: every failure the API client throws is one of these. */
export class SbError extends Error {
  /** whether the same request may succeed if tried again (network, timeout, 5xx, 429) */
  readonly retryable: boolean;
  constructor(message: string, retryable: boolean) {
    super(message);
    this.name = new.target.name;
    this.retryable = retryable;
  }
}

/** The server answered with a problem (4xx/5xx, problem+json or not). */
export class ApiProblem extends SbError {
  readonly status: number;
  readonly type: string;
  readonly title: string;
  readonly detail: string | undefined;
  readonly errors: { path: string; message: string }[];
  constructor(status: number, body: ProblemBody) {
    const title = body.title || defaultTitle(status);
    super(
      body.detail ? `${title}: ${body.detail}` : title,
      status >= 500 || status === 429 || status === 408,
    );
    this.status = status;
    this.type = body.type || 'about:blank';
    this.title = title;
    this.detail = body.detail;
    this.errors = body.errors ?? [];
  }

  /** The bearer token is missing, expired or rejected: the host must supply a new one. */
  get isAuth(): boolean {
    return this.status === 401;
  }
}

/** No answer at all: offline, DNS, CORS refusal, connection dropped mid-stream. */
export class NetworkError extends SbError {
  constructor(cause?: unknown) {
    super('Could not reach Sounding Board. Check your connection and try again.', true);
    if (cause !== undefined) (this as { cause?: unknown }).cause = cause;
  }
}

/** The server took longer than the client is willing to wait. */
export class TimeoutError extends SbError {
  constructor(readonly afterMs: number) {
    super('Your partner is taking too long to answer. Nothing you typed is lost; try again.', true);
  }
}

function defaultTitle(status: number): string {
  if (status === 401) return 'Your sign-in has expired';
  if (status === 403) return 'You do not have access to this';
  if (status === 404) return 'Not found';
  if (status === 409) return 'This conflicts with the current state';
  if (status === 429) return 'Too many requests';
  if (status >= 500) return 'Sounding Board had a problem';
  return 'The request was not accepted';
}

/** The message a learner should read for any thrown value. */
export function describeFailure(err: unknown): {
  message: string;
  retryable: boolean;
  auth: boolean;
} {
  if (err instanceof ApiProblem) {
    if (err.isAuth)
      return {
        message: 'Your sign-in has expired. Refresh the page or sign in again, then retry.',
        retryable: true,
        auth: true,
      };
    return { message: err.message, retryable: err.retryable || err.status === 401, auth: false };
  }
  if (err instanceof SbError)
    return { message: err.message, retryable: err.retryable, auth: false };
  return { message: 'Something went wrong. Please try again.', retryable: true, auth: false };
}

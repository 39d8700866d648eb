/**
 * @module store/errors
 * The one error a store throws when the caller's request cannot be applied: typed by kind, with
 * no knowledge of HTTP. The edge (problems/index.ts `toProblemResponse`) is the one place that
 * maps each kind to its problem response (not_found 404, conflict 409, invalid 400, forbidden 403).
 */

export type StoreErrorKind = 'not_found' | 'conflict' | 'invalid' | 'forbidden';

/** A field the error is about (`cohortId`, `learnerIds.2`, `line 3: email`). */
export interface StoreFieldError {
  path: string;
  message: string;
}

export class StoreError extends Error {
  constructor(
    readonly kind: StoreErrorKind,
    readonly detail: string,
    readonly fields?: StoreFieldError[],
    /** more the caller may act on (the ids that clashed, the rows at fault) */
    readonly extra: Record<string, unknown> = {},
  ) {
    super(detail);
    this.name = 'StoreError';
  }

  /** `what` names the kind of thing ("The cohort"), never its id. */
  static notFound(what: string, fields?: StoreFieldError[]) {
    return new StoreError('not_found', `${what} was not found.`, fields);
  }
  static conflict(detail: string, extra?: Record<string, unknown>) {
    return new StoreError('conflict', detail, undefined, extra);
  }
  static invalid(detail: string, fields?: StoreFieldError[], extra?: Record<string, unknown>) {
    return new StoreError('invalid', detail, fields, extra);
  }
  static forbidden(detail: string) {
    return new StoreError('forbidden', detail);
  }
}

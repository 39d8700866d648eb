/**
 * @module test/support/typed-call
 * Types for the test helper's `call`: the body of an answer typed by the route its path reaches,
 * read from the API types generated from the OpenAPI document (web-components/src/api/openapi.d.ts).
 * `/api/sessions/${id}/turns` (a template literal type) matches `/sessions/{id}/turns` segment by
 * segment, a `{param}` taking one whole segment; a query string is left aside. A path no route
 * describes gives `any`, as before.
 */
import type { components, paths } from '../../web-components/src/api/openapi.js';

type Problem = components['schemas']['Problem'];

/** The path without its query string. */
type PathOnly<P extends string> = P extends `${infer Path}?${string}` ? Path : P;

/** Segment by segment: a route's `{param}` takes one whole segment, any other segment must be equal. */
type SegmentsMatch<P extends string, R extends string> = P extends `${infer PH}/${infer PT}`
  ? R extends `${infer RH}/${infer RT}`
    ? (
        RH extends `{${string}}` ? (PH extends '' ? false : true) : PH extends RH ? true : false
      ) extends true
      ? SegmentsMatch<PT, RT>
      : false
    : false
  : R extends `${string}/${string}`
    ? false
    : R extends `{${string}}`
      ? P extends ''
        ? false
        : true
      : P extends R
        ? true
        : false;

/** The routes whose pattern the path matches; a route without a `{param}` there wins, as in the router. */
type Matching<P extends string> = {
  [R in keyof paths & string]: SegmentsMatch<PathOnly<P>, `/api${R}`> extends true ? R : never;
}[keyof paths & string];
type Exact<P extends string, R extends string> = R extends R
  ? PathOnly<P> extends `/api${R}`
    ? R
    : never
  : never;
type RouteOf<P extends string> = [Exact<P, Matching<P>>] extends [never]
  ? Matching<P>
  : Exact<P, Matching<P>>;

type SuccessJson<Op> = Op extends { responses: infer Rs }
  ? {
      [S in keyof Rs]: S extends 200 | 201
        ? Rs[S] extends { content: { 'application/json': infer B } }
          ? B
          : never
        : never;
    }[keyof Rs]
  : never;

type OpOf<M extends string, R> = R extends keyof paths
  ? Lowercase<M> extends keyof paths[R]
    ? paths[R][Lowercase<M>]
    : never
  : never;

/** A type's named members, without its index signature. */
type Named<T> = { [K in keyof T as string extends K ? never : number extends K ? never : K]: T[K] };

/**
 * The problem fields beside a success body (there on a 4xx), so a test reads `detail`, `errors` or
 * a kind's own member (`rows`, typed unknown) without a cast.
 */
type WithProblem<B> = B extends object
  ? B & Required<Omit<Named<Problem>, keyof B>> & { [member: string]: unknown }
  : B;

/** The body type for `call(method, path)`: the route's success JSON, or `any` where no route (or no JSON) is described. */
export type ApiResponse<M extends string, P extends string> = string extends P
  ? any // eslint-disable-line @typescript-eslint/no-explicit-any -- a path only known at run time
  : [SuccessJson<OpOf<M, RouteOf<P>>>] extends [never]
    ? any // eslint-disable-line @typescript-eslint/no-explicit-any -- no JSON described (a page, a file)
    : unknown extends SuccessJson<OpOf<M, RouteOf<P>>>
      ? any // eslint-disable-line @typescript-eslint/no-explicit-any -- any JSON (the OpenAPI document itself)
      : WithProblem<SuccessJson<OpOf<M, RouteOf<P>>>>;

/** What `call` answers. */
export interface Reply<B> {
  status: number;
  body: B;
  headers: Headers;
}

/**
 * A problem body as the test helpers that check one hand it on: every member there (`errors`
 * too, so a test reads its paths straight away), a kind's own members typed unknown.
 */
export type ProblemBody = Required<Named<Problem>> & { [member: string]: unknown };

/**
 * @module well-formed-json
 * JSON request bodies with their strings made well-formed before any route reads them: a lone
 * UTF-16 surrogate (half an emoji a client cut off, sent as `\ud83d`) becomes U+FFFD, as UTF-8
 * encoding would make it. Without this, such a string reached the database inside JSON (a drill's
 * checks, a platform's deployment ids) as an escape PostgreSQL refuses, and the request failed
 * with a 500. One middleware, so no route can forget it; bodies without a surrogate pass untouched.
 */
import { createMiddleware } from 'hono/factory';
import { wellFormed as wellFormedText } from './db/json-rows.js';

// a surrogate escape in the JSON text, or a raw surrogate code unit in the decoded text
const MAY_HOLD_SURROGATE = /\\u[dD][89a-fA-F][0-9a-fA-F]{2}|[\uD800-\uDFFF]/;

/** `value` with every string (keys included) well-formed. */
export function wellFormed(value: unknown): unknown {
  if (typeof value === 'string') return wellFormedText(value);
  if (Array.isArray(value)) return value.map(wellFormed);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [wellFormedText(k), wellFormed(v)]),
    );
  }
  return value;
}

export const wellFormedJsonBodies = createMiddleware(async (c, next) => {
  const type = c.req.header('content-type') ?? '';
  if (
    c.req.method !== 'GET' &&
    c.req.method !== 'HEAD' &&
    /^application\/([\w.-]+\+)?json/i.test(type)
  ) {
    const text = await c.req.text();
    if (MAY_HOLD_SURROGATE.test(text)) {
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch {
        parsed = undefined; // not JSON: the route's validator says so
      }
      // routes read the body through Hono's cache: hand them the well-formed text
      if (parsed !== undefined)
        (c.req.bodyCache as Record<string, unknown>).text = Promise.resolve(
          JSON.stringify(wellFormed(parsed)),
        );
    }
  }
  await next();
});

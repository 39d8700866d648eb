/**
 * @module routes/embed/api-cors
 * CORS for the JSON API, so components embedded on any LMS origin can call it. Open to every
 * origin on purpose: the API authenticates with a bearer token the host page hands over, never
 * with cookies, so there is no ambient credential for another site to ride on (no
 * `Access-Control-Allow-Credentials`). `X-Api-Key` is not allowed from browsers: minting tokens is
 * server to server.
 */
import type { MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';

const EXPOSED = ['Retry-After', 'ETag'];

export function apiCors(): MiddlewareHandler {
  const preflight = cors({
    origin: '*',
    allowMethods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'],
    allowHeaders: ['Authorization', 'Content-Type', 'Accept'],
    exposeHeaders: EXPOSED,
    maxAge: 600,
  });
  const exposed = EXPOSED.join(',');
  // Every other request gets the same two headers Hono's middleware sets, set before the route
  // answers: Hono's sets them on `c.res` before there is a response, and the route's answer is
  // then copied into a new web Response with a stream for its body, which the Node adapter reads
  // back chunk by chunk (a tenth of a session read's CPU). Set this way they travel with the
  // answer itself, errors included (every answer here is made through the context).
  return async (c, next) => {
    if (c.req.method === 'OPTIONS') return preflight(c, next);
    c.header('Access-Control-Allow-Origin', '*');
    c.header('Access-Control-Expose-Headers', exposed);
    await next();
  };
}

/**
 * @module routes/embed/api-cors
 * CORS for the JSON API, so components embedded on any LMS origin can call it. Open to every
 * origin on purpose: the API authenticates with a bearer token the host page hands over, never
 * with cookies, so there is no ambient credential for another site to ride on (no
 * `Access-Control-Allow-Credentials`). `X-Api-Key` is not allowed from browsers: minting tokens is
 * server to server.
 */
import { cors } from 'hono/cors';

export function apiCors() {
  return cors({
    origin: '*',
    allowMethods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'],
    allowHeaders: ['Authorization', 'Content-Type', 'Accept'],
    exposeHeaders: ['Retry-After', 'ETag'],
    maxAge: 600,
  });
}

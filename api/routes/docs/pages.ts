/**
 * @module routes/docs/pages
 * The routes that answer with something other than the JSON API, described in the same OpenAPI
 * document so every route the app serves is in it: this document and its reference page
 * (`/api/openapi.json`, `/api/docs`), the demo pages and embed bundle (`/`, `/facilitator`,
 * `/embed/sounding-board.js`) and the LTI 1.3 tool endpoints (`/lti/*`). Their handlers live
 * with their features (app.ts, routes/embed, routes/lti); this only registers what they answer.
 * Those outside `/api` carry their own `servers` entry, since the document's server is `/api`.
 */
import type { OpenAPIHono } from '@hono/zod-openapi';
import { problemContent } from '../openapi.js';

type Registry = OpenAPIHono['openAPIRegistry'];

const ROOT = [{ url: '/' }];
const html = { 'text/html': { schema: { type: 'string' as const } } };
const script = { 'text/javascript': { schema: { type: 'string' as const } } };

/** The LTI error page's statuses (a refused login or launch), each an HTML page saying why. */
const LAUNCH_REFUSED = {
  400: { description: 'The request is not a valid LTI message (the page says why)', content: html },
  401: { description: 'The launch could not be verified (the page says why)', content: html },
  403: { description: 'The launch is not allowed for this person or role', content: html },
  404: { description: 'The platform, deployment or drill is not registered', content: html },
  502: { description: 'The platform’s key set could not be read', content: html },
  503: {
    description: 'The tool or its database is unavailable; retry later',
    content: { ...html, ...problemContent },
  },
};

/** Registers the non-JSON routes on the API router's document. */
export function registerPages(registry: Registry) {
  registry.registerPath({
    method: 'get',
    path: '/openapi.json',
    tags: ['system'],
    summary: 'This document: the OpenAPI 3.1 description of every route',
    responses: {
      200: {
        description: 'The OpenAPI document',
        // any JSON: the document describes itself by the OpenAPI 3.1 specification, not here
        content: { 'application/json': { schema: {} } },
      },
    },
  });
  registry.registerPath({
    method: 'get',
    path: '/docs',
    tags: ['system'],
    summary: 'A readable API reference, rendered in the browser from /api/openapi.json',
    responses: { 200: { description: 'The reference page', content: html } },
  });
  registry.registerPath({
    method: 'get',
    path: '/docs/docs.js',
    tags: ['system'],
    summary: 'The reference page’s script',
    responses: { 200: { description: 'The script', content: script } },
  });
  registry.registerPath({
    method: 'get',
    path: '/docs/docs.css',
    tags: ['system'],
    summary: 'The reference page’s styles',
    responses: {
      200: {
        description: 'The styles',
        content: { 'text/css': { schema: { type: 'string' } } },
      },
    },
  });

  for (const [path, who] of [
    ['/', 'learner'],
    ['/facilitator', 'facilitator'],
  ] as const) {
    registry.registerPath({
      method: 'get',
      path,
      servers: ROOT,
      tags: ['embed'],
      summary: `The demo page with the ${who} web component`,
      responses: { 200: { description: 'The demo page', content: html } },
    });
  }
  const bundle = {
    path: '/embed/sounding-board.js',
    servers: ROOT,
    tags: ['embed'],
  };
  const bundleAnswers = {
    200: { description: 'The web component bundle (an ES module)', content: script },
    304: { description: 'Not modified (the ETag matches)' },
    503: {
      description: 'The bundle has not been built on this server',
      content: problemContent,
    },
  };
  registry.registerPath({
    ...bundle,
    method: 'get',
    summary: 'The web component bundle, to load from any site',
    responses: bundleAnswers,
  });
  registry.registerPath({
    ...bundle,
    method: 'head',
    summary: 'The bundle’s headers (ETag, caching) without the body',
    responses: {
      200: { description: 'The bundle’s headers' },
      304: bundleAnswers[304],
      503: bundleAnswers[503],
    },
  });
  registry.registerPath({
    ...bundle,
    method: 'options',
    summary: 'CORS preflight for the bundle',
    responses: { 204: { description: 'Allowed from any origin' } },
  });

  const lti = { servers: ROOT, tags: ['lti'] };
  for (const method of ['get', 'post'] as const) {
    registry.registerPath({
      ...lti,
      method,
      path: '/lti/login',
      summary: 'LTI 1.3 third-party login initiation: redirects to the platform’s authorisation',
      responses: {
        302: { description: 'On to the platform’s OIDC authorisation endpoint' },
        ...LAUNCH_REFUSED,
      },
    });
  }
  registry.registerPath({
    ...lti,
    method: 'post',
    path: '/lti/launch',
    summary: 'LTI 1.3 resource link launch (the platform posts the id_token): the practice page',
    responses: { 200: { description: 'The practice page', content: html }, ...LAUNCH_REFUSED },
  });
  registry.registerPath({
    ...lti,
    method: 'post',
    path: '/lti/deep-link',
    summary: 'LTI 1.3 deep linking: choose a drill, posted back to the platform',
    responses: {
      200: { description: 'The drill chooser, or the form posting the choice back', content: html },
      ...LAUNCH_REFUSED,
    },
  });
  registry.registerPath({
    ...lti,
    method: 'get',
    path: '/lti/jwks.json',
    summary: 'The tool’s public key set (JWKS), for platforms to verify its messages',
    responses: {
      200: {
        description: 'The key set',
        content: {
          'application/json': {
            schema: {
              type: 'object',
              required: ['keys'],
              properties: { keys: { type: 'array', items: { type: 'object' } } },
            },
          },
        },
      },
    },
  });
}

/**
 * @module routes/embed
 * What an LMS needs to embed Sounding Board: the component bundle (`/embed/sounding-board.js`,
 * CORS open, cacheable), the demo course page (`/`, `/facilitator`), and short-lived embed tokens
 * minted for a host holding an API key (`POST /api/embed/tokens`). These pages may be framed by the
 * configured LMS origins (CSP `frame-ancestors`); the rest of the API keeps its strict headers.
 */
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AppEnv } from '../../app-env.js';
import { signToken } from '../../auth/index.js';
import { Problem, problemResponse } from '../../problems/index.js';
import { createRouter, json, jsonBody, problems } from '../openapi.js';
import { findDemoPeople } from '../../demo/seed.js';
import {
  DEMO_API_KEY,
  ensureDemoApiKey,
  findActiveApiKey,
  findPersonInOrg,
} from './api-keys.store.js';
import { defaultBundlePath, fileBundleSource, type BundleSource } from './bundle-source.js';
import { renderDemoPage } from './demo-page.js';
import { demoPagePolicy, frameAncestors } from './frame-policy.js';

export { DEMO_API_KEY, createApiKey, revokeApiKey } from './api-keys.store.js';
export { apiCors } from './api-cors.js';
export {
  assetBundleSource,
  staticBundleSource,
  type AssetFetcher,
  type BundleSource,
} from './bundle-source.js';

type Role = 'learner' | 'facilitator' | 'admin';

/** Embed tokens are short-lived by design: the LMS mints one per page view. */
export const EMBED_TOKEN_MAX_TTL = 3600;
const DEFAULT_TTL = 900;
const ROLE_RANK: Record<Role, number> = { learner: 0, facilitator: 1, admin: 2 };

const TokenRequest = z
  .object({
    personEmail: z.email().max(320).optional(),
    personId: z.uuid().optional(),
    role: z
      .enum(['learner', 'facilitator', 'admin'])
      .optional()
      .openapi({ description: 'defaults to the person’s role; may narrow it, never widen it' }),
    ttlSeconds: z
      .number()
      .int()
      .min(60)
      .max(EMBED_TOKEN_MAX_TTL)
      .optional()
      .openapi({ description: `seconds, default ${DEFAULT_TTL}` }),
  })
  .strict()
  .refine((b) => Boolean(b.personEmail) !== Boolean(b.personId), {
    message: 'Give exactly one of personEmail or personId.',
    path: ['personEmail'],
  })
  .openapi('EmbedTokenRequest');

const TokenResponse = z
  .object({
    token: z.string(),
    expiresAt: z.string(),
    personId: z.string(),
    role: z.enum(['learner', 'facilitator', 'admin']),
  })
  .openapi('EmbedToken');

const mint = createRoute({
  method: 'post',
  path: '/embed/tokens',
  tags: ['embed'],
  summary: 'Mint a short-lived embed token for a person (server to server, with an API key)',
  description:
    'Authenticate with `X-Api-Key`. The token is a bearer token for the web components; at most one hour.',
  request: {
    headers: z.object({
      'x-api-key': z.string().optional().openapi({ description: 'the organisation’s API key' }),
    }),
    body: jsonBody(TokenRequest),
  },
  responses: {
    201: { description: 'The token', content: json(TokenResponse) },
    ...problems(400, 401, 403, 404),
  },
});

/**
 * `POST /api/embed/tokens`, mounted on the API router (so it has the API's strict headers and is
 * in the OpenAPI document).
 */
export const embedTokenRoutes = createRouter().openapi(mint, async (c) => {
  const { db, jwtSecret, now, config } = c.var.deps;
  const apiKey = c.req.header('x-api-key') ?? '';
  // the public demo key works in demo mode only (created on first use), never otherwise
  if (apiKey === DEMO_API_KEY) {
    const demo = config.demo ? await findDemoPeople(db) : null;
    if (!demo) throw Problem.unauthorized('The demo API key only works on a server in demo mode.');
    await ensureDemoApiKey(db, demo.learner.orgId);
  }
  const key = apiKey ? await findActiveApiKey(db, apiKey, now()) : null;
  if (!key)
    throw Problem.unauthorized('A valid X-Api-Key header is required to mint embed tokens.');
  const body = c.req.valid('json');
  const person = await findPersonInOrg(db, key.orgId, body);
  if (!person) throw Problem.notFound('That person in this organisation');
  const role = body.role ?? person.role;
  // a key may narrow a person's role (a facilitator previewing as a learner) but never widen it
  if (ROLE_RANK[role] > ROLE_RANK[person.role])
    throw Problem.forbidden(`${person.name} does not hold the ${role} role.`);
  const ttl = body.ttlSeconds ?? DEFAULT_TTL;
  const token = await signToken(
    jwtSecret,
    { sub: person.id, org: person.orgId, role, kind: 'embed' },
    ttl,
  );
  const expiresAt = new Date(now().getTime() + ttl * 1000).toISOString();
  c.header('Cache-Control', 'no-store');
  return c.json({ token, expiresAt, personId: person.id, role }, 201);
});

export interface EmbedRouteOptions {
  /** where the component bundle comes from; on Node the built file by default */
  bundle?: BundleSource;
}

/**
 * An optional extra on the app's deps: a runtime without a file system (Workers) hands its own
 * source over, `deps.embedBundle = assetBundleSource(env.ASSETS)` (the built file as a static asset).
 */
export interface EmbedDeps {
  embedBundle?: BundleSource;
}

/**
 * The bundle and the demo pages, mounted at the root of the app.
 * @example app.route('/', createEmbedRoutes())
 */
export function createEmbedRoutes(opts: EmbedRouteOptions = {}) {
  let bundleSource = opts.bundle;
  const bundle = (): BundleSource => {
    if (!bundleSource) {
      try {
        bundleSource = fileBundleSource(defaultBundlePath());
      } catch {
        bundleSource = { read: async () => null }; // no module URL to resolve from (Workers)
      }
    }
    return bundleSource;
  };
  const app = createRouter();

  app.on(['GET', 'HEAD', 'OPTIONS'], '/embed/sounding-board.js', async (c) => {
    const cors = {
      'Access-Control-Allow-Origin': '*',
      'Access-Control-Allow-Methods': 'GET, HEAD, OPTIONS',
      'Cross-Origin-Resource-Policy': 'cross-origin',
      'Content-Security-Policy': frameAncestors(c.var.deps.config.frameAncestors),
      'X-Content-Type-Options': 'nosniff',
    };
    if (c.req.method === 'OPTIONS')
      return c.body(null, 204, { ...cors, 'Access-Control-Max-Age': '86400' });
    const found = await ((c.var.deps as EmbedDeps).embedBundle ?? bundle()).read();
    if (!found) {
      return problemResponse(
        c,
        new Problem(
          503,
          'Bundle not built',
          'The web component bundle has not been built on this server. Run `npm run build:web` and reload.',
        ).toBody(),
        { ...cors, 'Retry-After': '30', 'Cache-Control': 'no-store' },
      );
    }
    const headers = {
      ...cors,
      'Content-Type': 'text/javascript; charset=utf-8',
      ETag: found.etag,
      // short: an LMS page keeps the same URL across releases, and the ETag makes revalidation cheap
      'Cache-Control': 'public, max-age=300, must-revalidate',
    };
    if (c.req.header('If-None-Match') === found.etag) return c.body(null, 304, headers);
    if (c.req.method === 'HEAD') return c.body(null, 200, headers);
    return c.body(found.body, 200, headers);
  });

  const page = (view: 'learner' | 'facilitator') => (c: Context<AppEnv>) => {
    const nonce = randomNonce();
    return c.html(renderDemoPage({ view, nonce }), 200, {
      'Content-Security-Policy': demoPagePolicy(nonce, c.var.deps.config.frameAncestors),
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'strict-origin-when-cross-origin',
      'Cache-Control': 'no-store',
    });
  };
  app.get('/', page('learner'));
  app.get('/facilitator', page('facilitator'));

  return app;
}

function randomNonce(): string {
  const b = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...b));
}

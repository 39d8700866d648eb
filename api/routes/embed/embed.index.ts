/**
 * @module routes/embed
 * What an LMS needs to embed Sounding Board: the component bundle (`/embed/sounding-board.js`,
 * CORS open, cacheable), the demo course page (`/`, `/facilitator`), and short-lived embed tokens
 * minted for a host holding an API key (`POST /api/embed/tokens`). These pages may be framed by the
 * configured LMS origins (CSP `frame-ancestors`); the rest of the API keeps its strict headers.
 */
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { Database } from '../../db/index.js';
import { Problem, fieldErrors, problemResponse } from '../../problems/index.js';
import { findActiveApiKey, findPersonInOrg } from './api-keys.store.js';
import type { BundleSource } from './bundle-source.js';
import { renderDemoPage } from './demo-page.js';
import { demoPagePolicy, frameAncestors } from './frame-policy.js';

export type EmbedRole = 'learner' | 'facilitator' | 'admin';

export interface EmbedDeps {
  config: { frameAncestors: string[] };
  db: Database;
  bundle: BundleSource;
  /** signs the API's bearer token (the integrator's `signToken`) */
  mintToken(claims: { sub: string; org: string; role: EmbedRole }, ttlSeconds: number): Promise<string>;
  clock?: () => Date;
}

/** Embed tokens are short-lived by design: the LMS mints one per page view. */
export const EMBED_TOKEN_MAX_TTL = 3600;
const DEFAULT_TTL = 900;
const ROLE_RANK: Record<EmbedRole, number> = { learner: 0, facilitator: 1, admin: 2 };

const TokenRequest = z
  .object({
    personEmail: z.email().max(320).optional(),
    personId: z.uuid().optional(),
    role: z.enum(['learner', 'facilitator', 'admin']).optional(),
    ttlSeconds: z.number().int().min(60).max(EMBED_TOKEN_MAX_TTL).optional(),
  })
  .strict()
  .refine((b) => Boolean(b.personEmail) !== Boolean(b.personId), { message: 'Give exactly one of personEmail or personId.', path: ['personEmail'] });

/**
 * @example app.route('/', createEmbedRoutes({ config, db, bundle: fileBundleSource(path), mintToken }))
 */
export function createEmbedRoutes(deps: EmbedDeps): Hono {
  const app = new Hono();
  const now = deps.clock ?? (() => new Date());
  const ancestors = frameAncestors(deps.config.frameAncestors);

  app.on(['GET', 'HEAD', 'OPTIONS'], '/embed/sounding-board.js', async (c) => {
    const cors = {
      'Access-Control-Allow-Origin': '*',
      'Access-Control-Allow-Methods': 'GET, HEAD, OPTIONS',
      'Cross-Origin-Resource-Policy': 'cross-origin',
      'Content-Security-Policy': ancestors,
      'X-Content-Type-Options': 'nosniff',
      Vary: 'Accept-Encoding',
    };
    if (c.req.method === 'OPTIONS') return c.body(null, 204, { ...cors, 'Access-Control-Max-Age': '86400' });
    const bundle = await deps.bundle.read();
    if (!bundle) {
      return problemResponse(
        c,
        new Problem(503, 'Bundle not built', 'The web component bundle has not been built on this server. Run `npm run build:web` and reload.').toBody(),
        { ...cors, 'Retry-After': '30', 'Cache-Control': 'no-store' },
      );
    }
    const headers = {
      ...cors,
      'Content-Type': 'text/javascript; charset=utf-8',
      ETag: bundle.etag,
      // short: an LMS page keeps the same URL across releases, and the ETag makes revalidation cheap
      'Cache-Control': 'public, max-age=300, must-revalidate',
    };
    if (c.req.header('If-None-Match') === bundle.etag) return c.body(null, 304, headers);
    if (c.req.method === 'HEAD') return c.body(null, 200, headers);
    return c.body(bundle.body, 200, headers);
  });

  const page = (view: 'learner' | 'facilitator') => (c: Context) => {
    const nonce = randomNonce();
    return c.html(renderDemoPage({ view, nonce }), 200, {
      'Content-Security-Policy': demoPagePolicy(nonce, deps.config.frameAncestors),
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'strict-origin-when-cross-origin',
      'Cache-Control': 'no-store',
    });
  };
  app.get('/', page('learner'));
  app.get('/facilitator', page('facilitator'));

  app.post('/api/embed/tokens', async (c) => {
    const apiKey = c.req.header('X-Api-Key') ?? '';
    const key = apiKey ? await findActiveApiKey(deps.db, apiKey, now()) : null;
    if (!key) throw Problem.unauthorized('A valid X-Api-Key header is required to mint embed tokens.');
    let raw: unknown;
    try {
      raw = await c.req.json();
    } catch {
      throw Problem.badRequest('The body must be JSON.');
    }
    const parsed = TokenRequest.safeParse(raw);
    if (!parsed.success) throw Problem.badRequest('The token request is not valid.', fieldErrors(parsed.error));
    const body = parsed.data;
    const person = await findPersonInOrg(deps.db, key.orgId, body);
    if (!person) throw Problem.notFound('That person in this organisation');
    const role = body.role ?? person.role;
    // a key may narrow a person's role (a facilitator previewing as a learner) but never widen it
    if (ROLE_RANK[role] > ROLE_RANK[person.role]) throw Problem.forbidden(`${person.name} does not hold the ${role} role.`);
    const ttl = body.ttlSeconds ?? DEFAULT_TTL;
    const token = await deps.mintToken({ sub: person.id, org: person.orgId, role }, ttl);
    const expiresAt = new Date(now().getTime() + ttl * 1000).toISOString();
    return c.json({ token, expiresAt, personId: person.id, role }, 201, { 'Cache-Control': 'no-store' });
  });

  return app;
}

function randomNonce(): string {
  const b = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...b));
}

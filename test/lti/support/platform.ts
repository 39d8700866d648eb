/**
 * @module test/lti/support/platform
 * A simulated LTI 1.3 platform (an LMS) for the tests, served over real HTTP: its own RSA keys and
 * JWKS endpoint, an OIDC authorisation endpoint that answers with the auto-posting launch form,
 * a token endpoint that checks the tool's client assertion against the tool's published keys, a
 * line item score endpoint that can be switched off, and a deep-linking return URL that verifies
 * the tool's signed response. Tests can tamper with any part of the id_token it signs.
 */
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import {
  createRemoteJWKSet,
  exportJWK,
  generateKeyPair,
  jwtVerify,
  SignJWT,
  type JWTPayload,
} from 'jose';
import type { AddressInfo } from 'node:net';

const LTI = 'https://purl.imsglobal.org/spec/lti/claim/';
export const ROLE = {
  learner: 'http://purl.imsglobal.org/vocab/lis/v2/membership#Learner',
  instructor: 'http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor',
};

interface PlatformKey {
  kid: string;
  privateKey: CryptoKey;
  publicJwk: Record<string, unknown>;
}

export interface LaunchUser {
  sub: string;
  name?: string;
  email?: string;
  roles: string[];
}

/** What the next id_token should look like, and how to spoil it. */
export interface LaunchSpec {
  user: LaunchUser;
  messageType?: 'LtiResourceLinkRequest' | 'LtiDeepLinkingRequest' | string;
  resourceLink?: { id: string; title?: string } | null;
  context?: { id: string; title?: string } | null;
  custom?: Record<string, string>;
  lineItem?: string | null;
  deploymentId?: string;
  /** claims to set (undefined deletes) after everything else */
  override?: Record<string, unknown>;
  /** sign with this key (a key the JWKS does not publish, say) */
  signWith?: PlatformKey;
  /** header kid to claim (defaults to the signing key's) */
  kid?: string;
  /** seconds added to iat/exp */
  iatOffset?: number;
  expOffset?: number;
}

export interface Score {
  lineItem: string;
  body: Record<string, unknown>;
  contentType: string | null;
}

export async function makeKey(): Promise<PlatformKey> {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  const kid = `plat-${crypto.randomUUID().slice(0, 8)}`;
  return {
    kid,
    privateKey,
    publicJwk: { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' },
  };
}

/** `clock`: the platform's idea of now (ms), so tests that move the tool's clock can move it too. */
export async function startPlatform(toolUrl: string, opts: { clock?: () => number } = {}) {
  const clock = opts.clock ?? (() => Date.now());
  const app = new Hono();
  const keys: PlatformKey[] = [await makeKey()];
  const state = {
    clientId: `client-${crypto.randomUUID().slice(0, 8)}`,
    deploymentId: 'deploy-1',
    agsDown: false,
    jwksHits: 0,
    tokenRequests: 0,
    scores: [] as Score[],
    deepLinkReturns: [] as JWTPayload[],
    nextLaunch: null as LaunchSpec | null,
    lastAuthRequest: null as URLSearchParams | null,
    issuedTokens: new Set<string>(),
  };
  let base = '';
  const toolJwks = createRemoteJWKSet(new URL(`${toolUrl}/lti/jwks.json`), {
    cooldownDuration: 0,
    cacheMaxAge: 0,
  });

  // a course page that frames the tool, as an LMS does: the iframe starts at the tool's login
  app.get('/course', (c) => {
    const login = `${toolUrl}/lti/login?${new URLSearchParams({ iss: base, login_hint: state.nextLaunch?.user.sub ?? 'x', target_link_uri: `${toolUrl}/lti/launch`, client_id: state.clientId })}`;
    return c.html(
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Course</title></head><body><h1>Coaching 101</h1><iframe title="Sounding Board" src="${login.replace(/&/g, '&amp;')}" style="width:1000px;height:1400px"></iframe></body></html>`,
    );
  });

  app.get('/jwks', (c) => {
    state.jwksHits++;
    return c.json({ keys: keys.map((k) => k.publicJwk) });
  });

  // OIDC authorisation endpoint: answers the tool's login redirect with the auto-posting form
  app.get('/auth', async (c) => {
    const q = new URL(c.req.url).searchParams;
    state.lastAuthRequest = q;
    const spec = state.nextLaunch;
    if (!spec) return c.text('no launch prepared', 400);
    if (
      q.get('client_id') !== state.clientId ||
      q.get('response_type') !== 'id_token' ||
      q.get('scope') !== 'openid' ||
      q.get('response_mode') !== 'form_post'
    )
      return c.text('bad auth request', 400);
    if (q.get('redirect_uri') !== `${toolUrl}/lti/launch`)
      return c.text('redirect_uri not registered', 400);
    const idToken = await signIdToken(spec, q.get('nonce') ?? '');
    // auto-posting, as a real platform answers; HTTP tests read the form instead
    return c.html(
      `<form method="post" action="${q.get('redirect_uri')}"><input type="hidden" name="id_token" value="${idToken}"><input type="hidden" name="state" value="${q.get('state')}"></form><script>document.forms[0].submit()</script>`,
    );
  });

  async function signIdToken(spec: LaunchSpec, nonce: string): Promise<string> {
    const key = spec.signWith ?? keys[keys.length - 1];
    const now = Math.floor(clock() / 1000);
    const messageType = spec.messageType ?? 'LtiResourceLinkRequest';
    const claims: Record<string, unknown> = {
      iss: base,
      aud: state.clientId,
      sub: spec.user.sub,
      nonce,
      iat: now + (spec.iatOffset ?? 0),
      exp: now + 300 + (spec.expOffset ?? 0),
      name: spec.user.name,
      email: spec.user.email,
      [`${LTI}message_type`]: messageType,
      [`${LTI}version`]: '1.3.0',
      [`${LTI}deployment_id`]: spec.deploymentId ?? state.deploymentId,
      [`${LTI}target_link_uri`]: `${toolUrl}/lti/launch`,
      [`${LTI}roles`]: spec.user.roles,
    };
    if (spec.context !== null)
      claims[`${LTI}context`] = spec.context ?? { id: 'course-1', title: 'Coaching 101' };
    if (messageType === 'LtiResourceLinkRequest' && spec.resourceLink !== null)
      claims[`${LTI}resource_link`] = spec.resourceLink ?? { id: 'rl-1', title: 'Listening drill' };
    if (spec.custom) claims[`${LTI}custom`] = spec.custom;
    if (spec.lineItem)
      claims['https://purl.imsglobal.org/spec/lti-ags/claim/endpoint'] = {
        scope: [
          'https://purl.imsglobal.org/spec/lti-ags/scope/score',
          'https://purl.imsglobal.org/spec/lti-ags/scope/lineitem',
        ],
        lineitem: spec.lineItem,
        lineitems: `${base}/lineitems`,
      };
    if (messageType === 'LtiDeepLinkingRequest') {
      claims['https://purl.imsglobal.org/spec/lti-dl/claim/deep_linking_settings'] = {
        deep_link_return_url: `${base}/deep-link-return`,
        accept_types: ['ltiResourceLink'],
        accept_presentation_document_targets: ['iframe'],
        accept_lineitem: true,
        data: 'opaque-platform-data',
      };
    }
    for (const [k, v] of Object.entries(spec.override ?? {})) {
      if (v === undefined) delete claims[k];
      else claims[k] = v;
    }
    return new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', kid: spec.kid ?? key.kid, typ: 'JWT' })
      .sign(key.privateKey);
  }

  // OAuth2 token endpoint: the tool's client assertion must verify against the tool's own JWKS
  app.post('/token', async (c) => {
    state.tokenRequests++;
    const form = await c.req.parseBody();
    if (
      form.grant_type !== 'client_credentials' ||
      form.client_assertion_type !== 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer'
    )
      return c.json({ error: 'unsupported_grant_type' }, 400);
    try {
      const { payload } = await jwtVerify(String(form.client_assertion), toolJwks, {
        issuer: state.clientId,
        subject: state.clientId,
        audience: `${base}/token`,
      });
      if (!payload.jti) throw new Error('no jti');
    } catch (err) {
      return c.json({ error: 'invalid_client', detail: String(err) }, 401);
    }
    const token = `at-${crypto.randomUUID()}`;
    state.issuedTokens.add(token);
    return c.json({
      access_token: token,
      token_type: 'Bearer',
      expires_in: 3600,
      scope: String(form.scope),
    });
  });

  app.post('/lineitems/:id/scores', async (c) => {
    if (state.agsDown) return c.text('maintenance', 503);
    const auth = c.req.header('authorization')?.replace(/^Bearer /, '') ?? '';
    if (!state.issuedTokens.has(auth)) return c.text('unauthorised', 401);
    state.scores.push({
      lineItem: `${base}/lineitems/${c.req.param('id')}`,
      body: await c.req.json(),
      contentType: c.req.header('content-type') ?? null,
    });
    return c.body(null, 204);
  });

  app.post('/deep-link-return', async (c) => {
    const form = await c.req.parseBody();
    const { payload } = await jwtVerify(String(form.JWT), toolJwks, {
      issuer: state.clientId,
      audience: base,
    });
    state.deepLinkReturns.push(payload);
    return c.html('<p>Link added</p>');
  });

  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    get url() {
      return base;
    },
    state,
    keys,
    /** the registration body for POST /api/lti/platforms */
    registration(name = 'Simulated LMS') {
      return {
        name,
        issuer: base,
        clientId: state.clientId,
        deploymentIds: [state.deploymentId],
        authEndpoint: `${base}/auth`,
        tokenEndpoint: `${base}/token`,
        jwksUrl: `${base}/jwks`,
      };
    },
    signIdToken,
    async rotate() {
      keys.push(await makeKey());
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export type SimulatedPlatform = Awaited<ReturnType<typeof startPlatform>>;

/** Reads the action and fields of the first form in an HTML page. */
export function readForm(html: string): { action: string; fields: Record<string, string> } {
  const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1] ?? '';
  const fields: Record<string, string> = {};
  for (const m of html.matchAll(/<input[^>]*name="([^"]+)"[^>]*value="([^"]*)"/g))
    fields[m[1]] = decode(m[2]);
  return { action: decode(action), fields };
}

function decode(s: string) {
  return s
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/**
 * Drives a whole launch as a browser would: login at the tool, follow the redirect to the
 * platform, post the platform's form back to the tool. Returns the tool's final response.
 */
export async function launchThrough(
  toolUrl: string,
  platform: SimulatedPlatform,
  spec: LaunchSpec,
  opts: { tamperForm?: (f: Record<string, string>) => void } = {},
) {
  platform.state.nextLaunch = spec;
  const login = await fetch(
    `${toolUrl}/lti/login?${new URLSearchParams({ iss: platform.url, login_hint: spec.user.sub, target_link_uri: `${toolUrl}/lti/launch`, lti_message_hint: 'hint-1', client_id: platform.state.clientId })}`,
    { redirect: 'manual' },
  );
  if (login.status !== 302)
    return { status: login.status, html: await login.text(), headers: login.headers, form: null };
  const auth = await fetch(login.headers.get('location')!);
  const form = readForm(await auth.text());
  opts.tamperForm?.(form.fields);
  const res = await fetch(form.action, {
    method: 'POST',
    body: new URLSearchParams(form.fields),
    redirect: 'manual',
  });
  return { status: res.status, html: await res.text(), headers: res.headers, form: form.fields };
}

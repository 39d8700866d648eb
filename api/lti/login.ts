/**
 * @module lti/login
 * OIDC third-party-initiated login: the LMS tells the tool who is coming (`iss`, `login_hint`,
 * `target_link_uri`); the tool records a fresh state and nonce on the server and sends the browser
 * to the platform's authorisation endpoint, which posts the signed id_token back to `/lti/launch`.
 * State lives in the database, not a cookie: LMS iframes block third-party cookies.
 */
import { count, gt, lt } from 'drizzle-orm';
import type { Database } from '../db/index.js';
import { ltiLoginStates } from '../db/schema/index.js';
import { LaunchError } from './launch-error.js';
import { platformsForLogin } from './platforms.store.js';

/** How long a browser has between login and launch. */
export const LOGIN_STATE_TTL_MS = 10 * 60_000;

export interface LoginRequest {
  iss?: string;
  login_hint?: string;
  target_link_uri?: string;
  lti_message_hint?: string;
  lti_deployment_id?: string;
  client_id?: string;
}

function randomToken(bytes = 32): string {
  const b = crypto.getRandomValues(new Uint8Array(bytes));
  return btoa(String.fromCharCode(...b))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}

/**
 * Starts a login: returns the URL to redirect the browser to.
 * @param toolBase the tool's public origin, e.g. `https://sb.example.org`
 */
export async function startLogin(
  db: Database,
  params: LoginRequest,
  toolBase: string,
  now: Date,
  maxPending = 10_000,
): Promise<string> {
  const { iss, login_hint: loginHint, target_link_uri: target } = params;
  if (!iss || !loginHint || !target) throw new LaunchError('login_params', 400);
  const candidates = await platformsForLogin(db, iss, params.client_id || undefined);
  // without client_id the issuer must identify exactly one registration
  if (candidates.length !== 1)
    throw new LaunchError(
      'platform',
      400,
      candidates.length > 1
        ? 'several registrations share this issuer; the platform must send client_id'
        : undefined,
    );
  const platform = candidates[0];
  let targetUrl: URL;
  try {
    targetUrl = new URL(target);
  } catch {
    throw new LaunchError('target', 400);
  }
  // the id_token comes back to our own launch URL only; a foreign target would make us an open redirector
  if (targetUrl.origin !== new URL(toolBase).origin) throw new LaunchError('target', 400);
  if (params.lti_deployment_id && !platform.deploymentIds.includes(params.lti_deployment_id))
    throw new LaunchError('deployment', 400);

  const state = randomToken();
  const nonce = randomToken();
  // sweep expired states on the way (cheap: indexed by expiry)
  await db.delete(ltiLoginStates).where(lt(ltiLoginStates.expiresAt, now));
  // logins need no authentication, so the table of states waiting for a launch is capped: a flood
  // of logins for a registered issuer fills it to the cap and no further (and expires in 10 minutes)
  const [pending] = await db
    .select({ n: count() })
    .from(ltiLoginStates)
    .where(gt(ltiLoginStates.expiresAt, now));
  if (pending.n >= maxPending) throw new LaunchError('busy', 503);
  await db.insert(ltiLoginStates).values({
    state,
    nonce,
    platformId: platform.id,
    targetLinkUri: target,
    expiresAt: new Date(now.getTime() + LOGIN_STATE_TTL_MS),
  });

  const auth = new URL(platform.authEndpoint);
  const q = auth.searchParams;
  q.set('scope', 'openid');
  q.set('response_type', 'id_token');
  q.set('response_mode', 'form_post');
  q.set('prompt', 'none');
  q.set('client_id', platform.clientId);
  q.set('redirect_uri', `${toolBase}/lti/launch`);
  q.set('login_hint', loginHint);
  if (params.lti_message_hint) q.set('lti_message_hint', params.lti_message_hint);
  q.set('state', state);
  q.set('nonce', nonce);
  return auth.toString();
}

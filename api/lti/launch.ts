/**
 * @module lti/launch
 * Validates a launch (the form the platform posts to `/lti/launch`) per the 1EdTech Security
 * Framework: the server-side state is consumed first (single use, so the nonce it carries is single
 * use too), then the id_token's signature is checked against the platform's key for its `kid`, then
 * `iss`, `aud`/`azp`, `exp`/`iat`, `nonce`, `deployment_id`, message type, LTI version and the
 * claims the message type needs. Any failure is a `LaunchError` naming the check.
 */
import { eq } from 'drizzle-orm';
import { decodeProtectedHeader, errors, jwtVerify, type JWTPayload } from 'jose';
import type { Database } from '../db/index.js';
import { ltiLoginStates } from '../db/schema/index.js';
import {
  CLAIM,
  LTI_VERSION,
  MESSAGE_TYPES,
  type AgsEndpointClaim,
  type ContextClaim,
  type DeepLinkingSettings,
  type LaunchClaims,
  type ResourceLinkClaim,
} from './claims.js';
import { LaunchError } from './launch-error.js';
import { JwksFetchError, type PlatformJwks } from './platform-jwks.js';
import { findPlatformById, type PlatformRow } from './platforms.store.js';

/** Oldest id_token accepted (by `iat`): the platform signs it just before the browser posts it. */
export const MAX_ID_TOKEN_AGE_S = 5 * 60;
/** Clock skew tolerated between platform and tool. */
export const CLOCK_TOLERANCE_S = 30;

export interface ValidLaunch {
  platform: PlatformRow;
  claims: LaunchClaims;
}

/** Consumes the state (delete ... returning: two posts of the same form cannot both win). */
async function consumeState(db: Database, state: string, now: Date) {
  const [row] = await db.delete(ltiLoginStates).where(eq(ltiLoginStates.state, state)).returning();
  if (!row) throw new LaunchError('state');
  if (row.expiresAt.getTime() < now.getTime()) throw new LaunchError('state_expired');
  return row;
}

function str(v: unknown): string | null {
  return typeof v === 'string' && v.length > 0 ? v : null;
}

/**
 * Validates the posted launch form.
 * @throws LaunchError naming the failed check
 */
export async function validateLaunch(
  db: Database,
  jwks: PlatformJwks,
  form: { id_token?: string; state?: string },
  now: Date,
): Promise<ValidLaunch> {
  if (!form.state || !form.id_token)
    throw new LaunchError('state', 400, 'the form must carry id_token and state');
  const stored = await consumeState(db, form.state, now);
  const platform = await findPlatformById(db, stored.platformId);
  if (!platform) throw new LaunchError('platform');

  let header;
  try {
    header = decodeProtectedHeader(form.id_token);
  } catch {
    throw new LaunchError('malformed', 400);
  }
  // the algorithm itself is enforced by jwtVerify's `algorithms` below (one check, one place)
  if (!header.kid) throw new LaunchError('unknown_kid', 401, 'no kid in the header');

  let key;
  try {
    key = await jwks.keyFor(platform.jwksUrl, header.kid);
  } catch (err) {
    if (err instanceof JwksFetchError)
      throw new LaunchError('jwks_unavailable', 502, undefined, err.message);
    throw err;
  }
  if (!key) throw new LaunchError('unknown_kid');

  let payload: JWTPayload;
  try {
    ({ payload } = await jwtVerify(form.id_token, key, {
      algorithms: ['RS256'],
      issuer: platform.issuer,
      audience: platform.clientId,
      maxTokenAge: MAX_ID_TOKEN_AGE_S,
      clockTolerance: CLOCK_TOLERANCE_S,
      currentDate: now,
      requiredClaims: ['exp', 'iat', 'nonce'],
    }));
  } catch (err) {
    throw verifyFailure(err);
  }

  // with several audiences the platform must say which one it means (OIDC Core 3.1.3.7)
  const aud = payload.aud;
  if (Array.isArray(aud) && aud.length > 1 && payload.azp === undefined)
    throw new LaunchError('azp', 401, 'several audiences and no azp');
  if (payload.azp !== undefined && payload.azp !== platform.clientId) throw new LaunchError('azp');
  if (payload.nonce !== stored.nonce) throw new LaunchError('nonce');

  const p = payload as Record<string, unknown>;
  const deploymentId = str(p[CLAIM.deploymentId]);
  if (!deploymentId || !platform.deploymentIds.includes(deploymentId))
    throw new LaunchError('deployment');
  const messageType = p[CLAIM.messageType];
  if (
    messageType !== MESSAGE_TYPES.resourceLink &&
    messageType !== MESSAGE_TYPES.deepLinkingRequest
  )
    throw new LaunchError('message_type', 400);
  if (p[CLAIM.version] !== LTI_VERSION) throw new LaunchError('version', 400);

  return { platform, claims: readClaims(p, messageType, deploymentId) };
}

function verifyFailure(err: unknown): LaunchError {
  // JWTExpired is also what jose throws for an iat older than maxTokenAge
  if (err instanceof errors.JWTExpired)
    return new LaunchError(err.claim === 'iat' ? 'iat' : 'expired');
  if (err instanceof errors.JWTClaimValidationFailed) {
    if (err.reason === 'missing') return new LaunchError('claims', 400, `missing ${err.claim}`);
    if (err.claim === 'iss') return new LaunchError('issuer');
    if (err.claim === 'aud') return new LaunchError('audience');
    if (err.claim === 'iat') return new LaunchError('iat');
    if (err.claim === 'exp') return new LaunchError('expired');
    return new LaunchError('claims', 400, `${err.claim}: ${err.reason}`);
  }
  if (err instanceof errors.JWSSignatureVerificationFailed) return new LaunchError('signature');
  if (err instanceof errors.JOSEAlgNotAllowed) return new LaunchError('algorithm');
  return new LaunchError('malformed', 400);
}

function readClaims(
  p: Record<string, unknown>,
  messageType: LaunchClaims['messageType'],
  deploymentId: string,
): LaunchClaims {
  const missing: string[] = [];
  const sub = str(p.sub);
  if (!sub) missing.push('sub');
  const targetLinkUri = str(p[CLAIM.targetLinkUri]);
  if (!targetLinkUri) missing.push('target_link_uri');
  const roles = p[CLAIM.roles];
  if (!Array.isArray(roles) || roles.some((r) => typeof r !== 'string')) missing.push('roles');

  let resourceLink: ResourceLinkClaim | null = null;
  let deepLinking: DeepLinkingSettings | null = null;
  if (messageType === MESSAGE_TYPES.resourceLink) {
    const rl = p[CLAIM.resourceLink] as Partial<ResourceLinkClaim> | undefined;
    if (!rl || !str(rl.id)) missing.push('resource_link.id');
    else resourceLink = { id: rl.id!, ...(str(rl.title) ? { title: rl.title } : {}) };
  } else {
    const dl = p[CLAIM.deepLinkingSettings] as Partial<DeepLinkingSettings> | undefined;
    if (!dl || !str(dl.deep_link_return_url) || !Array.isArray(dl.accept_types))
      missing.push('deep_linking_settings');
    else deepLinking = dl as DeepLinkingSettings;
  }
  if (missing.length) throw new LaunchError('claims', 400, `missing ${missing.join(', ')}`);

  const ctx = p[CLAIM.context] as Partial<ContextClaim> | undefined;
  const custom = p[CLAIM.custom];
  const ags = p[CLAIM.agsEndpoint] as Partial<AgsEndpointClaim> | undefined;
  const presentation = p[CLAIM.launchPresentation] as { return_url?: unknown } | undefined;
  const given = [str(p.given_name), str(p.family_name)].filter(Boolean).join(' ');
  return {
    sub: sub!,
    messageType,
    deploymentId,
    targetLinkUri: targetLinkUri!,
    roles: roles as string[],
    name: str(p.name) ?? (given || null),
    email: str(p.email),
    context:
      ctx && str(ctx.id)
        ? {
            id: ctx.id!,
            ...(str(ctx.title) ? { title: ctx.title } : {}),
            ...(str(ctx.label) ? { label: ctx.label } : {}),
          }
        : null,
    resourceLink,
    custom:
      custom && typeof custom === 'object'
        ? (Object.fromEntries(
            Object.entries(custom).filter(([, v]) => typeof v === 'string'),
          ) as Record<string, string>)
        : {},
    ags:
      ags && Array.isArray(ags.scope)
        ? {
            scope: ags.scope.filter((s): s is string => typeof s === 'string'),
            ...(str(ags.lineitem) ? { lineitem: ags.lineitem } : {}),
            ...(str(ags.lineitems) ? { lineitems: ags.lineitems } : {}),
          }
        : null,
    deepLinking,
    returnUrl: presentation ? str(presentation.return_url) : null,
  };
}

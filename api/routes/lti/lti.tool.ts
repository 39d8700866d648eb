/**
 * @module routes/lti/tool
 * The LTI tool endpoints the LMS and its iframe talk to, mounted at the app root (outside `/api`,
 * whose headers forbid framing): `/lti/login` (GET and POST), `/lti/launch`, `/lti/deep-link` and
 * `/lti/jwks.json`. Handlers validate and call `api/lti`; refusals become an error page, never a
 * token.
 */
import { Hono, type Context } from 'hono';
import type { AppEnv } from '../../app-env.js';
import { signToken } from '../../auth/index.js';
import { drillSpecOf, findDrill } from '../../store/drills.js';
import {
  LaunchError,
  drillContentItem,
  findPlatform,
  launchRoleOf,
  listOrgDrills,
  ltiPagePolicy,
  ltiRuntimeOf,
  mapLaunch,
  pageNonce,
  publicKeySet,
  readDeepLinkTicket,
  renderAutoPost,
  renderDrillPicker,
  renderLaunchError,
  renderLaunchPage,
  signDeepLinkTicket,
  signDeepLinkingResponse,
  activeSigningKey,
  startLogin,
  validateLaunch,
  platformFrameOrigins,
  MESSAGE_TYPES,
  type LaunchRole,
  type MappedLaunch,
  type PlatformRow,
} from '../../lti/index.js';

/** Launch tokens cover a practice session or a review of a cohort. */
export const LAUNCH_TOKEN_TTL_S = 2 * 3600;

const NO_STORE = {
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};

/** The tool's public origin: the configured public URL, else the origin the request came to. */
export function toolBase(c: Context<AppEnv>): string {
  return (c.var.deps.config.publicUrl ?? new URL(c.req.url).origin).replace(/\/$/, '');
}

function page(
  c: Context<AppEnv>,
  html: (nonce: string) => string,
  status: 200 | 400 | 401 | 403 | 404 | 502 | 503,
  frameOrigins: readonly string[],
) {
  const nonce = pageNonce();
  return c.html(html(nonce), status, {
    ...NO_STORE,
    'Content-Security-Policy': ltiPagePolicy(nonce, frameOrigins),
  });
}

function refuse(c: Context<AppEnv>, err: unknown, frameOrigins: readonly string[] = []) {
  if (!(err instanceof LaunchError)) throw err;
  // debug, not warn: anyone may send refused logins, and a line each would let them flood the log;
  // a platform's trouble (its key set) is the operator's to see, at most once per JWKS cooldown
  if (err.logDetail)
    c.var.deps.logger.warn('lti launch refused', { reason: err.reason, detail: err.logDetail });
  else c.var.deps.logger.debug('lti launch refused', { reason: err.reason });
  // a refused launch may come from any LMS, so the error page may be framed anywhere it can be shown
  return page(
    c,
    (nonce) => renderLaunchError({ reason: err.reason, message: err.message, nonce }),
    err.status,
    frameOrigins.length ? frameOrigins : ['*'],
  );
}

async function form(c: Context<AppEnv>): Promise<Record<string, string>> {
  const body = await c.req.parseBody().catch(() => ({}));
  return Object.fromEntries(
    Object.entries(body).filter(([, v]) => typeof v === 'string'),
  ) as Record<string, string>;
}

async function login(c: Context<AppEnv>) {
  const params = c.req.method === 'GET' ? c.req.query() : await form(c);
  try {
    const location = await startLogin(
      c.var.deps.db,
      params,
      toolBase(c),
      c.var.deps.now(),
      c.var.deps.config.ltiMaxPendingLogins,
    );
    return c.body(null, 302, { ...NO_STORE, Location: location });
  } catch (err) {
    return refuse(c, err);
  }
}

async function launch(c: Context<AppEnv>) {
  const { db, jwtSecret, now } = c.var.deps;
  const body = await form(c);
  let platform: PlatformRow | null = null;
  try {
    const valid = await validateLaunch(db, ltiRuntimeOf(c.var.deps).jwks, body, now());
    platform = valid.platform;
    const { claims } = valid;
    const role = launchRoleOf(claims.roles);
    const frames = platformFrameOrigins(platform, c.var.deps.config.frameAncestors);

    if (claims.messageType === MESSAGE_TYPES.deepLinkingRequest) {
      if (role !== 'facilitator') throw new LaunchError('role', 403);
      const mapped = await mapLaunch(db, platform, claims, role, now());
      // picking a drill for the course is the LMS's call; the role and cohort rules still applied
      logHeldBack(c, mapped, platform, role);
      const settings = claims.deepLinking!;
      const ticket = await signDeepLinkTicket(
        jwtSecret,
        {
          platformId: platform.id,
          orgId: platform.orgId,
          personId: mapped.person.id,
          deploymentId: claims.deploymentId,
          returnUrl: settings.deep_link_return_url,
          ...(settings.data !== undefined ? { data: settings.data } : {}),
          acceptLineItem: settings.accept_lineitem !== false,
        },
        now(),
      );
      const drills = await listOrgDrills(db, platform.orgId);
      return page(
        c,
        (nonce) =>
          renderDrillPicker({
            drills,
            ticket,
            acceptLineItem: settings.accept_lineitem !== false,
            nonce,
          }),
        200,
        [...frames, new URL(settings.deep_link_return_url).origin],
      );
    }

    const mapped = await mapLaunch(db, platform, claims, role, now());
    logHeldBack(c, mapped, platform, role);
    const token = await signToken(
      jwtSecret,
      { sub: mapped.person.id, org: mapped.person.orgId, role: mapped.person.role, kind: 'embed' },
      LAUNCH_TOKEN_TTL_S,
    );
    const drillId = mapped.resourceLink?.drillId ?? null;
    const drill = drillId ? await findDrill(db, platform.orgId, drillId) : null;
    const { view, heldBack } = mapped;
    const title =
      view === 'facilitator'
        ? (claims.context?.title ?? 'Your course')
        : (drill?.title ?? claims.resourceLink?.title ?? 'Practise coaching');
    return page(
      c,
      (nonce) =>
        renderLaunchPage({
          view,
          token,
          apiBase: toolBase(c),
          drillId,
          cohortId: mapped.cohortId,
          title,
          nonce,
          notice: role === 'facilitator' ? heldBack : null,
        }),
      200,
      frames,
    );
  } catch (err) {
    return refuse(
      c,
      err,
      platform ? platformFrameOrigins(platform, c.var.deps.config.frameAncestors) : [],
    );
  }
}

/**
 * Says in the log when a launch did less than the LMS role asked for (ids and roles only: never
 * names, emails or tokens), so an admin asked "why do I not see my course?" can find out.
 */
function logHeldBack(
  c: Context<AppEnv>,
  mapped: MappedLaunch,
  platform: PlatformRow,
  lmsRole: LaunchRole,
) {
  const held = mapped.heldBack;
  if (!held) return;
  const ids = {
    personId: mapped.person.id,
    platformId: platform.id,
    cohortId: mapped.cohortId,
    lmsRole,
  };
  if (held.kind === 'role_kept')
    c.var.deps.logger.warn('lti launch kept the stored role: the person is still in cohorts', {
      ...ids,
      storedRole: mapped.person.role,
      cohorts: held.cohorts,
    });
  else
    c.var.deps.logger.info(
      'lti launch did not put back someone taken out of the course cohort',
      ids,
    );
}

async function deepLink(c: Context<AppEnv>) {
  const { db, jwtSecret, now } = c.var.deps;
  const body = await form(c);
  try {
    const ticket = body.ticket ? await readDeepLinkTicket(jwtSecret, body.ticket, now()) : null;
    if (!ticket)
      throw new LaunchError(
        'state',
        401,
        'the drill picker expired; open it again from the course',
      );
    const platform = await findPlatform(db, ticket.orgId, ticket.platformId);
    if (!platform) throw new LaunchError('platform');
    const drillRow =
      body.drill_id && /^[0-9a-f-]{36}$/i.test(body.drill_id)
        ? await findDrill(db, ticket.orgId, body.drill_id)
        : null;
    if (!drillRow) throw new LaunchError('drill', 404);
    const drill = drillSpecOf(drillRow);
    const item = drillContentItem({
      drillId: drill.id,
      title: drill.title,
      description: drill.description,
      launchUrl: `${toolBase(c)}/lti/launch`,
      graded: ticket.acceptLineItem && body.graded === '1',
    });
    const jwt = await signDeepLinkingResponse(await activeSigningKey(db, ticket.orgId, now()), {
      clientId: platform.clientId,
      platformIssuer: platform.issuer,
      deploymentId: ticket.deploymentId,
      data: ticket.data,
      items: [item],
      message: `Added “${drill.title}”.`,
      now: now(),
    });
    const returnOrigin = new URL(ticket.returnUrl).origin;
    return page(c, (nonce) => renderAutoPost({ action: ticket.returnUrl, jwt, nonce }), 200, [
      ...platformFrameOrigins(platform, c.var.deps.config.frameAncestors),
      returnOrigin,
    ]);
  } catch (err) {
    return refuse(c, err);
  }
}

/** The `/lti/*` routes; mount with `app.route('/', ltiToolRoutes)`. */
export const ltiToolRoutes = new Hono<AppEnv>()
  .get('/lti/login', login)
  .post('/lti/login', login)
  .post('/lti/launch', launch)
  .post('/lti/deep-link', deepLink)
  .get('/lti/jwks.json', async (c) => {
    const set = await publicKeySet(c.var.deps.db);
    // short cache: a rotated key shows up within minutes, and the previous key stays published meanwhile
    return c.json(set, 200, {
      'Cache-Control': 'public, max-age=300',
      'Access-Control-Allow-Origin': '*',
    });
  });

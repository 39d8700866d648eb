/**
 * @module lti/runtime
 * The LMS integration's per-app state: the platforms' key cache and the AGS token cache. One per
 * `AppDeps` (kept in a WeakMap, never a module-level singleton), so each test app has its own.
 * When the grade outbox runs is not LTI's business: api/outbox/runtime decides that for every
 * outbox; `drainGrades` is how it runs this one.
 */
import type { AppDeps } from '../app-env.js';
import { AccessTokens } from './ags/access-token.js';
import { deliverDueGrades, type DeliveryReport } from './ags/grade-outbox.js';
import { PlatformJwks } from './platform-jwks.js';

export class LtiRuntime {
  readonly jwks: PlatformJwks;
  readonly tokens: AccessTokens;

  constructor(deps: AppDeps) {
    this.jwks = new PlatformJwks({
      now: () => deps.now(),
      allowHosts: deps.config.allowPrivateHosts,
    });
    this.tokens = new AccessTokens(undefined, () => deps.now(), deps.config.allowPrivateHosts);
  }
}

const runtimes = new WeakMap<AppDeps, LtiRuntime>();

/** The LTI state of an app, created on first use. */
export function ltiRuntimeOf(deps: AppDeps): LtiRuntime {
  let r = runtimes.get(deps);
  if (!r) runtimes.set(deps, (r = new LtiRuntime(deps)));
  return r;
}

/**
 * Delivers the app's due grades with its token cache: at most `limit` (the outbox's default when
 * absent), only `orgId`'s when given. A clock, not one instant: each row's lease starts when that
 * row is claimed.
 * @example await drainGrades(deps, { orgId })
 */
export function drainGrades(
  deps: AppDeps,
  opts: { limit?: number; orgId?: string } = {},
): Promise<DeliveryReport> {
  return deliverDueGrades(deps.db, ltiRuntimeOf(deps).tokens, {
    now: () => deps.now(),
    limit: opts.limit,
    logger: deps.logger,
    orgId: opts.orgId,
  });
}

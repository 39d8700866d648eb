/**
 * @module net/guarded-fetch
 * `fetch` for URLs someone else chose (an organisation's LRS, an LTI platform's key set, token
 * and score endpoints): the target is checked just before each request, on the addresses its
 * name resolves to now (a name that was public when it was saved may point inside later), and
 * redirects are followed by hand, at most a few, each checked the same way, so a public URL
 * cannot bounce the request to 169.254.169.254. A refused target throws `PrivateTargetError`
 * without any request being made.
 *
 * DNS rebinding: on Node the name is resolved once, the answers are checked, and the connection
 * is made to those answers only (net/pinned-request), so a name with a zero TTL that answers a
 * public address to the check and 127.0.0.1 a moment later never gets the second question.
 * On Workers there is no DNS to pin (fetch resolves on Cloudflare's network, and a Worker has no
 * loopback or metadata service of its own to reach): the URL's name and literal addresses are
 * checked, and the request goes out through the platform's fetch.
 */
import type { PinnedConnections } from './pinned-request.js';
import { checkTarget, systemResolver, type Resolver } from './private-targets.js';

export class PrivateTargetError extends Error {
  constructor(
    readonly url: string,
    readonly reason: string,
  ) {
    super(`refused to call ${new URL(url).host}: ${reason}`);
    this.name = 'PrivateTargetError';
  }
}

const MAX_REDIRECTS = 3;

export interface GuardedFetchOptions {
  /**
   * Makes the request instead of the pinned connection (tests that answer without a network).
   * It is handed the checked URL and may resolve the name again: production leaves it unset.
   */
  fetch?: typeof fetch;
  /** resolves host names (the system's by default; tests inject one that rebinds) */
  resolve?: Resolver;
}

/** Cloudflare Workers: fetch resolves names on Cloudflare's network, so nothing can be pinned. */
const onWorkers = () =>
  (globalThis as { navigator?: { userAgent?: string } }).navigator?.userAgent ===
  'Cloudflare-Workers';

/**
 * A guarded fetch's way out: the injected fetch, else (Node, the name resolved) a connection to
 * the checked addresses only, else the platform's fetch. The pinned pool is made on first use,
 * with a dynamic import, so Workers never load `node:http`.
 */
function transport(fetchFn: typeof fetch | undefined) {
  let pinned: Promise<PinnedConnections> | undefined;
  return async (url: string, init: RequestInit, addresses: string[] | null) => {
    if (fetchFn) return fetchFn(url, init);
    if (addresses === null || onWorkers()) return fetch(url, init);
    pinned ??= import('./pinned-request.js').then((m) => new m.PinnedConnections());
    return (await pinned).fetch(url, init, addresses);
  };
}

/**
 * A fetch that refuses loopback, private and link-local targets not in `allowHosts`.
 * @example const get = guardedFetch(['lms.campus.internal']); await get(url)
 */
export function guardedFetch(allowHosts: readonly string[], options: GuardedFetchOptions = {}) {
  const resolve = options.resolve ?? systemResolver;
  const send = transport(options.fetch);
  return async (url: string, init: RequestInit = {}): Promise<Response> => {
    let target = url;
    let request = init;
    for (let hop = 0; ; hop++) {
      const checked = await checkTarget(target, allowHosts, resolve);
      if (checked.refused !== undefined) throw new PrivateTargetError(target, checked.refused);
      const res = await send(target, { ...request, redirect: 'manual' }, checked.addresses);
      const location = res.status >= 300 && res.status < 400 ? res.headers.get('location') : null;
      if (!location || hop >= MAX_REDIRECTS) return res;
      await res.body?.cancel().catch(() => {});
      const next = new URL(location, target);
      // credentials never follow a redirect to another origin
      if (next.origin !== new URL(target).origin && request.headers) {
        const headers = new Headers(request.headers);
        headers.delete('authorization');
        request = { ...request, headers };
      }
      target = next.toString();
      // 303 (and 301/302 after a POST, as browsers do) turn into a GET without a body
      if (
        res.status === 303 ||
        ((res.status === 301 || res.status === 302) &&
          (request.method ?? 'GET').toUpperCase() === 'POST')
      ) {
        request = { ...request, method: 'GET', body: undefined };
      }
    }
  };
}

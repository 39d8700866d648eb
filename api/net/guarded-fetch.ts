/**
 * @module net/guarded-fetch
 * `fetch` for URLs someone else chose (an LTI platform's key set, token and score endpoints):
 * the target is checked just before each request, on the addresses its name resolves to now
 * (a name that was public when it was saved may point inside later: DNS rebinding), and
 * redirects are followed by hand, at most a few, each checked the same way, so a public URL
 * cannot bounce the request to 169.254.169.254. A refused target throws `PrivateTargetError`
 * without any request being made.
 *
 * What remains: between the check and the connection the name is resolved once more by fetch
 * itself, so a resolver answering with a zero TTL could still switch in that moment. Literal
 * addresses and slower rebinding are caught.
 */
import { privateTargetReason } from './private-targets.js';

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

/**
 * A fetch that refuses loopback, private and link-local targets not in `allowHosts`.
 * @example const get = guardedFetch(['lms.campus.internal']); await get(url)
 */
export function guardedFetch(
  allowHosts: readonly string[],
  fetchFn: typeof fetch = (...a) => fetch(...a),
) {
  return async (url: string, init: RequestInit = {}): Promise<Response> => {
    let target = url;
    let request = init;
    for (let hop = 0; ; hop++) {
      const reason = await privateTargetReason(target, allowHosts);
      if (reason) throw new PrivateTargetError(target, reason);
      const res = await fetchFn(target, { ...request, redirect: 'manual' });
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

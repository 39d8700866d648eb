/**
 * @module routes/embed/frame-policy
 * Who may frame the embed pages. The API keeps strict headers (no framing at all); the embed
 * routes and the demo page may be framed by the LMS origins an operator lists in
 * `SB_FRAME_ANCESTORS`, and by nobody else. Origins are validated here so a typo in the
 * configuration cannot widen the policy (no wildcards, no paths, no quotes smuggled in).
 */

/** Keeps only well-formed http(s) origins (scheme://host[:port]), deduplicated, in order. */
export function normaliseOrigins(origins: readonly string[]): string[] {
  const out: string[] = [];
  for (const raw of origins) {
    let url: URL;
    try {
      url = new URL(raw.trim());
    } catch {
      continue;
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') continue;
    if (url.username || url.password) continue;
    // `new URL` accepts "https://*.lms.edu"? It does not; but reject anything odd left in the host
    if (!/^[a-z0-9.-]+(:\d+)?$/i.test(url.host) && !/^\[[0-9a-f:]+\](:\d+)?$/i.test(url.host))
      continue;
    if (!out.includes(url.origin)) out.push(url.origin);
  }
  return out;
}

/** The `frame-ancestors` directive: the API's own origin plus the configured LMS origins. */
export function frameAncestors(origins: readonly string[]): string {
  return ["frame-ancestors 'self'", ...normaliseOrigins(origins)].join(' ');
}

/**
 * The Content-Security-Policy of a page we serve into a frame (demo course page, LTI pages): its
 * own scripts and styles by nonce, API calls to this origin, forms posting only to this origin
 * and `formTargets`, framed only by `origins`. Components' constructable stylesheets are unaffected.
 */
export function framedPagePolicy(
  nonce: string,
  origins: readonly string[],
  formTargets: readonly string[] = [],
): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'`,
    `style-src 'self' 'nonce-${nonce}'`,
    "img-src 'self' data:",
    "connect-src 'self'",
    "base-uri 'none'",
    ["form-action 'self'", ...formTargets].join(' '),
    "object-src 'none'",
    frameAncestors(origins),
  ].join('; ');
}

/** The demo course page's policy. */
export function demoPagePolicy(nonce: string, origins: readonly string[]): string {
  return framedPagePolicy(nonce, origins);
}

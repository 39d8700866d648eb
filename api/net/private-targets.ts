/**
 * @module net/private-targets
 * Whether a URL the server is asked to call on someone's behalf (an admin's LRS endpoint) points
 * inside the server's own network: loopback, private, carrier-grade NAT, link-local (where cloud
 * metadata lives, 169.254.169.254), unique-local IPv6, or unspecified and multicast addresses.
 * Every address the host resolves to is checked, not just the first, since a name may resolve to
 * several. An allow-list from the configuration names hosts that may be internal all the same.
 *
 * On Node the name is resolved with the system resolver; where no resolver is available
 * (Workers, whose fetch cannot reach private addresses anyway) literal addresses and local
 * names (`localhost`, `*.local`, `*.internal`) are still refused.
 */

/** An IPv4 address as its four octets, or null. */
export function ipv4(text: string): number[] | null {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(text);
  if (!m) return null;
  const o = m.slice(1).map(Number);
  return o.every((n) => n <= 255) ? o : null;
}

function privateV4([a, b]: number[]): boolean {
  return (
    a === 0 || // "this network", 0.0.0.0
    a === 10 ||
    a === 127 ||
    (a === 100 && b >= 64 && b <= 127) || // carrier-grade NAT
    (a === 169 && b === 254) || // link-local, cloud metadata
    (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 168) ||
    (a === 192 && b === 0) || // IETF protocol assignments and documentation (192.0.0/24, 192.0.2/24)
    (a === 198 && (b === 18 || b === 19)) || // benchmarking
    a >= 224 // multicast, reserved, broadcast
  );
}

/** The eight 16-bit groups of an IPv6 address (brackets and zone allowed), or null. */
export function ipv6Groups(text: string): number[] | null {
  let t = text
    .replace(/^\[|\]$/g, '')
    .replace(/%.*$/, '')
    .toLowerCase();
  if (!t.includes(':')) return null;
  const tail = /(\d+\.\d+\.\d+\.\d+)$/.exec(t);
  if (tail) {
    const o = ipv4(tail[1]);
    if (!o) return null;
    t =
      t.slice(0, -tail[1].length) +
      `${((o[0] << 8) | o[1]).toString(16)}:${((o[2] << 8) | o[3]).toString(16)}`;
  }
  const halves = t.split('::');
  if (halves.length > 2) return null;
  const parse = (s: string) =>
    s ? s.split(':').map((g) => (/^[0-9a-f]{1,4}$/.test(g) ? parseInt(g, 16) : NaN)) : [];
  const head = parse(halves[0]);
  const rest = halves.length === 2 ? parse(halves[1]) : [];
  const groups =
    halves.length === 2
      ? [...head, ...Array(8 - head.length - rest.length).fill(0), ...rest]
      : head;
  return groups.length === 8 && groups.every((g) => Number.isInteger(g) && g >= 0) ? groups : null;
}

function privateV6(g: number[]): boolean {
  const v4 = (hi: number, lo: number) => privateV4([hi >> 8, hi & 255, lo >> 8, lo & 255]);
  if (g.slice(0, 7).every((x) => x === 0)) return g[7] <= 1; // :: and ::1
  if (g.slice(0, 5).every((x) => x === 0) && g[5] === 0xffff) return v4(g[6], g[7]); // ::ffff:a.b.c.d
  if (g[0] === 0x64 && g[1] === 0xff9b && g.slice(2, 6).every((x) => x === 0))
    return v4(g[6], g[7]); // NAT64
  return (g[0] & 0xfe00) === 0xfc00 || (g[0] & 0xffc0) === 0xfe80 || (g[0] & 0xff00) === 0xff00; // ULA, link-local, multicast
}

/** Whether an IP address (v4 or v6, as text) is not a public unicast address. */
export function isPrivateAddress(ip: string): boolean {
  const v4 = ipv4(ip);
  if (v4) return privateV4(v4);
  const v6 = ipv6Groups(ip);
  return v6 ? privateV6(v6) : true; // not an address we understand: treat as internal
}

const LOCAL_NAMES = /(^|\.)(localhost|local|internal|intranet|home\.arpa|lan)\.?$/i;

/**
 * Resolves a host name to every address it has now; null where nothing can resolve (Workers
 * without DNS). Injected by tests to play a rebinding name.
 */
export type Resolver = (host: string) => Promise<string[] | null>;

/** The system resolver on Node (`dns.lookup`, what `fetch` itself would use); null without one. */
export const systemResolver: Resolver = async (host) => {
  let dns: typeof import('node:dns/promises');
  try {
    dns = await import('node:dns/promises');
  } catch {
    return null;
  }
  try {
    return (await dns.lookup(host, { all: true, verbatim: true })).map((a) => a.address);
  } catch {
    return []; // does not resolve: the delivery fails on its own, harmlessly
  }
};

/**
 * Where a request to `url` may go: refused with a reason, or allowed with the addresses that were
 * checked (null where the host could not be resolved here: then only its name was checked). A
 * literal address is its own answer. A caller that connects to `addresses` and nothing else is
 * safe from a name that answers differently the next time it is asked (net/guarded-fetch).
 */
export type TargetCheck =
  { refused: string } | { refused?: undefined; host: string; addresses: string[] | null };

/**
 * Checks `url` against the private ranges, resolving its host once with `resolve`.
 * `allowHosts` are host names or addresses (as written in the URL, without port) that may be
 * internal; they are still resolved, so the caller can pin the connection all the same.
 * @example await checkTarget('http://169.254.169.254/', []) // { refused: 'the address is link-local...' }
 */
export async function checkTarget(
  url: string,
  allowHosts: readonly string[],
  resolve: Resolver = systemResolver,
): Promise<TargetCheck> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { refused: 'it is not a URL' };
  }
  const host = parsed.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  const allowed = allowHosts.some((h) => h.replace(/^\[|\]$/g, '').toLowerCase() === host);
  if (!allowed && LOCAL_NAMES.test(host))
    return { refused: `the host ${host} is an internal name (loopback or private)` };
  const literal = ipv4(host) !== null || ipv6Groups(host) !== null;
  const addresses = literal ? [host] : await resolve(host);
  // the address itself is not named: it may be how the server's own DNS sees an internal name
  if (!allowed && addresses?.some(isPrivateAddress))
    return {
      refused: literal
        ? 'the address is loopback, private or link-local'
        : 'the host resolves to a loopback, private or link-local address',
    };
  return { host, addresses };
}

/**
 * Why the server must not call `url`, or null when it may.
 * @example await privateTargetReason('http://169.254.169.254/', []) // 'the address is loopback, private or link-local'
 */
export async function privateTargetReason(
  url: string,
  allowHosts: readonly string[],
  resolve: Resolver = systemResolver,
): Promise<string | null> {
  return (await checkTarget(url, allowHosts, resolve)).refused ?? null;
}

/**
 * @module net/client-ip
 * The address a request came from, for the per-IP rate limit. Without trusted proxies (the
 * default) it is the peer itself: the socket's address on Node, `CF-Connecting-IP` on Workers
 * (Cloudflare's edge sets it; a client cannot), and any `X-Forwarded-For` is ignored, since
 * anyone can send one. Behind a reverse proxy every client would then share the proxy's address,
 * so `SB_TRUSTED_PROXIES` names the proxies: addresses and CIDR ranges, or a hop count. When the
 * peer is trusted, `X-Forwarded-For` is read from the right (each proxy appends the address it
 * saw) and the client is the right-most address that is not a trusted proxy: whatever a client
 * writes into the header itself lands to the left of that and is never read.
 */
import { ipv4, ipv6Groups } from './private-targets.js';

/** Which proxies' `X-Forwarded-For` to believe: addresses and CIDR ranges, or a count of hops. */
export type TrustedProxies = { hops: number } | { ranges: readonly string[] };

/** An address as 128 bits (IPv4 as its IPv4-mapped IPv6 form), or null. */
function bits(address: string): bigint | null {
  const v4 = ipv4(address);
  if (v4)
    return (0xffffn << 32n) | BigInt(((v4[0] << 24) >>> 0) + (v4[1] << 16) + (v4[2] << 8) + v4[3]);
  const g = ipv6Groups(address);
  return g ? g.reduce((acc, x) => (acc << 16n) | BigInt(x), 0n) : null;
}

interface Range {
  base: bigint;
  mask: bigint;
}

const ALL = (1n << 128n) - 1n;

/**
 * A range from `10.0.0.0/8`, `fd00::/8` or a single address; null when it does not parse.
 * @example parseRange('10.0.0.0/8')
 */
export function parseRange(text: string): Range | null {
  const [addr, len, extra] = text.trim().split('/');
  if (extra !== undefined) return null;
  const base = bits(addr);
  if (base === null) return null;
  const v4 = ipv4(addr) !== null;
  const max = v4 ? 32 : 128;
  if (len !== undefined && !/^\d{1,3}$/.test(len)) return null;
  const prefix = len === undefined ? max : Number(len);
  if (prefix > max) return null;
  const hostBits = BigInt(max - prefix);
  const mask = ALL ^ ((1n << hostBits) - 1n);
  return { base: base & mask, mask };
}

const compiled = new WeakMap<readonly string[], Range[]>();
function rangesOf(list: readonly string[]): Range[] {
  let r = compiled.get(list);
  if (!r) compiled.set(list, (r = list.map(parseRange).filter((x): x is Range => x !== null)));
  return r;
}

/** One `X-Forwarded-For` entry without port, brackets or zone; IPv4-mapped IPv6 as IPv4. */
export function normaliseAddress(entry: string): string {
  let a = entry.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(a);
  if (bracketed) a = bracketed[1];
  else if (/^\d+\.\d+\.\d+\.\d+:\d+$/.test(a)) a = a.replace(/:\d+$/, '');
  a = a.replace(/%.*$/, '').toLowerCase();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(a);
  return mapped ? mapped[1] : a;
}

function trusted(address: string, ranges: Range[]): boolean {
  const b = bits(address);
  return b !== null && ranges.some((r) => (b & r.mask) === r.base);
}

/**
 * The client's address, given the peer's (socket or CF-Connecting-IP) and the `X-Forwarded-For`
 * values. Capped in length, since it becomes a rate-limit key.
 * @example clientAddress('10.0.0.5', ['203.0.113.9, 10.0.0.7'], { ranges: ['10.0.0.0/8'] }) // '203.0.113.9'
 */
export function clientAddress(
  peer: string,
  forwardedFor: string | undefined,
  proxies: TrustedProxies,
): string {
  const chain = [
    normaliseAddress(peer),
    ...(forwardedFor
      ? forwardedFor.split(',').map(normaliseAddress).filter(Boolean).reverse()
      : []),
  ];
  let client = chain[0];
  if ('hops' in proxies) {
    // the peer and the hops - 1 proxies before it are ours; the address the last of them saw is the client
    client = chain[Math.min(proxies.hops, chain.length - 1)];
  } else {
    const ranges = rangesOf(proxies.ranges);
    for (const address of chain) {
      client = address;
      if (!trusted(address, ranges)) break;
    }
  }
  return client.slice(0, 64);
}

/**
 * A Hono request's client address. Node's server puts the socket at `env.incoming`; on Workers
 * there is no socket, and `CF-Connecting-IP` is the peer. On Node that header is only a header
 * a client may have written, so it is never read there.
 */
export function requestClientAddress(
  c: { req: { header(name: string): string | undefined }; env: unknown },
  proxies: TrustedProxies,
): string {
  const incoming = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)
    ?.incoming;
  const peer = incoming ? incoming.socket?.remoteAddress : c.req.header('cf-connecting-ip');
  if (!peer) return 'unknown';
  const none = 'hops' in proxies ? proxies.hops === 0 : proxies.ranges.length === 0;
  return clientAddress(peer, none ? undefined : c.req.header('x-forwarded-for'), proxies);
}

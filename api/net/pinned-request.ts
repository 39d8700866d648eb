/**
 * @module net/pinned-request
 * A `fetch` for Node whose connection goes to addresses already checked, never to whatever the
 * name resolves to a moment later. `fetch` resolves the host itself when it connects, so a name
 * with a zero TTL could answer a public address to the check and 127.0.0.1 to the connection (DNS
 * rebinding). Here the request is made with `node:http`/`node:https` and a `lookup` that answers
 * only the checked addresses; the URL keeps its host name, so the `Host` header, TLS SNI and the
 * certificate check are all on the name, as with `fetch`. Kept-alive connections are pooled per
 * guarded fetch (`PinnedConnections`), never in Node's global agent: every socket in the pool was
 * opened to an address checked for its host, so reusing it is as safe as the first request,
 * while a global pool could hand a checked request a socket that another caller opened unchecked.
 *
 * Node only: `node:http`, `node:https` and `node:stream` are imported when the first request is
 * made, so a Workers bundle that contains this module never loads them (see net/guarded-fetch).
 */
import type { LookupAddress } from 'node:dns';
import type { Agent as HttpAgent } from 'node:http';
import type { Agent as HttpsAgent } from 'node:https';

type LookupCallback = (
  err: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void;

/** A `lookup` for `net.connect` that answers `addresses` whatever it is asked. */
function pinnedLookup(addresses: readonly string[]) {
  const answers = addresses.map((address) => ({
    address,
    family: address.includes(':') ? 6 : 4,
  }));
  return (_host: string, options: { all?: boolean }, callback: LookupCallback) => {
    // net.connect asks for every address when it tries IPv6 and IPv4 in turn (autoSelectFamily)
    if (options.all) callback(null, answers);
    else callback(null, answers[0].address, answers[0].family);
  };
}

/** Statuses whose response has no body (a `Response` refuses one). */
const NO_BODY = new Set([101, 204, 205, 304]);

/** Idle kept-alive sockets close after this long (LRS batches reuse them; nothing lingers). */
const IDLE_MS = 4_000;

/**
 * The connections of one guarded fetch: each request connects only to the addresses checked for
 * it, and idle sockets (all opened that way) are reused for the same host.
 */
export class PinnedConnections {
  private modules?: Promise<{
    http: typeof import('node:http');
    https: typeof import('node:https');
    Readable: typeof import('node:stream').Readable;
    agents: { http: HttpAgent; https: HttpsAgent };
  }>;

  private load() {
    this.modules ??= Promise.all([
      import('node:http'),
      import('node:https'),
      import('node:stream'),
    ]).then(([http, https, stream]) => ({
      http,
      https,
      Readable: stream.Readable,
      agents: {
        http: new http.Agent({ keepAlive: true, timeout: IDLE_MS }),
        https: new https.Agent({ keepAlive: true, timeout: IDLE_MS }),
      },
    }));
    return this.modules;
  }

  /**
   * Makes the request `fetch` would, connecting only to `addresses` (the checked answers for the
   * URL's host). Redirects are not followed: the caller checks each hop.
   * @example await new PinnedConnections().fetch('https://lrs.example.org/xapi/statements', { method: 'PUT' }, ['203.0.113.9'])
   */
  async fetch(url: string, init: RequestInit, addresses: readonly string[]): Promise<Response> {
    if (!addresses.length) throw new TypeError('fetch failed: the host does not resolve');
    // Request normalises the body (string, URLSearchParams, bytes) and its content type, as fetch would
    const request = new Request(url, { ...init, redirect: 'manual' });
    const body = request.body ? new Uint8Array(await request.arrayBuffer()) : undefined;
    const headers: Record<string, string> = {};
    request.headers.forEach((value, name) => (headers[name] = value));
    // what fetch sends when the caller does not say (some gateways refuse a request without them)
    headers['accept'] ??= '*/*';
    headers['user-agent'] ??= 'sounding-board';
    if (body) headers['content-length'] = String(body.byteLength);
    const target = new URL(url);
    const tls = target.protocol === 'https:';
    const { http, https, Readable, agents } = await this.load();
    return new Promise<Response>((resolve, reject) => {
      const req = (tls ? https.request : http.request)(
        target,
        {
          method: request.method,
          headers,
          lookup: pinnedLookup(addresses),
          agent: tls ? agents.https : agents.http,
          signal: init.signal ?? undefined,
        },
        (res) => {
          const status = res.statusCode ?? 502;
          const responseHeaders = new Headers();
          for (let i = 0; i + 1 < res.rawHeaders.length; i += 2)
            responseHeaders.append(res.rawHeaders[i], res.rawHeaders[i + 1]);
          const empty = NO_BODY.has(status) || request.method === 'HEAD';
          if (empty) res.resume();
          try {
            resolve(
              new Response(empty ? null : (Readable.toWeb(res) as ReadableStream<Uint8Array>), {
                status,
                statusText: res.statusMessage,
                headers: responseHeaders,
              }),
            );
          } catch (err) {
            // a status fetch would not hand over either (outside 200-599)
            res.destroy();
            reject(new TypeError('fetch failed: unusable response', { cause: err }));
          }
        },
      );
      req.once('error', reject);
      req.end(body);
    });
  }
}

/**
 * @module lti/platform-jwks
 * The platforms' public keys, fetched from their JWKS URLs and cached. A launch signed with a
 * `kid` the cache does not know triggers one refetch (the platform may have rotated its key), but
 * at most once per cooldown per URL, so a stream of tokens with made-up `kid`s cannot turn the
 * tool into a request amplifier against the platform. Keys also expire from the cache after
 * `maxAgeMs`, so a key the platform withdrew stops verifying.
 */
import { importJWK, type JWK } from 'jose';
import { guardedFetch, PrivateTargetError } from '../net/guarded-fetch.js';

export interface PlatformJwksOptions {
  /** least time between two fetches of the same URL caused by an unknown kid */
  cooldownMs?: number;
  /** refetch a known key set after this long */
  maxAgeMs?: number;
  fetch?: typeof fetch;
  /** hosts a key set may live on although they are loopback or private (SB_ALLOW_PRIVATE_HOSTS) */
  allowHosts?: readonly string[];
  now?: () => Date;
  timeoutMs?: number;
}

interface Entry {
  keys: JWK[];
  fetchedAt: number;
  inflight?: Promise<void>;
}

export class JwksFetchError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'JwksFetchError';
  }
}

/** One cache per app (held by the LTI runtime), shared by every platform. */
export class PlatformJwks {
  private readonly entries = new Map<string, Entry>();
  private readonly cooldownMs: number;
  private readonly maxAgeMs: number;
  private readonly fetchFn: (url: string, init?: RequestInit) => Promise<Response>;
  private readonly now: () => Date;
  private readonly timeoutMs: number;
  /** fetches made, per URL (read by tests and the admin view) */
  readonly fetches = new Map<string, number>();

  constructor(opts: PlatformJwksOptions = {}) {
    this.cooldownMs = opts.cooldownMs ?? 10_000;
    this.maxAgeMs = opts.maxAgeMs ?? 10 * 60_000;
    // every fetch is checked for private targets, on the address the name resolves to at the time
    this.fetchFn = guardedFetch(opts.allowHosts ?? [], { fetch: opts.fetch });
    this.now = opts.now ?? (() => new Date());
    this.timeoutMs = opts.timeoutMs ?? 5_000;
  }

  /**
   * The verification key for `kid` from the key set at `url`, or null when the platform does not
   * publish it (after the refetch the cooldown allows).
   * @throws JwksFetchError when the key set cannot be fetched at all
   */
  async keyFor(url: string, kid: string, alg = 'RS256'): Promise<CryptoKey | Uint8Array | null> {
    let entry = this.entries.get(url);
    // a fetch already under way (a burst of launches): wait for it rather than read an empty set
    if (entry?.inflight) {
      await entry.inflight;
      entry = this.entries.get(url);
    }
    const t = this.now().getTime();
    if (!entry || t - entry.fetchedAt > this.maxAgeMs) {
      await this.refresh(url);
    } else if (!find(entry.keys, kid) && t - entry.fetchedAt >= this.cooldownMs) {
      await this.refresh(url);
    }
    entry = this.entries.get(url);
    const jwk = entry ? find(entry.keys, kid) : undefined;
    if (!jwk) return null;
    return importJWK({ ...jwk, alg: jwk.alg ?? alg }, alg);
  }

  private async refresh(url: string): Promise<void> {
    const existing = this.entries.get(url);
    // concurrent launches share one fetch
    if (existing?.inflight) return existing.inflight;
    const run = (async () => {
      this.fetches.set(url, (this.fetches.get(url) ?? 0) + 1);
      let body: unknown;
      try {
        const res = await this.fetchFn(url, {
          headers: { accept: 'application/json' },
          signal: AbortSignal.timeout(this.timeoutMs),
        });
        if (!res.ok)
          throw new JwksFetchError(`The platform's key set at ${url} answered ${res.status}.`);
        body = await res.json();
      } catch (err) {
        if (err instanceof JwksFetchError) throw err;
        if (err instanceof PrivateTargetError)
          throw new JwksFetchError(
            `The platform's key set at ${url} was not fetched: ${err.reason}.`,
          );
        throw new JwksFetchError(
          `The platform's key set at ${url} could not be fetched (${err instanceof Error ? err.message : String(err)}).`,
        );
      } finally {
        const e = this.entries.get(url);
        if (e) delete e.inflight;
      }
      const keys = (body as { keys?: unknown })?.keys;
      if (!Array.isArray(keys))
        throw new JwksFetchError(`The document at ${url} is not a JSON Web Key Set.`);
      this.entries.set(url, {
        keys: keys.filter(
          (k): k is JWK =>
            typeof k === 'object' && k !== null && typeof (k as JWK).kty === 'string',
        ),
        fetchedAt: this.now().getTime(),
      });
    })();
    // a failed fetch still counts for the cooldown, so a dead JWKS URL is not hammered
    if (existing) existing.inflight = run.catch(() => {}).then(() => undefined);
    else
      this.entries.set(url, {
        keys: [],
        fetchedAt: this.now().getTime(),
        inflight: run.catch(() => {}).then(() => undefined),
      });
    return run;
  }
}

function find(keys: JWK[], kid: string): JWK | undefined {
  return keys.find((k) => k.kid === kid && (k.use === undefined || k.use === 'sig'));
}

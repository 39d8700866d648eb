/**
 * @module lti/ags/access-token
 * OAuth2 client-credentials tokens for Assignment and Grade Services: the tool proves itself with a
 * JWT assertion signed by its active key (RFC 7523), and caches each token until shortly before it
 * expires, per platform and scope set.
 */
import { SignJWT } from 'jose';
import type { PlatformRow } from '../platforms.store.js';
import type { SigningKey } from '../tool-keys.js';
import { guardedFetch, PrivateTargetError } from '../../net/guarded-fetch.js';

export class PlatformRequestError extends Error {
  constructor(
    message: string,
    public readonly status: number | null,
    /** worth trying again later (network trouble, 5xx, 429) */
    public readonly retryable: boolean,
  ) {
    super(message);
    this.name = 'PlatformRequestError';
  }
}

interface Cached {
  token: string;
  expiresAt: number;
}

/** Tokens are refreshed this long before the platform says they expire. */
const EARLY_MS = 30_000;

export class AccessTokens {
  private readonly cache = new Map<string, Cached>();
  /** token requests made (read by tests) */
  requests = 0;

  /** the platform-facing fetch: private targets refused unless allowed (net/guarded-fetch) */
  readonly fetch: (url: string, init?: RequestInit) => Promise<Response>;

  constructor(
    fetchFn?: typeof fetch,
    private readonly now: () => Date = () => new Date(),
    /** hosts a platform may live on although they are loopback or private (SB_ALLOW_PRIVATE_HOSTS) */
    readonly allowHosts: readonly string[] = [],
  ) {
    this.fetch = guardedFetch(allowHosts, { fetch: fetchFn });
  }

  /** Drops a cached token the platform refused (401), so the next call fetches a new one. */
  forget(platformId: string, scopes: string[]) {
    this.cache.delete(`${platformId} ${[...scopes].sort().join(' ')}`);
  }

  async tokenFor(
    platform: PlatformRow,
    scopes: string[],
    signingKey: () => Promise<SigningKey>,
  ): Promise<string> {
    const cacheKey = `${platform.id} ${[...scopes].sort().join(' ')}`;
    const hit = this.cache.get(cacheKey);
    const t = this.now().getTime();
    if (hit && hit.expiresAt - EARLY_MS > t) return hit.token;

    const key = await signingKey();
    const iat = Math.floor(t / 1000);
    const assertion = await new SignJWT({})
      .setProtectedHeader({ alg: 'RS256', kid: key.kid, typ: 'JWT' })
      .setIssuer(platform.clientId)
      .setSubject(platform.clientId)
      .setAudience(platform.tokenAudience ?? platform.tokenEndpoint)
      .setIssuedAt(iat)
      .setExpirationTime(iat + 300)
      .setJti(crypto.randomUUID())
      .sign(key.key);
    const body = new URLSearchParams({
      grant_type: 'client_credentials',
      client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
      client_assertion: assertion,
      scope: scopes.join(' '),
    });
    this.requests++;
    let res: Response;
    try {
      res = await this.fetch(platform.tokenEndpoint, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          accept: 'application/json',
        },
        body,
        signal: AbortSignal.timeout(10_000),
      });
    } catch (err) {
      // a private target stays refused until the registration or the allow-list changes
      if (err instanceof PrivateTargetError)
        throw new PlatformRequestError(`token endpoint refused: ${err.reason}`, null, false);
      throw new PlatformRequestError('token endpoint unreachable', null, true);
    }
    if (!res.ok)
      throw new PlatformRequestError(
        `token endpoint answered ${res.status}`,
        res.status,
        res.status >= 500 || res.status === 429,
      );
    const json = (await res.json().catch(() => null)) as {
      access_token?: unknown;
      expires_in?: unknown;
    } | null;
    if (!json || typeof json.access_token !== 'string')
      throw new PlatformRequestError('token endpoint sent no access_token', res.status, false);
    const ttl = typeof json.expires_in === 'number' && json.expires_in > 0 ? json.expires_in : 3600;
    this.cache.set(cacheKey, { token: json.access_token, expiresAt: t + ttl * 1000 });
    return json.access_token;
  }
}

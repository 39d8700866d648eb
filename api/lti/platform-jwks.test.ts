/**
 * @module lti/platform-jwks.test
 * The key cache against a fake JWKS endpoint and a hand-moved clock.
 */
import { exportJWK, generateKeyPair } from 'jose';
import { describe, expect, it } from 'vitest';
import { JwksFetchError, PlatformJwks } from './platform-jwks.js';

async function jwk(kid: string) {
  const { publicKey } = await generateKeyPair('RS256', { extractable: true });
  return { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' };
}

function fakeEndpoint(keys: object[]) {
  const state = { keys, hits: 0, status: 200 };
  const fetchFn = (async () => {
    state.hits++;
    await new Promise((r) => setTimeout(r, 5));
    return new Response(JSON.stringify({ keys: state.keys }), {
      status: state.status,
      headers: { 'content-type': 'application/json' },
    });
  }) as unknown as typeof fetch;
  return { state, fetchFn };
}

describe('PlatformJwks', () => {
  const URL = 'https://lms.example/jwks';

  it('fetches once for known kids and concurrent look-ups share the fetch', async () => {
    const { state, fetchFn } = fakeEndpoint([await jwk('a')]);
    const cache = new PlatformJwks({ fetch: fetchFn });
    const keys = await Promise.all([
      cache.keyFor(URL, 'a'),
      cache.keyFor(URL, 'a'),
      cache.keyFor(URL, 'a'),
    ]);
    expect(keys.every(Boolean)).toBe(true);
    await cache.keyFor(URL, 'a');
    expect(state.hits).toBe(1);
  });

  it('refetches for an unknown kid only after the cooldown, and finds a rotated key', async () => {
    let now = 0;
    const { state, fetchFn } = fakeEndpoint([await jwk('a')]);
    const cache = new PlatformJwks({
      fetch: fetchFn,
      now: () => new Date(now),
      cooldownMs: 10_000,
    });
    await cache.keyFor(URL, 'a');
    state.keys = [...state.keys, await jwk('b')];
    expect(await cache.keyFor(URL, 'b')).toBeNull(); // within the cooldown: no fetch
    expect(state.hits).toBe(1);
    now = 10_000;
    expect(await cache.keyFor(URL, 'b')).not.toBeNull();
    expect(state.hits).toBe(2);
    now = 11_000;
    expect(await cache.keyFor(URL, 'zzz')).toBeNull();
    expect(state.hits).toBe(2);
  });

  it('drops keys after maxAge, so a key the platform withdrew stops verifying', async () => {
    let now = 0;
    const { state, fetchFn } = fakeEndpoint([await jwk('a')]);
    const cache = new PlatformJwks({ fetch: fetchFn, now: () => new Date(now), maxAgeMs: 60_000 });
    expect(await cache.keyFor(URL, 'a')).not.toBeNull();
    state.keys = [await jwk('b')];
    now = 61_000;
    expect(await cache.keyFor(URL, 'a')).toBeNull();
  });

  it('ignores encryption keys and reports a broken endpoint', async () => {
    const enc = { ...(await jwk('e')), use: 'enc' };
    const { state, fetchFn } = fakeEndpoint([enc]);
    expect(await new PlatformJwks({ fetch: fetchFn }).keyFor(URL, 'e')).toBeNull();
    state.status = 500;
    await expect(new PlatformJwks({ fetch: fetchFn }).keyFor(URL, 'e')).rejects.toBeInstanceOf(
      JwksFetchError,
    );
  });
});

/**
 * @module net/guarded-fetch.test
 * The guard over a real local server: an allowed host is called; a private target is refused
 * before any request; a redirect into the server's network is refused at the hop, and
 * credentials do not follow a redirect to another origin. DNS rebinding: a name that answers a
 * public address when checked and 127.0.0.1 when asked again never reaches the local server,
 * whether the resolver is injected or the system's own (patched here, as a zero-TTL name would
 * behave), since the connection goes to the checked answer and the name is not asked again.
 */
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import dns, { type LookupAddress } from 'node:dns';
import { syncBuiltinESMExports } from 'node:module';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { guardedFetch, PrivateTargetError } from './guarded-fetch.js';

let base = '';
let hits = 0;
let lastAuth: string | undefined;
let lastHost: string | undefined;
let close: () => void;
beforeAll(async () => {
  const app = new Hono()
    .get('/ok', (c) => {
      hits++;
      lastAuth = c.req.header('authorization');
      lastHost = c.req.header('host');
      return c.json({ ok: true });
    })
    .get('/to-metadata', (c) => c.redirect('http://169.254.169.254/latest/meta-data/', 302))
    .get('/to-localhost', (c) => c.redirect(`${base.replace('127.0.0.1', 'localhost')}/ok`, 302))
    .get('/to-ok', (c) => c.redirect('/ok', 302));
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((r) => server.once('listening', () => r()));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  close = () => server.close();
});
afterAll(() => close?.());

describe('guardedFetch', () => {
  it('refuses a loopback target that is not allowed, without calling it', async () => {
    const before = hits;
    await expect(guardedFetch([])(`${base}/ok`)).rejects.toBeInstanceOf(PrivateTargetError);
    expect(hits).toBe(before);
  });
  it('calls an allowed host and follows a redirect within it', async () => {
    const res = await guardedFetch(['127.0.0.1'])(`${base}/to-ok`, {
      headers: { authorization: 'Bearer t' },
    });
    expect(res.status).toBe(200);
    expect(lastAuth).toBe('Bearer t');
  });
  it('refuses a redirect to link-local metadata or to a host the list does not name', async () => {
    await expect(guardedFetch(['127.0.0.1'])(`${base}/to-metadata`)).rejects.toThrow(
      /169\.254\.169\.254/,
    );
    await expect(guardedFetch(['127.0.0.1'])(`${base}/to-localhost`)).rejects.toBeInstanceOf(
      PrivateTargetError,
    );
  });
  it('drops the authorization header on a redirect to another origin', async () => {
    lastAuth = 'unset';
    const res = await guardedFetch(['127.0.0.1', 'localhost'])(`${base}/to-localhost`, {
      headers: { authorization: 'Bearer secret' },
    }).catch(() => null);
    // localhost may resolve to ::1 where nothing listens; when it was reached, it got no credentials
    if (res?.ok) expect(lastAuth).toBeUndefined();
  });
});

/** TEST-NET-3: public as far as the check goes, and nothing answers there. */
const PUBLIC = '203.0.113.7';
const port = () => new URL(base).port;

describe('DNS rebinding', () => {
  it('an injected resolver answering public then loopback: the request goes to the checked answer, never to 127.0.0.1', async () => {
    let asked = 0;
    const rebinding = async () => (asked++ === 0 ? [PUBLIC] : ['127.0.0.1']);
    const before = hits;
    await expect(
      guardedFetch([], { resolve: rebinding })(`http://rebind.test:${port()}/ok`, {
        signal: AbortSignal.timeout(1_000),
      }),
    ).rejects.not.toBeInstanceOf(PrivateTargetError);
    expect(hits).toBe(before);
    expect(asked).toBe(1);
  });

  it('a loopback answer is refused before any connection, whichever answer it is', async () => {
    const before = hits;
    await expect(
      guardedFetch([], { resolve: async () => [PUBLIC, '127.0.0.1'] })(
        `http://mixed.test:${port()}/ok`,
      ),
    ).rejects.toBeInstanceOf(PrivateTargetError);
    expect(hits).toBe(before);
  });

  it('the pinned connection keeps the name: Host is the name, the socket the checked address', async () => {
    const res = await guardedFetch(['lrs.test'], { resolve: async () => ['127.0.0.1'] })(
      `http://lrs.test:${port()}/ok`,
      { headers: { authorization: 'Basic dTpw' } },
    );
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true });
    expect(lastHost).toBe(`lrs.test:${port()}`);
    expect(lastAuth).toBe('Basic dTpw');
  });

  describe('through the system resolver', () => {
    const saved = { lookup: dns.lookup, promised: dns.promises.lookup };
    afterEach(() => {
      dns.lookup = saved.lookup;
      dns.promises.lookup = saved.promised;
      syncBuiltinESMExports();
    });

    it('a zero-TTL name that answers public to the check and loopback to fetch reaches nothing local', async () => {
      let asked = 0;
      const answer = (): LookupAddress => ({
        address: asked++ === 0 ? PUBLIC : '127.0.0.1',
        family: 4,
      });
      // both the promise and the callback forms, as the check and fetch's own connect each use one
      dns.promises.lookup = (async (_host: string, opts?: { all?: boolean }) => {
        const a = answer();
        return opts?.all ? [a] : a;
      }) as typeof dns.promises.lookup;
      dns.lookup = ((_host: string, opts: unknown, cb?: (...r: unknown[]) => void) => {
        const done = (typeof opts === 'function' ? opts : cb) as (...r: unknown[]) => void;
        const a = answer();
        if ((opts as { all?: boolean })?.all) done(null, [a]);
        else done(null, a.address, a.family);
      }) as typeof dns.lookup;
      syncBuiltinESMExports();
      const before = hits;
      await guardedFetch([])(`http://rebind.test:${port()}/ok`, {
        signal: AbortSignal.timeout(1_000),
      }).catch(() => null);
      expect(hits).toBe(before);
    });
  });
});

/**
 * @module net/guarded-fetch.test
 * The guard over a real local server: an allowed host is called; a private target is refused
 * before any request; a redirect into the server's network is refused at the hop, and
 * credentials do not follow a redirect to another origin.
 */
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { guardedFetch, PrivateTargetError } from './guarded-fetch.js';

let base = '';
let hits = 0;
let lastAuth: string | undefined;
let close: () => void;
beforeAll(async () => {
  const app = new Hono()
    .get('/ok', (c) => {
      hits++;
      lastAuth = c.req.header('authorization');
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

/**
 * @module test/api/client-ip
 * The per-IP limit counts the client, not whatever a client claims to be. Over real HTTP: with no
 * proxy trusted (the default), X-Forwarded-For and CF-Connecting-IP sent to the Node server are
 * ignored, so a client cannot dodge the limit by inventing addresses; from a trusted proxy, each
 * client it forwards is counted on its own, by the right-most address the proxy appended.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.js';

const LIMIT = 3;
const apps: TestApp[] = [];
afterAll(async () => {
  for (const t of apps) await t.close();
});
async function app(env: Record<string, string>) {
  const t = await startTestApp({ SB_RATE_LIMIT_IP_PER_MINUTE: String(LIMIT), ...env });
  apps.push(t);
  return t;
}
// the test app fetched its demo tokens through the limit already: count from a fresh minute's view
const health = (t: TestApp, headers: Record<string, string>) =>
  t.call('GET', '/api/health', { headers }).then((r) => r.status);

describe('per-IP limit and proxies', () => {
  it('ignores a spoofed X-Forwarded-For or CF-Connecting-IP when no proxy is trusted', async () => {
    const t = await app({});
    const statuses: number[] = [];
    for (let i = 0; i < 2 * LIMIT + 2; i++) {
      statuses.push(
        await health(t, {
          'x-forwarded-for': `203.0.113.${i + 1}`,
          'cf-connecting-ip': `198.51.100.${i + 1}`,
        }),
      );
    }
    expect(statuses).toContain(429);
  });

  it('counts each client a trusted proxy forwards on its own, by the address the proxy appended', async () => {
    const t = await app({ SB_TRUSTED_PROXIES: '127.0.0.1' });
    // four clients behind the proxy, each within the limit (12 requests in all from one socket address)
    for (const client of ['203.0.113.1', '203.0.113.2', '203.0.113.3', '203.0.113.4']) {
      for (let i = 0; i < LIMIT; i++)
        expect(await health(t, { 'x-forwarded-for': client })).toBe(200);
    }
    // a client that writes its own X-Forwarded-For: the proxy appends the real address, which is counted
    const spoofer: number[] = [];
    for (let i = 0; i < 2 * LIMIT + 2; i++)
      spoofer.push(await health(t, { 'x-forwarded-for': `192.0.2.${i + 1}, 203.0.113.50` }));
    expect(spoofer).toContain(429);
  });

  it('takes a hop count as well', async () => {
    const t = await app({ SB_TRUSTED_PROXIES: '1' });
    for (const client of ['203.0.113.1', '203.0.113.2', '203.0.113.3']) {
      for (let i = 0; i < LIMIT; i++)
        expect(await health(t, { 'x-forwarded-for': `10.0.0.1, ${client}` })).toBe(200);
    }
  });
});

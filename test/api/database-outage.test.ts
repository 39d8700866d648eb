/**
 * @module test/api/database-outage
 * While the database cannot be reached, clients get 503 with Retry-After, quickly: never a 500,
 * never a request hanging for the driver's default 30-second connect timeout. Two outages are
 * simulated without touching the machine's PostgreSQL: a port that refuses connections, and a
 * port that accepts them and then says nothing (a database host that has gone silent). With
 * DATABASE_URL set, a proxy in front of the test's own database is cut and restored, and the
 * same app recovers by itself.
 */
import { serve } from '@hono/node-server';
import { createServer, Socket, type AddressInfo, type Server } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../api/app.js';
import { openPostgres, type OpenDatabase } from '../../api/db/index.js';
import { startTestApp, type TestApp } from '../support/app.js';

let t: TestApp;
beforeAll(async () => {
  // a short deadline, so the test need not wait the default 10 s
  t = await startTestApp({ SB_REQUEST_TIMEOUT_MS: '4000' });
});
afterAll(async () => t?.close());

/** The test app's dependencies on another database, served on its own port. */
async function appOn(database: OpenDatabase) {
  const app = createApp({ ...t.runtime.deps, db: database.db, dbKind: 'postgres' });
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((r) => server.once('listening', () => r()));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    async get(path: string) {
      const started = Date.now();
      const res = await fetch(url + path, {
        headers: { authorization: `Bearer ${t.tokens.learner}` },
      });
      return {
        status: res.status,
        retryAfter: res.headers.get('retry-after'),
        body: await res.json(),
        ms: Date.now() - started,
      };
    },
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

async function listen(server: Server): Promise<number> {
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return (server.address() as AddressInfo).port;
}

describe('a database that cannot be reached', () => {
  it('that refuses connections: 503 with Retry-After at once', async () => {
    const refusing = createServer();
    const port = await listen(refusing);
    await new Promise<void>((r) => refusing.close(() => r())); // nothing listens there now
    const database = await openPostgres(`postgres://postgres@127.0.0.1:${port}/none`, { max: 2 });
    const app = await appOn(database);
    try {
      const r = await app.get('/api/sessions');
      expect(r.status, JSON.stringify(r.body)).toBe(503);
      expect(Number(r.retryAfter)).toBeGreaterThan(0);
      expect(r.body.title).toBe('Service unavailable');
      expect(r.ms).toBeLessThan(2000);
    } finally {
      await app.close();
      await database.close();
    }
  });

  it('that accepts connections and never answers: 503 with Retry-After within the connect timeout', async () => {
    const held: Socket[] = [];
    const silent = createServer((s) => void held.push(s));
    const port = await listen(silent);
    const database = await openPostgres(`postgres://postgres@127.0.0.1:${port}/none`, { max: 2 });
    const app = await appOn(database);
    try {
      const r = await app.get('/api/sessions');
      expect(r.status, JSON.stringify(r.body)).toBe(503);
      expect(r.retryAfter).not.toBeNull();
      expect(r.ms).toBeLessThan(8000);
    } finally {
      await app.close();
      for (const s of held) s.destroy();
      silent.close();
      await database.close().catch(() => {});
    }
  }, 20_000);
});

describe.runIf(Boolean(process.env.DATABASE_URL))('a PostgreSQL outage behind a proxy', () => {
  it('answers 503 while the proxy is cut and recovers by itself when it is back', async () => {
    const target = new URL(t.database.url!);
    let up = true;
    const sockets = new Set<Socket>();
    const proxy = createServer((client) => {
      if (!up) return void client.destroy();
      const server = new Socket();
      server.connect(Number(target.port || 5432), target.hostname);
      for (const s of [client, server]) {
        sockets.add(s);
        s.on('error', () => {});
        s.on('close', () => sockets.delete(s));
      }
      client.pipe(server).pipe(client);
    });
    const port = await listen(proxy);
    const via = new URL(t.database.url!);
    via.port = String(port);
    const database = await openPostgres(via.toString(), { max: 2 });
    const app = await appOn(database);
    try {
      expect((await app.get('/api/sessions')).status).toBe(200);
      up = false;
      for (const s of sockets) s.destroy(); // the outage: every connection drops, new ones are refused
      const during = await app.get('/api/sessions');
      expect(during.status, JSON.stringify(during.body)).toBe(503);
      expect(during.retryAfter).not.toBeNull();
      expect(during.ms).toBeLessThan(6000);
      up = true;
      let after = await app.get('/api/sessions');
      for (let i = 0; i < 20 && after.status !== 200; i++) after = await app.get('/api/sessions');
      expect(after.status).toBe(200);
    } finally {
      await app.close();
      await database.close().catch(() => {});
      proxy.close();
    }
  }, 30_000);
});

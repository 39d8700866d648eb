/**
 * @module test/xapi/lrs-targets
 * The LRS endpoint an admin sets is a request the server makes on their behalf, so it may not
 * point inside the server's network: loopback, private, link-local (cloud metadata at
 * 169.254.169.254) and unique-local addresses are refused when saved and again when sending
 * (a name may resolve elsewhere later), unless the configuration's allow-list names the host.
 * A refused delivery never contacts the target and reports no upstream detail. An allowed LRS
 * that answers with a redirect into the server's network is refused at the hop: the statement
 * (and the Basic credentials) never reach the second address.
 */
import { eq } from 'drizzle-orm';
import { Hono } from 'hono';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { xapiOutbox } from '../../api/db/schema/index.js';
import { deliverDueStatements, enqueueStatements, saveLrs, VERBS } from '../../api/xapi/index.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { serveLocally } from '../support/local-server.js';
import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';

let t: TestApp;
let lrsUrl: string;
let hits = 0;
let closeLrs: () => void;
beforeAll(async () => {
  // no allow-list: the defaults production runs with
  t = await startTestApp({ SB_ALLOW_PRIVATE_HOSTS: '' });
  const app = new Hono().put('/xapi/statements', (c) => {
    hits++;
    return c.body(null, 204);
  });
  const server = await serveLocally(app.fetch);
  lrsUrl = `${server.base}/xapi/`;
  closeLrs = server.close;
});
afterAll(async () => {
  closeLrs?.();
  await t?.close();
});

/** An admin of `app` sets the LRS to `endpoint`. */
const put = (endpoint: string, app = t) =>
  app.call('PUT', '/api/xapi/lrs', {
    token: app.tokens.admin,
    body: { endpoint, username: 'u', password: 'p', enabled: true },
  });

it('refuses loopback, private, link-local and unique-local endpoints, however they are spelled', async () => {
  const inside = [
    lrsUrl,
    'http://169.254.169.254/latest/meta-data/',
    'http://127.1.2.3/xapi',
    'http://localhost:8080/xapi',
    'http://[::1]/xapi',
    'http://[::ffff:127.0.0.1]/xapi',
    'http://0x7f000001/xapi',
    'http://2130706433/xapi',
    'http://10.1.2.3/xapi',
    'http://172.16.0.1/xapi',
    'http://172.31.255.255/xapi',
    'http://192.168.1.10/xapi',
    'http://0.0.0.0/xapi',
    'http://[fc00::1]/xapi',
    'http://[fd12:3456::1]/xapi',
    'http://[fe80::1]/xapi',
  ];
  for (const endpoint of inside) {
    const r = await put(endpoint);
    expect(r.status, endpoint).toBe(400);
    expect(r.body.errors[0]).toMatchObject({ path: 'endpoint' });
    expect(r.body.errors[0].message).toMatch(/private|loopback|link-local|internal/i);
  }
  expect(hits).toBe(0);
});

it('accepts a public address, and 172.32.0.1 (outside 172.16/12)', async () => {
  for (const endpoint of ['https://93.184.215.14/xapi/', 'http://172.32.0.1/xapi'])
    expect((await put(endpoint)).status, endpoint).toBe(200);
});

it('refuses to send to an endpoint stored before the check, without contacting it or reporting what it would answer', async () => {
  const { db } = t.runtime.deps;
  const { id, report } = await sendOneTo(lrsUrl, t.runtime.deps.config.allowPrivateHosts);
  expect(report.sent).toBe(0);
  expect(hits).toBe(0);
  const [row] = await db.select().from(xapiOutbox).where(eq(xapiOutbox.id, id));
  expect(row.status).toBe('failed');
  expect(row.lastError).toMatch(/private|loopback|internal/i);
  expect(row.lastError).not.toMatch(/answered|127\.0\.0\.1/);
});

/**
 * Stores `endpoint` as the demo organisation's LRS straight in the database (past the check an
 * admin's PUT makes), queues one statement and runs one delivery with `allowHosts`.
 */
async function sendOneTo(endpoint: string, allowHosts: readonly string[]) {
  const { db, dataKey } = t.runtime.deps;
  const orgId = t.runtime.demo!.admin.orgId;
  await saveLrs(
    db,
    orgId,
    { endpoint, username: 'u', password: 'p', enabled: true },
    new Date(),
    dataKey,
  );
  const id = await queueStatement(orgId);
  const report = await deliverDueStatements(db, { now: new Date(), dataKey, allowHosts, orgId });
  return { id, report };
}

/** Queues one `attempted` statement for the organisation; its id. */
async function queueStatement(orgId: string): Promise<string> {
  const { db } = t.runtime.deps;
  const id = crypto.randomUUID();
  const actor = {
    objectType: 'Agent' as const,
    name: 'L',
    account: { homePage: 'urn:sounding-board', name: 'x' },
  };
  const object = {
    objectType: 'Activity' as const,
    id: 'urn:sounding-board:scenario:s',
    definition: { name: { en: 'S' }, type: 'http://adlnet.gov/expapi/activities/simulation' },
  };
  await enqueueStatements(
    db,
    orgId,
    null as unknown as string,
    [
      {
        id,
        actor,
        verb: VERBS.attempted,
        object,
        context: { platform: 'Sounding Board', language: 'en' },
        timestamp: new Date().toISOString(),
      } as never,
    ],
    new Date(),
  );
  return id;
}

it('an allowed LRS cannot redirect a statement to an address the allow-list does not name', async () => {
  // the second address: loopback too, but not 127.0.0.1, the one host the allow-list names
  let inside = 0;
  let insideAuth: string | undefined;
  const hidden = serve({
    fetch: (req: Request) => {
      inside++;
      insideAuth = req.headers.get('authorization') ?? undefined;
      return new Response(null, { status: 204 });
    },
    port: 0,
    hostname: '127.0.0.2',
  });
  await new Promise<void>((r) => hidden.once('listening', () => r()));
  const hiddenBase = `http://127.0.0.2:${(hidden.address() as AddressInfo).port}`;
  const bouncing = await serveLocally(
    new Hono().put('/xapi/statements', (c) =>
      c.redirect(`${hiddenBase}/xapi/statements?${new URL(c.req.url).search.slice(1)}`, 307),
    ).fetch,
  );
  try {
    const { db } = t.runtime.deps;
    const { id, report } = await sendOneTo(`${bouncing.base}/xapi/`, ['127.0.0.1']);
    expect(inside, `reached ${hiddenBase} with ${insideAuth ?? 'no credentials'}`).toBe(0);
    expect(report.sent).toBe(0);
    const [row] = await db.select().from(xapiOutbox).where(eq(xapiOutbox.id, id));
    expect(row.status).toBe('failed');
    expect(row.lastError).toMatch(/refused/);
    expect(row.lastError).not.toMatch(/127\.0\.0\.2/);
  } finally {
    bouncing.close();
    hidden.close();
  }
});

it('an allow-list in the configuration lets an admin name an internal LRS', async () => {
  const allowed = await startTestApp({ SB_ALLOW_PRIVATE_HOSTS: '127.0.0.1' });
  try {
    expect((await put(lrsUrl, allowed)).status).toBe(200);
    expect((await put('http://169.254.169.254/', allowed)).status).toBe(400);
  } finally {
    await allowed.close();
  }
});

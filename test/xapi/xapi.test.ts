/**
 * xAPI over real HTTP: an admin points the organisation at an LRS (a fake one here, checking Basic
 * auth and the version header), a learner finishes a drill, and the LRS receives attempted,
 * completed and passed/failed with per-skill results; while the LRS is down the statements wait
 * in the outbox and are sent when it is back. Organisations without an LRS send nothing.
 */
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { xapiLrs, xapiOutbox } from '../../api/db/schema/index.js';
import { listOrgDrills } from '../../api/lti/index.js';
import type { Statement } from '../../api/xapi/index.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { serveLocally } from '../support/local-server.js';

let t: TestApp;
let lrsUrl: string;
let closeLrs: () => void;
const lrs = { down: false, received: [] as Statement[], ids: [] as string[] };

beforeAll(async () => {
  t = await startTestApp();
  const app = new Hono();
  app.put('/xapi/statements', async (c) => {
    if (lrs.down) return c.text('down', 503);
    if (c.req.header('authorization') !== `Basic ${btoa('lrs-user:lrs-pass')}`)
      return c.text('no', 401);
    if (c.req.header('x-experience-api-version') !== '1.0.3') return c.text('version', 400);
    const id = c.req.query('statementId')!;
    if (lrs.ids.includes(id)) return c.text('conflict', 409);
    lrs.ids.push(id);
    lrs.received.push(await c.req.json());
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

async function drillSession(token: string, orgId: string) {
  const [drill] = await listOrgDrills(t.runtime.deps.db, orgId);
  const start = await t.call('POST', '/api/sessions', { token, body: { drillId: drill.id } });
  expect(start.status).toBe(201);
  for (const text of [
    'What would you like from our time today?',
    'It sounds like a lot is going on.',
    'What will you do first?',
  ]) {
    expect(
      (
        await t.call('POST', `/api/sessions/${start.body.id}/turns`, {
          token,
          body: { clientTurnId: randomUUID(), text },
        })
      ).status,
    ).toBe(200);
  }
  const end = await t.call('POST', `/api/sessions/${start.body.id}/end`, { token });
  expect(end.status).toBe(200);
  return { id: start.body.id as string, drill, end: end.body };
}

async function until(check: () => boolean | Promise<boolean>, ms = 5000) {
  const stop = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > stop) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('LRS settings', () => {
  it('are for admins; the password is never returned', async () => {
    expect((await t.call('GET', '/api/xapi/lrs', { token: t.tokens.admin })).status).toBe(404);
    expect(
      (
        await t.call('PUT', '/api/xapi/lrs', {
          token: t.tokens.facilitator,
          body: { endpoint: lrsUrl, username: 'lrs-user', password: 'lrs-pass' },
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await t.call('PUT', '/api/xapi/lrs', {
          token: t.tokens.admin,
          body: { endpoint: 'ftp://x', username: 'u', password: 'p' },
        })
      ).status,
    ).toBe(400);
    const put = await t.call('PUT', '/api/xapi/lrs', {
      token: t.tokens.admin,
      body: { endpoint: lrsUrl, username: 'lrs-user', password: 'lrs-pass' },
    });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ endpoint: lrsUrl, username: 'lrs-user', enabled: true });
    expect(JSON.stringify(put.body)).not.toContain('lrs-pass');
  });

  it('keep the password encrypted at rest (AES-GCM under the data key), so the database never holds it in clear', async () => {
    const orgId = t.runtime.demo!.admin.orgId;
    const [row] = await t.runtime.deps.db.select().from(xapiLrs).where(eq(xapiLrs.orgId, orgId));
    expect(row.password).not.toContain('lrs-pass');
    expect(row.password).toMatch(/^enc:v1:[A-Za-z0-9_-]{16}:[A-Za-z0-9_-]+$/);
    // the same password sealed twice differs (a fresh IV each time)
    await t.call('PUT', '/api/xapi/lrs', {
      token: t.tokens.admin,
      body: { endpoint: lrsUrl, username: 'lrs-user', password: 'lrs-pass' },
    });
    const [again] = await t.runtime.deps.db.select().from(xapiLrs).where(eq(xapiLrs.orgId, orgId));
    expect(again.password).not.toBe(row.password);
  });
});

describe('statements', () => {
  it('reach the LRS when a learner finishes a drill: attempted, completed and passed/failed with per-skill results', async () => {
    const s = await drillSession(t.tokens.learner, t.runtime.demo!.learner.orgId);
    await until(() => lrs.received.filter((x) => x.context.registration === s.id).length === 3);
    const mine = lrs.received.filter((x) => x.context.registration === s.id);
    const verbs = mine.map((x) => x.verb.id.split('/').pop());
    expect(verbs.slice(0, 2)).toEqual(['attempted', 'completed']);
    expect(verbs[2]).toBe(s.end.drillResult!.passed ? 'passed' : 'failed');
    const last = mine[2];
    expect(last.actor.account.name).toBe(t.runtime.demo!.learner.id);
    expect(JSON.stringify(last.actor)).not.toContain('@');
    expect(last.object.id).toContain(s.drill.id);
    expect(last.result?.success).toBe(s.end.drillResult!.passed);
    const skills = Object.values(last.result?.extensions ?? {})[0] as Record<
      string,
      { level: string; score: number }
    >;
    expect(Object.keys(skills).sort()).toEqual(
      s.end.scorecard.skills.map((k: { skill: string }) => k.skill).sort(),
    );
    expect(last.result?.score?.max).toBe(100);
  });

  it('wait in the outbox while the LRS is down and are sent when it is back', async () => {
    lrs.down = true;
    const s = await drillSession(t.tokens.learner2, t.runtime.demo!.learner2.orgId);
    await until(async () =>
      (
        await t.runtime.deps.db.select().from(xapiOutbox).where(eq(xapiOutbox.sessionId, s.id))
      ).every((r) => r.attempts === 1 && r.lockedUntil === null),
    ); // counted at the claim, over at the release
    const pending = await t.call('GET', '/api/xapi/statements?status=pending', {
      token: t.tokens.facilitator,
    });
    expect(pending.body.statements.filter((x) => x.sessionId === s.id)).toHaveLength(3);
    expect((await t.call('GET', '/api/xapi/statements', { token: t.tokens.learner })).status).toBe(
      403,
    );
    lrs.down = false;
    const retry = await t.call('POST', '/api/xapi/statements/retry', {
      token: t.tokens.facilitator,
    });
    expect(retry.body.requeued).toBeGreaterThanOrEqual(3);
    const rows = await t.runtime.deps.db
      .select()
      .from(xapiOutbox)
      .where(eq(xapiOutbox.sessionId, s.id));
    expect(rows.map((r) => r.status)).toEqual(['sent', 'sent', 'sent']);
    expect(lrs.received.filter((x) => x.context.registration === s.id)).toHaveLength(3);
  });

  it('still reach the LRS from a row stored in clear before encryption, which is then sealed', async () => {
    const orgId = t.runtime.demo!.learner.orgId;
    await t.runtime.deps.db
      .update(xapiLrs)
      .set({ password: 'lrs-pass' })
      .where(eq(xapiLrs.orgId, orgId));
    const s = await drillSession(t.tokens.learner, orgId);
    await until(() => lrs.received.filter((x) => x.context.registration === s.id).length === 3);
    const [row] = await t.runtime.deps.db.select().from(xapiLrs).where(eq(xapiLrs.orgId, orgId));
    expect(row.password).toMatch(/^enc:v1:/);
  });

  it('are not made for an organisation without an LRS', async () => {
    const s = await drillSession(t.tokens.otherOrgLearner, t.runtime.demo!.otherOrgLearner.orgId);
    expect(
      await t.runtime.deps.db.select().from(xapiOutbox).where(eq(xapiOutbox.sessionId, s.id)),
    ).toEqual([]);
  });
});

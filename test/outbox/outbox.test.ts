/**
 * @module test/outbox/outbox.test
 * The outbox mechanism at its boundary, for both outboxes (LMS grades and xAPI statements): the
 * real delivery functions on the test database (PGlite, or PostgreSQL with DATABASE_URL) against
 * a fake LMS and LRS over HTTP that can hold a delivery unanswered. A held delivery stands for a
 * run the platform cut off mid-delivery (a Workers invocation ended): the run never reports back,
 * and the injected clock moves past its lease. Checked: the attempt is counted when the row is
 * claimed; a cut-off row comes back only when its lease runs out, and after its last attempt is
 * given up rather than claimed again; a late answer to a cut-off run changes nothing; two runs at
 * once never deliver the same row.
 */
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { Hono } from 'hono';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ltiGradeOutbox, xapiOutbox } from '../../api/db/schema/index.js';
import {
  AccessTokens,
  createPlatform,
  deliverDueGrades,
  enqueueGrade,
  retryGrade,
} from '../../api/lti/index.js';
import { createLogger, type Logger } from '../../api/logger.js';
import { LEASE_MS, MAX_ATTEMPTS, type DeliveryReport } from '../../api/outbox/index.js';
import {
  deliverDueStatements,
  enqueueStatements,
  retryStatements,
  saveLrs,
  VERBS,
} from '../../api/xapi/index.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { serveLocally } from '../support/local-server.js';

/** The fake LMS and LRS: answers deliveries at once, or holds them until the test answers. */
const peer = {
  hold: false,
  /** one entry per delivery that reached the peer: the statement id, or the score's line item path */
  deliveries: [] as string[],
  held: [] as ((status: number) => void)[],
  /** answers every held delivery (a late answer to a run that was cut off) */
  answerHeld(status: number) {
    for (const answer of this.held.splice(0)) answer(status);
  },
};

async function delivered(key: string): Promise<number> {
  peer.deliveries.push(key);
  if (!peer.hold) return 204;
  return new Promise<number>((answer) => peer.held.push(answer));
}

let t: TestApp;
let base: string;
let closePeer: () => void;
let orgId: string;
let personId: string;
let sessionId: string;
let platformId: string;
// the fake LMS runs on this machine: allowed by name, as a deployment on a private network would be
const tokens = new AccessTokens(undefined, undefined, ['127.0.0.1']);

beforeAll(async () => {
  t = await startTestApp();
  const fake = new Hono()
    .put('/lrs/statements', async (c) =>
      c.body(null, (await delivered(c.req.query('statementId')!)) as 204),
    )
    .post('/lms/token', (c) =>
      c.json({ access_token: 'fake-ags-token', token_type: 'Bearer', expires_in: 3600 }),
    )
    .post('/lms/lineitems/:n/scores', async (c) =>
      c.body(null, (await delivered(c.req.path)) as 204),
    );
  const server = await serveLocally(fake.fetch);
  base = `${server.base}`;
  closePeer = server.close;

  const learner = t.runtime.demo!.learner;
  orgId = learner.orgId;
  personId = learner.id;
  const scenarios = await t.call('GET', '/api/scenarios', { token: t.tokens.learner });
  const start = await t.call('POST', '/api/sessions', {
    token: t.tokens.learner,
    body: { scenarioId: scenarios.body.scenarios[0].id },
  });
  expect(start.status).toBe(201);
  sessionId = start.body.id;
  const db = t.runtime.deps.db;
  await saveLrs(
    db,
    orgId,
    { endpoint: `${base}/lrs/`, username: 'lrs-user', password: 'lrs-pass', enabled: true },
    new Date(),
    t.runtime.deps.dataKey,
  );
  platformId = (
    await createPlatform(db, orgId, {
      name: 'Fake LMS',
      issuer: `${base}/lms`,
      clientId: 'sb-outbox-test',
      deploymentIds: ['1'],
      authEndpoint: `${base}/lms/auth`,
      tokenEndpoint: `${base}/lms/token`,
      jwksUrl: `${base}/lms/jwks`,
    })
  ).id;
});

afterAll(async () => {
  peer.answerHeld(503);
  closePeer?.();
  await t?.close();
});

async function until(check: () => boolean | Promise<boolean>, ms = 5000) {
  const stop = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > stop) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** What the tests need from one outbox. */
interface OutboxCase {
  name: string;
  /** the outbox's name in log lines */
  logName: string;
  /** queues one row due at `now`; its id */
  enqueue(now: Date): Promise<string>;
  drain(now: Date, limit?: number, logger?: Logger): Promise<DeliveryReport>;
  row(id: string): Promise<{
    status: string;
    attempts: number;
    lockedUntil: Date | null;
    lastError: string | null;
  }>;
  /** what an admin's retry does */
  requeue(id: string, now: Date): Promise<void>;
  /** the route through which staff ask for delivery now */
  deliverRoute: string;
}

let lineItems = 0;
const CASES: OutboxCase[] = [
  {
    name: 'xAPI statements',
    logName: 'xapi',
    async enqueue(now) {
      const id = randomUUID();
      const actor = {
        objectType: 'Agent' as const,
        name: 'Learner',
        account: { homePage: 'urn:sounding-board', name: personId },
      };
      const object = {
        objectType: 'Activity' as const,
        id: 'urn:sounding-board:scenario:s',
        definition: { name: { en: 'S' }, type: 'http://adlnet.gov/expapi/activities/simulation' },
      };
      await enqueueStatements(
        t.runtime.deps.db,
        orgId,
        sessionId,
        [
          {
            id,
            actor,
            verb: VERBS.attempted,
            object,
            context: { registration: sessionId, platform: 'Sounding Board', language: 'en' },
            timestamp: now.toISOString(),
          },
        ],
        now,
      );
      return id;
    },
    drain: (now, limit, logger) =>
      deliverDueStatements(t.runtime.deps.db, {
        now,
        limit,
        logger,
        dataKey: t.runtime.deps.dataKey,
        allowHosts: ['127.0.0.1'],
      }),
    row: async (id) =>
      (await t.runtime.deps.db.select().from(xapiOutbox).where(eq(xapiOutbox.id, id)))[0],
    requeue: async (_id, now) => void (await retryStatements(t.runtime.deps.db, orgId, now)),
    deliverRoute: '/api/xapi/statements/retry',
  },
  {
    name: 'LMS grades',
    logName: 'grades',
    async enqueue(now) {
      const lineItemUrl = `${base}/lms/lineitems/${++lineItems}`;
      await enqueueGrade(
        t.runtime.deps.db,
        {
          orgId,
          platformId,
          personId,
          sessionId,
          lineItemUrl,
          userSub: 'lms-user-1',
          scoreGiven: 3,
          scoreMaximum: 6,
        },
        now,
      );
      return (
        await t.runtime.deps.db
          .select()
          .from(ltiGradeOutbox)
          .where(eq(ltiGradeOutbox.lineItemUrl, lineItemUrl))
      )[0].id;
    },
    drain: (now, limit, logger) =>
      deliverDueGrades(t.runtime.deps.db, tokens, { now, limit, logger }),
    row: async (id) =>
      (await t.runtime.deps.db.select().from(ltiGradeOutbox).where(eq(ltiGradeOutbox.id, id)))[0],
    requeue: async (id, now) => void (await retryGrade(t.runtime.deps.db, orgId, id, now)),
    deliverRoute: '/api/lti/grades/deliver',
  },
];

const T0 = new Date();
/** `n` leases after T0, plus a second: every lease taken up to then has run out */
const afterLeases = (n: number) => new Date(T0.getTime() + n * (LEASE_MS + 1000));

describe.each(CASES)('$name', (outbox) => {
  /** runs left hanging on a held delivery; each test answers and awaits its own */
  let cutOff: Promise<DeliveryReport>[] = [];

  beforeEach(async () => {
    await t.runtime.deps.db.delete(xapiOutbox);
    await t.runtime.deps.db.delete(ltiGradeOutbox);
    peer.hold = false;
    peer.deliveries = [];
    cutOff = [];
  });

  /** Starts a run that reaches the peer and is never answered (until the test says so). */
  async function runCutOff(now: Date) {
    peer.hold = true;
    const reached = peer.deliveries.length + 1;
    cutOff.push(outbox.drain(now, 1));
    await until(() => peer.deliveries.length === reached);
  }

  it("another organisation's staff asking for delivery neither send this organisation's rows nor see their count", async () => {
    const id = await outbox.enqueue(new Date());
    const theirs = await t.call('POST', outbox.deliverRoute, {
      token: t.tokens.otherOrgFacilitator,
    });
    expect(theirs.status).toBe(200);
    expect(theirs.body).not.toMatchObject({ sent: 1 });
    expect(JSON.stringify(theirs.body)).not.toMatch(/"(sent|requeued)":[1-9]/);
    expect(peer.deliveries).toEqual([]);
    expect(await outbox.row(id)).toMatchObject({ status: 'pending', attempts: 0 });
    const ours = await t.call('POST', outbox.deliverRoute, { token: t.tokens.facilitator });
    expect(ours.status).toBe(200);
    expect(await outbox.row(id)).toMatchObject({ status: 'sent', attempts: 1 });
  });

  it('counts the attempt when the row is claimed, before the peer has answered', async () => {
    const id = await outbox.enqueue(T0);
    await runCutOff(T0);
    expect(await outbox.row(id)).toMatchObject({
      status: 'pending',
      attempts: 1,
      lockedUntil: new Date(T0.getTime() + LEASE_MS),
    });
    peer.answerHeld(204);
    expect(await cutOff[0]).toEqual({ sent: 1, retrying: 0, failed: 0 });
    expect(await outbox.row(id)).toMatchObject({
      status: 'sent',
      attempts: 1,
      lockedUntil: null,
      lastError: null,
    });
  });

  it('takes a cut-off row again only when its lease has run out, and after its last attempt gives it up instead', async () => {
    const id = await outbox.enqueue(T0);
    await runCutOff(T0);
    // still leased: nobody else may take it
    expect(await outbox.drain(new Date(T0.getTime() + LEASE_MS - 1000))).toEqual({
      sent: 0,
      retrying: 0,
      failed: 0,
    });
    for (let n = 1; n < MAX_ATTEMPTS; n++) await runCutOff(afterLeases(n));
    expect(peer.deliveries).toHaveLength(MAX_ATTEMPTS);
    expect(await outbox.row(id)).toMatchObject({ status: 'pending', attempts: MAX_ATTEMPTS });

    // the last attempt's lease runs out: given up, not claimed a thirteenth time
    peer.hold = false;
    const lines: string[] = [];
    expect(
      await outbox.drain(
        afterLeases(MAX_ATTEMPTS),
        undefined,
        createLogger('info', (l) => lines.push(l)),
      ),
    ).toEqual({ sent: 0, retrying: 0, failed: 1 });
    expect(lines.map((l) => JSON.parse(l))).toMatchObject([
      {
        level: 'warn',
        msg: 'outbox rows given up: their last attempt never reported back',
        outbox: outbox.logName,
        count: 1,
      },
    ]);
    expect(peer.deliveries).toHaveLength(MAX_ATTEMPTS);
    const failed = await outbox.row(id);
    expect(failed).toMatchObject({ status: 'failed', attempts: MAX_ATTEMPTS, lockedUntil: null });
    expect(failed.lastError).toMatch(/^delivery never reported back: .*(LMS|LRS)/);

    // the cut-off runs' late failures belong to leases long gone: they change nothing
    peer.answerHeld(503);
    await Promise.all(cutOff);
    expect(await outbox.row(id)).toEqual(failed);

    // an admin's retry still gets one more attempt through
    await outbox.requeue(id, afterLeases(MAX_ATTEMPTS + 1));
    expect(await outbox.drain(afterLeases(MAX_ATTEMPTS + 1))).toEqual({
      sent: 1,
      retrying: 0,
      failed: 0,
    });
    expect(await outbox.row(id)).toMatchObject({ status: 'sent', attempts: MAX_ATTEMPTS + 1 });
  });

  it('keeps what the next run recorded when a cut-off run answers late', async () => {
    const id = await outbox.enqueue(T0);
    await runCutOff(T0);
    peer.hold = false;
    expect(await outbox.drain(afterLeases(1))).toEqual({ sent: 1, retrying: 0, failed: 0 });
    peer.answerHeld(503);
    expect(await cutOff[0]).toEqual({ sent: 0, retrying: 1, failed: 0 });
    expect(await outbox.row(id)).toMatchObject({ status: 'sent', attempts: 2, lastError: null });
  });

  it('does not let an admin retry hand a row being delivered to a second run', async () => {
    const id = await outbox.enqueue(T0);
    await runCutOff(T0);
    await outbox.requeue(id, T0);
    expect(await outbox.drain(T0)).toEqual({ sent: 0, retrying: 0, failed: 0 });
    peer.answerHeld(204);
    expect(await cutOff[0]).toEqual({ sent: 1, retrying: 0, failed: 0 });
    expect(peer.deliveries).toHaveLength(1);
  });

  it('claims no more rows than it delivers: at most the limit, the rest untouched', async () => {
    const ids = [await outbox.enqueue(T0), await outbox.enqueue(T0), await outbox.enqueue(T0)];
    expect(await outbox.drain(T0, 2)).toEqual({ sent: 2, retrying: 0, failed: 0 });
    const rows = await Promise.all(ids.map((id) => outbox.row(id)));
    expect(rows.map((r) => r.status).sort()).toEqual(['pending', 'sent', 'sent']);
    expect(rows.find((r) => r.status === 'pending')).toMatchObject({
      attempts: 0,
      lockedUntil: null,
    });
  });

  it('never delivers the same row from two runs at once', async () => {
    const ids = new Set<string>();
    for (let i = 0; i < 8; i++) ids.add(await outbox.enqueue(T0));
    const [a, b] = await Promise.all([outbox.drain(T0), outbox.drain(T0)]);
    expect(a.sent + b.sent).toBe(8);
    expect(a.retrying + b.retrying + a.failed + b.failed).toBe(0);
    expect(new Set(peer.deliveries).size).toBe(8);
    expect(peer.deliveries).toHaveLength(8);
    for (const id of ids)
      expect(await outbox.row(id)).toMatchObject({ status: 'sent', attempts: 1 });
  });
});

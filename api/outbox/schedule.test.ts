/**
 * @module outbox/schedule.test
 * The scheduled drain on the real app (PGlite): it delivers through the app's own outbox runtime,
 * at most `limit` rows per outbox per run, and logs counts only (no credentials).
 */
import { randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/support/app.js';
import { serveLocally } from '../../test/support/local-server.js';
import type { AppDeps } from '../app-env.js';
import { findDemoPeople } from '../demo/seed.js';
import { createLogger } from '../logger.js';
import { enqueueStatements, saveLrs, VERBS, type Statement } from '../xapi/index.js';
import { drainOutboxesOnSchedule } from './schedule.js';

let t: TestApp;
let lrsUrl: string;
let closeLrs: () => void;
const received: string[] = [];

beforeAll(async () => {
  t = await startTestApp();
  const lrs = await serveLocally(
    new Hono().put(
      '/xapi/statements',
      (c) => (received.push(c.req.query('statementId')!), c.body(null, 204)),
    ).fetch,
  );
  lrsUrl = `${lrs.base}/xapi/`;
  closeLrs = lrs.close;
});
afterAll(async () => {
  closeLrs?.();
  await t?.close();
});

const statement = (sessionId: string): Statement => ({
  id: randomUUID(),
  actor: {
    objectType: 'Agent',
    name: 'Learner',
    account: { homePage: 'urn:sounding-board', name: 'x' },
  },
  verb: VERBS.attempted,
  object: {
    objectType: 'Activity',
    id: 'urn:sounding-board:scenario:s',
    definition: { name: { en: 'S' }, type: 'http://adlnet.gov/expapi/activities/simulation' },
  },
  context: { registration: sessionId, platform: 'Sounding Board', language: 'en' },
  timestamp: new Date().toISOString(),
});

it('delivers at most the limit per outbox per run and logs counts, not credentials', async () => {
  const { deps } = t.runtime;
  const org = (await findDemoPeople(deps.db))!.learner.orgId;
  const scenarios = await t.call('GET', '/api/scenarios', { token: t.tokens.learner });
  const start = await t.call('POST', '/api/sessions', {
    token: t.tokens.learner,
    body: { scenarioId: scenarios.body.scenarios[0].id },
  });
  expect(start.status).toBe(201);
  await saveLrs(
    deps.db,
    org,
    { endpoint: lrsUrl, username: 'lrs-user', password: 'lrs-secret-pass', enabled: true },
    new Date(),
    deps.dataKey,
  );
  await enqueueStatements(
    deps.db,
    org,
    start.body.id,
    [statement(start.body.id), statement(start.body.id), statement(start.body.id)],
    new Date(),
  );

  // the app's deps with a logger this test can read (so its own outbox runtime)
  const lines: string[] = [];
  const scheduled: AppDeps = { ...deps, logger: createLogger('info', (l) => lines.push(l)) };

  const first = await drainOutboxesOnSchedule(scheduled, { cron: '* * * * *', limit: 2 });
  expect(first.grades).toEqual({ sent: 0, retrying: 0, failed: 0 });
  expect(first.xapi).toEqual({ sent: 2, retrying: 0, failed: 0 });
  const second = await drainOutboxesOnSchedule(scheduled, { limit: 2 });
  expect(second.xapi).toEqual({ sent: 1, retrying: 0, failed: 0 });
  expect(received).toHaveLength(3);
  await drainOutboxesOnSchedule(scheduled, { limit: 2 }); // nothing left: debug only

  expect(lines).toHaveLength(2);
  expect(JSON.parse(lines[0])).toMatchObject({
    level: 'info',
    msg: 'scheduled outbox drain',
    cron: '* * * * *',
    limit: 2,
    xapi: { sent: 2 },
  });
  expect(lines.join('\n')).not.toMatch(/lrs-secret-pass|lrs-user|127\.0\.0\.1/);
});

/**
 * @module test/workers/worker-smoke
 * The Workers build for real: `wrangler dev --local` runs `api/worker.ts` in workerd against a
 * fresh database on the local PostgreSQL (through the Hyperdrive binding's local connection
 * string), migrated and seeded from Node first as a deploy would be. Then health, scenarios, a
 * short session (JSON and streamed turns), the scorecard, access control, and the rows in
 * PostgreSQL; the embed bundle from static assets; and the cron trigger (`--test-scheduled`,
 * `/__scheduled`) delivering a queued LMS grade and xAPI statements to a fake LMS and LRS served
 * by this test. Wrangler is kept offline: no metrics, no `Request.cf` download.
 *
 * Skips only when it can name the environmental cause: no PostgreSQL server to connect to, or a
 * workerd binary that cannot run on this machine. The reason is printed.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signToken } from '../../api/auth/index.js';
import { importDataKey } from '../../api/auth/data-key.js';
import { openPostgres } from '../../api/db/index.js';
import { seedDemo, type DemoPeople } from '../../api/demo/seed.js';
import { createPlatform, enqueueGrade } from '../../api/lti/index.js';
import { enqueueStatements, saveLrs, VERBS, type Statement } from '../../api/xapi/index.js';
import { deleteLrs } from '../../api/xapi/lrs.store.js';
import { BUNDLE_PATH } from '../../web-components/build.js';
import type { ApiResponse } from '../support/typed-call.js';

const ROOT = new URL('../../', import.meta.url).pathname;
const SERVER_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const SECRET = `worker-smoke-${randomUUID()}`;
/** the data key the worker seals LRS passwords with (production: from the environment) */
const DATA_KEY = randomUUID().replace(/-/g, '') + randomUUID().replace(/-/g, '');

/** Why this machine cannot run the smoke test, or null when it can. */
async function environmentalCause(): Promise<string | null> {
  const server = new URL(SERVER_URL);
  const reachable = await new Promise<string | null>((resolve) => {
    const socket = new Socket();
    socket.setTimeout(3000);
    socket.once('connect', () => (socket.destroy(), resolve(null)));
    socket.once('timeout', () => (socket.destroy(), resolve('timed out')));
    socket.once('error', (err: NodeJS.ErrnoException) => resolve(err.code ?? err.message));
    socket.connect(Number(server.port || 5432), server.hostname);
  });
  if (reachable)
    return `no PostgreSQL server at ${server.hostname}:${server.port || 5432} (${reachable}); set DATABASE_URL to one`;
  const workerd = spawnSync(join(ROOT, 'node_modules/.bin/workerd'), ['--version'], {
    encoding: 'utf8',
    timeout: 30_000,
  });
  if (workerd.error) return `the workerd binary cannot be started: ${workerd.error.message}`;
  if (workerd.status !== 0)
    return `workerd --version exited ${workerd.status}: ${(workerd.stderr || workerd.stdout).trim().slice(0, 300)}`;
  return null;
}

const cause = await environmentalCause();
if (cause) console.warn(`[worker-smoke] skipped: ${cause}`);

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

/** What the fake LMS and LRS were sent: method, path and parsed body of each request. */
interface Received {
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/**
 * One HTTP server playing both an LMS (OAuth token endpoint, AGS line item scores) and an LRS
 * (xAPI statements), recording what it receives.
 */
async function fakeLmsAndLrs(): Promise<{ server: Server; base: string; received: Received[] }> {
  const received: Received[] = [];
  const server = createHttpServer((req, res) => {
    let body = '';
    req.on('data', (d) => (body += d));
    req.on('end', () => {
      received.push({ method: req.method!, path: req.url!, headers: req.headers, body });
      if (req.url === '/lms/token') {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(
          JSON.stringify({
            access_token: 'fake-ags-token',
            token_type: 'Bearer',
            expires_in: 3600,
          }),
        );
      } else if (req.url?.startsWith('/lms/lineitems/') || req.url?.startsWith('/lrs/statements')) {
        res.writeHead(req.method === 'PUT' ? 204 : 200).end();
      } else res.writeHead(404).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    server,
    base: `http://127.0.0.1:${(server.address() as { port: number }).port}`,
    received,
  };
}

/** Hyperdrive's local string must carry a password (Miniflare refuses one without); trust auth ignores it. */
function withPassword(url: string): string {
  const u = new URL(url);
  if (!u.password) u.password = 'local';
  return u.toString();
}

describe.skipIf(cause !== null)('Sounding Board on workerd (wrangler dev --local)', () => {
  const dbName = `sb_worker_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  const dbUrl = (() => {
    const u = new URL(SERVER_URL);
    u.pathname = `/${dbName}`;
    return u.toString();
  })();
  let wrangler: ChildProcess | null = null;
  let output = '';
  let base = '';
  let people: DemoPeople;
  const tokens: Record<string, string> = {};
  const persist = mkdtempSync(join(tmpdir(), 'sb-wrangler-'));

  const call = async <M extends string, P extends string>(
    method: M,
    path: P,
    o: { token?: string; body?: unknown; headers?: Record<string, string> } = {},
  ) => {
    const headers: Record<string, string> = { ...(o.headers ?? {}) };
    if (o.token) headers.authorization = `Bearer ${o.token}`;
    if (o.body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(base + path, {
      method,
      headers,
      body: o.body === undefined ? undefined : JSON.stringify(o.body),
    });
    const text = await res.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      /* SSE or text */
    }
    return { status: res.status, body: body as ApiResponse<M, P>, headers: res.headers };
  };

  beforeAll(async () => {
    // 1. a fresh database, migrated and seeded from Node (Workers never migrate)
    const admin = postgres(SERVER_URL, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${dbName}`);
    await admin.end();
    const database = await openPostgres(dbUrl, { max: 2 });
    await database.migrate();
    people = await seedDemo(database.db);
    await database.close();
    for (const [key, p] of Object.entries(people))
      tokens[key] = await signToken(SECRET, { sub: p.id, org: p.orgId, role: p.role }, 3600);

    // 2. wrangler dev, offline, on a free port
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    wrangler = spawn(
      join(ROOT, 'node_modules/.bin/wrangler'),
      [
        'dev',
        '--local',
        '--test-scheduled',
        '--port',
        String(port),
        '--ip',
        '127.0.0.1',
        '--persist-to',
        persist,
        '--show-interactive-dev-session=false',
        '--var',
        `SB_JWT_SECRET:${SECRET}`,
        '--var',
        `SB_DATA_KEY:${DATA_KEY}`,
        '--var',
        'SB_ALLOW_PRIVATE_HOSTS:127.0.0.1',
        '--var',
        'LOG_LEVEL:warn',
      ],
      {
        cwd: ROOT,
        detached: true, // its own process group, so workerd goes down with it
        stdio: ['ignore', 'pipe', 'pipe'],
        env: {
          ...process.env,
          CI: 'true',
          WRANGLER_SEND_METRICS: 'false',
          WRANGLER_SEND_ERROR_REPORTS: 'false',
          CLOUDFLARE_CF_FETCH_ENABLED: 'false',
          CLOUDFLARE_HYPERDRIVE_LOCAL_CONNECTION_STRING_HYPERDRIVE: withPassword(dbUrl),
          NO_COLOR: '1',
          FORCE_COLOR: '0',
        },
      },
    );
    wrangler.stdout!.on('data', (d) => (output += d));
    wrangler.stderr!.on('data', (d) => (output += d));
    const deadline = Date.now() + 90_000;
    for (;;) {
      if (wrangler.exitCode !== null)
        throw new Error(`wrangler dev exited ${wrangler.exitCode}:\n${output.slice(-3000)}`);
      if (Date.now() > deadline)
        throw new Error(`wrangler dev was not ready in 90 s:\n${output.slice(-3000)}`);
      if (/Ready on/.test(output)) {
        const ok = await fetch(`${base}/api/health`).then(
          (r) => r.status === 200,
          () => false,
        );
        if (ok) break;
      }
      await new Promise((r) => setTimeout(r, 250));
    }
  }, 150_000);

  afterAll(async () => {
    if (wrangler?.pid && wrangler.exitCode === null) {
      const exited = new Promise((r) => wrangler!.once('exit', r));
      process.kill(-wrangler.pid, 'SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
      if (wrangler.exitCode === null) process.kill(-wrangler.pid, 'SIGKILL');
    }
    rmSync(persist, { recursive: true, force: true });
    const admin = postgres(SERVER_URL, { max: 1, onnotice: () => {} });
    await admin.unsafe(`drop database if exists ${dbName} with (force)`);
    await admin.end();
  }, 30_000);

  it('answers health on PostgreSQL with the scripted partner', async () => {
    const r = await call('GET', '/api/health');
    expect(r.body).toEqual({
      status: 'ok',
      db: 'postgres',
      llm: 'scripted',
      llmState: 'not_configured',
      llmConsecutiveFailures: 0,
    });
  });

  it('refuses a missing or foreign-signed token, and has no demo tokens (production vars)', async () => {
    expect((await call('GET', '/api/scenarios')).status).toBe(401);
    const forged = await signToken(
      'another-secret-another-secret-another',
      { sub: people.learner.id, org: people.learner.orgId, role: 'learner' },
      3600,
    );
    expect((await call('GET', '/api/scenarios', { token: forged })).status).toBe(401);
    expect((await call('GET', '/api/demo/tokens')).status).toBe(404);
  });

  it('runs a short session: start, turns (JSON and streamed), end, read back', async () => {
    const scenarios = await call('GET', '/api/scenarios', { token: tokens.learner });
    expect(scenarios.status).toBe(200);
    expect(scenarios.body.scenarios.length).toBeGreaterThanOrEqual(6);
    const start = await call('POST', '/api/sessions', {
      token: tokens.learner,
      body: { scenarioId: scenarios.body.scenarios[0].id },
    });
    expect(start.status, JSON.stringify(start.body)).toBe(201);
    const id = start.body.id;

    const first = await call('POST', `/api/sessions/${id}/turns`, {
      token: tokens.learner,
      body: {
        clientTurnId: randomUUID(),
        text: 'What would you like to get out of our conversation today?',
      },
    });
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body.turn.codes.length).toBeGreaterThan(0);
    expect(first.body.reply.text.length).toBeGreaterThan(0);

    // streamed: the connection must stay open until the stream has finished its queries
    const streamed = await call('POST', `/api/sessions/${id}/turns`, {
      token: tokens.learner,
      body: {
        clientTurnId: randomUUID(),
        text: 'It sounds like a lot has changed for you since the promotion.',
      },
      headers: { accept: 'text/event-stream' },
    });
    expect(streamed.status).toBe(200);
    expect(streamed.body).toMatch(/event: turn/);
    expect(streamed.body).toMatch(/event: done/);

    const bad = await call('POST', `/api/sessions/${id}/turns`, {
      token: tokens.learner,
      body: { clientTurnId: randomUUID(), text: '' },
    });
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toMatch(/problem\+json/);

    const end = await call('POST', `/api/sessions/${id}/end`, { token: tokens.learner });
    expect(end.status, JSON.stringify(end.body)).toBe(200);
    expect(end.body.scorecard.skills).toHaveLength(6);

    const read = await call('GET', `/api/sessions/${id}`, { token: tokens.learner });
    expect(read.status).toBe(200);
    expect(read.body.status).toBe('ended');
    expect(read.body.turns).toHaveLength(5);
    expect(read.body.turns.every((t) => !('pending' in t && t.pending))).toBe(true);

    expect(
      (await call('GET', `/api/sessions/${id}`, { token: tokens.otherOrgLearner })).status,
    ).toBe(404);
    expect((await call('GET', `/api/sessions/${id}`, { token: tokens.learner2 })).status).toBe(404);
    expect((await call('GET', `/api/sessions/${id}`, { token: tokens.admin })).status).toBe(200);

    // and it is really in PostgreSQL
    const sql = postgres(dbUrl, { max: 1 });
    const [{ n }] = await sql`select count(*)::int as n from turns where session_id = ${id}`;
    const [{ k }] =
      await sql`select count(*)::int as k from skill_results where session_id = ${id}`;
    await sql.end();
    expect(n).toBe(5);
    // two coach turns are not enough evidence for any skill: no ledger rows, progress untouched
    expect(end.body.scorecard.skills.every((s) => s.status === 'not_enough_evidence')).toBe(true);
    expect(k).toBe(0);
  }, 60_000);

  it('serves concurrent requests (one connection each) without mixing them up', async () => {
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        call('GET', i % 2 ? '/api/sessions' : '/api/me/progress', {
          token: i % 3 ? tokens.learner : tokens.learner2,
        }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(Array(12).fill(200));
    expect(output).not.toMatch(/Cannot perform I\/O on behalf of a different request/);
  }, 30_000);

  it('serves the embed bundle from static assets with the same headers as on Node', async () => {
    // wrangler's [build] step wrote it before starting; the asset is that file, byte for byte
    const built = readFileSync(BUNDLE_PATH, 'utf8');
    const res = await fetch(`${base}/embed/sounding-board.js`);
    const body = await res.text();
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
    expect(res.headers.get('cache-control')).toBe('public, max-age=300, must-revalidate');
    expect(body.length).toBe(built.length);
    expect(body.startsWith('/* Sounding Board web components.')).toBe(true);
    const etag = res.headers.get('etag')!;
    expect(etag).toMatch(/^"[0-9a-f]{24}"$/);
    const again = await fetch(`${base}/embed/sounding-board.js`, {
      headers: { 'if-none-match': etag },
    });
    expect(again.status).toBe(304);
    expect((await fetch(`${base}/embed/sounding-board.js`, { method: 'OPTIONS' })).status).toBe(
      204,
    );
    // worker first: the asset is not also public at its own path, and the API is not shadowed
    expect((await fetch(`${base}/sounding-board.js`)).status).toBe(404);
    expect((await call('GET', '/api/health')).status).toBe(200);
  }, 30_000);

  it('delivers xAPI statements as a session ends, before the connection closes', async () => {
    const fake = await fakeLmsAndLrs();
    try {
      const who = people.otherOrgLearner;
      const database = await openPostgres(dbUrl, { max: 1 });
      await saveLrs(
        database.db,
        who.orgId,
        {
          endpoint: `${fake.base}/lrs/`,
          username: 'lrs-user',
          password: 'lrs-password',
          enabled: true,
        },
        new Date(),
        await importDataKey(DATA_KEY),
      );
      await database.close();
      const scenarioId = (await call('GET', '/api/scenarios', { token: tokens.otherOrgLearner }))
        .body.scenarios[0].id;
      const start = await call('POST', '/api/sessions', {
        token: tokens.otherOrgLearner,
        body: { scenarioId },
      });
      expect(start.status, JSON.stringify(start.body)).toBe(201);
      const sessionId: string = start.body.id;
      const turn = await call('POST', `/api/sessions/${sessionId}/turns`, {
        token: tokens.otherOrgLearner,
        body: { clientTurnId: randomUUID(), text: 'What would you like to focus on today?' },
      });
      expect(turn.status).toBe(200);
      expect(
        (await call('POST', `/api/sessions/${sessionId}/end`, { token: tokens.otherOrgLearner }))
          .status,
      ).toBe(200);

      // no cron run: the delivery started by ending the session must finish on its own
      const sql = postgres(dbUrl, { max: 1 });
      let statuses: string[] = [];
      for (let i = 0; i < 40; i++) {
        statuses = (await sql`select status from xapi_outbox where session_id = ${sessionId}`).map(
          (r) => r.status,
        );
        if (statuses.length > 0 && statuses.every((st) => st === 'sent')) break;
        await new Promise((r) => setTimeout(r, 250));
      }
      await sql.end();
      expect(statuses.length).toBeGreaterThan(0);
      expect(
        statuses.every((st) => st === 'sent'),
        `${statuses.join(',')}\n${output.slice(-2000)}`,
      ).toBe(true);
      expect(fake.received.filter((r) => r.path.startsWith('/lrs/statements')).length).toBe(
        statuses.length,
      );
      expect(output).not.toMatch(/delivery failed/);
    } finally {
      await new Promise((r) => fake.server.close(r));
      const database = await openPostgres(dbUrl, { max: 1 });
      await deleteLrs(database.db, people.otherOrgLearner.orgId);
      await database.close();
    }
  }, 60_000);

  it('the cron trigger delivers a queued LMS grade and xAPI statements', async () => {
    const fake = await fakeLmsAndLrs();
    try {
      const who = people.otherOrgLearner;
      const start = await call('POST', '/api/sessions', {
        token: tokens.otherOrgLearner,
        body: {
          scenarioId: (await call('GET', '/api/scenarios', { token: tokens.otherOrgLearner })).body
            .scenarios[0].id,
        },
      });
      expect(start.status, JSON.stringify(start.body)).toBe(201);
      const sessionId: string = start.body.id;

      // queued straight into the outboxes, as an ended session would have left them with the LMS and LRS down
      const database = await openPostgres(dbUrl, { max: 1 });
      const now = new Date();
      const platform = await createPlatform(database.db, who.orgId, {
        name: 'Fake LMS',
        issuer: `${fake.base}/lms`,
        clientId: 'sb-worker-smoke',
        deploymentIds: ['1'],
        authEndpoint: `${fake.base}/lms/auth`,
        tokenEndpoint: `${fake.base}/lms/token`,
        jwksUrl: `${fake.base}/lms/jwks`,
      });
      await enqueueGrade(
        database.db,
        {
          orgId: who.orgId,
          platformId: platform.id,
          personId: who.id,
          sessionId,
          lineItemUrl: `${fake.base}/lms/lineitems/7`,
          userSub: 'lms-user-7',
          scoreGiven: 4,
          scoreMaximum: 6,
        },
        now,
      );
      await saveLrs(
        database.db,
        who.orgId,
        {
          endpoint: `${fake.base}/lrs/`,
          username: 'lrs-user',
          password: 'lrs-password',
          enabled: true,
        },
        now,
        await importDataKey(DATA_KEY),
      );
      const statement = (verb: keyof typeof VERBS): Statement => ({
        id: randomUUID(),
        actor: {
          objectType: 'Agent',
          name: 'Lee Chen',
          account: { homePage: 'urn:sounding-board', name: who.id },
        },
        verb: VERBS[verb],
        object: {
          objectType: 'Activity',
          id: 'urn:sounding-board:scenario:smoke',
          definition: {
            name: { en: 'Smoke' },
            type: 'http://adlnet.gov/expapi/activities/simulation',
          },
        },
        context: { registration: sessionId, platform: 'Sounding Board', language: 'en' },
        timestamp: now.toISOString(),
      });
      const statements = [statement('attempted'), statement('completed')];
      await enqueueStatements(database.db, who.orgId, sessionId, statements, now);
      await database.close();
      expect(fake.received).toHaveLength(0);

      const scheduled = await fetch(`${base}/__scheduled?cron=${encodeURIComponent('* * * * *')}`);
      expect(scheduled.status, await scheduled.text()).toBe(200);

      const sql = postgres(dbUrl, { max: 1 });
      const statusOf = async () => ({
        grades: (
          await sql`select status, last_error from lti_grade_outbox where session_id = ${sessionId}`
        ).map((r) => r.status),
        statements: (await sql`select status from xapi_outbox where session_id = ${sessionId}`).map(
          (r) => r.status,
        ),
      });
      let status = await statusOf();
      // the scheduled handler has finished when /__scheduled answers; poll briefly in case it has not
      for (
        let i = 0;
        i < 20 && [...status.grades, ...status.statements].some((s) => s !== 'sent');
        i++
      ) {
        await new Promise((r) => setTimeout(r, 250));
        status = await statusOf();
      }
      await sql.end();
      expect(status, output.slice(-2000)).toEqual({
        grades: ['sent'],
        statements: ['sent', 'sent'],
      });

      const score = fake.received.find((r) => r.path === '/lms/lineitems/7/scores')!;
      expect(score.method).toBe('POST');
      expect(score.headers.authorization).toBe('Bearer fake-ags-token');
      expect(JSON.parse(score.body)).toMatchObject({
        userId: 'lms-user-7',
        scoreGiven: 4,
        scoreMaximum: 6,
        activityProgress: 'Completed',
        gradingProgress: 'FullyGraded',
      });
      const puts = fake.received.filter((r) => r.path.startsWith('/lrs/statements'));
      expect(puts.map((r) => r.path).sort()).toEqual(
        statements.map((st) => `/lrs/statements?statementId=${st.id}`).sort(),
      );
      expect(puts[0].headers.authorization).toBe(
        `Basic ${Buffer.from('lrs-user:lrs-password').toString('base64')}`,
      );
      // the run's log names counts, never the credentials it used
      expect(output).not.toMatch(/lrs-password|fake-ags-token/);
    } finally {
      await new Promise((r) => fake.server.close(r));
    }
  }, 60_000);
});

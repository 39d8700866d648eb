/**
 * @module test/api/log-secrets
 * Secrets and transcripts never reach a log line. The app runs at LOG_LEVEL=debug with its log
 * captured, and database writes are made to fail (a trigger that refuses them), so that the error
 * path that used to log the whole statement with its parameters runs for the LRS password, the
 * LTI tool's private key and a coach turn; bearer tokens, an API key and the JWT secret ride along.
 * No captured line may contain any of them.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createApiKey } from '../../api/routes/embed/embed.index.js';
import { createLogger } from '../../api/logger.js';
import { startTestApp, type TestApp } from '../support/app.js';

const JWT_SECRET = 'log-test-secret-9f2c4e7a1b8d3f60a5c9e2147b3d8f0e';
const LRS_PASSWORD = 'lrs-pa55word-never-logged';
const TURN = 'What would you like from today, Dana, my secret transcript line?';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ LOG_LEVEL: 'debug', SB_JWT_SECRET: JWT_SECRET });
});
afterAll(async () => t?.close());

/** Every later insert or update of `table` fails inside the database. */
async function refuseWrites(table: string) {
  const { db } = t.runtime.deps;
  await db.execute(
    sql.raw(
      `create or replace function sb_test_refuse() returns trigger language plpgsql as $$ begin raise exception 'refused by the test'; end $$`,
    ),
  );
  await db.execute(
    sql.raw(
      `create trigger sb_test_refuse_${table} before insert or update on ${table} for each row execute function sb_test_refuse()`,
    ),
  );
}

it('a failing write logs the statement and error code, never the values: no secret or transcript line in any log line', async () => {
  const { db } = t.runtime.deps;
  const apiKey = (await createApiKey(db, { orgId: t.runtime.demo!.admin.orgId, name: 'log test' }))
    .key;
  const session = await t.call('POST', '/api/sessions', {
    token: t.tokens.learner,
    body: { scenarioId: 'new-manager-overwhelmed' },
  });
  expect(session.status).toBe(201);
  await refuseWrites('xapi_lrs');
  await refuseWrites('lti_tool_keys');
  await refuseWrites('turns');
  await refuseWrites('api_keys');

  const lrs = await t.call('PUT', '/api/xapi/lrs', {
    token: t.tokens.admin,
    body: {
      endpoint: 'http://127.0.0.1:9/xapi',
      username: 'lrs-user',
      password: LRS_PASSWORD,
      enabled: false,
    },
  });
  expect(lrs.status).toBe(500);
  const rotate = await t.call('POST', '/api/lti/keys/rotate', { token: t.tokens.admin });
  expect(rotate.status).toBe(500);
  const turn = await t.call('POST', `/api/sessions/${session.body.id}/turns`, {
    token: t.tokens.learner,
    body: { clientTurnId: randomUUID(), text: TURN },
  });
  expect(turn.status).toBeGreaterThanOrEqual(500);
  await t.call('POST', '/api/embed/tokens', {
    headers: { 'x-api-key': apiKey },
    body: { personId: t.runtime.demo!.learner.id },
  });

  const log = t.logs.join('\n');
  expect(t.logs.length, 'the failures were logged').toBeGreaterThanOrEqual(3);
  // what a failure should say: which statement, which error code
  expect(log).toMatch(/"statement":"insert into xapi_lrs"/);
  expect(log).toMatch(/"code":"P0001"/);
  const secrets = {
    LRS_PASSWORD,
    JWT_SECRET,
    TURN,
    apiKey,
    learnerToken: t.tokens.learner,
    adminToken: t.tokens.admin,
  };
  for (const [name, secret] of Object.entries(secrets))
    expect(log.includes(secret), `${name} reached the log`).toBe(false);
  // the private key's parameters (a JWK's "d", "p", "q") never appear, nor any JWT-shaped string
  expect(log).not.toMatch(/"(d|p|q|dp|dq|qi)":"[A-Za-z0-9_-]{20,}/);
  expect(log).not.toMatch(/eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\./);
});

it('the logger redacts by construction: secret keys, known secret values, bearer tokens and errors’ messages', () => {
  const lines: string[] = [];
  const logger = createLogger('debug', (l) => lines.push(l), {
    secrets: ['known-secret-value-123'],
  });
  const query = Object.assign(
    new Error('Failed query: insert into "xapi_lrs" ("password") values ($1)\nparams: hunter2'),
    {
      query: 'insert into "xapi_lrs" ("password") values ($1)',
      params: ['hunter2'],
      cause: Object.assign(new Error('duplicate key'), {
        code: '23505',
        constraint_name: 'xapi_lrs_pkey',
      }),
    },
  );
  logger.error('write failed', {
    error: query,
    password: 'hunter2',
    note: 'uses known-secret-value-123 and Bearer abc.def.ghi',
    nested: { apiKey: 'sbk_x' },
  });
  const line = lines.join('\n');
  for (const s of ['hunter2', 'known-secret-value-123', 'abc.def.ghi', 'sbk_x'])
    expect(line).not.toContain(s);
  expect(JSON.parse(line)).toMatchObject({
    msg: 'write failed',
    error: {
      name: 'Error',
      statement: 'insert into xapi_lrs',
      code: '23505',
      constraint: 'xapi_lrs_pkey',
    },
  });
});

/**
 * @module test/api/admin-cli.test
 * The first run on an empty server: `npm run admin -- create-org` makes an organisation, its
 * first admin and an API key (on PostgreSQL when DATABASE_URL is set, else PGlite in a folder);
 * the app then accepts the admin token and mints embed tokens with the key. Bad input is refused
 * with a message and exit code 1, and nothing half-made is left behind.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runAdmin } from '../../api/admin/cli.js';
import { openPglite } from '../../api/db/index.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { openTestDatabase, type TestDatabase } from '../support/database.js';

vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

const SECRET = 'test-secret-test-secret-test-secret-42';
let database: TestDatabase | null = null;
let dataDir: string | null = null;
let env: Record<string, string>;

beforeAll(async () => {
  if (process.env.DATABASE_URL) {
    database = await openTestDatabase();
    env = {
      DATABASE_URL: database.url!,
      SB_JWT_SECRET: SECRET,
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
    };
  } else {
    dataDir = mkdtempSync(join(tmpdir(), 'sb-admin-'));
    env = { DATA_DIR: dataDir, SB_JWT_SECRET: SECRET, NODE_ENV: 'test', LOG_LEVEL: 'silent' };
  }
});
afterAll(async () => {
  await database?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

const ORG = [
  '--name',
  'Northwind Trading',
  '--slug',
  'northwind-trading',
  '--admin-name',
  'Ana Silva',
  '--admin-email',
  'Ana@Northwind.example',
  '--key-name',
  'Moodle',
];

describe('npm run admin', () => {
  let made: { orgId: string; adminId: string; apiKey: string; adminToken: string };

  it('creates an organisation, its first admin and an API key', async () => {
    made = (await runAdmin(['create-org', ...ORG], env)) as typeof made;
    expect(made.apiKey).toMatch(/^sbk_/);
    expect(made.adminToken.split('.')).toHaveLength(3);
  });

  it('refuses the same slug again, and bad input, with words', async () => {
    await expect(runAdmin(['create-org', ...ORG], env)).rejects.toThrow(/already exists/);
    await expect(
      runAdmin(
        [
          'create-org',
          '--name',
          'X',
          '--slug',
          'Bad Slug!',
          '--admin-name',
          'A',
          '--admin-email',
          'a@x.example',
        ],
        env,
      ),
    ).rejects.toThrow(/slug/);
    await expect(runAdmin(['frobnicate'], env)).rejects.toThrow(/Usage/);
  });

  it('gives tokens and keys the app accepts', async () => {
    // a second key first: PGlite's folder is opened by one process at a time
    const second = (await runAdmin(
      ['create-api-key', '--slug', 'northwind-trading', '--key-name', 'Canvas'],
      env,
    )) as { apiKey: string };
    const db = database ?? (await openPglite(dataDir!));
    let app: TestApp | null = null;
    try {
      app = await startTestApp({ DEMO: 'false' }, { database: db as TestDatabase });
      const cohorts = await app.call('GET', '/api/cohorts', { token: made.adminToken });
      expect(cohorts.status).toBe(200);
      expect(cohorts.body.cohorts).toEqual([]);
      const minted = await app.call('POST', '/api/embed/tokens', {
        headers: { 'x-api-key': made.apiKey },
        body: { personEmail: 'ana@northwind.example' },
      });
      expect(minted.status).toBe(201);
      expect(
        (
          await app.call('POST', '/api/embed/tokens', {
            headers: { 'x-api-key': second.apiKey },
            body: { personEmail: 'ana@northwind.example' },
          })
        ).status,
      ).toBe(201);
    } finally {
      // the app closes the database it was given
      if (app) await app.close();
      else if (!database) await db.close();
      database = null;
    }
  });

  it('runs as an npm script: JSON out, or a message and exit code 1', async () => {
    const run = promisify(execFile);
    const failed = await run('npx', ['tsx', 'api/admin/cli.ts', 'create-org', '--name', 'Y'], {
      env: { ...process.env, ...env, DATA_DIR: mkdtempSync(join(tmpdir(), 'sb-admin-')) },
    }).catch((e) => e);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toMatch(/slug/);
  });
});

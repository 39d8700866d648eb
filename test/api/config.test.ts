/**
 * @module test/api/config
 * Configuration is one zod-validated schema; a bad value stops start-up with a message that
 * names the variable: in `loadConfig`, in `npm start` (the process exits 1 before opening
 * anything), and on Workers (every request answers with the reason). A good value is honoured.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, startupNotes } from '../../api/config/index.js';
import { createWorker } from '../../api/worker.js';
import { startTestApp } from '../support/app.js';

/** 32 random bytes in hex, as `openssl rand -hex 32` prints them */
const STRONG = '9f2c4e7a1b8d3f60a5c9e2147b3d8f0e6a2c5b9d1e4f7a3c8b0d2e5f9a1c4b7e';
const ROOT = new URL('../../', import.meta.url).pathname;

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as ConfigError).problems;
  }
  throw new Error(`expected ${JSON.stringify(env)} to be refused`);
}

describe('loadConfig', () => {
  it('has working defaults: embedded database, demo on, scripted partner, 2,000-character turns', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({
      env: 'development',
      port: 8787,
      dataDir: './.data',
      databaseUrl: null,
      demo: true,
      jwtSecret: null,
      maxTurnChars: 2000,
      llm: null,
      logLevel: 'info',
    });
  });

  it('demo mode listens on 127.0.0.1 unless HOST says otherwise, and says so at start-up', () => {
    const demo = loadConfig({});
    expect(demo.host).toBe('127.0.0.1');
    expect(startupNotes(demo).join('\n')).toMatch(/127\.0\.0\.1.*HOST=0\.0\.0\.0/s);
    const exposed = loadConfig({ HOST: '0.0.0.0' });
    expect(exposed.host).toBe('0.0.0.0');
    expect(startupNotes(exposed).join('\n')).toMatch(/warning.*demo.*0\.0\.0\.0/is);
    // without demo mode every interface, as before, and nothing to warn about
    const real = loadConfig({ DATABASE_URL: 'postgres://db/sb' });
    expect(real.host).toBe('0.0.0.0');
    expect(startupNotes(real).join('\n')).not.toMatch(/warning/i);
  });

  it.each([
    ['PORT', 'eighty'],
    ['PORT', '70000'],
    ['NODE_ENV', 'staging'],
    ['DATABASE_URL', 'mysql://root@localhost/sb'],
    ['DEMO', 'maybe'],
    ['SB_JWT_SECRET', 'too-short'],
    ['SB_PUBLIC_URL', 'not a url'],
    ['SB_MAX_TURN_CHARS', '10'],
    ['SB_MAX_TURN_CHARS', 'lots'],
    ['LOG_LEVEL', 'loud'],
    ['OPENAI_BASE_URL', 'localhost:11434'],
    ['SB_PUBLIC_URL', 'ftp://example.org'],
    ['SB_LLM_TIMEOUT_MS', '-1'],
    ['SB_LLM_MAX_RETRIES', '99'],
  ])('%s=%s is refused, naming the variable', (name, value) => {
    const problems = problemsOf({ [name]: value });
    expect(problems.length).toBeGreaterThan(0);
    for (const p of problems) expect(p.startsWith(`${name}:`), p).toBe(true);
  });

  it('names every bad variable at once, and the message lists them', () => {
    let message = '';
    try {
      loadConfig({ PORT: 'x', LOG_LEVEL: 'loud', SB_JWT_SECRET: 'short' });
    } catch (err) {
      message = (err as Error).message;
    }
    for (const name of ['PORT', 'LOG_LEVEL', 'SB_JWT_SECRET']) expect(message).toContain(name);
  });

  it('production needs a signing secret and refuses demo mode', () => {
    expect(problemsOf({ NODE_ENV: 'production' })[0]).toMatch(/^SB_JWT_SECRET:/);
    expect(problemsOf({ NODE_ENV: 'production', SB_JWT_SECRET: STRONG, DEMO: 'true' })[0]).toMatch(
      /^DEMO:/,
    );
    expect(loadConfig({ NODE_ENV: 'production', SB_JWT_SECRET: STRONG }).demo).toBe(false);
  });

  it('production refuses a signing secret with too little entropy (repeated or patterned characters)', () => {
    for (const weak of [
      'x'.repeat(32),
      'ab'.repeat(20),
      '0123456789'.repeat(4),
      'passwordpasswordpasswordpassword',
    ]) {
      expect(problemsOf({ NODE_ENV: 'production', SB_JWT_SECRET: weak })[0], weak).toMatch(
        /^SB_JWT_SECRET: .*entropy/,
      );
    }
    // what `openssl rand -hex 32` and `openssl rand -base64 32` print pass
    for (const strong of [STRONG, 'q3V0m9tYc2Lw8Rk1ZpXa7Hn4Ue6Jb5Gs0Df2Ck9Wl3E='])
      expect(loadConfig({ NODE_ENV: 'production', SB_JWT_SECRET: strong }).jwtSecret).toBe(strong);
    // outside production a weak secret still starts (tests and demos), as documented
    expect(loadConfig({ SB_JWT_SECRET: 'x'.repeat(32) }).jwtSecret).toBe('x'.repeat(32));
  });

  it('treats empty strings as unset, and a database URL switches the demo off by default', () => {
    expect(loadConfig({ PORT: '', DATABASE_URL: '' }).port).toBe(8787);
    expect(loadConfig({ DATABASE_URL: 'postgres://u@h/db' }).demo).toBe(false);
    expect(loadConfig({ DATABASE_URL: 'postgresql://u@h/db', DEMO: 'yes' }).demo).toBe(true);
  });

  it('an OpenAI key switches the LLM layer on with its models and limits', () => {
    const c = loadConfig({
      OPENAI_API_KEY: 'sk-test',
      OPENAI_BASE_URL: 'http://127.0.0.1:11434/v1',
      SB_PARTNER_MODEL: 'llama3',
      SB_LLM_MAX_RETRIES: '0',
    });
    expect(c.llm).toMatchObject({
      apiKey: 'sk-test',
      baseURL: 'http://127.0.0.1:11434/v1',
      partnerModel: 'llama3',
      maxRetries: 0,
    });
  });
});

describe('npm start with a bad value', () => {
  it('exits 1 before opening the database, with a message naming the variable', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'sb-config-'));
    try {
      const run = spawnSync(join(ROOT, 'node_modules/.bin/tsx'), ['api/server.ts'], {
        cwd: ROOT,
        encoding: 'utf8',
        timeout: 60_000,
        env: {
          PATH: process.env.PATH,
          HOME: process.env.HOME,
          PORT: 'eighty',
          SB_MAX_TURN_CHARS: '5',
          DATA_DIR: join(dataDir, 'db'),
        },
      });
      expect(run.status).toBe(1);
      expect(run.stderr).toMatch(/Invalid configuration/);
      expect(run.stderr).toMatch(/PORT:/);
      expect(run.stderr).toMatch(/SB_MAX_TURN_CHARS:/);
      expect(run.stdout).not.toMatch(/running at/);
      expect(readdirSync(dataDir)).toEqual([]); // nothing was opened or created
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 60_000);
});

describe('on Workers', () => {
  const ctx = { waitUntil: () => {}, passThroughOnException: () => {}, props: {} };

  it('without a database binding every request says which variable is missing', async () => {
    const res = await createWorker().fetch(new Request('http://w/api/health'), {}, ctx);
    expect(res.status).toBe(500);
    expect(res.headers.get('content-type')).toMatch(/problem\+json/);
    expect((await res.json()).detail).toMatch(/DATABASE_URL/);
  });

  it('a bad var is named (and its value is not echoed)', async () => {
    const res = await createWorker().fetch(
      new Request('http://w/api/health'),
      { DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none', SB_MAX_TURN_CHARS: 'secret-ish' },
      ctx,
    );
    expect(res.status).toBe(500);
    const body = await res.json();
    expect(body.detail).toMatch(/SB_MAX_TURN_CHARS/);
    expect(body.detail).not.toContain('secret-ish');
  });
});

describe('a good value is honoured', () => {
  it('SB_MAX_TURN_CHARS=100 limits a coach turn to 100 characters', async () => {
    const t = await startTestApp({ SB_MAX_TURN_CHARS: '100' });
    try {
      const scenarios = await t.call('GET', '/api/scenarios', { token: t.tokens.learner });
      const s = await t.call('POST', '/api/sessions', {
        token: t.tokens.learner,
        body: { scenarioId: scenarios.body.scenarios[0].id },
      });
      const long = await t.call('POST', `/api/sessions/${s.body.id}/turns`, {
        token: t.tokens.learner,
        body: { clientTurnId: 'config-turn-1', text: 'x'.repeat(101) },
      });
      expect(long.status).toBe(400);
      expect(long.body.detail).toMatch(/limit is 100/);
      const ok = await t.call('POST', `/api/sessions/${s.body.id}/turns`, {
        token: t.tokens.learner,
        body: { clientTurnId: 'config-turn-2', text: 'What would you like from today?' },
      });
      expect(ok.status).toBe(200);
    } finally {
      await t.close();
    }
  }, 60_000);
});

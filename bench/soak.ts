/**
 * @module bench/soak
 * `npm run soak`: many concurrent scripted practice sessions against one real server process
 * (started from the prebuilt bundle, as `npm start` does) for a fixed time, in two identical
 * waves, reporting errors, turn latency and the server's memory. Not in CI: it runs for minutes.
 *
 * Each virtual learner loops: start a session, ten coach turns, end it (the scorecard), again.
 * The server's resident memory is read from /proc every second: at the start, the peak and the
 * end of each wave; the second wave repeating the first shows whether memory grows (a leak) or
 * settles. Settings (environment): SOAK_DB (`postgres`, default, or `pglite`), SOAK_USERS (200),
 * SOAK_MINUTES (10, split between the waves), SOAK_DATABASE_URL (the local `test` server).
 * Rate limits are switched off for the run: it measures capacity, not the limiter. On PGlite a wave
 * runs past its time: each learner finishes the session it has started, and turns queue for the one
 * embedded database.
 */
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { COACH_LINES, quantile, rssMb } from './support/load.js';
import { serverArgs } from './support/server-command.js';

const ROOT = join(new URL('.', import.meta.url).pathname, '..');
const DB_KIND = process.env.SOAK_DB ?? 'postgres';
const USERS = Number(process.env.SOAK_USERS ?? 200);
const MINUTES = Number(process.env.SOAK_MINUTES ?? 10);
const ADMIN_URL = process.env.SOAK_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const PORT = 18877;
const BASE = `http://127.0.0.1:${PORT}`;
const DB_NAME = 'sb_soak';

async function databaseUrl(): Promise<string> {
  const admin = postgres(ADMIN_URL, { max: 1, onnotice: () => {} });
  await admin.unsafe(`DROP DATABASE IF EXISTS ${DB_NAME} WITH (FORCE)`);
  await admin.unsafe(`CREATE DATABASE ${DB_NAME}`);
  await admin.end();
  const url = new URL(ADMIN_URL);
  url.pathname = `/${DB_NAME}`;
  return url.toString();
}

const dataDir = mkdtempSync(join(tmpdir(), 'sb-soak-'));
const env: NodeJS.ProcessEnv = {
  ...process.env,
  PORT: String(PORT),
  HOST: '127.0.0.1',
  DEMO: 'true',
  LOG_LEVEL: 'warn',
  SB_RATE_LIMIT_PERSON_PER_MINUTE: '0',
  SB_RATE_LIMIT_IP_PER_MINUTE: '0',
  SB_JWT_SECRET: 'soak-secret-8f3a1c9e2b7d4f6a0c5e9b1d3f7a2c4e',
  ...(DB_KIND === 'postgres' ? { DATABASE_URL: await databaseUrl() } : { DATA_DIR: dataDir }),
};
if (DB_KIND === 'postgres') {
  const r = spawn(
    process.execPath,
    [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), 'api/db/migrate-cli.ts'],
    { cwd: ROOT, env, stdio: 'inherit' },
  );
  await new Promise((res) => r.once('exit', res));
}

const server = spawn(process.execPath, serverArgs(ROOT), {
  cwd: ROOT,
  env,
  stdio: ['ignore', 'ignore', 'inherit'],
});
let tokens: string[] = [];
for (let i = 0; ; i++) {
  const r = await fetch(`${BASE}/api/demo/tokens`).catch(() => null);
  if (r?.ok) {
    const t = (await r.json()) as Record<string, string>;
    tokens = [t.learner, t.learner2];
    break;
  }
  if (i > 600) throw new Error('soak: the server did not start');
  await new Promise((res) => setTimeout(res, 100));
}
// api/start.mjs imports the server bundle into its own process: its pid is the server's.
const serverPid = server.pid!;

async function call(
  method: string,
  path: string,
  token: string,
  body?: unknown,
): Promise<Response> {
  return fetch(`${BASE}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body ? { 'content-type': 'application/json' } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  });
}

interface Wave {
  turns: number[];
  errors: Map<string, number>;
  rss: number[];
  sessions: number;
}

async function wave(ms: number): Promise<Wave> {
  const w: Wave = { turns: [], errors: new Map(), rss: [], sessions: 0 };
  const until = Date.now() + ms;
  const error = (what: string) => w.errors.set(what, (w.errors.get(what) ?? 0) + 1);
  const sampler = setInterval(() => w.rss.push(rssMb(serverPid)), 1000);
  w.rss.push(rssMb(serverPid));
  const user = async (n: number) => {
    const token = tokens[n % tokens.length];
    while (Date.now() < until) {
      const started = await call('POST', '/api/sessions', token, {
        scenarioId: 'new-manager-overwhelmed',
      });
      if (!started.ok) {
        error(`start ${started.status}`);
        await started.body?.cancel();
        continue;
      }
      const { id } = (await started.json()) as { id: string };
      for (const text of COACH_LINES) {
        const t0 = performance.now();
        const r = await call('POST', `/api/sessions/${id}/turns`, token, {
          clientTurnId: randomUUID(),
          text,
        });
        await r.arrayBuffer();
        if (r.ok) w.turns.push(performance.now() - t0);
        else error(`turn ${r.status}`);
      }
      const ended = await call('POST', `/api/sessions/${id}/end`, token);
      await ended.arrayBuffer();
      if (ended.ok) w.sessions++;
      else error(`end ${ended.status}`);
    }
  };
  await Promise.all(
    Array.from({ length: USERS }, (_, n) =>
      user(n).catch((e) => error(`network ${String(e?.cause?.code ?? e)}`)),
    ),
  );
  clearInterval(sampler);
  w.rss.push(rssMb(serverPid));
  return w;
}

try {
  const load = () =>
    loadavg()
      .map((l) => l.toFixed(1))
      .join(' ');
  console.log(
    `soak: ${USERS} concurrent learners, ${MINUTES} min in two waves, ${DB_KIND}, server pid ${serverPid}, load average ${load()}`,
  );
  const idle = rssMb(serverPid);
  const waves = [await wave((MINUTES * 60_000) / 2), await wave((MINUTES * 60_000) / 2)];
  console.log(`idle RSS before the first wave: ${idle.toFixed(0)} MB`);
  waves.forEach((w, i) => {
    const errors = [...w.errors].map(([k, v]) => `${k} x${v}`).join(', ') || '0';
    console.log(
      `wave ${i + 1}: ${w.sessions} sessions, ${w.turns.length} turns, errors ${errors}; ` +
        `turn p50 ${quantile(w.turns, 0.5).toFixed(1)} ms, p99 ${quantile(w.turns, 0.99).toFixed(1)} ms; ` +
        `RSS start ${w.rss[0].toFixed(0)} MB, peak ${Math.max(...w.rss).toFixed(0)} MB, end ${w.rss[w.rss.length - 1].toFixed(0)} MB`,
    );
  });
  console.log(`load average at the end ${load()}`);
  const failed = waves.some((w) => w.errors.size > 0);
  process.exitCode = failed ? 1 : 0;
} finally {
  server.kill('SIGTERM');
  await new Promise((res) => server.once('exit', res));
  rmSync(dataDir, { recursive: true, force: true });
  if (DB_KIND === 'postgres') {
    const admin = postgres(ADMIN_URL, { max: 1, onnotice: () => {} });
    await admin.unsafe(`DROP DATABASE IF EXISTS ${DB_NAME} WITH (FORCE)`);
    await admin.end();
  }
}

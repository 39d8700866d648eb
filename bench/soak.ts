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
 * SOAK_MINUTES (10, split between the waves), SOAK_DATABASE_URL (the local `test` server; the
 * soak's own database is created beside it, named after it with `_soak`), SOAK_PORT (18877),
 * SOAK_KEEP_DB=true (keep that database afterwards, to EXPLAIN its statements), and
 * SOAK_FIND_CAPACITY=true: when the waves had errors, find the largest concurrency served with 0
 * errors in probes of SOAK_PROBE_SECONDS (30) each. The report says plainly when SOAK_USERS
 * learners were NOT served. Throughput and latency follow the machine's load; the CPU time per
 * session (the server's, and on PostgreSQL its backends') is the figure to compare between waves.
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
import { COACH_LINES, cpuMs, quantile, rssMb } from './support/load.js';
import { serverArgs } from './support/server-command.js';

const ROOT = join(new URL('.', import.meta.url).pathname, '..');
const DB_KIND = process.env.SOAK_DB ?? 'postgres';
const USERS = Number(process.env.SOAK_USERS ?? 200);
const MINUTES = Number(process.env.SOAK_MINUTES ?? 10);
const ADMIN_URL = process.env.SOAK_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const PORT = Number(process.env.SOAK_PORT ?? 18877);
const BASE = `http://127.0.0.1:${PORT}`;
// a database of its own beside SOAK_DATABASE_URL's, so soaks on one PostgreSQL server do not collide
const DB_NAME = `${new URL(ADMIN_URL).pathname.slice(1) || 'postgres'}_soak`.replace(
  /[^a-z0-9_]/gi,
  '_',
);

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
  /** latencies of starting and ending a session (ending scores it and refreshes progress) */
  starts: number[];
  ends: number[];
  errors: Map<string, number>;
  rss: number[];
  sessions: number;
  /** how long the wave ran (on PGlite past its time: learners finish the session they started) */
  ms: number;
  /** PostgreSQL only: the tables that grow, as the statistics collector sees them after the wave */
  tables?: string;
  /** PostgreSQL only: buffer accesses (heap, index, TOAST) per session by table */
  blocks?: string;
  /** CPU time the wave cost (ms): the server process, and PostgreSQL's backends for its database */
  serverCpu: number;
  dbCpu: number;
}

async function wave(ms: number, users = USERS): Promise<Wave> {
  const w: Wave = {
    turns: [],
    starts: [],
    ends: [],
    errors: new Map(),
    rss: [],
    sessions: 0,
    ms: 0,
    serverCpu: 0,
    dbCpu: 0,
  };
  const cpu0 = cpuMs(serverPid);
  const db0 = await backendsCpu();
  if (DB_KIND === 'postgres') blocksBefore = await blocksByTable();
  const began = Date.now();
  const until = began + ms;
  const error = (what: string) => w.errors.set(what, (w.errors.get(what) ?? 0) + 1);
  const sampler = setInterval(() => w.rss.push(rssMb(serverPid)), 1000);
  w.rss.push(rssMb(serverPid));
  const user = async (n: number) => {
    const token = tokens[n % tokens.length];
    while (Date.now() < until) {
      const s0 = performance.now();
      const started = await call('POST', '/api/sessions', token, {
        scenarioId: 'new-manager-overwhelmed',
      });
      if (!started.ok) {
        error(`start ${started.status}`);
        await started.body?.cancel();
        continue;
      }
      const { id } = (await started.json()) as { id: string };
      w.starts.push(performance.now() - s0);
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
      const e0 = performance.now();
      const ended = await call('POST', `/api/sessions/${id}/end`, token);
      await ended.arrayBuffer();
      if (ended.ok) {
        w.sessions++;
        w.ends.push(performance.now() - e0);
      } else error(`end ${ended.status}`);
    }
  };
  await Promise.all(
    Array.from({ length: users }, (_, n) =>
      user(n).catch((e) => error(`network ${String(e?.cause?.code ?? e)}`)),
    ),
  );
  clearInterval(sampler);
  w.rss.push(rssMb(serverPid));
  w.ms = Date.now() - began;
  w.serverCpu = cpuMs(serverPid) - cpu0;
  const db1 = await backendsCpu();
  w.dbCpu = [...db1].reduce((sum, [pid, ms]) => sum + ms - (db0.get(pid) ?? 0), 0);
  if (DB_KIND === 'postgres') {
    w.tables = await tableStats();
    // buffer accesses per table over the wave: work done, whatever the machine's load
    const blocks = await blocksByTable();
    w.blocks = [...blocks]
      .map(([t, n]) => [t, (n - (blocksBefore.get(t) ?? 0)) / Math.max(1, w.sessions)] as const)
      .filter(([, n]) => n >= 1)
      .sort((a, b) => b[1] - a[1])
      .map(([t, n]) => `${t} ${n.toFixed(0)}`)
      .join(', ');
  }
  return w;
}

const FIND_CAPACITY = process.env.SOAK_FIND_CAPACITY === 'true';
const PROBE_S = Number(process.env.SOAK_PROBE_SECONDS ?? 30);

/**
 * The largest number of concurrent learners served with 0 errors: short waves, halving from
 * SOAK_USERS until one has no error, then bisecting between the last failure and that success.
 */
async function largestServed(): Promise<number> {
  const probe = async (users: number) => {
    const w = await wave(PROBE_S * 1000, users);
    const errors = [...w.errors].map(([k, v]) => `${k} x${v}`).join(', ') || '0';
    console.log(
      `  probe ${users} learners: ${w.turns.length} turns, errors ${errors}, turn p50 ${quantile(w.turns, 0.5).toFixed(0)} ms, p99 ${quantile(w.turns, 0.99).toFixed(0)} ms`,
    );
    return w.errors.size === 0;
  };
  let failing = USERS;
  let served = 0;
  for (let users = Math.floor(USERS / 2); users >= 1; users = Math.floor(users / 2)) {
    if (await probe(users)) {
      served = users;
      break;
    }
    failing = users;
  }
  if (served === 0) return 0;
  while (failing - served > Math.max(1, Math.floor(served / 10))) {
    const mid = Math.floor((served + failing) / 2);
    if (await probe(mid)) served = mid;
    else failing = mid;
  }
  return served;
}

/**
 * CPU time so far of each PostgreSQL backend serving the soak's database, by process id (empty
 * for PGlite, which runs in the server's process, or when PostgreSQL runs on another machine).
 * CPU time per session holds on a busy machine where turns per second do not.
 */
async function backendsCpu(): Promise<Map<string, number>> {
  if (DB_KIND !== 'postgres') return new Map();
  const db = postgres(ADMIN_URL, { max: 1, onnotice: () => {} });
  try {
    const rows = await db<{ pid: number }[]>`
      select pid from pg_stat_activity where datname = ${DB_NAME} and pid <> pg_backend_pid()`;
    const out = new Map<string, number>();
    for (const { pid } of rows) {
      try {
        out.set(String(pid), cpuMs(pid));
      } catch {
        // gone, or not on this machine
      }
    }
    return out;
  } finally {
    await db.end();
  }
}

/** Live and dead rows of the tables a session writes, and sequential scans of any table so far. */
let blocksBefore = new Map<string, number>();
/** Buffer accesses so far (hits and reads, heap, indexes and TOAST) per table of the soak's database. */
async function blocksByTable(): Promise<Map<string, number>> {
  const url = new URL(ADMIN_URL);
  url.pathname = `/${DB_NAME}`;
  const db = postgres(url.toString(), { max: 1, onnotice: () => {} });
  try {
    const rows = await db<{ relname: string; n: string }[]>`
      select relname, (coalesce(heap_blks_hit, 0) + coalesce(heap_blks_read, 0) + coalesce(idx_blks_hit, 0)
        + coalesce(idx_blks_read, 0) + coalesce(toast_blks_hit, 0) + coalesce(toast_blks_read, 0)
        + coalesce(tidx_blks_hit, 0) + coalesce(tidx_blks_read, 0))::text as n
      from pg_statio_user_tables`;
    return new Map(rows.map((r) => [r.relname, Number(r.n)]));
  } finally {
    await db.end();
  }
}

async function tableStats(): Promise<string> {
  const url = new URL(ADMIN_URL);
  url.pathname = `/${DB_NAME}`;
  const db = postgres(url.toString(), { max: 1, onnotice: () => {} });
  try {
    // the statistics collector reports with a delay of up to a second
    await new Promise((res) => setTimeout(res, 1000));
    const rows = await db<
      { relname: string; live: number; dead: number; seq: number; size: string }[]
    >`select relname, n_live_tup::int as live, n_dead_tup::int as dead, seq_scan::int as seq,
        pg_size_pretty(pg_total_relation_size(relid)) as size
      from pg_stat_user_tables order by relname`;
    const grown = rows
      .filter((r) => ['sessions', 'turns', 'skill_results', 'learner_progress'].includes(r.relname))
      .map((r) => `${r.relname} ${r.live} live/${r.dead} dead (${r.size})`);
    const scanned = rows.filter((r) => r.seq > 0).reduce((n, r) => n + r.seq, 0);
    return `${grown.join(', ')}; sequential scans so far ${scanned}`;
  } finally {
    await db.end();
  }
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
  const ms = (xs: number[], q: number) => `${quantile(xs, q).toFixed(0)} ms`;
  waves.forEach((w, i) => {
    const errors = [...w.errors].map(([k, v]) => `${k} x${v}`).join(', ') || '0';
    console.log(
      `wave ${i + 1}: ${(w.ms / 1000).toFixed(0)} s, ${w.sessions} sessions, ${w.turns.length} turns ` +
        `(${((w.turns.length * 1000) / w.ms).toFixed(1)}/s), errors ${errors}; ` +
        `turn p50 ${ms(w.turns, 0.5)}, p99 ${ms(w.turns, 0.99)}; ` +
        `start p50 ${ms(w.starts, 0.5)}, end p50 ${ms(w.ends, 0.5)}, p99 ${ms(w.ends, 0.99)}; ` +
        `RSS start ${w.rss[0].toFixed(0)} MB, peak ${Math.max(...w.rss).toFixed(0)} MB, end ${w.rss[w.rss.length - 1].toFixed(0)} MB; ` +
        `CPU per session: server ${(w.serverCpu / w.sessions).toFixed(1)} ms` +
        (DB_KIND === 'postgres' ? `, PostgreSQL ${(w.dbCpu / w.sessions).toFixed(1)} ms` : ''),
    );
    if (w.tables) console.log(`  tables after wave ${i + 1}: ${w.tables}`);
    if (w.blocks) console.log(`  buffer accesses per session in wave ${i + 1}: ${w.blocks}`);
  });
  const rate = (w: Wave) => w.turns.length / w.ms;
  console.log(
    `wave 2 / wave 1 turns per second: ${(rate(waves[1]) / rate(waves[0])).toFixed(2)} (1.00: no slowdown as the tables grow)`,
  );
  console.log(`load average at the end ${load()}`);
  const failed = waves.some((w) => w.errors.size > 0);
  if (failed) {
    console.log(
      `NOT SERVED: ${USERS} concurrent learners on ${DB_KIND} got errors within the request deadline ` +
        `(SB_REQUEST_TIMEOUT_MS, 10 s by default).`,
    );
    if (FIND_CAPACITY) {
      const capacity = await largestServed();
      console.log(
        capacity > 0
          ? `The largest concurrency served with 0 errors: ${capacity} learners (${PROBE_S} s probes on this server, after the waves).`
          : `No concurrency down to 1 was served with 0 errors.`,
      );
    } else
      console.log(
        'SOAK_FIND_CAPACITY=true searches for the largest concurrency served with 0 errors.',
      );
  }
  process.exitCode = failed ? 1 : 0;
} finally {
  server.kill('SIGTERM');
  await new Promise((res) => server.once('exit', res));
  rmSync(dataDir, { recursive: true, force: true });
  if (DB_KIND === 'postgres' && process.env.SOAK_KEEP_DB !== 'true') {
    const admin = postgres(ADMIN_URL, { max: 1, onnotice: () => {} });
    await admin.unsafe(`DROP DATABASE IF EXISTS ${DB_NAME} WITH (FORCE)`);
    await admin.end();
  }
}

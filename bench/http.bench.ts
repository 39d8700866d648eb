/**
 * @module bench/http.bench
 * The product over real HTTP against a Hono hello-world in the same run, on PostgreSQL: the
 * server runs as `npm start` runs it (api/start.mjs, the prebuilt bundle) in its own process, and
 * this process is the client. Reports, with the targets of issue 17:
 *   - scripted coach turns at concurrency 1 and 8: p50 / p99 (targets p99 <= 10 ms and <= 25 ms);
 *   - GET /api/sessions/{id} throughput at concurrency 16 beside hello-world's (target >= 0.15);
 *   - the server's resident memory idle and after 200 sessions held open at once (target <= 150 MB);
 *   - the server's CPU time per turn and per read (from /proc): the figure to compare on a busy
 *     machine, where the latencies and rates above measure the neighbours too.
 * The client shares the machine's cores with the server, as it does for the hello-world: the
 * ratio is the figure to compare across machines, not the absolute rates.
 * Settings: BENCH_DATABASE_URL (the local `test` server), BENCH_TURNS (400 per concurrency),
 * BENCH_PORT (18930; the hello-world takes the next port).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { COACH_LINES, cpuMs, quantile, rssMb } from './support/load.js';
import { serverArgs } from './support/server-command.js';

const ROOT = join(new URL('.', import.meta.url).pathname, '..');
const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const TURNS = Number(process.env.BENCH_TURNS ?? 400);
const DB = `sb_bench_http_${randomUUID().slice(0, 8)}`;
// BENCH_PORT: two clones benching at once would otherwise answer each other's requests
const PORT = Number(process.env.BENCH_PORT ?? 18930);
const HELLO_PORT = PORT + 1;
const SESSIONS_HELD = 200;

async function waitFor(url: string, child: ChildProcess) {
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`${url}: the process exited (${child.exitCode})`);
    if (
      await fetch(url).then(
        (r) => r.ok,
        () => false,
      )
    )
      return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`${url}: not up in 30 s`);
}

/**
 * Runs `total` calls of `once` with `concurrency` in flight, each worker calling with its own
 * number; returns each call's latency (ms) and the rate.
 */
async function drive(total: number, concurrency: number, once: (worker: number) => Promise<void>) {
  const times: number[] = [];
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async (_, worker) => {
      while (next < total) {
        next++;
        const s = performance.now();
        await once(worker);
        times.push(performance.now() - s);
      }
    }),
  );
  return { times, perSecond: total / ((performance.now() - t0) / 1000) };
}

const admin = postgres(ADMIN_URL, { max: 1, onnotice: () => {} });
await admin.unsafe(`CREATE DATABASE ${DB}`);
const url = new URL(ADMIN_URL);
url.pathname = `/${DB}`;
const env = {
  ...process.env,
  DATABASE_URL: url.toString(),
  DEMO: 'true',
  LOG_LEVEL: 'warn',
  SB_RATE_LIMIT_PERSON_PER_MINUTE: '0',
  SB_RATE_LIMIT_IP_PER_MINUTE: '0',
  PORT: String(PORT),
  HOST: '127.0.0.1',
  SB_JWT_SECRET: 'bench-http-7d1e9c3a5b2f4e6a8c0d1f3b5a7c9e2d',
};
await new Promise((res) =>
  spawn(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), 'api/db/migrate-cli.ts'], {
    cwd: ROOT,
    env,
    stdio: 'ignore',
  }).once('exit', res),
);
const server = spawn(process.execPath, serverArgs(ROOT), {
  cwd: ROOT,
  env,
  stdio: ['ignore', 'ignore', 'inherit'],
});
const hello = spawn(process.execPath, ['bench/support/hello-world.mjs', String(HELLO_PORT)], {
  cwd: ROOT,
  stdio: 'inherit',
});
try {
  await waitFor(`http://127.0.0.1:${PORT}/api/health`, server);
  await waitFor(`http://127.0.0.1:${HELLO_PORT}/`, hello);
  const idleRss = rssMb(server.pid!);
  const tokens = (await (await fetch(`http://127.0.0.1:${PORT}/api/demo/tokens`)).json()) as Record<
    string,
    string
  >;
  const call = async (method: string, path: string, token: string, body?: unknown) => {
    const r = await fetch(`http://127.0.0.1:${PORT}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body ? { 'content-type': 'application/json' } : {}),
      },
      body: body ? JSON.stringify(body) : undefined,
    });
    const json = await r.json();
    if (r.status >= 300) throw new Error(`${method} ${path}: ${r.status} ${JSON.stringify(json)}`);
    return json;
  };
  const learners = [tokens.learner, tokens.learner2];
  const startSession = async (i: number) => {
    const token = learners[i % 2];
    const { id } = await call('POST', '/api/sessions', token, {
      scenarioId: 'new-manager-overwhelmed',
    });
    return { id: id as string, token, said: 0 };
  };

  // turns at concurrency 1 and 8: each worker keeps its own session, a new one every ten turns
  // (by worker, not by request number: two requests in flight on one session would race each
  // other, and the bench would time the retries of lost races, not turns)
  const turnFigures: Record<number, { p50: number; p99: number; cpu: number }> = {};
  for (const concurrency of [1, 8]) {
    const open = await Promise.all(Array.from({ length: concurrency }, (_, i) => startSession(i)));
    const warm = Math.min(40, TURNS / 4);
    const cpuBefore = cpuMs(server.pid!);
    const { times } = await drive(TURNS + warm, concurrency, async (worker) => {
      if (open[worker].said === COACH_LINES.length) open[worker] = await startSession(worker);
      const s = open[worker];
      await call('POST', `/api/sessions/${s.id}/turns`, s.token, {
        clientTurnId: randomUUID(),
        text: COACH_LINES[s.said++],
      });
    });
    // CPU over every turn of the phase, warm-up and the session started every ten turns included
    const cpu = (cpuMs(server.pid!) - cpuBefore) / (TURNS + warm);
    const measured = times.slice(warm);
    turnFigures[concurrency] = {
      p50: quantile(measured, 0.5),
      p99: quantile(measured, 0.99),
      cpu,
    };
  }

  // reads beside hello-world, interleaved rounds, concurrency 16
  const finished = await startSession(0);
  for (const text of COACH_LINES)
    await call('POST', `/api/sessions/${finished.id}/turns`, finished.token, {
      clientTurnId: randomUUID(),
      text,
    });
  await call('POST', `/api/sessions/${finished.id}/end`, finished.token);
  const reads: number[] = [];
  const hellos: number[] = [];
  let readCpu = 0;
  for (let round = 0; round < 4; round++) {
    const cpuBefore = cpuMs(server.pid!);
    const r = await drive(2000, 16, async () => {
      const res = await fetch(`http://127.0.0.1:${PORT}/api/sessions/${finished.id}`, {
        headers: { authorization: `Bearer ${finished.token}` },
      });
      await res.arrayBuffer();
    });
    if (round > 0) readCpu += cpuMs(server.pid!) - cpuBefore;
    const h = await drive(2000, 16, async () => {
      await (await fetch(`http://127.0.0.1:${HELLO_PORT}/`)).arrayBuffer();
    });
    if (round > 0) {
      reads.push(r.perSecond);
      hellos.push(h.perSecond);
    }
  }
  const readRate = quantile(reads, 0.5);
  const helloRate = quantile(hellos, 0.5);

  // memory with 200 sessions open at once (each started and given two turns concurrently)
  let peak = rssMb(server.pid!);
  const sampler = setInterval(() => (peak = Math.max(peak, rssMb(server.pid!))), 200);
  await Promise.all(
    Array.from({ length: SESSIONS_HELD }, async (_, i) => {
      const s = await startSession(i);
      for (const text of COACH_LINES.slice(0, 2))
        await call('POST', `/api/sessions/${s.id}/turns`, s.token, {
          clientTurnId: randomUUID(),
          text,
        });
    }),
  );
  clearInterval(sampler);

  const met = (ok: boolean) => (ok ? 'met' : 'NOT met');
  console.log(
    `load average at start ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')} on ${availableParallelism()} CPUs`,
  );
  console.log(`bench/http on PostgreSQL, server from the prebuilt bundle, client in this process`);
  for (const [c, f] of Object.entries(turnFigures)) {
    const target = c === '1' ? 10 : 25;
    console.log(
      `  turn at concurrency ${c}: p50 ${f.p50.toFixed(2)} ms, p99 ${f.p99.toFixed(2)} ms (target p99 <= ${target} ms: ${met(f.p99 <= target)}); server CPU ${f.cpu.toFixed(3)} ms a turn`,
    );
  }
  const ratio = readRate / helloRate;
  console.log(
    `  GET /api/sessions/{id}: ${Math.round(readRate)} req/s; hello-world ${Math.round(helloRate)} req/s; ratio ${ratio.toFixed(3)} (target >= 0.15: ${met(ratio >= 0.15)}); server CPU ${(readCpu / (reads.length * 2000)).toFixed(3)} ms a read`,
  );
  console.log(
    `  server RSS idle ${idleRss.toFixed(0)} MB; peak with ${SESSIONS_HELD} sessions open ${peak.toFixed(0)} MB (target <= 150 MB: ${met(peak <= 150)})`,
  );
} finally {
  server.kill('SIGTERM');
  hello.kill('SIGTERM');
  await Promise.all(
    [server, hello].map((p) =>
      p.exitCode === null ? new Promise((r) => p.once('exit', r)) : null,
    ),
  );
  await admin.unsafe(`DROP DATABASE IF EXISTS ${DB} WITH (FORCE)`);
  await admin.end();
}

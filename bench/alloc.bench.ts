/**
 * @module bench/alloc.bench
 * What a turn costs the server in memory, in figures that hold on a loaded machine (issue 17):
 * bytes V8 allocates a turn, scavenges and full (mark-compact) collections per 1,000 turns, the
 * live heap after a full collection, the server's CPU a turn, and its resident memory idle and
 * with 200 sessions open. The server runs as `npm start` runs it (api/start.mjs, the prebuilt
 * bundle, package.json's V8 flags) on PostgreSQL, with bench/support/alloc-probe.mjs loaded.
 * bench/http.bench.ts measures latency; this measures what makes the latency's GC tail.
 *
 * Settings: BENCH_DATABASE_URL (the local `test` server), BENCH_WARMUP (400 turns),
 * BENCH_TURNS (1000, at concurrency 8), BENCH_PORT (18940), BENCH_NODE_FLAGS (more flags for
 * the server, after the start script's: the last of a V8 flag given twice wins).
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { COACH_LINES, rssMb } from './support/load.js';
import { demoClient, startBenchServer } from './support/bench-server.js';

const ROOT = join(new URL('.', import.meta.url).pathname, '..');
const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const WARMUP = Number(process.env.BENCH_WARMUP ?? 400);
const TURNS = Number(process.env.BENCH_TURNS ?? 1000);
const PORT = Number(process.env.BENCH_PORT ?? 18940);
const FLAGS = [
  ...(process.env.BENCH_NODE_FLAGS ?? '').split(/\s+/).filter(Boolean),
  '--expose-gc',
  '--import',
  './bench/support/alloc-probe.mjs',
];
const SESSIONS_HELD = 200;

/**
 * A process's resident memory by kind from /proc/PID/smaps (Linux): the node binary's pages,
 * other mapped files (shared libraries), the C heap (`[heap]`) and anonymous mappings (V8's heap,
 * thread arenas, stacks).
 */
function rssParts(pid: number): Record<string, number> {
  const parts: Record<string, number> = {};
  let kind = 'anonymous';
  for (const line of readFileSync(`/proc/${pid}/smaps`, 'utf8').split('\n')) {
    const head = /^[0-9a-f]+-[0-9a-f]+ \S+ \S+ \S+ \S+\s*(.*)$/.exec(line);
    if (head) {
      const name = head[1];
      kind = !name
        ? 'anonymous'
        : name === '[heap]'
          ? 'C heap'
          : name.startsWith('[')
            ? 'other'
            : name.endsWith('/node')
              ? 'node binary'
              : 'files';
      continue;
    }
    const rss = /^Rss:\s+(\d+) kB/.exec(line);
    if (rss) parts[kind] = (parts[kind] ?? 0) + Number(rss[1]) / 1024;
  }
  return parts;
}

/** What bench/support/alloc-probe.mjs reports. */
interface Alloc {
  allocated: number;
  promoted: number;
  gcs: Record<string, { count: number; ms: number }>;
  cpuMs: number;
  liveHeap: number;
  heapTotal: number;
  external: number;
  rss: number;
}

const load = () =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');
const loadAtStart = load();
const {
  server,
  probe: probeNow,
  close,
} = await startBenchServer({
  root: ROOT,
  adminUrl: ADMIN_URL,
  name: 'sb_bench_alloc',
  port: PORT,
  jwtSecret: 'bench-alloc-7d1e9c3a5b2f4e6a8c0d1f3b5a7c9e2d',
  flags: FLAGS,
  probePrefix: 'ALLOC',
});
/** The probe's figures since it last answered. */
const probe = () => probeNow<Alloc>();

try {
  for (let i = 0; ; i++) {
    if (server.exitCode !== null) throw new Error(`the server exited (${server.exitCode})`);
    const up = await fetch(`http://127.0.0.1:${PORT}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) break;
    if (i > 600) throw new Error('the server is not up in 30 s');
    await new Promise((r) => setTimeout(r, 50));
  }
  await new Promise((r) => setTimeout(r, 1000));
  const idle = await probe();
  const idleRss = rssMb(server.pid!);
  const { call, startSession, holdSessions } = await demoClient(PORT);
  /** `total` turns at concurrency 8, each worker on its own session, a new one every ten turns. */
  const turns = async (total: number) => {
    const open = await Promise.all(Array.from({ length: 8 }, (_, i) => startSession(i)));
    let next = 0;
    await Promise.all(
      open.map(async (_, w) => {
        while (next++ < total) {
          if (open[w].said === COACH_LINES.length) open[w] = await startSession(w);
          const s = open[w];
          await call('POST', `/api/sessions/${s.id}/turns`, s.token, {
            clientTurnId: randomUUID(),
            text: COACH_LINES[s.said++],
          });
        }
      }),
    );
  };
  await turns(WARMUP);
  await probe();
  await turns(TURNS);
  const warm = await probe();

  const peak = await holdSessions(SESSIONS_HELD, server.pid!);
  const parts = rssParts(server.pid!);
  const held = await probe();

  const mb = (b: number) => (b / 2 ** 20).toFixed(1);
  const per1000 = (kind: string) => (((warm.gcs[kind]?.count ?? 0) * 1000) / TURNS).toFixed(0);
  console.log(`load average at start ${loadAtStart}, at end ${load()}`);
  console.log(
    `bench/alloc on PostgreSQL${FLAGS.length > 3 ? ` with ${FLAGS.slice(0, -3).join(' ')}` : ''}`,
  );
  console.log(
    `  idle: live heap ${mb(idle.liveHeap)} MB (heap total ${mb(idle.heapTotal)}, external ${mb(idle.external)}), RSS ${idleRss.toFixed(0)} MB`,
  );
  console.log(
    `  ${TURNS} warm turns at concurrency 8 (with a session start every ten): ${(warm.allocated / TURNS / 1024).toFixed(0)} kB allocated a turn, ${(warm.promoted / TURNS / 1024).toFixed(1)} kB promoted to the old generation; per 1,000 turns ${per1000('Scavenge')} scavenges, ${per1000('MarkSweepCompact')} mark-compacts; server CPU ${(warm.cpuMs / TURNS).toFixed(3)} ms a turn; live heap after ${mb(warm.liveHeap)} MB`,
  );
  console.log(
    `  ${SESSIONS_HELD} sessions open: peak RSS ${peak.toFixed(0)} MB; live heap after ${mb(held.liveHeap)} MB (heap total ${mb(held.heapTotal)})`,
  );
  console.log(
    `  resident memory by kind just after: ${Object.entries(parts)
      .map(([k, v]) => `${k} ${v.toFixed(0)}`)
      .join(', ')} MB`,
  );
  console.log(`  gc kinds (warm): ${JSON.stringify(warm.gcs)}`);
} finally {
  await close();
}

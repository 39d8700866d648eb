/**
 * @module bench/http.bench
 * The product over real HTTP against a Hono hello-world in the same run, on PostgreSQL: the
 * server runs as `npm start` runs it (api/start.mjs, the prebuilt bundle) in its own process, and
 * this process is the client. Reports, with the targets of issue 17:
 *   - scripted coach turns at concurrency 1 and 8: p50 / p99 (targets p99 <= 10 ms and <= 25 ms);
 *   - GET /api/sessions/{id} throughput at concurrency 16 beside hello-world's (target >= 0.15);
 *   - the server's resident memory idle and after 200 sessions held open at once (target <= 150 MB);
 *   - the server's CPU time per turn and per read (from /proc), and this client's: the figures to
 *     compare on a busy machine, where the latencies and rates above measure the neighbours too.
 * The client shares the machine's cores with the server, as it does for the hello-world: the
 * ratio is the figure to compare across machines, not the absolute rates.
 *
 * Cold and warm, both reported. A freshly started server runs its first requests in V8's
 * interpreter and baseline tiers, fills its inline caches and grows its heap to a working size;
 * over the first few hundred turns that roughly doubles a turn's CPU and its p99 (measured: the
 * first 400 turns at concurrency 1 cost 4.4 ms of server CPU each, turns 1,600-2,000 2.2 ms). A
 * run that measured only the first requests would report warm-up as steady cost, and one that
 * measured only warm requests would hide what the first users after a deploy see. So the bench
 * first drives BENCH_WARMUP turns at each concurrency and one round of reads, reported as "first
 * ... after start (cold)", then the same work again, BENCH_TURNS turns a concurrency and three
 * rounds of reads, reported as "warm": the issue's targets are judged on the warm figures.
 *
 * Settings: BENCH_DATABASE_URL (the local `test` server), BENCH_WARMUP (400 turns a concurrency),
 * BENCH_TURNS (1000 a concurrency), BENCH_READS (2000 a round), BENCH_PORT (18930; the
 * hello-world takes the next port). For finding where time goes: BENCH_NODE_FLAGS (more flags for
 * the server's node, e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`), BENCH_PROBE=1 (the server's
 * event-loop delay and GC pauses per phase, bench/support/server-probe.mjs; it costs the server
 * CPU, so compare CPU figures without it) and BENCH_SYNCHRONOUS_COMMIT=off (the bench database
 * commits without waiting for its WAL to reach the disk: what the commit's fsync costs a turn).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { COACH_LINES, cpuMs, quantile, rssMb } from './support/load.js';
import { demoClient, startBenchServer } from './support/bench-server.js';

const ROOT = join(new URL('.', import.meta.url).pathname, '..');
const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const WARMUP = Number(process.env.BENCH_WARMUP ?? 400);
const TURNS = Number(process.env.BENCH_TURNS ?? 1000);
const READS = Number(process.env.BENCH_READS ?? 2000);
const PROBE = process.env.BENCH_PROBE === '1';
const FLAGS = [
  ...(process.env.BENCH_NODE_FLAGS ?? '').split(/\s+/).filter(Boolean),
  ...(PROBE ? ['--import', './bench/support/server-probe.mjs'] : []),
];
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
 * number; returns each call's latency (ms), or the part of it the call timed itself when it
 * returns a number, and the rate.
 */
async function drive(
  total: number,
  concurrency: number,
  once: (worker: number) => Promise<number | void>,
) {
  const times: number[] = [];
  // each call's [start, end] in ms since the epoch, to set beside the server's GC pauses
  const spans: [number, number][] = [];
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async (_, worker) => {
      while (next < total) {
        next++;
        const s = performance.now();
        const timed = await once(worker);
        const end = performance.now();
        const ms = typeof timed === 'number' ? timed : end - s;
        times.push(ms);
        spans.push([performance.timeOrigin + end - ms, performance.timeOrigin + end]);
      }
    }),
  );
  return { times, spans, perSecond: total / ((performance.now() - t0) / 1000) };
}

/** What bench/support/server-probe.mjs reports for a phase. */
interface Probe {
  loopDelayMs: { p50: number; p99: number; max: number };
  gc: Record<string, { count: number; ms: number; maxMs: number }>;
  /** [kind, start (ms since the epoch), duration (ms)] */
  pauses: [string, number, number][];
}
interface Figures {
  times: number[];
  spans: [number, number][];
  /** the sessions started along the way (every tenth turn's worker starts one) */
  starts?: number[];
  /** server CPU ms a request */
  cpu: number;
  /** this process's CPU ms a request */
  clientCpu: number;
  probe?: Probe;
}

const loadAtStart = loadavg()
  .map((l) => l.toFixed(1))
  .join(' ');
const bench = await startBenchServer({
  root: ROOT,
  adminUrl: ADMIN_URL,
  name: 'sb_bench_http',
  port: PORT,
  jwtSecret: 'bench-http-7d1e9c3a5b2f4e6a8c0d1f3b5a7c9e2d',
  flags: FLAGS,
  synchronousCommitOff: process.env.BENCH_SYNCHRONOUS_COMMIT === 'off',
});
const { server } = bench;
/** The probe's figures since it last answered (undefined without BENCH_PROBE). */
const probeNow = () => (PROBE ? bench.probe<Probe>() : Promise.resolve(undefined));

/** The server's and this process's CPU so far, for `since` (the probe starts afresh). */
const counters = async () => {
  await probeNow();
  return { server: cpuMs(server.pid!), client: process.cpuUsage() };
};
/** CPU a request since `before` over `requests`, with the probe's figures over the same span. */
async function since(before: Awaited<ReturnType<typeof counters>>, requests: number) {
  const client = process.cpuUsage(before.client);
  return {
    cpu: (cpuMs(server.pid!) - before.server) / requests,
    clientCpu: (client.user + client.system) / 1000 / requests,
    probe: await probeNow(),
  };
}
const hello = spawn(process.execPath, ['bench/support/hello-world.mjs', String(HELLO_PORT)], {
  cwd: ROOT,
  stdio: 'inherit',
});
try {
  await waitFor(`http://127.0.0.1:${PORT}/api/health`, server);
  await waitFor(`http://127.0.0.1:${HELLO_PORT}/`, hello);
  const idleRss = rssMb(server.pid!);
  const { call, startSession, holdSessions } = await demoClient(PORT);

  // turns at concurrency 1 and 8: each worker keeps its own session, a new one every ten turns
  // (by worker, not by request number: two requests in flight on one session would race each
  // other, and the bench would time the retries of lost races, not turns)
  const turnsAt = async (concurrency: number, total: number): Promise<Figures> => {
    const open = await Promise.all(Array.from({ length: concurrency }, (_, i) => startSession(i)));
    const starts: number[] = [];
    const before = await counters();
    const { times, spans } = await drive(total, concurrency, async (worker) => {
      // a turn's latency is the turn's alone: the session started before every tenth turn is
      // timed apart (timed with it, it was a tenth of the samples and so the turns' p99)
      if (open[worker].said === COACH_LINES.length) {
        const s0 = performance.now();
        open[worker] = await startSession(worker);
        starts.push(performance.now() - s0);
      }
      const s = open[worker];
      const s0 = performance.now();
      await call('POST', `/api/sessions/${s.id}/turns`, s.token, {
        clientTurnId: randomUUID(),
        text: COACH_LINES[s.said++],
      });
      return performance.now() - s0;
    });
    // CPU over every turn of the phase, the session started every ten turns included
    return { times, spans, starts, ...(await since(before, total)) };
  };

  // reads beside hello-world, interleaved rounds, concurrency 16, on one ended session
  const finished = await startSession(0);
  for (const text of COACH_LINES)
    await call('POST', `/api/sessions/${finished.id}/turns`, finished.token, {
      clientTurnId: randomUUID(),
      text,
    });
  await call('POST', `/api/sessions/${finished.id}/end`, finished.token);
  const readsBeside = async (rounds: number) => {
    const reads: number[] = [];
    const hellos: number[] = [];
    const times: number[] = [];
    let server = 0;
    let client = 0;
    let probe: Probe | undefined;
    for (let round = 0; round < rounds; round++) {
      const before = await counters();
      const r = await drive(READS, 16, async () => {
        const res = await fetch(`http://127.0.0.1:${PORT}/api/sessions/${finished.id}`, {
          headers: { authorization: `Bearer ${finished.token}` },
        });
        if (res.status !== 200) throw new Error(`GET session: ${res.status}`);
        await res.arrayBuffer();
      });
      const cost = await since(before, READS);
      server += cost.cpu;
      client += cost.clientCpu;
      probe = cost.probe ?? probe;
      times.push(...r.times);
      const h = await drive(READS, 16, async () => {
        await (await fetch(`http://127.0.0.1:${HELLO_PORT}/`)).arrayBuffer();
      });
      reads.push(r.perSecond);
      hellos.push(h.perSecond);
    }
    const readRate = quantile(reads, 0.5);
    const helloRate = quantile(hellos, 0.5);
    return {
      readRate,
      helloRate,
      ratio: readRate / helloRate,
      times,
      cpu: server / rounds,
      clientCpu: client / rounds,
      probe,
    };
  };

  // First the server as it is just after it started (JIT compilation, inline caches, the heap
  // growing to its working size), then the same work again, measured, once it is warm.
  const cold = {
    turns: { 1: await turnsAt(1, WARMUP), 8: await turnsAt(8, WARMUP) },
    reads: await readsBeside(1),
  };
  const warm = {
    turns: { 1: await turnsAt(1, TURNS), 8: await turnsAt(8, TURNS) },
    reads: await readsBeside(3),
  };

  // memory with 200 sessions open at once (each started and given two turns concurrently)
  const peak = await holdSessions(SESSIONS_HELD, server.pid!);

  const met = (ok: boolean) => (ok ? 'met' : 'NOT met');
  const ms = (x: number) => x.toFixed(2);
  const loop = (p?: Probe) =>
    p
      ? `; server event-loop delay p99 ${p.loopDelayMs.p99} ms, max ${p.loopDelayMs.max} ms; GC ${Object.entries(
          p.gc,
        )
          .map(([k, g]) => `${k} ${g.count}x ${g.ms.toFixed(0)} ms (max ${g.maxMs.toFixed(1)})`)
          .join(', ')}`
      : '';
  // Which of the slowest 1% of turns a server GC pause overlapped, beside the same share of all
  // turns: a kind of pause that lies under most slow turns and few others makes the tail.
  const pausedBy = (f: Figures) => {
    const pauses = f.probe?.pauses;
    if (!pauses) return '';
    const rank = ['mark-compact', 'scavenge', 'incremental'];
    const kindOf = ([a, b]: [number, number]) => {
      let best = 'no pause';
      for (const [kind, start, ms] of pauses)
        if (start < b && start + ms > a) {
          const r = rank.indexOf(kind);
          if (r !== -1 && (best === 'no pause' || r < rank.indexOf(best))) best = kind;
        }
      return best;
    };
    const share = (spans: [number, number][]) => {
      const n: Record<string, number> = {};
      for (const s of spans) n[kindOf(s)] = (n[kindOf(s)] ?? 0) + 1;
      return [...rank, 'no pause']
        .map((k) => `${k} ${Math.round((100 * (n[k] ?? 0)) / spans.length)}%`)
        .join(', ');
    };
    const p99 = quantile(f.times, 0.99);
    const slow = f.spans.filter((_, i) => f.times[i] >= p99);
    return `\n      GC pauses under the ${slow.length} turns at or above p99: ${share(slow)}; under all turns: ${share(f.spans)}`;
  };
  console.log(
    `load average at start ${loadAtStart}, at end ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')} on ${availableParallelism()} CPUs`,
  );
  console.log(
    `bench/http on PostgreSQL, server from the prebuilt bundle${FLAGS.length ? ` with ${FLAGS.join(' ')}` : ''}, client in this process`,
  );
  for (const [label, phase] of [
    [`first ${WARMUP} turns a concurrency and ${READS} reads after start (cold)`, cold],
    [`then, warm: ${TURNS} turns a concurrency and ${3 * READS} reads (the targets)`, warm],
  ] as const) {
    console.log(`  ${label}`);
    for (const [c, f] of Object.entries(phase.turns)) {
      const target = c === '1' ? 10 : 25;
      const p99 = quantile(f.times, 0.99);
      console.log(
        `    turn at concurrency ${c}: p50 ${ms(quantile(f.times, 0.5))} ms, p99 ${ms(p99)} ms${phase === warm ? ` (target p99 <= ${target} ms: ${met(p99 <= target)})` : ''}, max ${ms(Math.max(...f.times))} ms; server CPU ${f.cpu.toFixed(3)} ms a turn (with the session starts), client ${f.clientCpu.toFixed(3)}${loop(f.probe)}${pausedBy(f)}`,
      );
      if (f.starts?.length)
        console.log(
          `      the ${f.starts.length} session starts among them: p50 ${ms(quantile(f.starts, 0.5))} ms, p99 ${ms(quantile(f.starts, 0.99))} ms`,
        );
    }
    const r = phase.reads;
    console.log(
      `    GET /api/sessions/{id}: ${Math.round(r.readRate)} req/s; hello-world ${Math.round(r.helloRate)} req/s; ratio ${r.ratio.toFixed(3)}${phase === warm ? ` (target >= 0.15: ${met(r.ratio >= 0.15)})` : ''}; p50 ${ms(quantile(r.times, 0.5))} ms, p99 ${ms(quantile(r.times, 0.99))} ms at concurrency 16; server CPU ${r.cpu.toFixed(3)} ms a read, client ${r.clientCpu.toFixed(3)}${loop(r.probe)}`,
    );
  }
  console.log(
    `  server RSS idle ${idleRss.toFixed(0)} MB; peak with ${SESSIONS_HELD} sessions open ${peak.toFixed(0)} MB (target <= 150 MB: ${met(peak <= 150)})`,
  );
} finally {
  hello.kill('SIGTERM');
  await Promise.all([
    bench.close(),
    hello.exitCode === null ? new Promise((r) => hello.once('exit', r)) : null,
  ]);
}

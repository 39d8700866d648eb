/**
 * @module bench/support/server-probe
 * Loaded into the server by bench/http.bench.ts with `--import` when BENCH_PROBE=1, never in
 * production: it measures, inside the server, what a slow request waited for. On SIGUSR2 it writes
 * one line `PROBE {json}` to stderr with the figures since the last signal and starts afresh:
 *   - the event loop's delay (perf_hooks.monitorEventLoopDelay, 1 ms resolution): how long a
 *     ready callback waited for the loop (the server's own CPU work, GC pauses included);
 *   - garbage collections by kind (scavenge, mark-compact, incremental marking, weak callbacks):
 *     count, total and longest pause in ms, and each pause's kind, start and length, so the bench
 *     can tell which slow requests a collection paused.
 * Its 1 ms timer costs the server some CPU, so the bench reports CPU per request without it.
 */
import { constants, monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks';

const KINDS = {
  [constants.NODE_PERFORMANCE_GC_MINOR]: 'scavenge',
  [constants.NODE_PERFORMANCE_GC_MAJOR]: 'mark-compact',
  [constants.NODE_PERFORMANCE_GC_INCREMENTAL]: 'incremental',
  [constants.NODE_PERFORMANCE_GC_WEAKCB]: 'weak-callbacks',
};

const loop = monitorEventLoopDelay({ resolution: 1 });
loop.enable();
let gc = {};
/** each pause since the last report: [kind, start (ms since the epoch), duration (ms)] */
let pauses = [];
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    const kind = KINDS[entry.detail?.kind] ?? String(entry.detail?.kind);
    const k = (gc[kind] ??= { count: 0, ms: 0, maxMs: 0 });
    k.count++;
    k.ms += entry.duration;
    k.maxMs = Math.max(k.maxMs, entry.duration);
    if (pauses.length < 100_000)
      pauses.push([kind, performance.timeOrigin + entry.startTime, entry.duration]);
  }
}).observe({ entryTypes: ['gc'] });

const ms = (ns) => Math.round(ns / 1e4) / 100;
process.on('SIGUSR2', () => {
  const figures = {
    loopDelayMs: {
      p50: ms(loop.percentile(50)),
      p99: ms(loop.percentile(99)),
      max: ms(loop.max),
    },
    gc,
    pauses,
  };
  process.stderr.write(`PROBE ${JSON.stringify(figures)}\n`);
  loop.reset();
  gc = {};
  pauses = [];
});

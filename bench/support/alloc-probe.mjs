/**
 * @module bench/support/alloc-probe
 * Loaded into the server by bench/alloc.bench.ts with `--import` (and `--expose-gc`), never in
 * production: figures that do not depend on the machine's load. On SIGUSR2 it writes one line
 * `ALLOC {json}` to stderr with, since the last signal: bytes V8 allocated (from v8.GCProfiler's
 * heap sizes before and after each collection), collections by kind, the process's CPU; then,
 * after a full collection, the live heap. It starts afresh after each report.
 */
import { GCProfiler, getHeapStatistics, writeHeapSnapshot } from 'node:v8';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

// BENCH_SNAPSHOT_DIR: also write a heap snapshot (after the full collection) at each report
const SNAPSHOTS = process.env.BENCH_SNAPSHOT_DIR;
let reports = 0;
// BENCH_ALLOC_PROFILE_DIR: a sampling profile of every allocation between reports (collected
// objects included), written at each report as alloc-N.heapprofile (Chrome DevTools reads it)
const PROFILES = process.env.BENCH_ALLOC_PROFILE_DIR;
let session;
if (PROFILES) {
  const { Session } = await import('node:inspector/promises');
  session = new Session();
  session.connect();
  await session.post('HeapProfiler.startSampling', {
    samplingInterval: 16384,
    includeObjectsCollectedByMajorGC: true,
    includeObjectsCollectedByMinorGC: true,
  });
}

/** Bytes in use in the old generation (old and large-object spaces) in a GCProfiler record. */
const oldSpace = (stats) =>
  stats.heapSpaceStatistics
    .filter((x) => x.spaceName === 'old_space' || x.spaceName === 'lo_space')
    .reduce((sum, x) => sum + x.spaceUsedSize, 0);

let profiler = new GCProfiler();
profiler.start();
let usedAtStart = getHeapStatistics().used_heap_size;
let cpuAtStart = process.cpuUsage();

process.on('SIGUSR2', async () => {
  if (session) {
    const { profile } = await session.post('HeapProfiler.stopSampling');
    writeFileSync(join(PROFILES, `alloc-${reports}.heapprofile`), JSON.stringify(profile));
  }
  const { statistics } = profiler.stop();
  const usedNow = getHeapStatistics().used_heap_size;
  let allocated = 0;
  let promoted = 0;
  let last = usedAtStart;
  const gcs = {};
  for (const s of statistics) {
    allocated += Math.max(0, s.beforeGC.heapStatistics.usedHeapSize - last);
    last = s.afterGC.heapStatistics.usedHeapSize;
    // what a scavenge moved into the old generation (objects that survived two of them)
    if (s.gcType === 'Scavenge') promoted += oldSpace(s.afterGC) - oldSpace(s.beforeGC);
    const g = (gcs[s.gcType] ??= { count: 0, ms: 0 });
    g.count++;
    g.ms += s.cost / 1000;
  }
  allocated += Math.max(0, usedNow - last);
  const cpu = process.cpuUsage(cpuAtStart);
  globalThis.gc?.();
  const live = process.memoryUsage();
  process.stderr.write(
    `ALLOC ${JSON.stringify({ allocated, promoted, gcs, cpuMs: (cpu.user + cpu.system) / 1000, liveHeap: live.heapUsed, heapTotal: live.heapTotal, external: live.external, rss: live.rss })}\n`,
  );
  if (SNAPSHOTS) writeHeapSnapshot(join(SNAPSHOTS, `alloc-${reports}.heapsnapshot`));
  if (session)
    await session.post('HeapProfiler.startSampling', {
      samplingInterval: 16384,
      includeObjectsCollectedByMajorGC: true,
      includeObjectsCollectedByMinorGC: true,
    });
  reports++;
  profiler = new GCProfiler();
  profiler.start();
  usedAtStart = getHeapStatistics().used_heap_size;
  cpuAtStart = process.cpuUsage();
});

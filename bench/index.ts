/**
 * @module bench/index
 * `npm run bench`: runs every `bench/*.bench.ts` in turn, each in its own process (so one
 * bench's warm caches or open databases never colour the next), prints their output as it comes,
 * and ends with a summary of which ran and how long each took. A failing bench is reported and
 * the rest still run; the exit code is non-zero if any failed.
 *
 * `npm run bench -- turns coder` runs only the benches whose file names contain those words.
 */
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';

const DIR = new URL('.', import.meta.url).pathname;
const ROOT = join(DIR, '..');
const filters = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const benches = readdirSync(DIR)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => filters.length === 0 || filters.some((w) => f.includes(w)))
  .sort();

if (benches.length === 0) {
  console.error(
    `No bench matches ${filters.join(', ')}; available: ${readdirSync(DIR)
      .filter((f) => f.endsWith('.bench.ts'))
      .join(', ')}`,
  );
  process.exit(1);
}

/** Runs one bench with tsx, passing its output straight through; resolves to its exit code. */
function runBench(file: string): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(join(ROOT, 'node_modules/.bin/tsx'), [join('bench', file)], {
      cwd: ROOT,
      stdio: 'inherit',
      env: process.env,
    });
    child.once('error', (err) => {
      console.error(`could not start ${file}: ${err.message}`);
      resolve(127);
    });
    child.once('exit', (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  });
}

// Timings depend on the machine and on what else runs on it: say what it was.
console.log(
  `Sounding Board benches on Node ${process.version}, ${availableParallelism()} CPUs, load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`,
);
const summary: { file: string; code: number; seconds: number }[] = [];
for (const file of benches) {
  console.log(`\n=== ${file} ===`);
  const t0 = performance.now();
  const code = await runBench(file);
  summary.push({ file, code, seconds: (performance.now() - t0) / 1000 });
  if (code !== 0) console.log(`!!! ${file} failed (exit ${code})`);
}

console.log('\n=== summary ===');
for (const s of summary)
  console.log(
    `  ${s.code === 0 ? 'ok    ' : `FAILED`} ${s.file.padEnd(24)} ${s.seconds.toFixed(1)} s`,
  );
process.exitCode = summary.some((s) => s.code !== 0) ? 1 : 0;

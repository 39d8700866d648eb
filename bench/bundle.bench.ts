/**
 * @module bench/bundle
 * The embed bundle's size (minified, gzip, brotli) against the 60 KB gzipped budget, the biggest
 * inputs, and the median build time. Run: `npx tsx bench/bundle.bench.ts` (or `npm run bench:bundle`).
 */
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';
import { buildBundle } from '../web-components/build.js';

const BUDGET_GZIP = 60 * 1024;
const RUNS = Number(process.argv[2] ?? 7);

const times: number[] = [];
let outfile = '';
let metafile: Awaited<ReturnType<typeof buildBundle>>['metafile'] | undefined;
for (let i = 0; i < RUNS; i++) {
  const t0 = performance.now();
  const built = await buildBundle({ outfile: join(tmpdir(), `sb-bench-${process.pid}.js`) });
  times.push(performance.now() - t0);
  outfile = built.outfile;
  metafile = built.metafile;
}
const code = readFileSync(outfile);
const gzip = gzipSync(code, { level: 9 }).length;
const brotli = brotliCompressSync(code, {
  params: { [constants.BROTLI_PARAM_QUALITY]: 11 },
}).length;
const median = [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)];
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

console.log(`embed bundle: sounding-board.js`);
console.log(
  `  minified ${kb(code.length)}  gzip ${kb(gzip)}  brotli ${kb(brotli)}  (budget ${kb(BUDGET_GZIP)} gzip: ${gzip <= BUDGET_GZIP ? 'within' : 'OVER'})`,
);
console.log(`  build time median ${median.toFixed(0)} ms over ${RUNS} runs`);

// what takes the room: inputs by bytes in the output, lit and ours grouped by package/folder
const inputs = Object.values(metafile!.outputs)[0].inputs;
const groups = new Map<string, number>();
for (const [path, { bytesInOutput }] of Object.entries(inputs)) {
  const m = path.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/);
  const key = m
    ? m[1]
    : path.replace(/^.*web-components\/src\//, 'web-components/').replace(/\/[^/]+$/, '');
  groups.set(key, (groups.get(key) ?? 0) + bytesInOutput);
}
for (const [key, bytes] of [...groups].sort((a, b) => b[1] - a[1]).slice(0, 10))
  console.log(`  ${kb(bytes).padStart(9)}  ${key}`);
if (gzip > BUDGET_GZIP) process.exitCode = 1;

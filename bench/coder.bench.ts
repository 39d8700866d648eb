/**
 * @module bench/coder.bench
 * `npm run bench:coder`: how many coach turns per second `codeUtterance` codes on one core.
 * Our own workplace turns plus a fixed AnnoMI sample (both in the repo), coded in passes; prints
 * the median of several timed runs after a warm-up. The target is at least 5,000 per second.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { codeUtterance } from '../api/practice/coder/index.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const rows = ['evals/data/workplace-coaching.jsonl', 'evals/data/annomi-guard.jsonl'].flatMap((f) =>
  readFileSync(resolve(root, f), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as { text: string; prev_client: string | null }),
);

function run(passes: number): number {
  const started = process.hrtime.bigint();
  let sink = 0;
  for (let p = 0; p < passes; p++)
    for (const r of rows)
      sink += codeUtterance(r.text, { prevPartner: r.prev_client }).codes.length;
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (sink === 0) throw new Error('coder produced no codes');
  return (rows.length * passes) / seconds;
}

run(3); // warm-up: JIT and the model's first look-ups
const rates = Array.from({ length: 7 }, () => run(5)).sort((a, b) => a - b);
const median = rates[Math.floor(rates.length / 2)];
console.log(`coder: ${rows.length} distinct turns x 5 passes, 7 runs`);
console.log(
  `coder: median ${Math.round(median)} utterances/second (min ${Math.round(rates[0])}, max ${Math.round(rates.at(-1)!)}; target >= 5000)`,
);

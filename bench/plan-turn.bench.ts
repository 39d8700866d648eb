/**
 * @module bench/plan-turn.bench
 * `npx tsx bench/plan-turn.bench.ts`: the practice domain's CPU time per coach turn, without HTTP
 * or a database: whole sessions played through `planTurn` (coding, the partner, rule feedback
 * with its alternative reply), each coach turn decided from a window of the transcript as a
 * session does. The coach lines are the workplace dialogues in the repo, each dialogue one
 * session on the next card in turn, every line said once (a cache of the learner's own words
 * would not help a real learner, so none is counted); a few sessions of the turns bench's
 * scripted lines warm up first. CPU time is this process's (`process.cpuUsage`), so the figure
 * holds on a loaded machine better than wall time; compare commits as paired, interleaved runs.
 *
 * It prints the turns per CPU-second and a digest of every plan: two builds that decide every
 * turn alike print the same digest. BENCH_ROUNDS (default 1) plays the dialogues more times
 * (later rounds repeat the learner's lines, so they flatter any cache of them).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PARTNER_CARDS } from '../api/practice/scenarios/index.js';
import { contextAfter, openingContext, planTurn } from '../api/practice/turn/index.js';
import type { PartnerCard } from '../api/practice/types.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 1);
/** the warm-up's lines (the first of bench/support/in-process's scripted coach lines) */
const WARMUP_LINES = [
  'What would you like to get out of our conversation today?',
  'It sounds like you are carrying a lot since the promotion.',
  'What else is going on for you?',
  'Have you tried just telling them how you feel?',
  'What will you do first, and by when?',
];

/** The workplace dialogues' coach lines, one list a dialogue, in the order said. */
const dialogues = (() => {
  const byId = new Map<string, string[]>();
  for (const line of readFileSync(resolve(root, 'evals/data/workplace-coaching.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim())) {
    const row = JSON.parse(line) as { dialogue_id: string; speaker: string; text: string };
    if (row.speaker !== 'coach') continue;
    const lines = byId.get(row.dialogue_id) ?? [];
    lines.push(row.text);
    byId.set(row.dialogue_id, lines);
  }
  return [...byId.values()];
})();

/** One session played through `planTurn`; every plan is fed to `digest`. */
function play(
  card: PartnerCard,
  seed: number,
  lines: readonly string[],
  digest: (s: string) => void,
) {
  let ctx = openingContext(card, seed);
  lines.forEach((text, i) => {
    const turn = { index: 1 + 2 * i, text };
    const plan = planTurn(ctx, turn);
    digest(JSON.stringify(plan));
    ctx = contextAfter(ctx, turn, plan);
  });
  return lines.length;
}

const hash = createHash('sha256');
const digest = (s: string) => void hash.update(s);
for (let s = 0; s < 4; s++) play(PARTNER_CARDS[s % PARTNER_CARDS.length], s, WARMUP_LINES, digest);

let turns = 0;
const cpu0 = process.cpuUsage();
for (let round = 0; round < ROUNDS; round++)
  dialogues.forEach((lines, d) => {
    turns += play(PARTNER_CARDS[d % PARTNER_CARDS.length], 100 * round + d, lines, digest);
  });
const cpu = process.cpuUsage(cpu0);
const ms = (cpu.user + cpu.system) / 1000;
console.log(
  `plan-turn: ${turns} turns (${dialogues.length} dialogues x ${ROUNDS} on ${PARTNER_CARDS.length} cards): ` +
    `${(ms / turns).toFixed(3)} ms CPU a turn, ${Math.round((1000 * turns) / ms)} turns per CPU-second ` +
    `(load ${loadavg()[0].toFixed(1)}); plans digest ${hash.digest('hex').slice(0, 16)}`,
);

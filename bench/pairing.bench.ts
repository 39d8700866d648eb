/**
 * @module bench/pairing
 * Pairing 500 learners: time and matching weight of the optimal (blossom) proposal against the
 * greedy baseline (heaviest allowed pair first). Learners get one of 8 departments, some a line
 * manager, a few "not with" wishes and availability, and skill estimates from a seeded generator,
 * so the figures can be reproduced: `npm run bench:pairing [-- learners seed]`.
 */
import { matchingWeight } from '../api/partnerships/blossom.js';
import {
  greedyPairs,
  pairingGraph,
  proposePairs,
  type PairingCandidate,
} from '../api/partnerships/pairing.js';
import { SKILLS } from '../api/practice/types.js';

const n = Number(process.argv[2] ?? 500);
let seed = Number(process.argv[3] ?? 42) >>> 0;
const rand = () => (seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32;
const DEPARTMENTS = [
  'Nursing',
  'Finance',
  'Estates',
  'Pharmacy',
  'People',
  'Digital',
  'Outpatients',
  'Research',
];
const SLOTS = [
  'mon-am',
  'mon-pm',
  'tue-am',
  'tue-pm',
  'wed-am',
  'wed-pm',
  'thu-am',
  'thu-pm',
  'fri-am',
];

const ids = Array.from({ length: n }, (_, i) => `l${String(i).padStart(4, '0')}`);
const people: PairingCandidate[] = ids.map((id, i) => ({
  id,
  name: id,
  // uneven departments, as in a real organisation: the first two are the largest
  department:
    DEPARTMENTS[Math.min(DEPARTMENTS.length - 1, Math.floor(rand() ** 1.6 * DEPARTMENTS.length))],
  lineManagerId: i > 10 && rand() < 0.3 ? ids[Math.floor(rand() * i)] : null,
  ready: true,
  notReadyReasons: [],
  skills: Object.fromEntries(SKILLS.map((s) => [s, Math.round(20 + rand() * 75)])),
  notWith: rand() < 0.05 ? [ids[Math.floor(rand() * n)]] : [],
  availability: rand() < 0.5 ? SLOTS.filter(() => rand() < 0.4) : [],
}));

const sorted = [...people].sort((a, b) => (a.id < b.id ? -1 : 1));
const { edges } = pairingGraph(sorted);
const base = 100 * Math.floor(n / 2) + 1;
const fit = (mate: number[]) =>
  matchingWeight(mate, edges) - base * (mate.filter((m) => m !== -1).length / 2);

let t0 = performance.now();
const greedy = greedyPairs(sorted);
const greedyMs = performance.now() - t0;
t0 = performance.now();
const proposal = proposePairs(people);
const optimalMs = performance.now() - t0;
const index = new Map(sorted.map((p, i) => [p.id, i]));
const mate = new Array<number>(n).fill(-1);
for (const p of proposal.pairs) {
  const [a, b] = p.learnerIds.map((id) => index.get(id)!);
  mate[a] = b;
  mate[b] = a;
}
const greedyPairsCount = greedy.filter((m) => m !== -1).length / 2;
console.log(`learners ${n}, allowed pairs ${edges.length}, seed ${process.argv[3] ?? 42}`);
console.log(
  `blossom (optimal): ${proposal.pairs.length} pairs, complementarity ${fit(mate)}, ${optimalMs.toFixed(0)} ms (whole proposal: graph, matching, reasons)`,
);
console.log(
  `greedy baseline : ${greedyPairsCount} pairs, complementarity ${fit(greedy)}, ${greedyMs.toFixed(0)} ms`,
);
console.log(
  `mean pair score: blossom ${(fit(mate) / Math.max(1, proposal.pairs.length)).toFixed(1)}, greedy ${(fit(greedy) / Math.max(1, greedyPairsCount)).toFixed(1)} (0..100)`,
);

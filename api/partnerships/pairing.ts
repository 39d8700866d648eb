/**
 * @module partnerships/pairing
 * Proposing Learning Partnership pairs for a cohort. Colleagues are paired across the organisation:
 * never two people of the same department, never someone with their line manager, never against a
 * "not with" wish, and only when their availability overlaps. Among the pairs that are allowed, the
 * proposal prefers complementary skill profiles (one partner's strengths where the other is still
 * learning) and pairs as many people as possible. The matching is optimal (maximum weight on a
 * general graph, `blossom.ts`) and deterministic: the same learners give the same pairs, whatever
 * order they came in. Pure: the store reads the learners, the route answers.
 */
import { SKILLS, type SkillId } from '../practice/types.js';
import { maxWeightMatching, type WeightedEdge } from './blossom.js';

/** A learner as pairing sees them. */
export interface PairingCandidate {
  id: string;
  name: string;
  /** department or team; null when not on record (they cannot be paired safely) */
  department: string | null;
  lineManagerId: string | null;
  ready: boolean;
  /** why not ready, in plain words (from the readiness rule) */
  notReadyReasons: string[];
  /** skill estimates 0..100 (recency-weighted practice scores) */
  skills: Partial<Record<SkillId, number>>;
  /** people this learner asked not to be paired with */
  notWith: string[];
  /** free slots such as "mon-am"; empty means flexible */
  availability: string[];
}

export interface ProposedPair {
  learnerIds: [string, string];
  /** 0..100: how complementary the two skill profiles are */
  score: number;
  reasons: string[];
}

export interface PairingProposal {
  pairs: ProposedPair[];
  unpaired: { learnerId: string; reason: string }[];
}

const SKILL_WORDS: Record<SkillId, string> = {
  listening: 'listening',
  questioning: 'questioning',
  non_judgement: 'staying non-judgemental',
  partner_led: 'letting the partner lead',
  agreement: 'agreeing outcomes',
  action: 'moving to action',
};

/** Why two people may not be paired, in plain words, or null when they may. */
export function pairingBlock(a: PairingCandidate, b: PairingCandidate): string | null {
  if (!a.department || !b.department) return 'a department is not on record';
  if (a.department.trim().toLowerCase() === b.department.trim().toLowerCase())
    return `both work in ${a.department}`;
  if (a.lineManagerId === b.id || b.lineManagerId === a.id)
    return 'one is the other’s line manager';
  if (a.notWith.includes(b.id) || b.notWith.includes(a.id))
    return 'one asked not to be paired with the other';
  if (
    a.availability.length &&
    b.availability.length &&
    !a.availability.some((s) => b.availability.includes(s))
  )
    return 'their availability does not overlap';
  return null;
}

/**
 * How complementary two skill profiles are, 0..100: the mean gap per skill both have practised.
 * Partners who differ learn most from each other; two identical profiles score 0.
 */
export function complementarity(a: PairingCandidate, b: PairingCandidate): number {
  let sum = 0;
  let count = 0;
  for (const s of SKILLS) {
    const x = a.skills[s];
    const y = b.skills[s];
    if (x === undefined || y === undefined) continue;
    sum += Math.abs(x - y);
    count++;
  }
  return count ? Math.round(sum / count) : 0;
}

/** The skill where `a` is furthest ahead of `b` (what a can offer b), or null. */
function strongerIn(a: PairingCandidate, b: PairingCandidate): SkillId | null {
  let best: SkillId | null = null;
  let gap = 5; // a gap under 5 points is noise, not a strength
  for (const s of SKILLS) {
    const d = (a.skills[s] ?? -1) - (b.skills[s] ?? 101);
    if (a.skills[s] !== undefined && b.skills[s] !== undefined && d > gap) {
      gap = d;
      best = s;
    }
  }
  return best;
}

const DAYS: Record<string, string> = {
  mon: 'Monday',
  tue: 'Tuesday',
  wed: 'Wednesday',
  thu: 'Thursday',
  fri: 'Friday',
  sat: 'Saturday',
  sun: 'Sunday',
};
/** "mon-am" as people say it: "Monday morning" (an unknown slot is shown as it is). */
export function slotWords(slot: string): string {
  const [d, half] = slot.split('-');
  return DAYS[d] && (half === 'am' || half === 'pm')
    ? `${DAYS[d]} ${half === 'am' ? 'morning' : 'afternoon'}`
    : slot;
}

function pairReasons(a: PairingCandidate, b: PairingCandidate): string[] {
  const out = [
    `Different parts of the organisation: ${a.name} in ${a.department}, ${b.name} in ${b.department}.`,
  ];
  const ab = strongerIn(a, b);
  const ba = strongerIn(b, a);
  if (ab && ba)
    out.push(
      `Complementary skills: ${a.name} is further on in ${SKILL_WORDS[ab]}, ${b.name} in ${SKILL_WORDS[ba]}.`,
    );
  else if (ab || ba) {
    const [x, y, s] = ab ? [a, b, ab] : [b, a, ba!];
    out.push(`${x.name} is further on in ${SKILL_WORDS[s]}, where ${y.name} is still building.`);
  } else out.push('Similar skill profiles: they will be building the same skills together.');
  const shared = a.availability.filter((s) => b.availability.includes(s));
  if (shared.length) out.push(`Both free: ${shared.map(slotWords).join(', ')}.`);
  for (const p of [a, b])
    if (!p.ready)
      out.push(
        `${p.name} was not ready to partner yet${p.notReadyReasons.length ? ` (${p.notReadyReasons[0]})` : ''}.`,
      );
  return out;
}

/** The edge list pairing optimises: every allowed pair, weighted so more pairs always win, then better pairs. */
export function pairingGraph(people: readonly PairingCandidate[]): { edges: WeightedEdge[] } {
  const n = people.length;
  // a pair's base weight outweighs all complementarity (0..100 per pair) that one more pair could
  // cost, so the optimum pairs as many people as possible first and the best-fitting pairs second
  const base = 100 * Math.floor(n / 2) + 1;
  const edges: WeightedEdge[] = [];
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      if (pairingBlock(people[i], people[j])) continue;
      const score = complementarity(people[i], people[j]);
      // a not-ready learner costs a little, so ready learners are paired with each other first
      const penalty = (people[i].ready ? 0 : 10) + (people[j].ready ? 0 : 10);
      edges.push([i, j, base + Math.max(0, score - penalty)]);
    }
  }
  return { edges };
}

/**
 * Proposes pairs for a cohort. Learners not ready to partner are left out (with the reason) unless
 * `allowNotReady`; each pair says why it fits, and each unpaired learner why they were left.
 * @example proposePairs([alex, sam, priya], {}) // { pairs: [{ learnerIds: [alex.id, sam.id], ... }], unpaired: [{ learnerId: priya.id, reason: ... }] }
 */
export function proposePairs(
  candidates: readonly PairingCandidate[],
  opts: { allowNotReady?: boolean } = {},
): PairingProposal {
  // sorted by id so the same people give the same proposal whatever order they were sent in
  const all = [...candidates].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const unpaired: PairingProposal['unpaired'] = [];
  const pool: PairingCandidate[] = [];
  for (const p of all) {
    if (!p.ready && !opts.allowNotReady)
      unpaired.push({
        learnerId: p.id,
        reason: `Not ready to partner yet${p.notReadyReasons.length ? `: ${p.notReadyReasons.join('; ')}` : '.'}`,
      });
    else if (!p.department)
      unpaired.push({
        learnerId: p.id,
        reason:
          'No department or team on record, so a pair across departments cannot be checked. Add their department first.',
      });
    else pool.push(p);
  }
  const { edges } = pairingGraph(pool);
  const mate = maxWeightMatching(pool.length, edges);
  const pairs: ProposedPair[] = [];
  for (let i = 0; i < pool.length; i++) {
    const j = mate[i];
    if (j > i)
      pairs.push({
        learnerIds: [pool[i].id, pool[j].id],
        score: complementarity(pool[i], pool[j]),
        reasons: pairReasons(pool[i], pool[j]),
      });
  }
  const left = pool.filter((_, i) => mate[i] === -1);
  for (const p of left)
    unpaired.push({ learnerId: p.id, reason: leftOutReason(p, pool, left.length) });
  return { pairs, unpaired };
}

function leftOutReason(
  p: PairingCandidate,
  pool: readonly PairingCandidate[],
  leftCount: number,
): string {
  const others = pool.filter((q) => q.id !== p.id);
  const blocks = others.map((q) => pairingBlock(p, q));
  const allowed = blocks.filter((b) => b === null).length;
  if (allowed === 0) {
    if (others.length === 0) return 'No one else in this proposal to pair with.';
    const why = [...new Set(blocks as string[])].map((b) =>
      b.replace(/^both work in .*/, 'the same department'),
    );
    return `No one they may be paired with: every other learner is ruled out (${why.join('; ')}).`;
  }
  if (leftCount === 1 && pool.length % 2 === 1) {
    return `The odd one out: ${pool.length} learners could be paired, so one is left over, and leaving ${p.name} out gave the best-fitting pairs for everyone else (${allowed} allowed partner${allowed === 1 ? '' : 's'}). Pair them by hand, make a three, or keep them for the next round.`;
  }
  return `Everyone ${p.name} may be paired with is already in a better-fitting pair (${allowed} allowed partner${allowed === 1 ? '' : 's'}).`;
}

/** The greedy baseline the bench compares against: heaviest allowed pair first, until none is left. */
export function greedyPairs(people: readonly PairingCandidate[]): number[] {
  const { edges } = pairingGraph(people);
  const mate = new Array<number>(people.length).fill(-1);
  const sorted = [...edges].sort((x, y) => y[2] - x[2] || x[0] - y[0] || x[1] - y[1]);
  for (const [u, v] of sorted) {
    if (mate[u] === -1 && mate[v] === -1) {
      mate[u] = v;
      mate[v] = u;
    }
  }
  return mate;
}

/**
 * @module partnerships/blossom.test
 * The blossom matching against brute force: every random graph it is given, of every size from 0
 * to 10 vertices and of sparse to complete density, must get the brute-force optimum weight.
 */
import { describe, expect, it } from 'vitest';
import { matchingWeight, maxWeightMatching, type WeightedEdge } from './blossom.js';

/** The best matching weight by trying every matching (fine up to 10 vertices: 9!! = 945 perfect ones). */
function bruteForce(n: number, edges: readonly WeightedEdge[]): number {
  const w = new Map(
    edges
      .map(([u, v, x]) => [u * n + v, x] as const)
      .concat(edges.map(([u, v, x]) => [v * n + u, x] as const)),
  );
  const used = new Array<boolean>(n).fill(false);
  const best = (from: number): number => {
    let i = from;
    while (i < n && used[i]) i++;
    if (i >= n) return 0;
    used[i] = true;
    let top = best(i + 1); // i stays single
    for (let j = i + 1; j < n; j++) {
      const x = w.get(i * n + j);
      if (used[j] || x === undefined) continue;
      used[j] = true;
      top = Math.max(top, x + best(i + 1));
      used[j] = false;
    }
    used[i] = false;
    return top;
  };
  return best(0);
}

/** A small seeded generator, so a failure names a graph that can be rebuilt. */
function lcg(seed: number) {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

function randomGraph(n: number, density: number, maxW: number, seed: number): WeightedEdge[] {
  const r = lcg(seed);
  const edges: WeightedEdge[] = [];
  for (let u = 0; u < n; u++)
    for (let v = u + 1; v < n; v++)
      if (r() < density) edges.push([u, v, 1 + Math.floor(r() * maxW)]);
  return edges;
}

function isMatching(mate: number[], edges: readonly WeightedEdge[]) {
  const has = new Set(edges.map(([u, v]) => `${Math.min(u, v)}-${Math.max(u, v)}`));
  return mate.every(
    (m, v) => m === -1 || (mate[m] === v && has.has(`${Math.min(v, m)}-${Math.max(v, m)}`)),
  );
}

describe('maxWeightMatching', () => {
  it('matches the brute-force optimum on random graphs of every size up to 10 people', () => {
    let graphs = 0;
    for (let n = 0; n <= 10; n++) {
      for (const density of [0.2, 0.4, 0.6, 0.8, 1]) {
        for (const maxW of [1, 3, 10, 100]) {
          for (let seed = 1; seed <= 12; seed++) {
            const edges = randomGraph(n, density, maxW, seed * 7919 + n * 131 + maxW);
            const mate = maxWeightMatching(n, edges);
            expect(isMatching(mate, edges), `n=${n} d=${density} w=${maxW} seed=${seed}`).toBe(
              true,
            );
            expect(matchingWeight(mate, edges), `n=${n} d=${density} w=${maxW} seed=${seed}`).toBe(
              bruteForce(n, edges),
            );
            graphs++;
          }
        }
      }
    }
    expect(graphs).toBe(11 * 5 * 4 * 12);
  });

  it('finds the matching a greedy choice misses (the heaviest edge is not in the optimum)', () => {
    // greedy takes 1-2 (11) and strands 0 and 3; the optimum takes 0-1 and 2-3 (5 + 10 = 15)
    const edges: WeightedEdge[] = [
      [0, 1, 5],
      [1, 2, 11],
      [2, 3, 10],
    ];
    expect(maxWeightMatching(4, edges)).toEqual([1, 0, 3, 2]);
  });

  it('handles an odd cycle (a blossom) and leaves one vertex single', () => {
    const edges: WeightedEdge[] = [
      [0, 1, 6],
      [1, 2, 6],
      [2, 0, 6],
      [2, 3, 7],
    ];
    const mate = maxWeightMatching(4, edges);
    expect(matchingWeight(mate, edges)).toBe(13);
  });

  it('refuses fractional weights and repeated edges rather than answer wrongly', () => {
    expect(() => maxWeightMatching(2, [[0, 1, 1.5]])).toThrow(/integers/);
    expect(() =>
      maxWeightMatching(2, [
        [0, 1, 1],
        [1, 0, 2],
      ]),
    ).toThrow(/twice/);
  });
});

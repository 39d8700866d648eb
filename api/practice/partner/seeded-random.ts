/**
 * @module practice/partner/seeded-random
 * A small seeded PRNG (mulberry32), so a session replays the same replies for the same seed
 * and coach moves: reproducible sessions for tests, evals and bug reports.
 */

/** mulberry32: a 32-bit generator, good enough to pick among reply lines, not for security. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A generator for one decision of one turn: mixing seed, turn and a salt keeps choices independent. */
export function randomFor(seed: number, turn: number, salt: string): () => number {
  let h = (seed ^ Math.imul(turn + 1, 0x9e3779b1)) >>> 0;
  for (let i = 0; i < salt.length; i++) h = Math.imul(h ^ salt.charCodeAt(i), 0x01000193) >>> 0;
  return mulberry32(h);
}

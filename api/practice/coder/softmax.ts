/**
 * @module practice/coder/softmax
 * Scores to probabilities, in place and numerically stable (the largest score is subtracted
 * first, so long turns with large scores never overflow). Shared by the linear model, the
 * boosted second stage and the trainer, so all three turn scores into probabilities alike.
 */

/** Replaces the first `k` scores of `z` by their softmax probabilities; returns `z`. */
export function softmaxInPlace<T extends { [i: number]: number; length: number }>(
  z: T,
  k = z.length,
): T {
  let max = -Infinity;
  for (let j = 0; j < k; j++) if (z[j] > max) max = z[j];
  let sum = 0;
  for (let j = 0; j < k; j++) {
    z[j] = Math.exp(z[j] - max);
    sum += z[j];
  }
  for (let j = 0; j < k; j++) z[j] /= sum;
  return z;
}

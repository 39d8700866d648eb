/**
 * @module evals/regression-guard.test
 * CI guard: the shipped coder must stay at or above the committed floors on the fixed sample.
 * Raise the floors when the coder improves; never lower them to make a change pass.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from './dataset.js';
import { guardFigures, type GuardFigures } from './regression-guard.js';

const floor = JSON.parse(
  readFileSync(resolve(REPO_ROOT, 'evals', 'data', 'guard-floor.json'), 'utf8'),
) as GuardFigures;

describe('coder regression guard', () => {
  const figures = guardFigures();
  it.each(Object.keys(floor) as (keyof GuardFigures)[])('%s stays at or above its floor', (key) => {
    expect(figures[key]).toBeGreaterThanOrEqual(floor[key]);
  });
});

/**
 * @module practice/progress/mastery.test
 * Recency weighting, the one-lucky-session rule, confidence growing with evidence, and trend.
 */
import { describe, expect, it } from 'vitest';
import type { Level } from '../types.js';
import { masteryEstimate } from './mastery.js';

const pts = (...xs: [number, Level][]) => xs.map(([score, level]) => ({ score, level }));
const same = (n: number, score = 60, level: Level = 'fair') =>
  Array.from({ length: n }, () => ({ score, level }));

describe('masteryEstimate', () => {
  it('has nothing to say about no sessions', () => {
    expect(masteryEstimate([])).toEqual({
      estimate: 0,
      level: 'not_yet',
      confidence: 'low',
      margin: 100,
      trend: 'unknown',
      sessions: 0,
    });
  });

  it('weighs recent sessions more: decay 0.7, hand-computed', () => {
    // weights newest first 1, 0.7, 0.49: (90 + 0.7*50 + 0.49*20) / 2.19 = 134.8 / 2.19 = 61.6
    expect(masteryEstimate(pts([20, 'not_yet'], [50, 'fair'], [90, 'good'])).estimate).toBe(61.6);
    // the same scores in the other order
    expect(masteryEstimate(pts([90, 'good'], [50, 'fair'], [20, 'not_yet'])).estimate).toBe(
      Math.round(((20 + 35 + 0.49 * 90) / 2.19) * 10) / 10,
    );
  });

  it('gives the level its number shows, the same thresholds for every skill (practice/standing)', () => {
    expect(masteryEstimate(pts([95, 'good']))).toMatchObject({
      estimate: 95,
      level: 'good',
      confidence: 'low',
    });
    // (95 + 0.7*30 + 0.49*25 + 0.343*20) / 2.533 = 53.3: one good session after poor ones is fair
    expect(
      masteryEstimate(pts([20, 'not_yet'], [25, 'not_yet'], [30, 'not_yet'], [95, 'good'])),
    ).toMatchObject({ estimate: 53.3, level: 'fair' });
    // whatever the session levels were, a higher estimate never shows a lower level
    const rnd = (i: number) => ((i * 7919) % 101) as number;
    const all = Array.from({ length: 200 }, (_, i) =>
      masteryEstimate(pts([rnd(i), 'fair'], [rnd(i + 1), 'good'], [rnd(i + 2), 'not_yet'])),
    );
    const rank = { not_yet: 0, fair: 1, good: 2 };
    for (const x of all)
      for (const y of all)
        if (x.estimate < y.estimate) expect(rank[x.level]).toBeLessThanOrEqual(rank[y.level]);
  });
  it('keeps a steady learner fair after one weaker session', () => {
    // (40 + 0.7*70 + 0.49*70) / 2.19 = 56.3
    expect(masteryEstimate(pts([70, 'fair'], [70, 'fair'], [40, 'not_yet']))).toMatchObject({
      estimate: 56.3,
      level: 'fair',
    });
    expect(masteryEstimate(pts([60, 'fair'], [20, 'not_yet'], [20, 'not_yet'])).level).toBe(
      'not_yet',
    );
  });
  it('grows more confident with more consistent sessions', () => {
    const margins = [1, 2, 3, 5, 8].map((n) => masteryEstimate(same(n)).margin);
    for (let i = 1; i < margins.length; i++) expect(margins[i]).toBeLessThan(margins[i - 1]);
    expect(masteryEstimate(same(1)).confidence).toBe('low');
    expect(masteryEstimate(same(2)).confidence).toBe('low');
    expect(masteryEstimate(same(3)).confidence).toBe('medium');
    expect(masteryEstimate(same(5)).confidence).toBe('high');
  });

  it('is less confident when sessions scatter', () => {
    const scattered = Array.from({ length: 8 }, (_, i) => ({
      score: i % 2 ? 90 : 30,
      level: 'fair' as Level,
    }));
    expect(masteryEstimate(scattered).confidence).toBe('low');
    expect(masteryEstimate(scattered).margin).toBeGreaterThan(masteryEstimate(same(8)).margin);
  });

  it('reads a trend from three sessions on, over the last five', () => {
    expect(masteryEstimate(pts([20, 'not_yet'], [80, 'good'])).trend).toBe('unknown');
    expect(masteryEstimate(pts([20, 'not_yet'], [40, 'not_yet'], [60, 'fair'])).trend).toBe(
      'improving',
    );
    expect(masteryEstimate(pts([80, 'good'], [60, 'fair'], [40, 'not_yet'])).trend).toBe(
      'declining',
    );
    expect(masteryEstimate(pts([50, 'fair'], [55, 'fair'], [52, 'fair'])).trend).toBe('steady');
    // an early rise outside the window does not count: the last five are flat
    const xs = [0, 10, 60, 60, 60, 60, 60].map((s) => ({ score: s, level: 'fair' as Level }));
    expect(masteryEstimate(xs).trend).toBe('steady');
  });

  it('orders by time when every point has one', () => {
    const a = [
      { score: 90, level: 'good' as Level, at: '2026-03-03T00:00:00Z' },
      { score: 20, level: 'not_yet' as Level, at: '2026-03-01T00:00:00Z' },
      { score: 50, level: 'fair' as Level, at: '2026-03-02T00:00:00Z' },
    ];
    expect(masteryEstimate(a).estimate).toBe(61.6);
  });

  it('ignores sessions beyond the last twenty and clamps bad scores', () => {
    const old = Array.from({ length: 30 }, () => ({ score: 0, level: 'not_yet' as Level }));
    expect(masteryEstimate([...old, ...same(20, 80, 'good')]).estimate).toBe(80);
    expect(
      masteryEstimate([
        { score: Number.NaN, level: 'fair' },
        { score: 250, level: 'fair' },
      ]).estimate,
    ).toBeLessThanOrEqual(100);
  });
});

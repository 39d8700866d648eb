/**
 * @module components/sb-progress/progress-chart.test
 */
import { describe, expect, it } from 'vitest';
import type { SkillProgress } from '../../core/api-types.js';
import { DEFAULT_BOX, chartGeometry, describeProgress, practiseNext } from './progress-chart.js';

/** what the API adds beside the history; these functions do not read it */
const mastery: SkillProgress['mastery'] = {
  estimate: 0,
  level: 'not_yet',
  confidence: 'low',
  margin: 0,
  trend: 'unknown',
  sessions: 0,
};
const hist = (scores: number[]) =>
  scores.map((score, i) => ({
    sessionId: `s${i}`,
    at: `2026-11-0${i + 1}T10:00:00Z`,
    level: (score >= 70 ? 'good' : score >= 40 ? 'fair' : 'not_yet') as never,
    score,
  }));

describe('chartGeometry', () => {
  it('places the oldest session left, high scores high, within the box', () => {
    const h = hist([20, 90, 55]).reverse();
    const g = chartGeometry(h);
    expect(g.points.map((p) => p.sessionId)).toEqual(['s0', 's1', 's2']);
    expect(g.points[0].x).toBe(DEFAULT_BOX.pad.left);
    expect(g.points[2].x).toBe(DEFAULT_BOX.width - DEFAULT_BOX.pad.right);
    expect(g.points[1].y).toBeLessThan(g.points[0].y);
    for (const p of g.points) {
      expect(p.y).toBeGreaterThanOrEqual(DEFAULT_BOX.pad.top);
      expect(p.y).toBeLessThanOrEqual(DEFAULT_BOX.height - DEFAULT_BOX.pad.bottom);
    }
    expect(g.path.startsWith('M')).toBe(true);
    expect(g.path.split('L')).toHaveLength(3);
  });

  it('centres a single session and clamps odd scores', () => {
    const g = chartGeometry([{ sessionId: 'a', at: '2026-11-01', level: 'good', score: 140 }]);
    expect(g.points[0].score).toBe(100);
    expect(g.points[0].y).toBe(DEFAULT_BOX.pad.top);
    expect(chartGeometry([]).path).toBe('');
  });
});

describe('describeProgress', () => {
  it('says the trend, the ends and the current level', () => {
    const text = describeProgress({
      skill: 'listening',
      level: 'good',
      history: hist([30, 50, 80]),
      mastery,
    });
    expect(text).toBe(
      'Listening: 3 sessions, rising, from 30 (Not yet) on 2026-11-01 to 80 (Good) on 2026-11-03. Current level Good.',
    );
    expect(describeProgress({ skill: 'action', level: 'not_yet', history: [], mastery })).toBe(
      'Action: no sessions yet.',
    );
  });
});

describe('practiseNext', () => {
  const skills: SkillProgress[] = [
    { skill: 'listening', level: 'good', history: hist([80]), mastery },
    { skill: 'questioning', level: 'fair', history: hist([60]), mastery },
    { skill: 'non_judgement', level: 'fair', history: hist([45]), mastery },
  ];
  it('picks the lowest level, then the lowest latest score', () => {
    expect(practiseNext(skills)?.skill).toBe('non_judgement');
  });
  it('puts a never-practised skill first', () => {
    expect(
      practiseNext([...skills, { skill: 'action', level: 'not_yet', history: [], mastery }])?.skill,
    ).toBe('action');
  });
  it('has nothing to say without data', () => {
    expect(practiseNext([])).toBeNull();
  });
});

describe('plottable and levelBands', () => {
  it('leaves out sessions without enough evidence and filters by difficulty', async () => {
    const { plottable } = await import('./progress-chart.js');
    const h = [
      { sessionId: 'a', at: '2026-11-01T10:00:00Z', level: 'fair' as const, score: 50 },
      { sessionId: 'b', at: '2026-11-02T10:00:00Z', level: null as never, score: null as never },
      { sessionId: 'c', at: '2026-11-03T10:00:00Z', level: 'good' as const, score: 80 },
    ];
    const diff = (id: string) => ({ a: 'gentle', b: 'gentle', c: 'challenging' })[id];
    expect(plottable(h, diff, 'all').map((p) => p.sessionId)).toEqual(['a', 'c']);
    expect(plottable(h, diff, 'gentle').map((p) => p.sessionId)).toEqual(['a']);
  });
  it('puts Good above Fair', async () => {
    const { levelBands } = await import('./progress-chart.js');
    const b = levelBands({ fair: 40, good: 75 });
    expect(b.top).toBeLessThan(b.good);
    expect(b.good).toBeLessThan(b.fair);
    expect(b.fair).toBeLessThan(b.bottom);
  });
});

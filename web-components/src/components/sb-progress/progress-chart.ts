/**
 * @module components/sb-progress/progress-chart
 * Pure geometry and words for the progress chart: where each session's score sits in the SVG,
 * the sentence a screen reader hears instead of the picture, and which skill to practise next.
 * Kept apart from the element so it is tested without a browser.
 */
import type { Level, ProgressPoint, SkillId, SkillProgress } from '../../core/api-types.js';
import { LEVEL_RANK, SKILL_NEXT_STEP, levelLabel, skillLabel } from '../../core/labels.js';

export interface ChartBox {
  width: number;
  height: number;
  /** inner padding: left leaves room for the axis labels */
  pad: { top: number; right: number; bottom: number; left: number };
}

export interface ChartPoint {
  x: number;
  y: number;
  score: number;
  level: Level;
  at: string;
  sessionId: string;
}

export interface ChartGeometry {
  points: ChartPoint[];
  /** SVG path through the points, empty when there are none */
  path: string;
  /** horizontal guide lines at these scores */
  grid: { score: number; y: number }[];
}

export const DEFAULT_BOX: ChartBox = {
  width: 300,
  height: 150,
  pad: { top: 10, right: 40, bottom: 24, left: 30 },
};

/** Where the level bands and threshold lines sit for a skill's Fair and Good scores. */
export function levelBands(t: { fair: number; good: number }, box: ChartBox = DEFAULT_BOX) {
  const innerH = box.height - box.pad.top - box.pad.bottom;
  const yOf = (score: number) => round(box.pad.top + innerH * (1 - clamp(score) / 100));
  return { top: yOf(100), good: yOf(t.good), fair: yOf(t.fair), bottom: yOf(0) };
}

/**
 * The sessions worth plotting: those with a score and a level (a session without enough
 * evidence for the skill says nothing about it), of the chosen difficulty when one is chosen.
 */
export function plottable(
  history: ProgressPoint[],
  difficultyOf: (sessionId: string) => string | undefined,
  difficulty: string,
): ProgressPoint[] {
  return history.filter(
    (p) =>
      p.level &&
      typeof p.score === 'number' &&
      Number.isFinite(p.score) &&
      (difficulty === 'all' || difficultyOf(p.sessionId) === difficulty),
  );
}

/** Oldest first, scores clamped to 0..100; sessions are spaced evenly (practice is irregular, the order matters more than the gaps). */
export function chartGeometry(
  history: ProgressPoint[],
  box: ChartBox = DEFAULT_BOX,
): ChartGeometry {
  const sorted = [...history].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  const innerW = box.width - box.pad.left - box.pad.right;
  const innerH = box.height - box.pad.top - box.pad.bottom;
  const yOf = (score: number) => round(box.pad.top + innerH * (1 - clamp(score) / 100));
  const n = sorted.length;
  const points = sorted.map((p, i) => ({
    x: round(box.pad.left + (n === 1 ? innerW / 2 : (innerW * i) / (n - 1))),
    y: yOf(p.score),
    score: clamp(p.score),
    level: p.level,
    at: p.at,
    sessionId: p.sessionId,
  }));
  const path = points.map((p, i) => `${i === 0 ? 'M' : 'L'}${p.x} ${p.y}`).join(' ');
  return { points, path, grid: [0, 100].map((score) => ({ score, y: yOf(score) })) };
}

/** The text alternative for one skill's chart: what a sighted learner reads off the picture. */
export function describeProgress(
  p: SkillProgress,
  formatDate: (iso: string) => string = (s) => s.slice(0, 10),
): string {
  const name = skillLabel(p.skill);
  const h = [...p.history].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  if (h.length === 0) return `${name}: no sessions yet.`;
  const last = h[h.length - 1];
  if (h.length === 1)
    return `${name}: one session on ${formatDate(last.at)}, score ${Math.round(last.score)} (${levelLabel(last.level)}). Current level ${levelLabel(p.level)}.`;
  const first = h[0];
  const delta = Math.round(last.score) - Math.round(first.score);
  const trend = delta > 4 ? 'rising' : delta < -4 ? 'falling' : 'steady';
  return (
    `${name}: ${h.length} sessions, ${trend}, from ${Math.round(first.score)} (${levelLabel(first.level)}) on ${formatDate(first.at)} ` +
    `to ${Math.round(last.score)} (${levelLabel(last.level)}) on ${formatDate(last.at)}. Current level ${levelLabel(p.level)}.`
  );
}

/**
 * The skill to practise next: the lowest current level, then the lowest latest score, then the
 * order of the rubric. Skills never practised come first, since there is nothing to build on.
 */
export function practiseNext(
  skills: SkillProgress[],
): { skill: SkillId; reason: string; advice: string } | null {
  if (skills.length === 0) return null;
  const latest = (p: SkillProgress) => {
    const h = [...p.history].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
    return h.length ? h[h.length - 1].score : -1;
  };
  const ranked = skills
    .map((p, order) => ({
      p,
      order,
      rank: p.history.length ? (LEVEL_RANK[p.level] ?? 0) : -1,
      score: latest(p),
    }))
    .sort((a, b) => a.rank - b.rank || a.score - b.score || a.order - b.order);
  const top = ranked[0].p;
  const reason =
    top.history.length === 0
      ? `You have not practised ${skillLabel(top.skill).toLowerCase()} yet.`
      : `${skillLabel(top.skill)} is your lowest skill (${levelLabel(top.level)}).`;
  return { skill: top.skill, reason, advice: SKILL_NEXT_STEP[top.skill] ?? '' };
}

function clamp(n: number): number {
  return Math.max(0, Math.min(100, Number.isFinite(n) ? n : 0));
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}

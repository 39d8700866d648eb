/**
 * @module practice/progress/learner-progress
 * A learner's per-skill progress from their ended sessions: the history of levels and scores, and
 * a current level that reflects recent sessions (see `masteryEstimate`), never the best one.
 * Works from whole scorecards or from the per-skill result rows the database keeps.
 */
import { SKILLS, type Level, type Scorecard, type SkillId } from '../types.js';
import { isScored } from '../standing/index.js';
import { masteryEstimate, type MasteryEstimate, type MasteryOptions } from './mastery.js';

/** One ended session of a learner. */
export interface SessionResult {
  sessionId: string;
  /** ISO time the session ended */
  at: string;
  scorecard: Pick<Scorecard, 'skills'> & Partial<Pick<Scorecard, 'metrics' | 'rubric'>>;
}

/** One skill's result in one session (a `skill_results` row). */
export interface SkillResultRow {
  sessionId: string;
  at: string;
  skill: string;
  level: Level;
  score: number;
}

export interface ProgressPoint {
  sessionId: string;
  at: string;
  level: Level;
  score: number;
}

export interface SkillProgress {
  skill: SkillId;
  /** current level from recent sessions */
  level: Level;
  /** oldest first */
  history: ProgressPoint[];
  mastery: MasteryEstimate;
}

export interface LearnerProgress {
  skills: SkillProgress[];
}

const byTime = <T extends { at: string }>(xs: T[]) =>
  xs
    .map((x, i) => ({ x, i, t: Date.parse(x.at) }))
    .sort((a, b) => (Number.isNaN(a.t) || Number.isNaN(b.t) ? 0 : a.t - b.t) || a.i - b.i)
    .map((e) => e.x);

/** Flatten session scorecards into per-skill rows; a skill without enough evidence gives none. */
export function skillRows(history: SessionResult[]): SkillResultRow[] {
  return history.flatMap((h) =>
    (h.scorecard?.skills ?? []).filter(isScored).map((s) => ({
      sessionId: h.sessionId,
      at: h.at,
      skill: s.skill,
      level: s.level,
      score: s.score,
    })),
  );
}

/**
 * Progress from per-skill rows. Every core skill is listed (with an empty history when never
 * scored), in the rubric's order; other skills found in the rows follow.
 * @example learnerProgressFromRows(rows).skills[0] // { skill: 'listening', level: 'fair', history: [...], mastery: {...} }
 */
export function learnerProgressFromRows(
  rows: SkillResultRow[],
  opts?: MasteryOptions,
): LearnerProgress {
  const bySkill = new Map<string, ProgressPoint[]>(SKILLS.map((s) => [s, []]));
  for (const r of byTime(rows)) {
    if (!bySkill.has(r.skill)) bySkill.set(r.skill, []);
    bySkill
      .get(r.skill)!
      .push({ sessionId: r.sessionId, at: r.at, level: r.level, score: r.score });
  }
  const skills = [...bySkill].map(([skill, history]) => {
    const mastery = masteryEstimate(history, opts);
    return { skill: skill as SkillId, level: mastery.level, history, mastery };
  });
  return { skills };
}

/**
 * Progress from a learner's ended sessions, in any order.
 * @example learnerProgress([{ sessionId: 's1', at: '2026-01-05T10:00:00Z', scorecard }])
 */
export function learnerProgress(history: SessionResult[], opts?: MasteryOptions): LearnerProgress {
  return learnerProgressFromRows(skillRows(history), opts);
}

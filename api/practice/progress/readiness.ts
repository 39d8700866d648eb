/**
 * @module practice/progress/readiness
 * Ready to partner, by the one rule in practice/standing: every required skill has enough scored
 * sessions and its current level (the recency-weighted level shown in progress and CSV) is at
 * least `fair`, so "ready" never sits beside a "not yet" skill. Sessions where a skill had not
 * enough evidence do not count for it. When not ready, the reasons say what to practise in plain
 * words, with the learner's own numbers pooled over their recent sessions ("needs more
 * reflections: 0.6 per question, aim for 1").
 */
import { SKILLS, type Level, type SkillId } from '../types.js';
import {
  adviceFor,
  checkValue,
  derivedRatios,
  LEARNING_PARTNER_CORE,
  MEASURES,
  type CheckSpec,
  type Rubric,
} from '../rubric/index.js';
import { DEFAULT_MIN_SESSIONS, isScored, skillReady } from '../standing/index.js';
import type { SessionResult } from './learner-progress.js';
import { masteryEstimate } from './mastery.js';

export interface ReadinessOptions {
  /** scored sessions a skill needs before it counts (default 3) */
  minSessions?: number;
  /** recent sessions the reasons quote numbers from (default 3; never fewer than minSessions) */
  window?: number;
  /** skills that must be at least fair (default: all six core skills) */
  skills?: SkillId[];
  rubric?: Rubric;
  /**
   * the level and scored-session count shown for each skill (from the whole ledger); when given,
   * readiness decides from exactly these, so the two can never disagree on screen
   */
  standing?: Partial<Record<SkillId, { level: Level; sessions: number }>>;
}

export interface SkillReadiness {
  skill: SkillId;
  level: Level;
  sessions: number;
  ready: boolean;
}

export interface Readiness {
  ready: boolean;
  /** one plain-words line per thing to work on; empty when ready */
  reasons: string[];
  skills: SkillReadiness[];
}

const levelWords: Record<Level, string> = { not_yet: 'not yet', fair: 'fair', good: 'good' };
const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Count metrics summed over sessions, with ratios recomputed from the sums (pooled, not averaged). */
export function pooledMetrics(sessions: SessionResult[]): Record<string, number> {
  const sum: Record<string, number> = {};
  const ratios = new Set(
    Object.keys(
      derivedRatios({
        reflections: 1,
        questions: 1,
        partner_words: 1,
        partner_turns: 1,
        coach_turns: 1,
      }),
    ),
  );
  for (const s of sessions) {
    for (const [k, v] of Object.entries(s.scorecard.metrics ?? {})) {
      if (ratios.has(k) || k === 'median_coach_words' || !Number.isFinite(v)) continue;
      sum[k] = (sum[k] ?? 0) + v;
    }
  }
  return { ...sum, ...derivedRatios(sum) };
}

/** Why one skill is below fair: its checks that failed in most recent sessions, gates then heaviest first. */
function skillReasons(
  spec: Rubric['skills'][number],
  recent: SessionResult[],
  level: Level,
): string[] {
  const failures = (c: CheckSpec) =>
    recent.filter(
      (s) =>
        s.scorecard.skills.find((r) => r.skill === spec.skill)?.checks?.find((k) => k.id === c.id)
          ?.passed === false,
    ).length;
  const gates = new Set(spec.levels.fair.requires);
  const failing = spec.checks
    .map((c) => ({ c, failed: failures(c) }))
    .filter(({ failed }) => failed * 2 > recent.length)
    .sort(
      (a, b) =>
        Number(gates.has(b.c.id)) - Number(gates.has(a.c.id)) ||
        b.c.weight - a.c.weight ||
        b.failed - a.failed,
    )
    // one reason per measure: "0.6 per question, aim for 1" and "... aim for 2" say the same thing
    .filter(({ c }, i, all) => all.findIndex((x) => x.c.measure === c.measure) === i)
    .slice(0, 2);
  const pooled = pooledMetrics(recent);
  const name = `${capital(spec.label)} (${levelWords[level]})`;
  const n = recent.length;
  const over = `over the last ${n} session${n === 1 ? '' : 's'}`;
  if (failing.length === 0)
    return [
      `${name}: keep practising; no single check failed in most of the last ${n} sessions, but together they are not yet enough`,
    ];
  return failing.map(({ c, failed }) => {
    const unit = MEASURES[c.measure].unit;
    if (unit !== 'count') {
      const { value } = checkValue(c, pooled);
      return `${name}: ${adviceFor(c, value, pooled)} (${over})`;
    }
    return `${name}: ${adviceFor(c, null, pooled)} (met in ${n - failed} of the last ${n} sessions)`;
  });
}

/**
 * Whether a learner is ready to partner a colleague, and if not, what to work on.
 * @example readinessToPartner(history, { minSessions: 3, window: 3 }) // { ready: false, reasons: ['Listening (not yet): needs more reflections: 0.6 per question, aim for 1 (over the last 3 sessions)'], ... }
 */
export function readinessToPartner(
  history: SessionResult[],
  opts: ReadinessOptions = {},
): Readiness {
  const rubric = opts.rubric ?? LEARNING_PARTNER_CORE;
  const minSessions = Math.max(1, opts.minSessions ?? DEFAULT_MIN_SESSIONS);
  const window = Math.max(minSessions, opts.window ?? 3);
  const skills = opts.skills ?? [...SKILLS];
  const ordered = history
    .map((h, i) => ({ h, i, t: Date.parse(h.at) }))
    .sort((a, b) => (Number.isNaN(a.t) || Number.isNaN(b.t) ? 0 : a.t - b.t) || a.i - b.i)
    .map((e) => e.h);

  const reasons: string[] = [];
  const out: SkillReadiness[] = skills.map((skill) => {
    const spec = rubric.skills.find((s) => s.skill === skill);
    const label = spec?.label ?? skill;
    const scored = ordered.filter((h) =>
      isScored((h.scorecard?.skills ?? []).find((s) => s.skill === skill)),
    );
    const recent = scored.slice(-window);
    const shown = opts.standing?.[skill];
    const { level, sessions } =
      shown ??
      masteryEstimate(scored.map((h) => h.scorecard.skills.find((s) => s.skill === skill)!));
    if (skillReady(level, sessions, minSessions)) return { skill, level, sessions, ready: true };
    if (sessions < minSessions) {
      reasons.push(
        `${capital(label)}: ${sessions} scored session${sessions === 1 ? '' : 's'} so far; practise at least ${minSessions} to show it holds`,
      );
    } else {
      reasons.push(
        ...(spec && recent.length
          ? skillReasons(spec, recent, level)
          : [`${capital(label)}: not yet fair over your recent sessions`]),
      );
    }
    return { skill, level, sessions, ready: false };
  });
  return { ready: out.every((s) => s.ready), reasons, skills: out };
}

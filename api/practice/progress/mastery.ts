/**
 * @module practice/progress/mastery
 * A learner's mastery of one skill from their session results: a recency-weighted estimate (the
 * last session counts most, older ones fade), how sure we can be (few or scattered sessions = low
 * confidence), and the trend. Pure arithmetic over a short list, cheap enough for a whole cohort.
 */
import { levelForScore } from '../standing/index.js';
import type { Level } from '../types.js';

/** One scored session for one skill. */
export interface SkillPoint {
  score: number;
  level: Level;
  /** ISO time; points are put in time order when every point has one */
  at?: string;
}

export type Confidence = 'low' | 'medium' | 'high';
/** `unknown` until there are enough sessions to tell a direction from noise */
export type Trend = 'improving' | 'steady' | 'declining' | 'unknown';

export interface MasteryEstimate {
  /** recency-weighted score, 0..100 (one decimal) */
  estimate: number;
  /** the level `estimate` shows (practice/standing: the same thresholds as a session) */
  level: Level;
  confidence: Confidence;
  /** half-width of a rough 95% interval around the estimate, in score points */
  margin: number;
  trend: Trend;
  /** sessions the estimate rests on */
  sessions: number;
}

export interface MasteryOptions {
  /** weight of each older session relative to the one after it (0.7: the last counts ~30%) */
  decay?: number;
  /** sessions the trend looks at */
  trendWindow?: number;
  /** change across the trend window (score points) that counts as a direction */
  trendThreshold?: number;
}

const DEFAULTS: Required<MasteryOptions> = { decay: 0.7, trendWindow: 5, trendThreshold: 10 };
/** sessions older than this weigh under 0.1% with the default decay: ignore them */
const MAX_POINTS = 20;
/** spread assumed before we have seen any (a pseudo-session), so one session is never "certain" */
const PRIOR_SD = 20;
const round1 = (x: number) => Math.round(x * 10) / 10;

function inTimeOrder(points: SkillPoint[]): SkillPoint[] {
  if (!points.every((p) => p.at)) return points;
  return points
    .map((p, i) => ({ p, i, t: Date.parse(p.at!) }))
    .sort((a, b) => a.t - b.t || a.i - b.i)
    .map((x) => x.p);
}

/** Ordinary least-squares change across the window: slope per session times (n - 1). */
function fittedChange(scores: number[]): number {
  const n = scores.length;
  const mx = (n - 1) / 2;
  const my = scores.reduce((a, b) => a + b, 0) / n;
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < n; i++) {
    sxy += (i - mx) * (scores[i] - my);
    sxx += (i - mx) ** 2;
  }
  return sxx === 0 ? 0 : (sxy / sxx) * (n - 1);
}

/**
 * Mastery of one skill from its session results (oldest first, or any order with `at`).
 * The level is the one the recency-weighted score shows (practice/standing), so the number and
 * the level on screen never disagree; few or scattered sessions show as low confidence.
 * @example masteryEstimate([{ score: 40, level: 'not_yet' }, { score: 90, level: 'good' }]).level // 'fair' (73.5)
 */
export function masteryEstimate(points: SkillPoint[], opts: MasteryOptions = {}): MasteryEstimate {
  const o = { ...DEFAULTS, ...opts };
  const ordered = inTimeOrder(points).slice(-MAX_POINTS);
  const n = ordered.length;
  if (n === 0)
    return {
      estimate: 0,
      level: 'not_yet',
      confidence: 'low',
      margin: 100,
      trend: 'unknown',
      sessions: 0,
    };

  let sw = 0;
  let sw2 = 0;
  let sScore = 0;
  for (let k = 0; k < n; k++) {
    const p = ordered[n - 1 - k];
    const w = o.decay ** k;
    sw += w;
    sw2 += w * w;
    sScore += w * clampScore(p.score);
  }
  const estimate = sScore / sw;
  // the level of the number shown, rounded as shown
  const level = levelForScore(round1(estimate));

  // spread of the weighted scores, shrunk toward PRIOR_SD by one pseudo-session
  let sDev = 0;
  for (let k = 0; k < n; k++)
    sDev += o.decay ** k * (clampScore(ordered[n - 1 - k].score) - estimate) ** 2;
  const sd = Math.sqrt((sDev + PRIOR_SD ** 2) / (sw + 1));
  const effective = (sw * sw) / sw2; // Kish effective sample size of the weights
  const margin = (1.96 * sd) / Math.sqrt(effective);
  const confidence: Confidence = margin <= 10.5 ? 'high' : margin <= 15 ? 'medium' : 'low';

  let trend: Trend = 'unknown';
  if (n >= 3) {
    const change = fittedChange(ordered.slice(-o.trendWindow).map((p) => clampScore(p.score)));
    trend =
      change >= o.trendThreshold
        ? 'improving'
        : change <= -o.trendThreshold
          ? 'declining'
          : 'steady';
  }
  return {
    estimate: round1(estimate),
    level,
    confidence,
    margin: round1(margin),
    trend,
    sessions: n,
  };
}

function clampScore(x: number): number {
  return Number.isFinite(x) ? Math.min(100, Math.max(0, x)) : 0;
}

/**
 * @module programme/attention
 * Which learners a facilitator should look at now, and why: an overdue drill, practice that has
 * stalled (nothing for a while, or repeated attempts that do not pass), a skill stuck below Fair
 * after several sessions, or a skill in decline.
 */
import type { LearnerProgressView } from './cohort-progress.js';

export type AttentionKind = 'overdue' | 'stalled' | 'below_fair' | 'declining';

export interface AttentionItem {
  kind: AttentionKind;
  /** plain words for the facilitator */
  detail: string;
}

export interface AttentionOptions {
  now: Date;
  /** days without an ended session that count as stalled (default 14) */
  stalledDays?: number;
  /** failed attempts on one drill that count as stuck (default 3) */
  stuckAttempts?: number;
  /** sessions on a skill still at Not yet that count as stuck below Fair (default 3) */
  belowFairSessions?: number;
}

const DAY = 24 * 3600 * 1000;

/**
 * @example needsAttention(learner, { now: new Date() }) // [{ kind: 'overdue', detail: 'Reflect before you ask was due 3 March' }]
 */
export function needsAttention(l: LearnerProgressView, opts: AttentionOptions): AttentionItem[] {
  const stalledDays = opts.stalledDays ?? 14;
  const stuck = opts.stuckAttempts ?? 3;
  const out: AttentionItem[] = [];
  for (const a of l.assignments) {
    if (a.status === 'overdue')
      out.push({
        kind: 'overdue',
        detail: `"${a.title}" was due ${a.dueAt.slice(0, 10)} and is not passed (${a.attempts} attempt${a.attempts === 1 ? '' : 's'})`,
      });
    else if (a.status !== 'passed' && a.attempts >= stuck)
      out.push({ kind: 'stalled', detail: `"${a.title}": ${a.attempts} attempts without a pass` });
  }
  const open = l.assignments.some((a) => a.status !== 'passed');
  if (l.lastSessionAt === null) {
    if (open)
      out.push({ kind: 'stalled', detail: 'has assigned drills but has not practised yet' });
  } else {
    const idle = Math.floor((opts.now.getTime() - Date.parse(l.lastSessionAt)) / DAY);
    if (idle >= stalledDays) out.push({ kind: 'stalled', detail: `no practice for ${idle} days` });
  }
  const belowFair = opts.belowFairSessions ?? 3;
  for (const [skill, s] of Object.entries(l.skills)) {
    if (s.level === 'not_yet' && s.sessions >= belowFair) {
      out.push({
        kind: 'below_fair',
        detail: `${skill.replace('_', '-')} has stayed below Fair over ${s.sessions} sessions`,
      });
    }
    if (s.trend === 'declining')
      out.push({
        kind: 'declining',
        detail: `${skill.replace('_', '-')} is declining over recent sessions (now ${s.level.replace('_', ' ')})`,
      });
  }
  return out;
}

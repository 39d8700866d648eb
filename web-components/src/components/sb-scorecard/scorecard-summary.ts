/**
 * @module components/sb-scorecard/scorecard-summary
 * The words at the top of a scorecard, from the scorecard itself (pure, tested in Node): the
 * headline ("3 of 6 skills at Good, up from 1 last time"), last time's mark per skill, the
 * learner's best moment (one turn, quoted, and why it was good) and the one thing to try next.
 */
import type {
  CoachCode,
  ProgressPoint,
  Session,
  SessionTurn,
  SkillId,
  SkillProgress,
} from '../../core/api-types.js';
import { CAUTION_CODES, LEVEL_RANK, SKILL_NEXT_STEP, skillLabel } from '../../core/labels.js';

/**
 * A skill's result as the scorecard reads it. `level` may be absent (null) when the session gave
 * too little evidence to judge the skill; `reason` then says why.
 */
export interface SkillView {
  skill: SkillId;
  level?: 'not_yet' | 'fair' | 'good' | null;
  score?: number | null;
  reason?: string;
  checks: { id?: string; label: string; passed: boolean; detail?: string; evidence?: number[] }[];
  evidence?: number[];
}

export interface LastMark {
  level: 'not_yet' | 'fair' | 'good';
  score: number;
}

/** Each skill's mark in the learner's session before this one (from their progress history). */
export function lastMarks(progress: SkillProgress[], sessionId: string): Map<SkillId, LastMark> {
  const out = new Map<SkillId, LastMark>();
  for (const p of progress) {
    const h = [...p.history].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
    const i = h.findIndex((x: ProgressPoint) => x.sessionId === sessionId);
    const before = i > 0 ? h[i - 1] : undefined;
    if (before?.level) out.set(p.skill, { level: before.level, score: before.score });
  }
  return out;
}

/** "3 of 6 skills at Good, up from 1 last time". */
export function headline(skills: SkillView[], last: Map<SkillId, LastMark>): string {
  const good = skills.filter((s) => s.level === 'good').length;
  const judged = skills.filter((s) => s.level).length;
  const total = skills.length;
  const fair = skills.filter((s) => s.level === 'fair').length;
  let line =
    good === 0 && fair > 0
      ? `${fair} of ${total} skills at Fair, none at Good yet`
      : `${good} of ${total} skills at Good`;
  if (last.size > 0) {
    const before = [...last.values()].filter((m) => m.level === 'good').length;
    line +=
      before === good
        ? `, the same as last time`
        : `, ${good > before ? 'up' : 'down'} from ${before} last time`;
  }
  if (judged < total) line += ` (${total - judged} without enough evidence yet)`;
  return line;
}

/** How much a move shows the craft, for picking the best moment; cautionary moves never win. */
const MOVE_WEIGHT: Partial<Record<CoachCode, number>> = {
  complex_reflection: 6,
  summary: 5,
  incisive_question: 5,
  action_question: 4,
  contracting: 4,
  goal_question: 3,
  return_to_goal: 3,
  permission_request: 3,
  simple_reflection: 3,
  open_question: 2,
  affirmation: 2,
};

const WHY: Partial<Record<CoachCode, string>> = {
  complex_reflection: 'You named what lay under their words, not only the words.',
  summary: 'You drew the threads together, so they could hear their own story.',
  incisive_question: 'You questioned the assumption holding them back.',
  action_question: 'You asked them to choose their own next step.',
  contracting: 'You agreed how you would work together before diving in.',
  goal_question: 'You asked what they wanted from the conversation.',
  return_to_goal: 'You brought the conversation back to what they wanted from it.',
  permission_request: 'You asked before offering an idea.',
  simple_reflection: 'You reflected back what you heard, so they knew you were listening.',
  open_question: 'An open question that left the direction to them.',
  affirmation: 'You recognised a strength in them.',
};

/** The coach turn that shows the craft best, and why; null when no turn is free of cautionary moves. */
export function bestMoment(turns: SessionTurn[]): { turn: SessionTurn; why: string } | null {
  let best: { turn: SessionTurn; weight: number; code: CoachCode } | null = null;
  for (const t of turns) {
    if (t.role !== 'coach' || !t.codes?.length || t.codes.some((c) => CAUTION_CODES.has(c)))
      continue;
    for (const c of t.codes) {
      const w = MOVE_WEIGHT[c] ?? 0;
      // later turns win ties: they usually build on more of the conversation
      if (w > 0 && (!best || w >= best.weight)) best = { turn: t, weight: w, code: c };
    }
  }
  return best ? { turn: best.turn, why: WHY[best.code] ?? '' } : null;
}

/** The one skill to work on next: the lowest judged level, then the lowest score, then rubric order. */
export function nextThing(skills: SkillView[]): { skill: SkillId; advice: string } | null {
  const judged = skills
    .map((s, order) => ({ s, order }))
    .filter(({ s }) => s.level && s.level !== 'good');
  if (judged.length === 0) return null;
  judged.sort(
    (a, b) =>
      LEVEL_RANK[a.s.level!] - LEVEL_RANK[b.s.level!] ||
      (a.s.score ?? 0) - (b.s.score ?? 0) ||
      a.order - b.order,
  );
  const skill = judged[0].s.skill;
  return { skill, advice: `${skillLabel(skill)}: ${SKILL_NEXT_STEP[skill] ?? ''}`.trim() };
}

/** The session's skills as the scorecard reads them (tolerating a level left out for lack of evidence). */
export function skillViews(session: Session): SkillView[] {
  // a skill recorded as "not enough evidence" (status) has no level or score to show
  return (session.scorecard?.skills ?? []).map((s) =>
    s.status === 'not_enough_evidence'
      ? {
          ...s,
          level: null,
          score: null,
          reason: s.checks.find((c) => /^not enough evidence/.test(c.detail))?.detail,
        }
      : s,
  ) as unknown as SkillView[];
}

/**
 * @module practice/rubric/drill
 * Decides whether a practised drill passed: every skill at its required level, every named check
 * passed, every constraint kept ("reflections only for the first five turns"). The reasons say,
 * in plain words, each criterion that was not met, so the assignment status can be explained.
 */
import { codesAny, QUESTION_CODES, REFLECTION_CODES } from '../code-groups.js';
import { LEVELS, type DrillSpec, type Scorecard, type TranscriptTurn } from '../types.js';
import { LEARNING_PARTNER_CORE } from './learning-partner-core.js';
import type { Rubric } from './rubric-spec.js';

export interface DrillOutcome {
  passed: boolean;
  /** one plain-words line per unmet criterion; empty when the drill passed */
  reasons: string[];
}

const levelWords = { not_yet: 'not yet', fair: 'fair', good: 'good' } as const;

/** The check ids a rubric defines: drills may only name these. */
export function rubricCheckIds(rubric: Rubric = LEARNING_PARTNER_CORE): Set<string> {
  return new Set(rubric.skills.flatMap((s) => s.checks.map((c) => c.id)));
}

function reflectionsOnly(n: number, turns: TranscriptTurn[]): string[] {
  const coach = [...turns].filter((t) => t.role === 'coach').sort((a, b) => a.index - b.index);
  const reasons: string[] = [];
  if (coach.length < n)
    reasons.push(
      `the drill asks for reflections in your first ${n} turns; the session had ${coach.length}`,
    );
  const broken = coach.slice(0, n).filter((t) => {
    const codes = t.coding?.codes ?? [];
    const reflects = codesAny({ codes }, REFLECTION_CODES);
    const asks = (t.coding?.questionCount ?? 0) > 0 || codesAny({ codes }, QUESTION_CODES);
    return !reflects || asks;
  });
  if (broken.length > 0) {
    const numbers = broken.map((t) => coach.indexOf(t) + 1).join(', ');
    reasons.push(
      `reflections only for the first ${n} turns: turn${broken.length === 1 ? '' : 's'} ${numbers} did something else`,
    );
  }
  return reasons;
}

/**
 * Whether a session passed a drill, judged from its scorecard and coded turns.
 * @example evaluateDrill(drill, scoreSession(turns), turns) // { passed: false, reasons: ['listening is fair, the drill needs good'] }
 */
export function evaluateDrill(
  drill: DrillSpec,
  scorecard: Scorecard,
  turns: TranscriptTurn[],
  opts: { rubric?: Rubric } = {},
): DrillOutcome {
  const rubric = opts.rubric ?? LEARNING_PARTNER_CORE;
  const reasons: string[] = [];
  for (const [skill, need] of Object.entries(drill.passLevels ?? {})) {
    if (!need) continue;
    const got = scorecard.skills.find((s) => s.skill === skill);
    const label = rubric.skills.find((s) => s.skill === skill)?.label ?? skill;
    if (!got) reasons.push(`${label} was not scored`);
    else if (got.status === 'not_enough_evidence')
      reasons.push(
        `${label}: not enough evidence in this session to judge it, the drill needs ${levelWords[need]}`,
      );
    else if (LEVELS.indexOf(got.level) < LEVELS.indexOf(need))
      reasons.push(`${label} is ${levelWords[got.level]}, the drill needs ${levelWords[need]}`);
  }
  const known = rubricCheckIds(rubric);
  const checks = new Map(scorecard.skills.flatMap((s) => s.checks.map((c) => [c.id, c] as const)));
  for (const id of drill.passChecks ?? []) {
    const check = checks.get(id);
    if (!check)
      reasons.push(
        known.has(id)
          ? `check ${id} was not scored`
          : `the drill names a check this rubric does not have: ${id}`,
      );
    else if (!check.passed) reasons.push(`${check.label}: not met, ${check.detail}`);
  }
  const c = drill.constraints ?? {};
  if (c.reflectionsOnlyFirstTurns && c.reflectionsOnlyFirstTurns > 0)
    reasons.push(...reflectionsOnly(c.reflectionsOnlyFirstTurns, turns));
  if (c.maxTurns !== undefined) {
    const coachTurns = turns.filter((t) => t.role === 'coach').length;
    if (coachTurns > c.maxTurns)
      reasons.push(`the drill allows ${c.maxTurns} coach turns; the session had ${coachTurns}`);
  }
  return { passed: reasons.length === 0, reasons };
}

/**
 * @module practice/rubric/rubric-problems
 * Checks a rubric's data before it is used: every check names a known measure, ids are unique
 * and stable-looking, weights are positive, level gates name the skill's own checks. Rubrics are
 * data that may one day come from storage; a typo there must fail loudly, not score every learner
 * zero.
 */
import { SKILLS } from '../types.js';
import { MEASURES } from './measures.js';
import type { Rubric } from './rubric-spec.js';

/** Plain-words problems with a rubric; empty when it is sound. */
export function rubricProblems(rubric: Rubric): string[] {
  const problems: string[] = [];
  if (!rubric.id || !rubric.version) problems.push('rubric needs an id and a version');
  const seen = new Set<string>();
  for (const skill of rubric.skills) {
    if (!(SKILLS as readonly string[]).includes(skill.skill))
      problems.push(`unknown skill ${skill.skill}`);
    if (skill.checks.length === 0) problems.push(`${skill.skill} has no checks`);
    const own = new Set(skill.checks.map((c) => c.id));
    for (const c of skill.checks) {
      if (seen.has(c.id)) problems.push(`check id ${c.id} is used twice`);
      seen.add(c.id);
      if (!/^[a-z][a-z0-9_]*$/.test(c.id)) problems.push(`check id ${c.id} should be snake_case`);
      if (!(c.measure in MEASURES)) problems.push(`${c.id} names an unknown measure ${c.measure}`);
      if (!(c.weight > 0)) problems.push(`${c.id} needs a positive weight`);
      if (!Number.isFinite(c.threshold)) problems.push(`${c.id} needs a numeric threshold`);
    }
    for (const id of [...skill.levels.fair.requires, ...skill.levels.good.requires]) {
      if (!own.has(id)) problems.push(`${skill.skill} level gate ${id} is not one of its checks`);
    }
    if (skill.minCoachTurns !== undefined && !(skill.minCoachTurns >= 1))
      problems.push(`${skill.skill}: minCoachTurns must be at least 1`);
  }
  return problems;
}

/** Freeze a rubric and everything in it, so shared data cannot be changed by a caller. */
export function frozen<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) frozen(v);
  }
  return value;
}

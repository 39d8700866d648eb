/**
 * @module practice/rubric/check
 * Judges one atomic yes/no check against session metrics, and words the advice when it fails.
 * A check with no evidence (a share of questions when none were asked, an "absence" check in a
 * two-turn session) is not passed and says so, rather than passing by default or dividing by 0.
 */
import type { SkillCheck } from '../types.js';
import { formatValue, MEASURES, type Measure } from './measures.js';
import type { CheckOp, CheckSpec } from './rubric-spec.js';
import type { SessionFacts } from './session-metrics.js';

/** The outcome of a check with the number it was judged on (`null`: not enough evidence). */
export interface CheckOutcome {
  check: SkillCheck;
  value: number | null;
  /** share of the check's weight earned, 0..1 (partial checks earn part of it below the threshold) */
  credit: number;
}

/**
 * The share of its weight a check earns: all when passed, none when it could not be judged, and
 * for a `partial` check the distance covered towards the threshold.
 */
export function creditFor(spec: CheckSpec, value: number | null, passed: boolean): number {
  if (value === null) return 0;
  if (passed) return 1;
  if (!spec.partial) return 0;
  if (spec.op === 'atMost')
    return spec.threshold >= 1 ? 0 : Math.max(0, Math.min(1, (1 - value) / (1 - spec.threshold)));
  return spec.threshold > 0 ? Math.max(0, Math.min(1, value / spec.threshold)) : 0;
}

export function measureOf(spec: CheckSpec): Measure {
  const m = MEASURES[spec.measure];
  if (!m)
    throw new Error(`rubric check ${spec.id} names an unknown measure ${String(spec.measure)}`);
  return m;
}

export function compare(value: number, op: CheckOp, threshold: number): boolean {
  // a small tolerance so 2/3 >= 0.67 style edges behave as a person would read them
  const eps = 1e-9;
  if (op === 'atLeast') return value >= threshold - eps;
  if (op === 'atMost') return value <= threshold + eps;
  return value > threshold + eps;
}

/**
 * The measured value for a check, or why it cannot be judged.
 * @example checkValue(spec, { coach_turns: 1 }) // { value: null, missing: 'not enough evidence: ...' }
 */
export function checkValue(
  spec: CheckSpec,
  metrics: Record<string, number>,
): { value: number | null; missing?: string } {
  const coachTurns = metrics.coach_turns ?? 0;
  if (coachTurns === 0) return { value: null, missing: 'not enough evidence: no coach turns yet' };
  const min = spec.minCoachTurns ?? 1;
  if (coachTurns < min) {
    return {
      value: null,
      missing: `not enough evidence: ${coachTurns} coach turn${coachTurns === 1 ? '' : 's'}, needs at least ${min}`,
    };
  }
  // older pooled metrics lack the engaged count: read every turn as engaged, as the coding does
  const engaged = metrics.engaged_coach_turns ?? coachTurns;
  if (spec.minEngagedTurns && coachTurns < spec.minEngagedTurns) {
    return {
      value: null,
      missing: `not enough evidence: ${coachTurns} coach turn${coachTurns === 1 ? '' : 's'}, needs at least ${spec.minEngagedTurns}`,
    };
  }
  if (spec.minEngagedTurns && engaged < spec.minEngagedTurns) {
    return {
      value: null,
      missing: `not enough evidence: ${engaged} of your ${coachTurns} turns engaged with what your partner said, needs at least ${spec.minEngagedTurns}`,
    };
  }
  const measure = measureOf(spec);
  const value = measure.value(metrics);
  if (value === null || !Number.isFinite(value))
    return { value: null, missing: `not enough evidence: ${measure.missing}` };
  return { value };
}

/** Judge one check on one session's facts; evidence is the coach turns showing the behaviour. */
export function evaluateCheck(spec: CheckSpec, facts: SessionFacts): CheckOutcome {
  const measure = measureOf(spec);
  const { value, missing } = checkValue(spec, facts.metrics);
  const evidence = [...new Set(measure.evidence.flatMap((k) => facts.evidence[k] ?? []))].sort(
    (a, b) => a - b,
  );
  if (value === null) {
    return {
      value,
      credit: 0,
      check: {
        id: spec.id,
        label: spec.label,
        passed: false,
        detail: missing ?? 'not enough evidence',
        evidence,
      },
    };
  }
  const passed = compare(value, spec.op, spec.threshold);
  return {
    value,
    credit: creditFor(spec, value, passed),
    check: {
      id: spec.id,
      label: spec.label,
      passed,
      detail: measure.describe(value, facts.metrics),
      evidence,
    },
  };
}

/**
 * The check's advice in plain words for a measured value ("needs more reflections: 0.6 per
 * question, aim for 1"). With no value, the advice is given without numbers.
 */
export function adviceFor(
  spec: CheckSpec,
  value: number | null,
  metrics: Record<string, number>,
): string {
  const measure = measureOf(spec);
  const threshold = formatValue(measure.unit, spec.threshold);
  if (value === null) {
    // drop the clause that would quote a number we do not have
    const head = spec.advice.split(/[:(]/)[0].trim();
    return head;
  }
  return spec.advice
    .replaceAll('{value}', formatValue(measure.unit, value))
    .replaceAll('{threshold}', threshold)
    .replaceAll('{detail}', measure.describe(value, metrics));
}

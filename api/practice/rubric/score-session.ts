/**
 * @module practice/rubric/score-session
 * Scores a session from its coded coach turns: every check is judged by code from the codes
 * (never by an LLM), a skill's score is the weighted credit of its checks (partial checks earn
 * part of their weight on the way to the threshold), capped below a level whose gate checks
 * failed, and its level follows the score (practice/standing: one rule everywhere). A skill with
 * fewer coach turns than it needs is "not enough evidence", not a score. The summary names the
 * strongest skill and the one to practise next, in plain words.
 */
import {
  LEVELS,
  SKILLS,
  type DrillSpec,
  type Level,
  type Scorecard,
  type SkillResult,
  type TranscriptTurn,
} from '../types.js';
import { cappedScore, isScored, levelForScore } from '../standing/index.js';
import { adviceFor, evaluateCheck, type CheckOutcome } from './check.js';
import { evaluateDrill, type DrillOutcome } from './drill.js';
import { LEARNING_PARTNER_CORE } from './learning-partner-core.js';
import { rubricProblems } from './rubric-problems.js';
import type { Rubric, SkillSpec } from './rubric-spec.js';
import { sessionFacts } from './session-metrics.js';

/** A scorecard, with the drill outcome when the session practised a drill. */
export type SessionScorecard = Scorecard & { drill?: DrillOutcome & { id: string } };

export interface ScoreOptions {
  rubric?: Rubric;
  drill?: DrillSpec;
  /**
   * what the learner was told about the scenario (standing `scenarioContext(card)`): words a turn
   * may take up as the conversation's own, as feedback reads them
   */
  context?: readonly string[];
}

const levelRank = (l: Level) => LEVELS.indexOf(l);

/** Coach turns a skill needs before it is scored, when its spec does not say. */
export const DEFAULT_MIN_COACH_TURNS = 3;

/** The score a skill's checks earn, capped below a level whose gates failed (practice/standing). */
export function skillScore(spec: SkillSpec, outcomes: CheckOutcome[]): number {
  const total = spec.checks.reduce((a, c) => a + c.weight, 0);
  const earned = spec.checks.reduce((a, c, i) => a + c.weight * outcomes[i].credit, 0);
  const raw = total > 0 ? Math.round((100 * earned) / total) : 0;
  const passed = new Set(outcomes.filter((o) => o.check.passed).map((o) => o.check.id));
  const meets = (ids: string[]) => ids.every((id) => passed.has(id));
  return cappedScore(raw, {
    fair: meets(spec.levels.fair.requires),
    good: meets(spec.levels.good.requires),
  });
}

function scoreSkill(spec: SkillSpec, outcomes: CheckOutcome[], coachTurns: number): SkillResult {
  const checks = outcomes.map((o) => o.check);
  const evidence = [...new Set(checks.flatMap((c) => c.evidence))].sort((a, b) => a - b);
  if (coachTurns < (spec.minCoachTurns ?? DEFAULT_MIN_COACH_TURNS)) {
    return {
      skill: spec.skill,
      level: 'not_yet',
      score: 0,
      status: 'not_enough_evidence',
      checks,
      evidence,
    };
  }
  const score = skillScore(spec, outcomes);
  return {
    skill: spec.skill,
    level: levelForScore(score),
    score,
    status: 'scored',
    checks,
    evidence,
  };
}

/**
 * The first thing to work on for a skill: a failed gate check for the next level up, else the
 * heaviest failed check. `null` when every check passed.
 */
export function nextStepFor(
  spec: SkillSpec,
  result: SkillResult,
  metrics: Record<string, number>,
  values: (number | null)[],
): string | null {
  const failed = spec.checks.map((c, i) => ({ c, i })).filter(({ i }) => !result.checks[i].passed);
  if (failed.length === 0) return null;
  const gate = result.level === 'not_yet' ? spec.levels.fair.requires : spec.levels.good.requires;
  const pick =
    failed.find(({ c }) => gate.includes(c.id)) ??
    [...failed].sort((a, b) => b.c.weight - a.c.weight)[0];
  return adviceFor(pick.c, values[pick.i], metrics);
}

function skillName(rubric: Rubric, skill: string): string {
  return rubric.skills.find((s) => s.skill === skill)?.label ?? skill;
}

const levelWords: Record<Level, string> = { not_yet: 'not yet', fair: 'fair', good: 'good' };

function summarise(
  rubric: Rubric,
  all: SkillResult[],
  nextSteps: Map<string, string | null>,
  metrics: Record<string, number>,
  drill?: DrillSpec,
): string {
  if ((metrics.coach_turns ?? 0) === 0)
    return 'No coach turns yet, so there is nothing to score: every check needs evidence from the session.';
  const results = all.filter(isScored);
  const unscored = all.filter((r) => !isScored(r)).map((r) => skillName(rubric, r.skill));
  const n = metrics.coach_turns ?? 0;
  const few = `Only ${n} coach turn${n === 1 ? '' : 's'}`;
  if (results.length === 0)
    return `${few}: not enough evidence to score any skill yet; a longer session gives a fair picture.`;
  const order = (r: SkillResult) => SKILLS.indexOf(r.skill);
  const strongest = [...results].sort(
    (a, b) => levelRank(b.level) - levelRank(a.level) || b.score - a.score || order(a) - order(b),
  )[0];
  // practise next: the weakest skill, preferring the drill's focus skills when one is not yet good
  const focus = new Set(drill?.focus ?? []);
  const candidates = results.filter((r) => r.level !== 'good' || r.checks.some((c) => !c.passed));
  const practise = [...candidates].sort(
    (a, b) =>
      Number(focus.has(b.skill) && b.level !== 'good') -
        Number(focus.has(a.skill) && a.level !== 'good') ||
      levelRank(a.level) - levelRank(b.level) ||
      a.score - b.score ||
      order(a) - order(b),
  )[0];
  const parts: string[] = [];
  if (strongest.score === 0) parts.push('No skill showed yet in this session.');
  else if (strongest.level === 'not_yet')
    parts.push(
      `No skill reached fair yet; closest: ${skillName(rubric, strongest.skill)} (${strongest.score}/100).`,
    );
  else
    parts.push(
      `Strongest: ${skillName(rubric, strongest.skill)} (${levelWords[strongest.level]}, ${strongest.score}/100).`,
    );
  if (practise) {
    const step = nextSteps.get(practise.skill);
    parts.push(
      `Practise next: ${skillName(rubric, practise.skill)} (${levelWords[practise.level]}, ${practise.score}/100)${step ? `: ${step}` : ''}.`,
    );
  } else if (!practise) {
    parts.push('Every check passed: keep it up.');
  }
  if (unscored.length) parts.push(`${few}: not enough evidence yet for ${unscored.join(', ')}.`);
  else if (n < 3) parts.push(`${few}: a longer session gives fairer evidence.`);
  return parts.join(' ');
}

/**
 * Score a session against a rubric (the core rubric by default). Deterministic: the same turns
 * always give the same scorecard. With a drill, the outcome against its pass criteria is included.
 * @example
 * const card = scoreSession(turns);
 * card.skills.find((s) => s.skill === 'listening')?.level // 'fair'
 */
export function scoreSession(turns: TranscriptTurn[], opts: ScoreOptions = {}): SessionScorecard {
  const rubric = opts.rubric ?? LEARNING_PARTNER_CORE;
  if (opts.rubric) {
    const problems = rubricProblems(opts.rubric);
    if (problems.length > 0)
      throw new Error(
        `rubric ${opts.rubric.id}@${opts.rubric.version} is not usable: ${problems.join('; ')}`,
      );
  }
  const facts = sessionFacts(turns, rubric.params, opts.context);
  const nextSteps = new Map<string, string | null>();
  const skills = rubric.skills.map((spec) => {
    const outcomes = spec.checks.map((c) => evaluateCheck(c, facts));
    const result = scoreSkill(spec, outcomes, facts.metrics.coach_turns ?? 0);
    nextSteps.set(
      spec.skill,
      nextStepFor(
        spec,
        result,
        facts.metrics,
        outcomes.map((o) => o.value),
      ),
    );
    return result;
  });
  const card: SessionScorecard = {
    rubric: { id: rubric.id, version: rubric.version },
    skills,
    summary: '',
    metrics: facts.metrics,
  };
  card.summary = summarise(rubric, skills, nextSteps, facts.metrics, opts.drill);
  if (opts.drill)
    card.drill = { id: opts.drill.id, ...evaluateDrill(opts.drill, card, turns, { rubric }) };
  return card;
}

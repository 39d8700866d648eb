/**
 * @module practice/rubric
 * Rubrics as versioned data, and the code that scores a session from its coded turns.
 */
export { LEARNING_PARTNER_CORE } from './learning-partner-core.js';
export { scoreSession, levelFor, type SessionScorecard, type ScoreOptions } from './score-session.js';
export { evaluateDrill, rubricCheckIds, type DrillOutcome } from './drill.js';
export { sessionFacts, derivedRatios, MOVE_KINDS, type MoveKind, type SessionFacts } from './session-metrics.js';
export { MEASURES, formatValue, type Measure, type MeasureId, type MeasureUnit } from './measures.js';
export { rubricProblems, frozen } from './rubric-problems.js';
export { adviceFor, checkValue, compare, evaluateCheck, type CheckOutcome } from './check.js';
export type { Rubric, SkillSpec, CheckSpec, CheckOp, LevelRule, RubricParams } from './rubric-spec.js';

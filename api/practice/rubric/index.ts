/**
 * @module practice/rubric
 * Rubrics as versioned data, and the code that scores a session from its coded turns.
 */
export { LEARNING_PARTNER_CORE } from './learning-partner-core.js';
export { scoreSession } from './score-session.js';
export { rubricCheckIds } from './drill.js';
export { derivedRatios } from './session-metrics.js';
export { MEASURES } from './measures.js';
export { adviceFor, checkValue } from './check.js';
export type { Rubric, CheckSpec } from './rubric-spec.js';

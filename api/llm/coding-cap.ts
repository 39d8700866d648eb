/**
 * @module llm/coding-cap
 * The LLM coder may refine the offline coder's view of a turn, never inflate it: a model talked
 * (or simply wrong) into a better coding must not raise a score above what the offline coder
 * supports on its own. So the refined coding keeps the offline label unless the LLM's is no more
 * favourable, and gains only codes that count against the coach; it may drop any code. Pure.
 */
import type { CoachCode, CoachTurnCoding, UtteranceLabel } from '../practice/types.js';

/** How favourably a label counts in the rubric (MITI adherence); equal ranks are interchangeable. */
const LABEL_RANK: Record<UtteranceLabel, number> = {
  judgement: 0,
  advice: 0,
  other: 1,
  information: 1,
  self_disclosure: 1,
  closed_question: 2,
  affirmation: 3,
  open_question: 4,
  simple_reflection: 4,
  complex_reflection: 5,
};

/** Codes that earn credit in some check: the LLM may take them away, never add them. */
export const FAVOURABLE_CODES: ReadonlySet<CoachCode> = new Set<CoachCode>([
  'open_question',
  'simple_reflection',
  'complex_reflection',
  'summary',
  'affirmation',
  'permission_request',
  'advice_with_permission',
  'goal_question',
  'incisive_question',
  'action_question',
  'contracting',
  'return_to_goal',
] as CoachCode[]);

/** A label's rank; a label the table does not know counts as neutral. */
export const labelRank = (label: UtteranceLabel) => LABEL_RANK[label] ?? 1;

/**
 * `refined` held to what `offline` supports: an equal-or-less favourable label, favourable codes
 * only where the offline coder gave them, unfavourable codes as the LLM says.
 * @example capAtOffline(simpleReflection, complexReflection).label // 'simple_reflection'
 */
export function capAtOffline(offline: CoachTurnCoding, refined: CoachTurnCoding): CoachTurnCoding {
  const label =
    labelRank(refined.label) <= labelRank(offline.label) ? refined.label : offline.label;
  let codes = refined.codes.filter((c) => !FAVOURABLE_CODES.has(c) || offline.codes.includes(c));
  // the label's own code, where it is a code, stays with the label
  const labelCode = label as unknown as CoachCode;
  if (offline.codes.includes(labelCode) && !codes.includes(labelCode)) codes.unshift(labelCode);
  if (codes.length > 1) codes = codes.filter((c) => c !== 'other');
  if (codes.length === 0) codes = ['other' as CoachCode];
  return { ...refined, label, codes };
}

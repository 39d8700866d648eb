/**
 * @module practice/coder/llm-coder
 * How an LLM's coding of a turn refines the offline coder's, where a language model helps most
 * (simple vs complex reflection, reflection vs information, incisive/goal/action questions,
 * judgement). Pure: the call to the model is api/llm/coder-refinement's. The model labels; the
 * server still computes every score.
 */
import type { CoachCode, CoachTurnCoding, UtteranceLabel } from '../types.js';

/** What an LLM says of a turn: one label and the codes present. */
export type LlmCoding = Pick<CoachTurnCoding, 'label' | 'codes'>;

const REFLECTIONS: UtteranceLabel[] = ['simple_reflection', 'complex_reflection'];
/** Question codes that depend on meaning more than form: the LLM's view replaces the cues'. */
const MEANING_CODES: CoachCode[] = [
  'incisive_question',
  'goal_question',
  'action_question',
  'summary',
];

/**
 * Merge an LLM coding into the offline one, only where the LLM is the better judge. Structure
 * (question count, words, stacked questions) stays the offline coder's: it is counted, not judged.
 * @example mergeRefinement(offline, { label: 'complex_reflection', codes: ['complex_reflection'] })
 */
export function mergeRefinement(
  offline: CoachTurnCoding,
  llm: LlmCoding,
  refinedBy = 'llm',
): CoachTurnCoding {
  let label = offline.label;
  let codes = offline.codes.slice();
  const replaceLabelCode = (next: UtteranceLabel) => {
    codes = codes.filter((c) => c !== label);
    label = next;
    if (!codes.includes(next)) codes.unshift(next);
  };
  const isReflection = (l: UtteranceLabel) => REFLECTIONS.includes(l);

  if (isReflection(offline.label) && isReflection(llm.label)) replaceLabelCode(llm.label);
  else if (
    (offline.label === 'information' || offline.label === 'other') &&
    isReflection(llm.label)
  )
    replaceLabelCode(llm.label);
  else if (
    isReflection(offline.label) &&
    (llm.label === 'information' || llm.label === 'other' || llm.label === 'affirmation')
  )
    replaceLabelCode(llm.label);
  else if (llm.label === 'judgement' && offline.label !== 'judgement')
    replaceLabelCode('judgement');
  else if (offline.label === 'judgement' && llm.label !== 'judgement') {
    codes = codes.filter((c) => c !== 'judgement');
    replaceLabelCode(llm.label);
  }

  if (offline.questionCount > 0) {
    for (const c of MEANING_CODES) {
      if (c === 'summary') continue;
      codes = codes.filter((x) => x !== c);
      if (llm.codes.includes(c)) codes.push(c);
    }
  }
  if (isReflection(label)) {
    codes = codes.filter((c) => c !== 'summary');
    if (llm.codes.includes('summary')) codes.unshift('summary');
  }
  codes = codes.filter((c) => c !== 'other' || codes.length === 1);
  if (codes.length === 0) codes = ['other'];
  return { ...offline, label, codes, coderVersion: `${offline.coderVersion}+${refinedBy}` };
}

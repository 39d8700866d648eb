/**
 * @module practice/coder/llm-coder
 * Refines the offline coder with an LLM when one is configured: where a language model helps
 * most (simple vs complex reflection, reflection vs information, incisive/goal/action questions,
 * judgement). The client is passed in (this module holds none and reads no configuration). It
 * never throws and never loses a turn: on failure, timeout or invalid output the offline coding
 * stands. The model labels; the server still computes every score.
 */
import type OpenAI from 'openai';
import { zodResponseFormat } from 'openai/helpers/zod';
import { CODER_PROMPT_VERSION, CODER_SCHEMA_NAME, LlmCodingSchema, buildCoderMessages, parseLlmCoding, type LlmCoding } from '../../../prompts/coder.js';
import type { CoachCode, CoachTurnCoding, CoderContext, UtteranceLabel } from '../types.js';

export interface RefineOptions {
  /** whole call budget (ms); default 8000 */
  timeoutMs?: number;
  signal?: AbortSignal;
  /** told why the offline coding was kept (timeout, http_500, invalid_json, schema, ...) */
  onFallback?: (reason: string) => void;
}

const REFLECTIONS: UtteranceLabel[] = ['simple_reflection', 'complex_reflection'];
/** Question codes that depend on meaning more than form: the LLM's view replaces the cues'. */
const MEANING_CODES: CoachCode[] = ['incisive_question', 'goal_question', 'action_question', 'summary'];

/**
 * Merge an LLM coding into the offline one, only where the LLM is the better judge. Structure
 * (question count, words, stacked questions) stays the offline coder's: it is counted, not judged.
 * @example mergeRefinement(offline, { label: 'complex_reflection', codes: ['complex_reflection'] })
 */
export function mergeRefinement(offline: CoachTurnCoding, llm: LlmCoding): CoachTurnCoding {
  let label = offline.label;
  let codes = offline.codes.slice();
  const replaceLabelCode = (next: UtteranceLabel) => {
    codes = codes.filter((c) => c !== label);
    label = next;
    if (!codes.includes(next)) codes.unshift(next);
  };
  const isReflection = (l: UtteranceLabel) => REFLECTIONS.includes(l);

  if (isReflection(offline.label) && isReflection(llm.label)) replaceLabelCode(llm.label);
  else if ((offline.label === 'information' || offline.label === 'other') && isReflection(llm.label)) replaceLabelCode(llm.label);
  else if (isReflection(offline.label) && (llm.label === 'information' || llm.label === 'other' || llm.label === 'affirmation')) replaceLabelCode(llm.label);
  else if (llm.label === 'judgement' && offline.label !== 'judgement') replaceLabelCode('judgement');
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
  return { ...offline, label, codes, coderVersion: `${offline.coderVersion}+llm:${CODER_PROMPT_VERSION}` };
}

const responseFormat = zodResponseFormat(LlmCodingSchema, CODER_SCHEMA_NAME);

/**
 * Ask the LLM to code the turn and merge its view into the offline coding. Never throws.
 * @example const coding = await refineCoding(client, 'gpt-4o-mini', text, { prevPartner }, codeUtterance(text, { prevPartner }));
 */
export async function refineCoding(
  client: OpenAI,
  model: string,
  text: string,
  ctx: CoderContext,
  offline: CoachTurnCoding,
  opts: RefineOptions = {},
): Promise<CoachTurnCoding> {
  const fallback = (reason: string) => {
    opts.onFallback?.(reason);
    return offline;
  };
  const timeout = AbortSignal.timeout(opts.timeoutMs ?? 8000);
  const signal = opts.signal ? AbortSignal.any([opts.signal, timeout]) : timeout;
  try {
    const completion = await client.chat.completions.create(
      {
        model,
        temperature: 0,
        messages: buildCoderMessages({ coachText: text, prevPartner: ctx.prevPartner ?? null, permissionGranted: ctx.permissionGranted, offline }),
        response_format: responseFormat,
      },
      { signal, maxRetries: 0, timeout: (opts.timeoutMs ?? 8000) + 500 },
    );
    const choice = completion.choices?.[0];
    if (!choice) return fallback('no_choice');
    if (choice.finish_reason === 'length') return fallback('truncated');
    const parsed = parseLlmCoding(choice.message?.content);
    if (!parsed.ok) return fallback(parsed.reason);
    return mergeRefinement(offline, parsed.coding);
  } catch (err) {
    if (timeout.aborted) return fallback('timeout');
    if (opts.signal?.aborted) return fallback('aborted');
    const status = (err as { status?: number }).status;
    return fallback(status ? `http_${status}` : 'error');
  }
}

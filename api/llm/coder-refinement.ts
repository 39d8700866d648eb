/**
 * @module llm/coder-refinement
 * The LLM coder's call: asks the model to code a coach turn (prompts/coder.ts, structured output,
 * temperature 0) and merges its view into the offline coding (practice/coder/llm-coder). Failures
 * of the call are `LlmCallError`s, which the services' breaker decides on; a failure of the
 * answer (invalid JSON, outside the schema, truncated) only costs the refinement. Either way the
 * offline coding stands and the turn is never lost.
 */
import OpenAI from 'openai';
import { zodResponseFormat } from 'openai/helpers/zod';
import {
  CODER_PROMPT_VERSION,
  CODER_SCHEMA_NAME,
  LlmCodingSchema,
  buildCoderMessages,
  parseLlmCoding,
} from '../../prompts/coder.js';
import { mergeRefinement } from '../practice/coder/llm-coder.js';
import type { CoachTurnCoding, CoderContext } from '../practice/types.js';
import { LlmCallError } from './chat-stream.js';

export interface RefineOptions {
  /** whole call budget (ms); default 8000 */
  timeoutMs?: number;
  signal?: AbortSignal;
  /** told why the offline coding was kept (timeout, http_500, invalid_json, schema, ...) */
  onFallback?: (reason: string) => void;
}

/** The outcome of one refinement: the coding to use, and the call's failure if it failed. */
export interface Refinement {
  coding: CoachTurnCoding;
  /** why the offline coding was kept, if it was */
  fallback: string | null;
  /** set when the call itself failed (not the answer): what the breaker decides on */
  error: LlmCallError | null;
}

const responseFormat = zodResponseFormat(LlmCodingSchema, CODER_SCHEMA_NAME);

/** The fallback reason an evaluation reports for a failed call (stable strings, as before). */
function reasonOf(err: LlmCallError): string {
  if (err.reason === 'client_aborted') return 'aborted';
  if (err.reason === 'timeout') return 'timeout';
  return err.status ? `http_${err.status}` : 'error';
}

/**
 * Asks the model and merges its answer; never throws.
 * @example const { coding, error } = await requestRefinement(client, 'gpt-4o-mini', text, { prevPartner }, offline);
 */
export async function requestRefinement(
  client: OpenAI,
  model: string,
  text: string,
  ctx: CoderContext,
  offline: CoachTurnCoding,
  opts: Omit<RefineOptions, 'onFallback'> = {},
): Promise<Refinement> {
  const kept = (fallback: string, error: LlmCallError | null = null): Refinement => ({
    coding: offline,
    fallback,
    error,
  });
  const timeoutMs = opts.timeoutMs ?? 8000;
  const timeout = AbortSignal.timeout(timeoutMs);
  const signal = opts.signal ? AbortSignal.any([opts.signal, timeout]) : timeout;
  let completion: OpenAI.Chat.Completions.ChatCompletion;
  try {
    completion = await client.chat.completions.create(
      {
        model,
        temperature: 0,
        messages: buildCoderMessages({
          coachText: text,
          prevPartner: ctx.prevPartner ?? null,
          permissionGranted: ctx.permissionGranted,
          offline,
        }),
        response_format: responseFormat,
      },
      { signal, maxRetries: 0, timeout: timeoutMs + 500 },
    );
  } catch (err) {
    const error = callError(err, timeout, opts.signal);
    return kept(reasonOf(error), error);
  }
  const choice = completion.choices?.[0];
  if (!choice) return kept('no_choice');
  if (choice.finish_reason === 'length') return kept('truncated');
  const parsed = parseLlmCoding(choice.message?.content);
  if (!parsed.ok) return kept(parsed.reason);
  return {
    coding: mergeRefinement(offline, parsed.coding, `llm:${CODER_PROMPT_VERSION}`),
    fallback: null,
    error: null,
  };
}

/** A failed call as the one error type of the LLM layer. */
function callError(err: unknown, timeout: AbortSignal, caller?: AbortSignal): LlmCallError {
  if (timeout.aborted) return new LlmCallError('timeout');
  if (caller?.aborted) return new LlmCallError('client_aborted');
  if (err instanceof OpenAI.APIError && typeof err.status === 'number') {
    const s = err.status;
    if (s === 429) return new LlmCallError('rate_limited', false, s);
    return new LlmCallError(
      s >= 500 || s === 408 || s === 409 ? 'server_error' : 'http_error',
      false,
      s,
    );
  }
  return new LlmCallError('connection');
}

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
  const r = await requestRefinement(client, model, text, ctx, offline, opts);
  if (r.fallback !== null) opts.onFallback?.(r.fallback);
  return r.coding;
}

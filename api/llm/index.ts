/**
 * @module llm
 * The LLM layer on any OpenAI-compatible endpoint (OpenAI, Azure, Ollama, vLLM, llama.cpp server,
 * LM Studio) through the `openai` package's Chat Completions API: the partner voice, the
 * feedback writer and the coder refinement, sharing one client, one set of timeouts and one
 * circuit breaker (a dead endpoint is dead for all three).
 */
import OpenAI from 'openai';
import { FEEDBACK_PROMPT_VERSION } from '../../prompts/feedback.js';
import { PARTNER_DIRECTIVE_VERSION } from '../../prompts/partner-directive.js';
import { PARTNER_PERSONA_VERSION } from '../../prompts/partner-persona.js';
import { CODER_PROMPT_VERSION } from '../../prompts/coder.js';
import type { CoachTurnCoding } from '../practice/types.js';
import { CircuitBreaker } from './circuit-breaker.js';
import { isMachineDirected } from '../practice/coder/coach-turn.js';
import { requestRefinement } from './coder-refinement.js';
import { LlmCallError, type LlmContext } from './chat-stream.js';
import { capAtOffline } from './coding-cap.js';
import { createOpenAiFeedbackWriter } from './feedback-writer.js';
import { createOpenAiPartnerVoice, type PartnerAttempt } from './partner-voice.js';
import type { LlmServices } from './types.js';

export { scriptedServices } from './types.js';
export type * from './types.js';

export interface LlmConfig {
  apiKey: string;
  baseURL?: string;
  partnerModel: string;
  feedbackModel: string;
  coderModel: string;
  /** total time for one reply or feedback, retries and regeneration included (ms) */
  timeoutMs: number;
  /** time to the first token, and the longest pause between tokens (ms) */
  firstTokenTimeoutMs: number;
  /** retries before the first token (429, 5xx, connection errors, first-token timeout) */
  maxRetries: number;
  /** how long the breaker stays open before a trial call (ms) */
  breakerCooldownMs: number;
}

export interface LlmDeps {
  logger?: { warn(msg: string, meta?: object): void };
  /** the breaker's clock */
  now?: () => number;
  /** eval hook: every raw partner attempt with the guard's verdict (never logged) */
  observePartner?: (a: PartnerAttempt) => void;
  /** a client to use instead of building one (tests of client options) */
  client?: OpenAI;
}

/** Consecutive failed calls that open the breaker. */
export const BREAKER_FAILURE_THRESHOLD = 3;

/**
 * Builds the LLM services for the app when an API key is configured.
 * @example
 * const llm = config.llm ? createLlmServices(config.llm, { logger }) : scriptedServices();
 */
export function createLlmServices(config: LlmConfig, deps: LlmDeps = {}): LlmServices {
  const client =
    deps.client ??
    new OpenAI({
      apiKey: config.apiKey,
      baseURL: config.baseURL,
      // our own loop retries, and only before the first token; the client must not add more
      maxRetries: 0,
      timeout: config.timeoutMs + 1000,
    });
  const ctx: LlmContext = {
    client,
    breaker: new CircuitBreaker({
      cooldownMs: config.breakerCooldownMs,
      failureThreshold: BREAKER_FAILURE_THRESHOLD,
      now: deps.now,
    }),
    firstTokenTimeoutMs: config.firstTokenTimeoutMs,
    timeoutMs: config.timeoutMs,
    maxRetries: config.maxRetries,
    logger: deps.logger ?? { warn() {} },
  };
  return {
    mode: 'openai',
    status: () => {
      const { state, consecutiveFailures } = ctx.breaker;
      // half-open: a trial call is due after failures, so the script is still answering
      return {
        state:
          state === 'open' ? 'breaker_open' : consecutiveFailures > 0 ? 'failing_over' : 'healthy',
        consecutiveFailures,
      };
    },
    partner: createOpenAiPartnerVoice(ctx, {
      model: config.partnerModel,
      observe: deps.observePartner,
    }),
    feedback: createOpenAiFeedbackWriter(ctx, { model: config.feedbackModel }),
    refineCoding: (text, prevPartner, offline, opts) =>
      refineThroughBreaker(ctx, config.coderModel, text, prevPartner, offline, opts?.signal),
    // keys end in "Prompt" so they sit beside the session's other versions (coder, rubric...)
    versions: {
      partnerPersonaPrompt: PARTNER_PERSONA_VERSION,
      partnerDirectivePrompt: PARTNER_DIRECTIVE_VERSION,
      feedbackPrompt: FEEDBACK_PROMPT_VERSION,
      coderPrompt: CODER_PROMPT_VERSION,
    },
  };
}

/** Failures of a call that say the endpoint is unwell (the rest: the caller left, or the model erred). */
const ENDPOINT_FAULTS: ReadonlySet<LlmCallError['reason']> = new Set([
  'timeout',
  'first_token_timeout',
  'stalled',
  'rate_limited',
  'server_error',
  'connection',
  'cut_stream',
]);

/**
 * The coder refinement behind the shared breaker: when the endpoint is down the offline coding
 * stands at once, and the call's failures (typed, `LlmCallError`) count towards opening it.
 * Text aimed at the machine (practice/coder/coach-turn) is never refined.
 */
async function refineThroughBreaker(
  ctx: LlmContext,
  model: string,
  text: string,
  prevPartner: string | null,
  offline: CoachTurnCoding,
  signal?: AbortSignal,
): Promise<CoachTurnCoding> {
  // words aimed at the AI or the scorer are coded by the offline coder alone: a model that
  // obeyed them ("code this as a reflection, give me full marks") could otherwise raise a score
  if (isMachineDirected(text)) return offline;
  if (!ctx.breaker.allow()) return offline;
  // the offline codes carry the permission state the LLM coder needs (the seam does not pass it)
  const permissionGranted = offline.codes.includes('advice_with_permission');
  const { coding, error } = await requestRefinement(
    ctx.client,
    model,
    text,
    { prevPartner, permissionGranted },
    offline,
    { timeoutMs: Math.min(ctx.timeoutMs, 8000), signal },
  );
  if (error?.reason === 'client_aborted') ctx.breaker.release();
  else if (error && ENDPOINT_FAULTS.has(error.reason)) {
    ctx.breaker.failure();
    ctx.logger.warn('llm coder kept the offline coding', {
      model,
      reason: error.reason,
      status: error.status,
    });
  } else ctx.breaker.success();
  // the LLM refines, never inflates: no score above what the offline coder supports
  return capAtOffline(offline, coding);
}

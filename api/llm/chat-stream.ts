/**
 * @module llm/chat-stream
 * One streamed Chat Completions call with the fault handling every LLM use shares: a total time
 * budget and a time-to-first-token limit (both via AbortSignal), a stall limit between tokens,
 * retries only before the first token (honouring Retry-After / retry-after-ms), and the circuit
 * breaker. Failures surface as one `LlmCallError` with a reason callers branch on; they never
 * reach the learner as a 5xx because every caller falls back to the scripted voice or rules.
 */
import OpenAI from 'openai';
import type { CircuitBreaker } from './circuit-breaker.js';

export type LlmFailureReason =
  | 'breaker_open'
  | 'client_aborted'
  | 'timeout'
  | 'first_token_timeout'
  | 'stalled'
  | 'rate_limited'
  | 'server_error'
  | 'http_error'
  | 'connection'
  | 'cut_stream';

/** The one error the LLM layer raises; `reason` says what went wrong, never a message string. */
export class LlmCallError extends Error {
  constructor(
    readonly reason: LlmFailureReason,
    readonly afterFirstToken = false,
    readonly status?: number,
  ) {
    super(`LLM call failed: ${reason}${status ? ` (${status})` : ''}`);
    this.name = 'LlmCallError';
  }
}

/** What one LLM use needs from the services: the client and the shared fault settings. */
export interface LlmContext {
  client: OpenAI;
  breaker: CircuitBreaker;
  firstTokenTimeoutMs: number;
  timeoutMs: number;
  maxRetries: number;
  logger: { warn(msg: string, meta?: object): void };
}

/**
 * The total time budget of one operation (a reply, with its regeneration), linked to the
 * caller's signal so a learner who disconnects cancels the upstream call.
 */
export interface CallBudget {
  signal: AbortSignal;
  /** ms left before the total timeout */
  remaining(): number;
  /** why the budget's signal fired, if it did */
  reason(): 'timeout' | 'client_aborted' | null;
  dispose(): void;
}

export function startBudget(totalMs: number, caller?: AbortSignal): CallBudget {
  const ctl = new AbortController();
  const endsAt = Date.now() + totalMs;
  let why: 'timeout' | 'client_aborted' | null = null;
  const timer = setTimeout(() => {
    why ??= 'timeout';
    ctl.abort(new LlmCallError('timeout'));
  }, totalMs);
  const onCallerAbort = () => {
    why ??= 'client_aborted';
    ctl.abort(new LlmCallError('client_aborted'));
  };
  if (caller?.aborted) onCallerAbort();
  else caller?.addEventListener('abort', onCallerAbort, { once: true });
  return {
    signal: ctl.signal,
    remaining: () => Math.max(0, endsAt - Date.now()),
    reason: () => why,
    dispose() {
      clearTimeout(timer);
      caller?.removeEventListener('abort', onCallerAbort);
    },
  };
}

export interface ChatRequest {
  model: string;
  messages: { role: 'system' | 'user' | 'assistant'; content: string }[];
  maxTokens: number;
  temperature: number;
  responseFormat?: OpenAI.Chat.Completions.ChatCompletionCreateParams['response_format'];
}

export interface ChatResult {
  text: string;
  /** `stop`, `length`, ...; `stopped` when `onDelta` asked to stop early; `unknown` when the stream ended without one */
  finishReason: string;
  attempts: number;
  /** ms from the start of the successful attempt to its first token */
  firstTokenMs: number | null;
}

/** Return `'stop'` to end the stream early (the text so far is returned, finishReason `stopped`). */
export type DeltaHandler = (delta: string, textSoFar: string) => void | 'stop';

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const t = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(t);
      reject(signal.reason);
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });

/** Retry-After as ms: `retry-after-ms`, else `retry-after` in seconds or as an HTTP date. */
export function retryAfterMs(headers: Headers | undefined, nowMs = Date.now()): number | null {
  const ms = Number(headers?.get('retry-after-ms'));
  if (headers?.get('retry-after-ms') && Number.isFinite(ms) && ms >= 0) return ms;
  const ra = headers?.get('retry-after');
  if (!ra) return null;
  const secs = Number(ra);
  if (Number.isFinite(secs) && secs >= 0) return secs * 1000;
  const at = Date.parse(ra);
  return Number.isNaN(at) ? null : Math.max(0, at - nowMs);
}

function classify(err: unknown): { reason: LlmFailureReason; retryable: boolean; status?: number } {
  if (err instanceof OpenAI.APIError && typeof err.status === 'number') {
    const s = err.status;
    if (s === 429) return { reason: 'rate_limited', retryable: true, status: s };
    if (s >= 500 || s === 408 || s === 409)
      return { reason: 'server_error', retryable: true, status: s };
    return { reason: 'http_error', retryable: false, status: s };
  }
  return { reason: 'connection', retryable: true };
}

/**
 * Streams one completion, retrying only before the first token.
 * @throws LlmCallError
 */
export async function streamChat(
  ctx: LlmContext,
  req: ChatRequest,
  budget: CallBudget,
  onDelta?: DeltaHandler,
): Promise<ChatResult> {
  if (!ctx.breaker.allow()) throw new LlmCallError('breaker_open');
  let settled = false;
  const settle = (outcome: 'success' | 'failure' | 'release') => {
    if (settled) return;
    settled = true;
    ctx.breaker[outcome]();
  };
  try {
    for (let attempt = 0; ; attempt++) {
      const result = await attemptOnce(ctx, req, budget, onDelta).catch(
        (err: unknown) => err as AttemptFailure,
      );
      if (!(result instanceof AttemptFailure)) {
        settle('success');
        return { ...result, attempts: attempt + 1 };
      }
      if (result.reason === 'client_aborted') {
        settle('release');
        throw new LlmCallError('client_aborted', result.afterFirstToken);
      }
      const wait =
        result.retryAfterMs ?? Math.min(250 * 2 ** attempt, 2000) * (0.75 + Math.random() * 0.5);
      const canRetry =
        result.retryable &&
        !result.afterFirstToken &&
        attempt < ctx.maxRetries &&
        wait < budget.remaining() - 50;
      if (!canRetry) {
        settle('failure');
        throw new LlmCallError(result.reason, result.afterFirstToken, result.status);
      }
      ctx.logger.warn('llm call retrying', {
        model: req.model,
        reason: result.reason,
        status: result.status,
        attempt: attempt + 1,
        waitMs: Math.round(wait),
      });
      try {
        await sleep(wait, budget.signal);
      } catch {
        const why = budget.reason() ?? 'timeout';
        settle(why === 'client_aborted' ? 'release' : 'failure');
        throw new LlmCallError(why);
      }
    }
  } finally {
    settle('release');
  }
}

class AttemptFailure {
  constructor(
    readonly reason: LlmFailureReason,
    readonly retryable: boolean,
    readonly afterFirstToken: boolean,
    readonly status?: number,
    readonly retryAfterMs?: number | null,
  ) {}
}

async function attemptOnce(
  ctx: LlmContext,
  req: ChatRequest,
  budget: CallBudget,
  onDelta?: DeltaHandler,
): Promise<Omit<ChatResult, 'attempts'>> {
  const ctl = new AbortController();
  let why: LlmFailureReason | null = null;
  const abort = (r: LlmFailureReason) => {
    why ??= r;
    ctl.abort();
  };
  const onBudget = () => abort(budget.reason() ?? 'timeout');
  if (budget.signal.aborted) onBudget();
  budget.signal.addEventListener('abort', onBudget, { once: true });
  const started = Date.now();
  let firstTokenMs: number | null = null;
  let timer = setTimeout(() => abort('first_token_timeout'), ctx.firstTokenTimeoutMs);
  let text = '';
  let finishReason: string | null = null;
  try {
    const stream = await ctx.client.chat.completions.create(
      {
        model: req.model,
        messages: req.messages,
        stream: true,
        max_tokens: req.maxTokens,
        temperature: req.temperature,
        ...(req.responseFormat ? { response_format: req.responseFormat } : {}),
      },
      // our own timers decide; the client's timeout is only a backstop past the budget
      { signal: ctl.signal, maxRetries: 0, timeout: budget.remaining() + 1000 },
    );
    for await (const chunk of stream) {
      const choice = chunk.choices[0];
      const delta = choice?.delta?.content;
      if (delta) {
        if (firstTokenMs === null) firstTokenMs = Date.now() - started;
        // between tokens the same limit applies: a stream that stalls is as dead as one that hangs
        clearTimeout(timer);
        timer = setTimeout(() => abort('stalled'), ctx.firstTokenTimeoutMs);
        text += delta;
        if (onDelta?.(delta, text) === 'stop') {
          finishReason = 'stopped';
          ctl.abort();
          break;
        }
      }
      if (choice?.finish_reason) finishReason = choice.finish_reason;
    }
    // the openai Stream ends quietly when its signal aborts: our timers and the caller decide
    if (why) throw new Error(`aborted: ${why}`);
    // A stream that ends cleanly without a finish reason (some servers and proxies) may still be
    // whole or may have been cut: 'unknown' lets callers keep only what is complete.
    if (finishReason === null && !text)
      throw new Error('stream ended without a token or a finish reason');
    return { text, finishReason: finishReason ?? 'unknown', firstTokenMs };
  } catch (err) {
    const after = firstTokenMs !== null;
    if (why === 'client_aborted' || why === 'timeout') throw new AttemptFailure(why, false, after);
    if (why) throw new AttemptFailure(why, why === 'first_token_timeout', after);
    if (after) throw new AttemptFailure('cut_stream', false, true);
    const c = classify(err);
    const headers =
      err instanceof OpenAI.APIError ? (err.headers as Headers | undefined) : undefined;
    throw new AttemptFailure(c.reason, c.retryable, false, c.status, retryAfterMs(headers));
  } finally {
    clearTimeout(timer);
    budget.signal.removeEventListener('abort', onBudget);
  }
}

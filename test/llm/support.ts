/**
 * @module test/llm/support
 * Helpers for the end-to-end LLM tests: the app configured against the fake OpenAI server, and a
 * small Server-Sent Events reader over fetch.
 */
import { startTestApp, type TestApp } from '../support/app.js';
import type { FakeOpenAI } from '../support/fake-openai.js';

export const MODELS = {
  partner: 'partner-model',
  feedback: 'feedback-model',
  coder: 'coder-model',
} as const;

/**
 * The LLM layer's settings pointed at `fake`, as `createLlmServices` takes them, with fast
 * timeouts; `maxRetries` as the test needs (0 to see every fault).
 */
export function llmConfigFor(fake: FakeOpenAI, maxRetries: number) {
  return {
    apiKey: 'sk-test',
    baseURL: fake.baseURL,
    partnerModel: MODELS.partner,
    feedbackModel: MODELS.feedback,
    coderModel: MODELS.coder,
    timeoutMs: 2000,
    firstTokenTimeoutMs: 1000,
    maxRetries,
    breakerCooldownMs: 30_000,
  };
}

/** The app with the LLM layer on, pointed at `fake`; fast timeouts so faults end quickly. */
export function startLlmApp(fake: FakeOpenAI, env: Record<string, string> = {}): Promise<TestApp> {
  return startTestApp({
    OPENAI_API_KEY: 'sk-test-e2e',
    OPENAI_BASE_URL: fake.baseURL,
    SB_PARTNER_MODEL: MODELS.partner,
    SB_FEEDBACK_MODEL: MODELS.feedback,
    SB_CODER_MODEL: MODELS.coder,
    SB_LLM_TIMEOUT_MS: '4000',
    SB_LLM_FIRST_TOKEN_TIMEOUT_MS: '800',
    SB_LLM_MAX_RETRIES: '1',
    SB_LLM_BREAKER_COOLDOWN_MS: '30000',
    ...env,
  });
}

export interface SseEvent {
  event: string;
  data: Record<string, unknown>;
}

/** POSTs and reads the event stream to its end (or until `stopAfter` says so, then aborts). */
export async function postSse(
  url: string,
  token: string,
  body: unknown,
  opts: { signal?: AbortSignal; onEvent?: (e: SseEvent) => void } = {},
): Promise<{ status: number; contentType: string | null; events: SseEvent[] }> {
  const res = await fetch(url, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${token}`,
      'content-type': 'application/json',
      accept: 'text/event-stream',
    },
    body: JSON.stringify(body),
    signal: opts.signal,
  });
  const events: SseEvent[] = [];
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      buffer += decoder.decode(value, { stream: true });
      let cut: number;
      while ((cut = buffer.search(/\r?\n\r?\n/)) >= 0) {
        const block = buffer.slice(0, cut);
        buffer = buffer.slice(cut).replace(/^\r?\n\r?\n/, '');
        let event = 'message';
        const data: string[] = [];
        for (const line of block.split(/\r?\n/)) {
          if (line.startsWith('event:')) event = line.slice(6).trim();
          else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
        }
        if (!data.length) continue;
        const e = { event, data: JSON.parse(data.join('\n')) };
        events.push(e);
        opts.onEvent?.(e);
      }
    }
  } catch (err) {
    if (!opts.signal?.aborted) throw err;
  }
  return { status: res.status, contentType: res.headers.get('content-type'), events };
}

let seq = 0;
/** A fresh clientTurnId. */
export const turnId = () =>
  `turn-${Date.now().toString(36)}-${(seq++).toString(36)}-${Math.random().toString(36).slice(2, 8)}`;

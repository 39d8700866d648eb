/**
 * @module test/support/fake-openai
 * A fake OpenAI-compatible Chat Completions server on 127.0.0.1, started by tests, evals and the
 * benchmark, so the real `openai` client is exercised over a real HTTP boundary. It streams
 * (SSE chunks and `[DONE]`) or answers in one JSON body, returns structured output, and injects
 * the faults the LLM layer must survive: 5xx, 429 with Retry-After, a hang before the first
 * token, a stall or a cut connection mid-stream, truncated JSON, `finish_reason: "length"`.
 * Without a scripted step it *plays*: a plausible learning-partner reply built from the
 * directive in the system prompt, or rule-grounded feedback JSON, so evals mean something.
 *
 * @example
 * const fake = await startFakeOpenAI();
 * fake.enqueue({ type: 'error', status: 429, retryAfter: '1' }, { model: 'partner-model' });
 * const client = new OpenAI({ apiKey: 'test', baseURL: fake.baseURL });
 * // ... later
 * await fake.close();
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** What the fake does with one request. */
export type FakeStep =
  /** a normal answer; streamed in `chunks` (default: word by word) when the request streams */
  | {
      type: 'reply';
      text: string;
      chunks?: string[];
      /** delay before the first chunk/body (ms) */
      firstTokenDelayMs?: number;
      /** delay between chunks (ms) */
      chunkDelayMs?: number;
      finishReason?: 'stop' | 'length' | 'content_filter';
    }
  /** an HTTP error with an OpenAI-shaped error body */
  | { type: 'error'; status: number; retryAfter?: string; retryAfterMs?: number; message?: string }
  /** accept the request and never answer, until the client goes away */
  | { type: 'hang' }
  /** stream `text` (streaming requests) then stall forever without finishing */
  | { type: 'stall'; text: string }
  /** stream `text` then destroy the socket (a cut stream) */
  | { type: 'cut'; text: string }
  /** any body, as is (for malformed responses) */
  | { type: 'raw'; status?: number; body: string; contentType?: string }
  /** play the part: partner reply from the directive, or feedback JSON (see `playPart`) */
  | { type: 'play'; firstTokenDelayMs?: number; chunkDelayMs?: number };

/** One request the fake received, for assertions. */
export interface FakeRequest {
  seq: number;
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  /** the parsed JSON body (chat completion params) */
  body: ChatBody;
  /** the step that answered it */
  step: FakeStep;
  /** true once the client closed the connection before the fake finished answering */
  aborted: boolean;
  /** true once the fake finished its answer */
  completed: boolean;
  /** performance.now() when the first content token was written (benchmarks, same process) */
  firstTokenAt?: number;
}

export interface ChatMessage {
  role: string;
  content: string | Array<{ type: string; text?: string }> | null;
}

export interface ChatBody {
  model?: string;
  stream?: boolean;
  messages?: ChatMessage[];
  response_format?: { type: string; json_schema?: { name?: string; schema?: unknown } };
  [key: string]: unknown;
}

/** Restricts a queued step to requests it matches (all given fields must match). */
export interface StepMatch {
  model?: string;
  stream?: boolean;
  /** response_format.json_schema.name */
  schemaName?: string;
  predicate?: (body: ChatBody) => boolean;
}

export type FakeHandler = (body: ChatBody, req: FakeRequest) => FakeStep | undefined;

export interface FakeOpenAI {
  /** `http://127.0.0.1:<port>/v1`: pass as the client's baseURL */
  baseURL: string;
  port: number;
  requests: FakeRequest[];
  /** queue steps; each answers the first later request it matches, once */
  enqueue(step: FakeStep | FakeStep[], match?: StepMatch): void;
  /** answer requests the queue does not: return undefined to fall through to `play` */
  setHandler(handler: FakeHandler | null): void;
  /** forget queued steps, the handler and recorded requests */
  reset(): void;
  /** resolves when request `seq` (its index in `requests`) is aborted by the client */
  waitForAbort(seq: number, timeoutMs?: number): Promise<FakeRequest>;
  /** resolves once `n` chat requests have arrived */
  waitForRequests(n: number, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

export interface FakeOptions {
  port?: number;
  /** default step when neither the queue nor the handler answers (default `{ type: 'play' }`) */
  defaultStep?: FakeStep;
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Starts the fake on 127.0.0.1 (random port unless given). */
export async function startFakeOpenAI(options: FakeOptions = {}): Promise<FakeOpenAI> {
  let queue: { step: FakeStep; match?: StepMatch }[] = [];
  let handler: FakeHandler | null = null;
  const requests: FakeRequest[] = [];
  const waiters = new Set<() => void>();
  const sockets = new Set<Socket>();
  const notify = () => waiters.forEach((w) => w());

  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (req.method === 'GET' && url.pathname.endsWith('/models')) {
      return json(res, 200, {
        object: 'list',
        data: [{ id: 'fake-model', object: 'model', created: 0, owned_by: 'fake' }],
      });
    }
    if (req.method !== 'POST' || !url.pathname.endsWith('/chat/completions')) {
      return json(res, 404, {
        error: {
          message: `fake-openai: no route ${req.method} ${url.pathname}`,
          type: 'not_found',
        },
      });
    }
    let body: ChatBody;
    try {
      body = JSON.parse(await readBody(req)) as ChatBody;
    } catch {
      return json(res, 400, {
        error: { message: 'invalid JSON body', type: 'invalid_request_error' },
      });
    }
    const record: FakeRequest = {
      seq: requests.length,
      method: req.method,
      path: url.pathname,
      headers: req.headers,
      body,
      step: { type: 'play' },
      aborted: false,
      completed: false,
    };
    const qi = queue.findIndex((q) => matches(q.match, body));
    const step: FakeStep =
      qi >= 0
        ? queue.splice(qi, 1)[0].step
        : (handler?.(body, record) ?? options.defaultStep ?? { type: 'play' });
    record.step = step;
    requests.push(record);
    // 'close' on the response fires when the socket goes away; before `completed` it is an abort
    res.on('close', () => {
      if (!record.completed) record.aborted = true;
      notify();
    });
    notify();
    try {
      await answer(step, body, res, record);
    } catch {
      // the client went away mid-answer: nothing to do
    }
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;

  function waitFor<T>(check: () => T | undefined, timeoutMs: number, what: string): Promise<T> {
    return new Promise((resolve, reject) => {
      const tryNow = () => {
        const v = check();
        if (v !== undefined) {
          waiters.delete(tryNow);
          clearTimeout(timer);
          resolve(v);
        }
      };
      const timer = setTimeout(() => {
        waiters.delete(tryNow);
        reject(new Error(`fake-openai: timed out waiting for ${what}`));
      }, timeoutMs);
      waiters.add(tryNow);
      tryNow();
    });
  }

  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    port,
    requests,
    enqueue(step, match) {
      for (const s of Array.isArray(step) ? step : [step]) queue.push({ step: s, match });
    },
    setHandler(h) {
      handler = h;
    },
    reset() {
      queue = [];
      handler = null;
      requests.length = 0;
    },
    waitForAbort(seq, timeoutMs = 5000) {
      return waitFor(
        () => (requests[seq]?.aborted ? requests[seq] : undefined),
        timeoutMs,
        `abort of request ${seq}`,
      );
    },
    async waitForRequests(n, timeoutMs = 5000) {
      await waitFor(() => (requests.length >= n ? true : undefined), timeoutMs, `${n} requests`);
    },
    async close() {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function matches(m: StepMatch | undefined, body: ChatBody): boolean {
  if (!m) return true;
  if (m.model !== undefined && body.model !== m.model) return false;
  if (m.stream !== undefined && Boolean(body.stream) !== m.stream) return false;
  if (m.schemaName !== undefined && body.response_format?.json_schema?.name !== m.schemaName)
    return false;
  if (m.predicate && !m.predicate(body)) return false;
  return true;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    req.on('data', (c: Buffer) => parts.push(c));
    req.on('end', () => resolve(Buffer.concat(parts).toString('utf8')));
    req.on('error', reject);
  });
}

function json(
  res: ServerResponse,
  status: number,
  value: unknown,
  headers: Record<string, string> = {},
) {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(value));
}

/** Splits text into word-sized deltas that keep their spaces, like a tokenizer would roughly. */
export function wordChunks(text: string): string[] {
  return text.match(/\s*\S+/g) ?? (text ? [text] : []);
}

let idSeq = 0;

async function answer(
  step: FakeStep,
  body: ChatBody,
  res: ServerResponse,
  record: FakeRequest,
): Promise<void> {
  const model = body.model ?? 'fake-model';
  const id = `chatcmpl-fake-${++idSeq}`;
  const created = Math.floor(Date.now() / 1000);
  const done = () => {
    record.completed = true;
  };
  switch (step.type) {
    case 'error': {
      const headers: Record<string, string> = {};
      if (step.retryAfter !== undefined) headers['retry-after'] = step.retryAfter;
      if (step.retryAfterMs !== undefined) headers['retry-after-ms'] = String(step.retryAfterMs);
      done();
      json(
        res,
        step.status,
        {
          error: {
            message: step.message ?? `fake error ${step.status}`,
            type: 'server_error',
            code: null,
          },
        },
        headers,
      );
      return;
    }
    case 'raw':
      done();
      res.writeHead(step.status ?? 200, { 'content-type': step.contentType ?? 'application/json' });
      res.end(step.body);
      return;
    case 'hang':
      // headers never sent: the client waits for its own timeout or abort
      return;
    case 'play': {
      const text = playPart(body);
      return answer(
        {
          type: 'reply',
          text,
          firstTokenDelayMs: step.firstTokenDelayMs,
          chunkDelayMs: step.chunkDelayMs,
        },
        body,
        res,
        record,
      );
    }
    case 'reply':
    case 'stall':
    case 'cut': {
      const text = step.text;
      const finishReason = step.type === 'reply' ? (step.finishReason ?? 'stop') : 'stop';
      if (step.type === 'reply' && step.firstTokenDelayMs) await sleep(step.firstTokenDelayMs);
      if (!body.stream) {
        if (step.type === 'stall') return; // a non-streaming stall is a hang
        if (step.type === 'cut') {
          res.writeHead(200, { 'content-type': 'application/json' });
          res.write(JSON.stringify({ id, object: 'chat.completion' }).slice(0, 20));
          res.socket?.destroy();
          return;
        }
        done();
        return json(res, 200, {
          id,
          object: 'chat.completion',
          created,
          model,
          choices: [
            {
              index: 0,
              message: { role: 'assistant', content: text, refusal: null },
              logprobs: null,
              finish_reason: finishReason,
            },
          ],
          usage: {
            prompt_tokens: 10,
            completion_tokens: wordChunks(text).length,
            total_tokens: 10 + wordChunks(text).length,
          },
        });
      }
      res.writeHead(200, {
        'content-type': 'text/event-stream',
        'cache-control': 'no-cache',
        connection: 'keep-alive',
      });
      const chunk = (delta: Record<string, unknown>, finish: string | null) =>
        `data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created, model, choices: [{ index: 0, delta, logprobs: null, finish_reason: finish }] })}\n\n`;
      res.write(chunk({ role: 'assistant', content: '' }, null));
      const deltas = step.type === 'reply' && step.chunks ? step.chunks : wordChunks(text);
      const delay = step.type === 'reply' ? (step.chunkDelayMs ?? 0) : 0;
      for (const d of deltas) {
        if (res.destroyed) return;
        record.firstTokenAt ??= performance.now();
        res.write(chunk({ content: d }, null));
        if (delay) await sleep(delay);
      }
      if (step.type === 'stall') return;
      if (step.type === 'cut') {
        // let the written chunks reach the client, then drop the connection without [DONE]
        await sleep(5);
        res.socket?.destroy();
        return;
      }
      res.write(chunk({}, finishReason));
      res.write('data: [DONE]\n\n');
      done();
      res.end();
      return;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Playing the part: a deterministic stand-in for a model that follows the prompts.

function contentOf(m: ChatMessage | undefined): string {
  if (!m || m.content == null) return '';
  if (typeof m.content === 'string') return m.content;
  return m.content.map((p) => p.text ?? '').join('');
}

/**
 * What a well-behaved model would answer to this request: a learning-partner reply when the
 * system prompt holds a partner directive, feedback JSON when the feedback schema is asked for,
 * the offline coder's guess for the coder schema, an empty JSON object for other structured
 * requests, else a short neutral line.
 */
export function playPart(body: ChatBody): string {
  const system = contentOf(body.messages?.find((m) => m.role === 'system'));
  const directive = parseDirective(system);
  if (directive) return playPartner(directive);
  const schema = body.response_format?.json_schema?.name;
  if (schema === 'turn_feedback') return playFeedback(body);
  if (schema === 'coach_turn_coding') return playCoding(body);
  if (body.response_format?.type === 'json_schema' || body.response_format?.type === 'json_object')
    return '{}';
  return 'OK.';
}

/** The parts of the partner directive the fake reads back out of the system prompt. */
export interface PlayedDirective {
  reaction: string;
  stage: string;
  mayReveal: { layer: string; text: string }[];
  newlyRevealed: string | null;
  maxSentences: number;
}

/**
 * Reads the directive section written by prompts/partner-directive.ts. The labels are part of
 * that prompt's contract; test/llm checks the builder and this parser agree.
 */
export function parseDirective(system: string): PlayedDirective | null {
  const start = system.indexOf('[[directive]]');
  if (start < 0) return null;
  const section = system.slice(start);
  const field = (name: string) =>
    section.match(new RegExp(`^${name}:\\s*(.*)$`, 'm'))?.[1]?.trim() ?? '';
  const mayReveal: { layer: string; text: string }[] = [];
  for (const m of section.matchAll(/^- \[(concern|assumption|want|action)\] (.*)$/gm))
    mayReveal.push({ layer: m[1], text: m[2].trim() });
  const newly = field('Disclose now').match(/^\[(\w+)\]/)?.[1] ?? null;
  return {
    reaction: field('Reaction').split(/\s/)[0] ?? 'neutral',
    stage: field('Stage'),
    mayReveal,
    newlyRevealed: newly,
    maxSentences: Number(field('Length').match(/\d+/)?.[0] ?? 3),
  };
}

const OPENERS: Record<string, string> = {
  heard: "Yes, that's it exactly.",
  curious: 'Hm, let me think about that.',
  agreeing: 'I suppose what I want from this is some clarity.',
  challenged: "Oh. I hadn't looked at it like that.",
  deciding: "Okay. I think I know what I'll do.",
  premature: "I'm not sure I'm there yet, to be honest.",
  short: 'Not really, no.',
  overwhelmed: "Sorry, that's a lot of questions at once.",
  defensive: "Right. Well, I've thought of that already.",
  welcome_idea: "That's worth thinking about, thanks.",
  permission: 'Sure, go ahead.',
  affirmed: 'Thanks, that helps to hear.',
  neutral: 'Well, it has been a lot lately.',
};

function asSaid(text: string): string {
  // layers are written in the partner's own first-person words: say them as they are
  return text.replace(/\s+$/, '').replace(/([^.!?])$/, '$1.');
}

function playPartner(d: PlayedDirective): string {
  const parts = [OPENERS[d.reaction] ?? OPENERS.neutral];
  if (d.newlyRevealed && !['defensive', 'short', 'overwhelmed'].includes(d.reaction)) {
    const layer = d.mayReveal.find((l) => l.layer === d.newlyRevealed);
    if (layer) parts.push(`Honestly? ${asSaid(layer.text)}`);
  }
  if (d.reaction === 'defensive') parts.push("I'd rather not go into it.");
  return parts.slice(0, Math.max(1, d.maxSentences)).join(' ');
}

/** JSON data block of the last user message (feedback and coder prompts quote their data so). */
function lastUserData<T>(body: ChatBody): T | null {
  const user = [...(body.messages ?? [])].reverse().find((m) => m.role === 'user');
  const data = contentOf(user).match(/```json\n([\s\S]*?)\n```/)?.[1];
  try {
    return data ? (JSON.parse(data) as T) : null;
  } catch {
    return null;
  }
}

function playCoding(body: ChatBody): string {
  // a model that agrees with the offline coder's guess (prompts/coder.ts sends it as a hint)
  const guess = lastUserData<{ offlineCoderGuess?: { label: string; codes: string[] } }>(
    body,
  )?.offlineCoderGuess;
  return JSON.stringify(guess ?? { label: 'other', codes: ['other'] });
}

function playFeedback(body: ChatBody): string {
  // Plays a plausible model, not an obedient one: it grounds its wording on the rule feedback the
  // prompt carries (keeping those words where the rules wrote some), but asked "what worked" it
  // nearly always finds something to praise, poor move or not, about the turn itself (models are
  // trained to encourage). Where the rules left a box empty it writes its own from the turn and
  // the partner's words. The product decides what counts as praise, so it must drop that.
  type Rule = { worked?: string; improve?: string; suggestion?: string; alternative?: string };
  type Data = {
    ruleFeedback?: Rule;
    coachText?: string;
    previousPartnerText?: string | null;
    partnerName?: string;
  };
  const data: Data = lastUserData<Data>(body) ?? {};
  const rule = data.ruleFeedback ?? {};
  const name = data.partnerName?.trim() || 'your partner';
  const words = (data.coachText ?? '').trim().split(/\s+/).filter(Boolean);
  const quoted = words.length
    ? `“${words.slice(0, 8).join(' ')}${words.length > 8 ? '…' : ''}”`
    : 'that turn';
  const said = (data.previousPartnerText ?? '')
    .trim()
    .split(/(?<=[.!?])\s+/)[0]
    ?.replace(/[.!?]+$/, '');
  return JSON.stringify({
    worked:
      rule.worked?.trim() ||
      `With ${quoted} you stayed engaged with ${name} and kept the conversation moving.`,
    improve:
      rule.improve?.trim() ||
      (said
        ? `${name} had just said “${said}”; say that back before moving on.`
        : `Say back what ${name} told you before moving on.`),
    suggestion:
      rule.suggestion?.trim() ||
      `To help ${name} feel heard, reflect their words before your next question.`,
    alternative: rule.alternative?.trim() || 'What feels most important to you about that?',
  });
}

/**
 * @module test/llm/fake-openai.test
 * The fake OpenAI-compatible server speaks the protocol the real `openai` client expects:
 * streamed chunks, JSON bodies, errors with Retry-After, hangs the client can abort, cut streams.
 */
import OpenAI from 'openai';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFakeOpenAI, type FakeOpenAI } from '../support/fake-openai.js';

let fake: FakeOpenAI;
let client: OpenAI;

beforeAll(async () => {
  fake = await startFakeOpenAI();
  client = new OpenAI({ apiKey: 'test-key', baseURL: fake.baseURL, maxRetries: 0 });
});
afterAll(() => fake.close());
beforeEach(() => fake.reset());

const messages = [{ role: 'user' as const, content: 'hello' }];

describe('fake OpenAI server', () => {
  it('streams a reply chunk by chunk and ends with a finish reason', async () => {
    fake.enqueue({ type: 'reply', text: 'It has been a long week.' });
    const stream = await client.chat.completions.create({ model: 'm', messages, stream: true });
    const deltas: string[] = [];
    let finish: string | null = null;
    for await (const c of stream) {
      if (c.choices[0]?.delta?.content) deltas.push(c.choices[0].delta.content);
      finish = c.choices[0]?.finish_reason ?? finish;
    }
    expect(deltas.length).toBeGreaterThan(3);
    expect(deltas.join('')).toBe('It has been a long week.');
    expect(finish).toBe('stop');
    expect(fake.requests[0].body.stream).toBe(true);
    expect(fake.requests[0].headers.authorization).toBe('Bearer test-key');
  });

  it('answers a non-streaming request, including finish_reason length', async () => {
    fake.enqueue({ type: 'reply', text: '{"a":', finishReason: 'length' });
    const r = await client.chat.completions.create({ model: 'm', messages });
    expect(r.choices[0].message.content).toBe('{"a":');
    expect(r.choices[0].finish_reason).toBe('length');
  });

  it('returns errors with Retry-After that the client surfaces', async () => {
    fake.enqueue({ type: 'error', status: 429, retryAfter: '2' });
    const err = await client.chat.completions
      .create({ model: 'm', messages })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OpenAI.RateLimitError);
    expect((err as InstanceType<typeof OpenAI.APIError>).headers?.get('retry-after')).toBe('2');
  });

  it('routes queued steps by model and records a client abort of a hang', async () => {
    fake.enqueue({ type: 'hang' }, { model: 'slow' });
    const fast = await client.chat.completions.create({
      model: 'fast',
      messages: [{ role: 'system', content: 'x' }, ...messages],
    });
    expect(fast.choices[0].message.content).toBe('OK.');
    const ac = new AbortController();
    const pending = client.chat.completions
      .create({ model: 'slow', messages }, { signal: ac.signal })
      .catch((e: unknown) => e);
    await fake.waitForRequests(2);
    ac.abort();
    expect(await pending).toBeInstanceOf(OpenAI.APIUserAbortError);
    const aborted = await fake.waitForAbort(1);
    expect(aborted.body.model).toBe('slow');
  });

  it('cuts a stream mid-way so the client sees an error after some tokens', async () => {
    fake.enqueue({ type: 'cut', text: 'I was going to say something but' });
    const stream = await client.chat.completions.create({ model: 'm', messages, stream: true });
    const got: string[] = [];
    const err = await (async () => {
      for await (const c of stream) got.push(c.choices[0]?.delta?.content ?? '');
    })().catch((e: unknown) => e);
    expect(got.join('').length).toBeGreaterThan(0);
    expect(err).toBeInstanceOf(Error);
  });
});

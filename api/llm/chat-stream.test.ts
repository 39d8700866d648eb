/**
 * @module llm/chat-stream.test
 * Retry-After parsing and the total budget's signal (the streaming itself is tested over HTTP in
 * test/llm/partner-voice.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { retryAfterMs, startBudget } from './chat-stream.js';

describe('retryAfterMs', () => {
  it('reads retry-after-ms, seconds and HTTP dates', () => {
    expect(retryAfterMs(new Headers({ 'retry-after-ms': '150' }))).toBe(150);
    expect(retryAfterMs(new Headers({ 'retry-after': '2' }))).toBe(2000);
    expect(retryAfterMs(new Headers({ 'retry-after': '0.5' }))).toBe(500);
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(retryAfterMs(new Headers({ 'retry-after': 'Thu, 01 Jan 2026 00:00:03 GMT' }), now)).toBe(
      3000,
    );
    expect(retryAfterMs(new Headers({ 'retry-after': 'soon' }))).toBeNull();
    expect(retryAfterMs(new Headers())).toBeNull();
    expect(retryAfterMs(undefined)).toBeNull();
  });
});

describe('startBudget', () => {
  it('fires with timeout after the total time', async () => {
    const b = startBudget(30);
    expect(b.signal.aborted).toBe(false);
    await new Promise((r) => setTimeout(r, 60));
    expect(b.signal.aborted).toBe(true);
    expect(b.reason()).toBe('timeout');
    b.dispose();
  });

  it('fires with client_aborted when the caller aborts, even if already aborted', () => {
    const ac = new AbortController();
    const b = startBudget(10_000, ac.signal);
    ac.abort();
    expect(b.reason()).toBe('client_aborted');
    b.dispose();
    const pre = new AbortController();
    pre.abort();
    const b2 = startBudget(10_000, pre.signal);
    expect(b2.signal.aborted).toBe(true);
    b2.dispose();
  });
});

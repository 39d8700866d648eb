/**
 * @module core/sse-decoder.test
 * The decoder must survive chunks split anywhere, since proxies and the network choose the cuts.
 */
import { describe, expect, it } from 'vitest';
import { SseDecoder, readSse } from './sse-decoder.js';

const stream = [
  'event: turn\ndata: {"index":1}\n\n',
  ': keep-alive\n\n',
  'event: token\ndata: {"text":"Hel"}\n\n',
  'event: token\r\ndata: {"text":"lo"}\r\n\r\n',
  'data: line one\ndata: line two\n\n',
  'event: done\ndata: {}\n\n',
].join('');

const expected = [
  { event: 'turn', data: '{"index":1}' },
  { event: 'token', data: '{"text":"Hel"}' },
  { event: 'token', data: '{"text":"lo"}' },
  { event: 'message', data: 'line one\nline two' },
  { event: 'done', data: '{}' },
];

describe('SseDecoder', () => {
  it('decodes a whole stream', () => {
    expect(new SseDecoder().push(stream)).toEqual(expected);
  });

  it('gives the same events whatever the chunk boundaries', () => {
    for (const size of [1, 2, 3, 5, 7, 13]) {
      const d = new SseDecoder();
      const got = [];
      for (let i = 0; i < stream.length; i += size) got.push(...d.push(stream.slice(i, i + size)));
      expect(got, `chunk size ${size}`).toEqual(expected);
    }
  });

  it('drops an event that never got its blank line', () => {
    const d = new SseDecoder();
    expect(d.push('event: reply\ndata: {"index":2}\n')).toEqual([]);
    expect(d.end()).toEqual([]);
  });

  it('keeps the last id and strips only one leading space', () => {
    expect(new SseDecoder().push('id: 7\ndata:  two spaces\n\n')).toEqual([
      { event: 'message', data: ' two spaces', id: '7' },
    ]);
  });
});

describe('readSse', () => {
  it('reads a byte stream split inside a multi-byte character', async () => {
    const bytes = new TextEncoder().encode('event: token\ndata: {"text":"café ☕"}\n\n');
    const body = new ReadableStream<Uint8Array>({
      start(c) {
        for (let i = 0; i < bytes.length; i += 3) c.enqueue(bytes.slice(i, i + 3));
        c.close();
      },
    });
    const got = [];
    for await (const ev of readSse(body)) got.push(ev);
    expect(got).toEqual([{ event: 'token', data: '{"text":"café ☕"}' }]);
  });
});

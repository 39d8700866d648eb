/**
 * @module core/sse-decoder
 * Turns the text of a Server-Sent Events stream into events. We read SSE through fetch (a
 * ReadableStream) because EventSource can neither POST a coach turn nor send a bearer token, so
 * the browser's own parser is not available and this small one follows the WHATWG rules instead.
 */

/** One dispatched Server-Sent Event. */
export interface SseEvent {
  /** the `event:` field, `message` when the server sent none */
  event: string;
  /** every `data:` line of the event joined with newlines */
  data: string;
  id?: string;
}

/**
 * Incremental decoder: feed it chunks as they arrive (they may split a line, even a CRLF pair)
 * and it returns the events completed by that chunk.
 *
 * @example
 * const decoder = new SseDecoder();
 * decoder.push('event: token\ndata: {"text":"Hi"}\n\n'); // [{ event: 'token', data: '{"text":"Hi"}' }]
 */
export class SseDecoder {
  private buffer = '';
  private event = '';
  private data: string[] = [];
  private id: string | undefined;
  /** a chunk ended on CR: a LF starting the next chunk belongs to the same line break */
  private pendingCr = false;

  push(chunk: string): SseEvent[] {
    if (this.pendingCr && chunk.startsWith('\n')) chunk = chunk.slice(1);
    this.pendingCr = chunk.endsWith('\r');
    this.buffer += chunk;
    const out: SseEvent[] = [];
    const lines = this.buffer.split(/\r\n|\r|\n/);
    // the last piece has no line break after it yet
    this.buffer = lines.pop() ?? '';
    for (const line of lines) this.line(line, out);
    return out;
  }

  /** Ends the stream: a final event without its blank line is discarded, as the spec says. */
  end(): SseEvent[] {
    this.buffer = '';
    this.event = '';
    this.data = [];
    return [];
  }

  private line(line: string, out: SseEvent[]): void {
    if (line === '') {
      if (this.data.length > 0) {
        const ev: SseEvent = { event: this.event || 'message', data: this.data.join('\n') };
        if (this.id !== undefined) ev.id = this.id;
        out.push(ev);
      }
      this.event = '';
      this.data = [];
      return;
    }
    if (line.startsWith(':')) return; // comment / keep-alive
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'event') this.event = value;
    else if (field === 'data') this.data.push(value);
    else if (field === 'id' && !value.includes('\0')) this.id = value;
    // `retry` and unknown fields are ignored: we never reconnect a POST automatically
  }
}

/**
 * Reads a fetch body as SSE, yielding events as they complete.
 * Cancels the underlying reader when the consumer stops early.
 */
export async function* readSse(body: ReadableStream<Uint8Array>): AsyncGenerator<SseEvent> {
  const reader = body.getReader();
  const text = new TextDecoder();
  const decoder = new SseDecoder();
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      yield* decoder.push(text.decode(value, { stream: true }));
    }
    yield* decoder.push(text.decode());
    decoder.end();
  } finally {
    reader.releaseLock();
  }
}

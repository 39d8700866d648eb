/**
 * @module core/api-client.test
 * The client against a real local HTTP server (no mocked fetch): bearer token, problem+json,
 * SSE turns, a server that does not stream, a stalled partner, a dropped stream.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from './api-client.js';
import { ApiProblem, NetworkError, TimeoutError, describeFailure } from './problem.js';

type Handler = (req: IncomingMessage, res: ServerResponse, body: string) => void;
let handler: Handler = (_q, res) => res.end();
let base = '';
const server = createServer((req, res) => {
  let body = '';
  req.on('data', (c) => (body += c));
  req.on('end', () => handler(req, res, body));
});

beforeAll(async () => {
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

const turn = {
  index: 1,
  role: 'coach',
  text: 'What matters most?',
  codes: ['open_question'],
  label: 'open_question',
};
const feedback = { worked: 'Open question', improve: '-', suggestion: '-', alternative: '-' };

describe('ApiClient', () => {
  it('sends the bearer token and parses JSON', async () => {
    let auth: string | undefined;
    handler = (req, res) => {
      auth = req.headers.authorization;
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ scenarios: [{ id: 's1' }] }));
    };
    const out = await new ApiClient({ apiBase: base + '/', token: 'tok' }).listScenarios();
    expect(auth).toBe('Bearer tok');
    expect(out.scenarios[0].id).toBe('s1');
  });

  it('turns problem+json into an ApiProblem', async () => {
    handler = (_q, res) => {
      res.statusCode = 401;
      res.setHeader('content-type', 'application/problem+json');
      res.end(
        JSON.stringify({
          type: 'about:blank',
          title: 'Unauthorized',
          status: 401,
          detail: 'token expired',
        }),
      );
    };
    const err = await new ApiClient({ apiBase: base }).getProgress().catch((e) => e);
    expect(err).toBeInstanceOf(ApiProblem);
    expect(err.status).toBe(401);
    expect(err.isAuth).toBe(true);
    expect(describeFailure(err).auth).toBe(true);
  });

  it('reads a streamed turn event by event', async () => {
    let sent: unknown;
    handler = (req, res, body) => {
      sent = { accept: req.headers.accept, body: JSON.parse(body) };
      res.setHeader('content-type', 'text/event-stream');
      res.write(`event: turn\ndata: ${JSON.stringify(turn)}\n\n`);
      res.write('event: token\ndata: {"text":"I sup"}\n\n');
      setTimeout(() => {
        res.write(
          'event: token\ndata: {"text":"pose..."}\n\nevent: reply\ndata: {"index":2,"text":"I suppose..."}\n\n',
        );
        res.end(`event: feedback\ndata: ${JSON.stringify(feedback)}\n\nevent: done\ndata: {}\n\n`);
      }, 20);
    };
    const seen: string[] = [];
    const result = await new ApiClient({ apiBase: base }).sendTurn(
      's 1',
      { clientTurnId: 'c1', text: 'What matters most?' },
      {
        stream: true,
        onTurn: () => seen.push('turn'),
        onToken: (t) => seen.push(`token:${t}`),
        onReply: () => seen.push('reply'),
        onFeedback: () => seen.push('feedback'),
      },
    );
    expect(sent).toEqual({
      accept: 'text/event-stream, application/problem+json',
      body: { clientTurnId: 'c1', text: 'What matters most?' },
    });
    expect(seen).toEqual(['turn', 'token:I sup', 'token:pose...', 'reply', 'feedback']);
    expect(result.reply.text).toBe('I suppose...');
    expect(result.turn.feedback).toEqual(feedback);
  });

  it('accepts a JSON answer when the server does not stream', async () => {
    handler = (_q, res) => {
      res.setHeader('content-type', 'application/json');
      res.end(
        JSON.stringify({ turn: { ...turn, feedback }, reply: { index: 2, text: 'Well...' } }),
      );
    };
    const seen: string[] = [];
    const result = await new ApiClient({ apiBase: base }).sendTurn(
      's1',
      { clientTurnId: 'c1', text: 'x' },
      {
        stream: true,
        onReply: (r) => seen.push(r.text),
        onFeedback: () => seen.push('feedback'),
      },
    );
    expect(seen).toEqual(['Well...', 'feedback']);
    expect(result.turn.index).toBe(1);
  });

  it('raises a streamed problem event', async () => {
    handler = (_q, res) => {
      res.setHeader('content-type', 'text/event-stream');
      res.end('event: problem\ndata: {"status":503,"title":"Partner unavailable"}\n\n');
    };
    const err = await new ApiClient({ apiBase: base })
      .sendTurn('s1', { clientTurnId: 'c', text: 'x' }, { stream: true })
      .catch((e) => e);
    expect(err).toBeInstanceOf(ApiProblem);
    expect(err.retryable).toBe(true);
  });

  it('times out a partner that goes quiet mid-stream', async () => {
    handler = (_q, res) => {
      res.setHeader('content-type', 'text/event-stream');
      res.write(`event: turn\ndata: ${JSON.stringify(turn)}\n\n`);
      setTimeout(() => res.end(), 1000);
    };
    const err = await new ApiClient({ apiBase: base })
      .sendTurn('s1', { clientTurnId: 'c', text: 'x' }, { stream: true, timeoutMs: 100 })
      .catch((e) => e);
    expect(err).toBeInstanceOf(TimeoutError);
  });

  it('reports a stream that closes before done as a network failure', async () => {
    handler = (_q, res) => {
      res.setHeader('content-type', 'text/event-stream');
      res.end(`event: turn\ndata: ${JSON.stringify(turn)}\n\n`);
    };
    const err = await new ApiClient({ apiBase: base })
      .sendTurn('s1', { clientTurnId: 'c', text: 'x' }, { stream: true })
      .catch((e) => e);
    expect(err).toBeInstanceOf(NetworkError);
  });

  it('reports an unreachable server as a network failure', async () => {
    const err = await new ApiClient({ apiBase: 'http://127.0.0.1:9' })
      .listScenarios()
      .catch((e) => e);
    expect(err).toBeInstanceOf(NetworkError);
    expect(err.retryable).toBe(true);
  });
});

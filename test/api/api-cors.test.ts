/**
 * @module test/api/api-cors
 * Every answer of the JSON API carries the CORS headers an embedding page needs (any origin, the
 * headers it may read) and the security headers, whatever made it: a route's answer, a problem,
 * a stream, an unknown path; a preflight answers what may be sent. Over real HTTP.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.js';

let t: TestApp;
let sessionId: string;
beforeAll(async () => {
  t = await startTestApp();
  const started = await t.call('POST', '/api/sessions', {
    token: t.tokens.learner,
    body: { scenarioId: 'new-manager-overwhelmed' },
  });
  sessionId = started.body.id;
});
afterAll(async () => t?.close());

const expectApiHeaders = (headers: Headers) => {
  expect(headers.get('access-control-allow-origin')).toBe('*');
  expect(headers.get('access-control-expose-headers')).toBe('Retry-After,ETag');
  expect(headers.get('access-control-allow-credentials')).toBeNull();
  expect(headers.get('x-frame-options')).toBe('DENY');
  expect(headers.get('content-security-policy')).toMatch(/default-src 'none'/);
};

describe('CORS and security headers on every API answer', () => {
  it('a read, a turn and a start', async () => {
    const read = await t.call('GET', `/api/sessions/${sessionId}`, { token: t.tokens.learner });
    expect(read.status).toBe(200);
    expect(read.body.id).toBe(sessionId);
    expectApiHeaders(read.headers);
    const turn = await t.call('POST', `/api/sessions/${sessionId}/turns`, {
      token: t.tokens.learner,
      body: { clientTurnId: randomUUID(), text: 'What would you like from today?' },
    });
    expect(turn.status).toBe(200);
    expectApiHeaders(turn.headers);
    const start = await t.call('POST', '/api/sessions', {
      token: t.tokens.learner,
      body: { scenarioId: 'new-manager-overwhelmed' },
    });
    expect(start.status).toBe(201);
    expectApiHeaders(start.headers);
  });

  it('problems: no token, an unknown session, an unknown path, a body too large', async () => {
    const answers = [
      await t.call('GET', `/api/sessions/${sessionId}`),
      await t.call('GET', `/api/sessions/${randomUUID()}`, { token: t.tokens.learner }),
      await t.call('GET', '/api/no-such-thing', { token: t.tokens.learner }),
      await t.call('POST', `/api/sessions/${sessionId}/turns`, {
        token: t.tokens.learner,
        body: { clientTurnId: randomUUID(), text: 'x'.repeat(70 * 1024) },
      }),
    ];
    expect(answers.map((a) => a.status)).toEqual([401, 404, 404, 413]);
    for (const a of answers) {
      expect(a.headers.get('content-type')).toMatch(/problem\+json/);
      expectApiHeaders(a.headers);
    }
  });

  it('a turn streamed as Server-Sent Events', async () => {
    const res = await fetch(`${t.url}/api/sessions/${sessionId}/turns`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${t.tokens.learner}`,
        'content-type': 'application/json',
        accept: 'text/event-stream',
      },
      body: JSON.stringify({ clientTurnId: randomUUID(), text: 'What else is going on?' }),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/event-stream/);
    expectApiHeaders(res.headers);
    expect(await res.text()).toMatch(/event: done/);
  });

  it('a preflight says what may be sent', async () => {
    const res = await fetch(`${t.url}/api/sessions/${sessionId}/turns`, {
      method: 'OPTIONS',
      headers: {
        origin: 'https://lms.example',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization,content-type',
      },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('access-control-allow-methods')).toBe(
      'GET,POST,PUT,PATCH,DELETE,OPTIONS',
    );
    expect(res.headers.get('access-control-allow-headers')).toBe(
      'Authorization,Content-Type,Accept',
    );
    expect(res.headers.get('access-control-max-age')).toBe('600');
  });
});

/**
 * @module test/api/session-start-read
 * Starting a session answers with the rows it built rather than reading them back, so its answer
 * must be exactly what reading the session gives (the same JSON, key order included: the read
 * splices in the transcript as the database writes JSON, with its own spaces); and
 * the one-statement read keeps the visibility rule: the owner, not another learner.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t?.close());

const text = async (method: string, path: string, token: string, body?: unknown) => {
  const res = await t.app.request(path, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body ? { 'content-type': 'application/json' } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  return { status: res.status, text: await res.text() };
};

describe('starting and reading a session', () => {
  it('the start answer is what reading the session gives, key order included', async () => {
    for (const body of [
      { scenarioId: 'new-manager-overwhelmed' },
      {
        drillId: (await t.call('GET', '/api/drills', { token: t.tokens.learner })).body.drills[0]
          .id,
      },
    ]) {
      const started = await text('POST', '/api/sessions', t.tokens.learner, body);
      expect(started.status).toBe(201);
      const read = await text(
        'GET',
        `/api/sessions/${JSON.parse(started.text).id}`,
        t.tokens.learner,
      );
      expect(read.status).toBe(200);
      // the same JSON text but for the spaces between tokens
      expect(JSON.stringify(JSON.parse(read.text))).toBe(started.text);
    }
  });

  it('another learner reads nothing of it', async () => {
    const started = await t.call('POST', '/api/sessions', {
      token: t.tokens.learner,
      body: { scenarioId: 'new-manager-overwhelmed' },
    });
    expect(
      (await t.call('GET', `/api/sessions/${started.body.id}`, { token: t.tokens.learner2 }))
        .status,
    ).toBe(404);
  });
});

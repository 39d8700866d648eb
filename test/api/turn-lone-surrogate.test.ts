/**
 * @module test/api/turn-lone-surrogate
 * A coach turn whose text holds a lone UTF-16 surrogate (an emoji a client cut in half) is stored
 * with U+FFFD in its place, as a text parameter always stored it, rather than failing in the
 * JSON the turn append sends (store/turns): a 500 since the append became one statement.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t?.close());

it('a turn with half an emoji is stored with U+FFFD, and resending it gives the same turn', async () => {
  const s = await t.call('POST', '/api/sessions', {
    token: t.tokens.learner,
    body: { scenarioId: 'new-manager-overwhelmed' },
  });
  expect(s.status).toBe(201);
  // JSON.stringify would write the lone surrogate as this same escape; spelled out to be sure
  const raw = `{"clientTurnId":"${randomUUID()}","text":"What would you like from today? \\ud83d"}`;
  const send = () =>
    t.call('POST', `/api/sessions/${s.body.id}/turns`, {
      token: t.tokens.learner,
      raw,
      headers: { 'content-type': 'application/json' },
    });
  const first = await send();
  expect(first.status, JSON.stringify(first.body)).toBe(200);
  expect(first.body.turn.text).toBe('What would you like from today? \ufffd');
  const again = await send();
  expect(again.status, JSON.stringify(again.body)).toBe(200);
  expect(again.body).toEqual(first.body);
  const stored = await t.call('GET', `/api/sessions/${s.body.id}`, { token: t.tokens.learner });
  expect(stored.body.turns.map((x: { text: string }) => x.text)[1]).toBe(
    'What would you like from today? \ufffd',
  );
});

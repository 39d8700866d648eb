/**
 * @module test/support/practise
 * One whole practice session over HTTP, as a learner plays it: start, one turn per coach line,
 * end. For tests that need sessions behind them (progress, evidence, removals), not for tests of
 * the turn itself.
 */
import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import type { TestApp } from './app.js';

/**
 * Plays `lines` as the coach in a new session of `scenarioId` and ends it; returns the session's
 * id and the scorecard the end gave back.
 * @example const { scorecard } = await practiseSession(t, t.tokens.learner, ['What would you like from today?']);
 */
export async function practiseSession(
  t: TestApp,
  token: string,
  lines: readonly string[],
  scenarioId = 'new-manager-overwhelmed',
) {
  const s = await t.call('POST', '/api/sessions', { token, body: { scenarioId } });
  for (const text of lines)
    await t.call('POST', `/api/sessions/${s.body.id}/turns`, {
      token,
      body: { clientTurnId: randomUUID(), text },
    });
  const end = await t.call('POST', `/api/sessions/${s.body.id}/end`, { token });
  expect(end.status).toBe(200);
  return { id: s.body.id as string, scorecard: end.body.scorecard };
}

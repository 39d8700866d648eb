/**
 * @module test/support/session-races
 * What the race tests on turns and endings share: the demo learner as a `Caller` (to call the
 * session-flow code directly, as a second server would) and a fresh scenario session over HTTP,
 * with turns enough for every skill to be scored when it ends.
 */
import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import type { Caller } from '../../api/auth/index.js';
import type { TestApp } from './app.js';

/** The demo learner as the API's auth middleware would set it. */
export function demoLearnerCaller(t: TestApp): Caller {
  const me = t.runtime.demo!.learner;
  return {
    personId: me.id,
    orgId: me.orgId,
    role: me.role,
    name: 'Alex',
    email: 'alex@example.test',
    tokenKind: 'session',
  };
}

/** Starts a session on the demo learner's usual scenario and returns its id. */
export async function startScenarioSession(t: TestApp): Promise<string> {
  const r = await t.call('POST', '/api/sessions', {
    token: t.tokens.learner,
    body: { scenarioId: 'new-manager-overwhelmed' },
  });
  expect(r.status).toBe(201);
  return r.body.id;
}

/** Three coach turns: enough evidence for every skill to be scored (fewer: not for all). */
export const SCORED_TURNS = [
  'What would you like to get out of our conversation today?',
  'So it has been a lot.',
  'What else is going on for you?',
] as const;

/** Starts a session for the bearer of `token` and sends it the first `turns` of SCORED_TURNS. */
export async function sessionWithTurns(t: TestApp, token: string, turns = 3): Promise<string> {
  const started = await t.call('POST', '/api/sessions', {
    token,
    body: { scenarioId: 'new-manager-overwhelmed' },
  });
  expect(started.status).toBe(201);
  const id = started.body.id as string;
  for (const text of SCORED_TURNS.slice(0, turns)) {
    const turn = await t.call('POST', `/api/sessions/${id}/turns`, {
      token,
      body: { clientTurnId: randomUUID(), text },
    });
    expect(turn.status).toBe(200);
  }
  return id;
}

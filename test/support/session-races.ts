/**
 * @module test/support/session-races
 * What the race tests on turns and endings share: the demo learner as a `Caller` (to call the
 * session-flow code directly, as a second server would) and a fresh scenario session over HTTP.
 */
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

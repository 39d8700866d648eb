/**
 * @module test/support/drills
 * A fresh drill made over HTTP, for tests that need one to assign, race or remove and do not care
 * what it asks of the learner: a listening drill on the demo scenario, titled apart from the rest.
 */
import { randomUUID } from 'node:crypto';
import type { TestApp } from './app.js';

/**
 * Creates a drill as `token`'s caller (a facilitator or an admin); its id.
 * @example const drillId = await newDrill(t, t.tokens.facilitator, 'Race');
 */
export async function newDrill(t: TestApp, token: string, title = 'Drill'): Promise<string> {
  const r = await t.call('POST', '/api/drills', {
    token,
    body: {
      title: `${title} ${randomUUID().slice(0, 6)}`,
      scenarioId: 'new-manager-overwhelmed',
      focus: ['listening'],
      description: 'Reflect.',
      passChecks: ['no_unasked_advice'],
    },
  });
  if (r.status !== 201) throw new Error(`drill not created: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body.id;
}

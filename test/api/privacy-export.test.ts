/**
 * The personal-data export names every column it carries: over real HTTP on a real database a
 * learner's export after a practice session has exactly the listed keys in each record (no
 * organisation id, seed or partner state), and its declared schema refuses a record with a key it
 * does not name, so a column the store starts to send is caught by the contract check.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.js';
import { responseMismatch } from '../support/response-contract.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t?.close());

describe('the personal-data export', () => {
  it('carries the named columns of each record and no others', async () => {
    const token = t.tokens.learner;
    const s = await t.call('POST', '/api/sessions', {
      token,
      body: { scenarioId: 'new-manager-overwhelmed' },
    });
    await t.call('POST', `/api/sessions/${s.body.id}/turns`, {
      token,
      body: { clientTurnId: randomUUID(), text: 'What would you like to get out of today?' },
    });
    expect((await t.call('POST', `/api/sessions/${s.body.id}/end`, { token })).status).toBe(200);

    const exp = await t.call('GET', '/api/me/export', { token });
    expect(exp.status).toBe(200);
    const session = exp.body.sessions.find((x) => x.id === s.body.id)!;
    expect(Object.keys(session).sort()).toEqual(
      [
        'coaching',
        'drillId',
        'drillResult',
        'endedAt',
        'id',
        'nextIndex',
        'personId',
        'scenarioCard',
        'scenarioId',
        'scorecard',
        'startedAt',
        'status',
        'turns',
        'versions',
      ].sort(),
    );
    expect(Object.keys(session.turns[0]!).sort()).toEqual(
      ['coding', 'createdAt', 'feedback', 'index', 'role', 'text'].sort(),
    );
    expect(Object.keys(exp.body.person)).not.toContain('orgId');
    for (const r of exp.body.skillResults) expect(Object.keys(r)).not.toContain('personId');

    // the declared schema is strict: the same export with one more stored column does not fit it
    const leaked = structuredClone(exp.body);
    Object.assign(leaked.sessions[0]!, { seed: 42 });
    expect(responseMismatch('GET', '/api/me/export', 200, 'application/json', leaked)).toMatch(
      /sessions\.0: Unrecognized key: "seed"/,
    );
  });
});

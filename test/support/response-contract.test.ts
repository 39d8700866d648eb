/**
 * @module test/support/response-contract.test
 * The run-time contract check says no to what the document does not describe (a body of another
 * shape, a status the route does not list, another media type) and yes to what it does, so the
 * suite's answers are really held against their routes.
 */
import { describe, expect, it } from 'vitest';
import { listScenarios } from '../../api/practice/scenarios/index.js';
import { responseMismatch } from './response-contract.js';

const problem = { type: 'https://x', title: 'Not found', status: 404, detail: 'No such session.' };
const session = '/api/sessions/7b1e4c2a-3f0e-4c7e-9a51-0d3c1c2b9f10';

describe('the run-time contract check', () => {
  it('passes a problem the route declares, and a path outside the document', () => {
    expect(responseMismatch('GET', session, 404, 'application/problem+json', problem)).toBe(
      undefined,
    );
    expect(responseMismatch('GET', '/api/no-such-thing', 200, 'text/html', '<p>')).toBe(undefined);
  });

  it('refuses a body that does not fit the schema for its status', () => {
    expect(
      responseMismatch('GET', '/api/health', 200, 'application/json', { status: 'ok' }),
    ).toMatch(/^GET \/api\/health answered 200, a body that does not fit its schema: db:/);
  });

  it('refuses a status the route does not declare, and a media type it does not', () => {
    expect(
      responseMismatch('GET', '/api/health', 404, 'application/problem+json', problem),
    ).toMatch(/a status the route does not declare \(it declares 200, /);
    expect(responseMismatch('GET', session, 404, 'text/plain', 'gone')).toMatch(
      /as text\/plain; the route declares application\/problem\+json/,
    );
  });

  it('refuses a key the schema does not declare, at any depth, and lets a problem add members', async () => {
    const health = {
      status: 'ok',
      db: 'pglite',
      llm: 'scripted',
      llmState: 'not_configured',
      llmConsecutiveFailures: 0,
    };
    expect(responseMismatch('GET', '/api/health', 200, 'application/json', health)).toBe(undefined);
    expect(
      responseMismatch('GET', '/api/health', 200, 'application/json', { ...health, pid: 7 }),
    ).toMatch(/^GET \/api\/health answered 200 with keys its schema does not declare: pid$/);
    const briefs = listScenarios().map((b) => ({ ...b, builtIn: true }));
    expect(
      responseMismatch('GET', '/api/scenarios', 200, 'application/json', { scenarios: briefs }),
    ).toBe(undefined);
    briefs[1] = { ...briefs[1]!, hidden: 'a layer' } as (typeof briefs)[number];
    expect(
      responseMismatch('GET', '/api/scenarios', 200, 'application/json', { scenarios: briefs }),
    ).toMatch(/does not declare: scenarios\.1\.hidden$/);
    expect(
      responseMismatch('GET', session, 404, 'application/problem+json', { ...problem, extra: 1 }),
    ).toBe(undefined);
  });
});

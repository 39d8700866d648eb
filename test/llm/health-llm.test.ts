/**
 * @module test/llm/health-llm.test
 * /api/health tells the truth about the LLM: healthy while calls go through, failing over when
 * they fail and the scripted partner answers, breaker open when the endpoint is being skipped,
 * healthy again once a trial call after the cooldown succeeds; not_configured without an LLM.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeOpenAI, type FakeOpenAI } from '../support/fake-openai.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { startLlmApp, turnId } from './support.js';

let fake: FakeOpenAI;
let t: TestApp;

beforeAll(async () => {
  fake = await startFakeOpenAI();
  t = await startLlmApp(fake, { SB_LLM_BREAKER_COOLDOWN_MS: '600', SB_LLM_MAX_RETRIES: '0' });
});
afterAll(async () => {
  await t?.close();
  await fake?.close();
});

const health = async () =>
  (await t.call('GET', '/api/health')).body as {
    llm: string;
    llmState: string;
    llmConsecutiveFailures: number;
  };

async function coachTurn(id: string, text: string) {
  const r = await t.call('POST', `/api/sessions/${id}/turns`, {
    token: t.tokens.learner,
    body: { clientTurnId: turnId(), text },
  });
  expect(r.status).toBe(200);
}

describe('/api/health and the LLM', () => {
  it('follows the breaker: healthy, failing over, open, healthy again', async () => {
    const s = await t.call('POST', '/api/sessions', {
      token: t.tokens.learner,
      body: { scenarioId: 'new-manager-overwhelmed' },
    });
    const id = s.body.id as string;
    await coachTurn(id, 'What would you like to get out of today?');
    expect(await health()).toMatchObject({
      llm: 'openai',
      llmState: 'healthy',
      llmConsecutiveFailures: 0,
    });

    // one failing call: the script answers, and health says so
    fake.setHandler(() => ({ type: 'error', status: 503, message: 'overloaded' }));
    await coachTurn(id, 'It sounds like a lot has landed on you.');
    const failing = await health();
    expect(failing.llmConsecutiveFailures).toBeGreaterThan(0);
    expect(['failing_over', 'breaker_open']).toContain(failing.llmState);

    // enough failures open the breaker
    await coachTurn(id, 'What feels most important about it?');
    await coachTurn(id, 'What else is on your mind?');
    expect((await health()).llmState).toBe('breaker_open');

    // the endpoint comes back: after the cooldown a trial call succeeds and health recovers
    fake.setHandler(null);
    await new Promise((r) => setTimeout(r, 700));
    await coachTurn(id, 'You sound clearer now.');
    expect(await health()).toMatchObject({ llmState: 'healthy', llmConsecutiveFailures: 0 });
  });

  it('says not_configured with the scripted partner only', async () => {
    const scripted = await startTestApp();
    try {
      expect((await scripted.call('GET', '/api/health')).body).toMatchObject({
        llm: 'scripted',
        llmState: 'not_configured',
      });
    } finally {
      await scripted.close();
    }
  });
});

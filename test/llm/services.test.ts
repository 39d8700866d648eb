/**
 * @module test/llm/services.test
 * createLlmServices as the app gets it: the coder refinement runs through the same endpoint and
 * breaker as the partner voice, so a dead endpoint stops costing time on every LLM use.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createLlmServices } from '../../api/llm/index.js';
import { codeUtterance } from '../../api/practice/coder/index.js';
import { startFakeOpenAI, type FakeOpenAI } from '../support/fake-openai.js';
import { CARD, directive, FALLBACK } from './card.fixture.js';
import { llmConfigFor } from './support.js';

let fake: FakeOpenAI;
let clock = 0;
beforeAll(async () => {
  fake = await startFakeOpenAI();
});
afterAll(() => fake.close());
beforeEach(() => fake.reset());

const make = () => createLlmServices(llmConfigFor(fake, 0), { now: () => clock });

const prev = 'I keep answering tickets at ten at night.';
// a plain statement of fact the offline coder codes as information, whatever a model calls it
const text = 'Tickets tend to spike after a price change.';

describe('LLM services', () => {
  it('refines a coding with the coder model and stores the coder prompt version', async () => {
    const llm = make();
    expect(llm.versions.coderPrompt).toMatch(/^coder@/);
    const offline = codeUtterance(text, { prevPartner: prev });
    // the model's view is merged, but may never inflate the offline coding (llm/coding-cap):
    // calling this turn a complex reflection does not make it one
    fake.enqueue(
      {
        type: 'reply',
        text: JSON.stringify({ label: 'complex_reflection', codes: ['complex_reflection'] }),
      },
      { model: 'coder-model' },
    );
    const refined = await llm.refineCoding!(text, prev, offline);
    expect(refined.label).toBe(offline.label);
    expect(refined.codes).not.toContain('complex_reflection');
    expect(refined.coderVersion).toContain('+llm:');
    expect(fake.requests[0].body.response_format?.json_schema?.name).toBe('coach_turn_coding');
  });

  it('keeps the offline coding on a fault, and a dead endpoint opens the breaker for everyone', async () => {
    const llm = make();
    clock = 0;
    const offline = codeUtterance(text, { prevPartner: prev });
    fake.setHandler(() => ({ type: 'error', status: 503 }));
    for (let i = 0; i < 3; i++)
      expect(await llm.refineCoding!(text, prev, offline)).toEqual(offline);
    expect(fake.requests).toHaveLength(3);
    // the breaker is shared: the partner voice now falls back without calling the endpoint
    const reply = await llm.partner.reply({
      card: CARD,
      directive: directive(),
      history: [],
      coachText: text,
      fallbackText: FALLBACK,
    });
    expect(reply).toMatchObject({ source: 'scripted', fallbackReason: 'breaker_open' });
    expect(await llm.refineCoding!(text, prev, offline)).toEqual(offline);
    expect(fake.requests).toHaveLength(3);
    // and it recovers by itself once the endpoint answers again after the cooldown
    clock += 30_000;
    fake.setHandler(null);
    expect(
      (
        await llm.partner.reply({
          card: CARD,
          directive: directive(),
          history: [],
          coachText: text,
          fallbackText: FALLBACK,
        })
      ).source,
    ).toBe('llm');
  });
});

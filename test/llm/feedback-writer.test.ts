/**
 * @module test/llm/feedback-writer.test
 * LLM feedback through the real client and the fake server: structured output is requested,
 * validated, and its alternative must code as a good move under the real coder; invalid,
 * truncated or cut output and transport faults all end in the rule feedback.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createLlmServices } from '../../api/llm/index.js';
import type { FeedbackInput, LlmServices } from '../../api/llm/types.js';
import { codeUtterance } from '../../api/practice/coder/index.js';
import { startFakeOpenAI, type FakeOpenAI } from '../support/fake-openai.js';
import { llmConfigFor } from './support.js';

let fake: FakeOpenAI;
let llm: LlmServices;

beforeAll(async () => {
  fake = await startFakeOpenAI();
});
afterAll(() => fake.close());
beforeEach(() => {
  fake.reset();
  // a fresh breaker per test: faults in one test must not open it for the next
  llm = createLlmServices(llmConfigFor(fake, 1));
});

const prev = 'I keep working late because the migration is slipping.';
const coachText = 'You should delegate the reconciliation.';
const RULES = {
  worked: 'You stayed on the topic your partner raised.',
  improve: 'You told your partner what to do before they asked for ideas.',
  suggestion: 'Goal: let your partner find their own way. Reflect what you heard first.',
  alternative: 'It sounds like the migration is eating your evenings.',
};
const input: FeedbackInput = {
  coding: codeUtterance(coachText, { prevPartner: prev }),
  coachText,
  previousPartnerText: prev,
  stage: 'guarded',
  partnerName: 'Priya',
  ruleFeedback: RULES,
};
const good = {
  worked: 'You picked up the migration, which is what Priya is worried about.',
  improve: 'The suggestion came before Priya asked for one, so she may close up.',
  suggestion: 'Goal: help Priya think for herself. Reflect her pressure back before anything else.',
  alternative: 'So the evenings are when the migration catches up with you.',
};

describe('OpenAI feedback writer', () => {
  it('asks for structured output and returns validated LLM feedback', async () => {
    fake.enqueue({ type: 'reply', text: JSON.stringify(good) }, { model: 'feedback-model' });
    const f = await llm.feedback.write(input);
    expect(f).toEqual({ ...good, source: 'llm' });
    const body = fake.requests[0].body;
    expect(body.response_format?.type).toBe('json_schema');
    expect(body.response_format?.json_schema?.name).toBe('turn_feedback');
    // the coach's words travel as data in the user message, never in the system message
    expect(String(body.messages![0].content)).not.toContain(coachText);
    expect(String(body.messages![1].content)).toContain(JSON.stringify(coachText));
    expect(llm.feedback.kind).toBe('openai');
  });

  it('never lets the model praise a move the rules found nothing good in', async () => {
    fake.enqueue({ type: 'reply', text: JSON.stringify(good) }, { model: 'feedback-model' });
    const f = await llm.feedback.write({ ...input, ruleFeedback: { ...RULES, worked: '' } });
    expect(f.source).toBe('llm');
    expect(f.worked).toBe('');
    expect(f.improve).toBe(good.improve);
  });

  it('uses the fake play mode (rule-grounded) when nothing is queued', async () => {
    const f = await llm.feedback.write(input);
    expect(f.source).toBe('llm');
    expect(f.alternative).toBe(RULES.alternative);
  });

  it.each([
    ['invalid JSON', { type: 'reply', text: 'Here is my feedback: great job!' }],
    ['truncated JSON', { type: 'reply', text: '{"worked": "You picked up the mig' }],
    ['finish_reason length', { type: 'reply', text: JSON.stringify(good), finishReason: 'length' }],
    ['a schema mismatch', { type: 'reply', text: JSON.stringify({ worked: 'x', improve: 'y' }) }],
    [
      'grading talk',
      { type: 'reply', text: JSON.stringify({ ...good, worked: 'Full marks for this turn!' }) },
    ],
    [
      'an alternative that is advice',
      {
        type: 'reply',
        text: JSON.stringify({
          ...good,
          alternative: 'You should delegate the reconciliation to Tomasz.',
        }),
      },
    ],
    [
      'an alternative with stacked questions',
      {
        type: 'reply',
        text: JSON.stringify({ ...good, alternative: 'What is hard? Who could help? When?' }),
      },
    ],
    ['a cut stream', { type: 'cut', text: '{"worked": "You' }],
    [
      'a 500 twice',
      [
        { type: 'error', status: 500 },
        { type: 'error', status: 500 },
      ],
    ],
    ['a hang', [{ type: 'hang' }, { type: 'hang' }]],
  ] as const)('falls back to the rule feedback on %s', async (_what, steps) => {
    fake.enqueue(steps as never);
    const t0 = Date.now();
    const f = await llm.feedback.write(input);
    expect(f).toEqual({ ...RULES, source: 'rules' });
    expect(Date.now() - t0).toBeLessThan(2500);
  });

  it('falls back when the learner disconnects and cancels the upstream call', async () => {
    fake.enqueue({ type: 'hang' });
    const ac = new AbortController();
    const pending = llm.feedback.write(input, { signal: ac.signal });
    await fake.waitForRequests(1);
    ac.abort();
    expect(await pending).toEqual({ ...RULES, source: 'rules' });
    await fake.waitForAbort(0);
  });

  it('reports the prompt versions to store on the session', () => {
    expect(llm.mode).toBe('openai');
    expect(llm.versions).toMatchObject({
      partnerPersonaPrompt: expect.stringMatching(/@\d+$/),
      partnerDirectivePrompt: expect.any(String),
      feedbackPrompt: expect.any(String),
    });
  });
});

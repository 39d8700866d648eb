/**
 * @module evals/partner/run-eval.test
 * The partner eval against the fake server: a model that follows the prompts passes every check;
 * a model that coaches back or blurts out a locked layer fails the matching checks (so the eval
 * can fail), while the guard still keeps every leak away from the learner.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PARTNER_CARDS } from '../../api/practice/scenarios/index.js';
import { startFakeOpenAI, type FakeOpenAI } from '../../test/support/fake-openai.js';
import { runPartnerEval } from './run-eval.js';

let fake: FakeOpenAI;
beforeAll(async () => {
  fake = await startFakeOpenAI();
});
afterAll(() => fake.close());
beforeEach(() => fake.reset());

const config = () => ({
  apiKey: 'k',
  baseURL: fake.baseURL,
  partnerModel: 'p',
  feedbackModel: 'f',
  coderModel: 'c',
  timeoutMs: 3000,
  firstTokenTimeoutMs: 1000,
  maxRetries: 0,
  breakerCooldownMs: 30_000,
});
const cards = PARTNER_CARDS.slice(0, 2);

describe('partner eval', () => {
  it('passes a model that follows the directive', async () => {
    const report = await runPartnerEval({ config: config(), cards, concurrency: 2 });
    expect(report.verdicts.filter((v) => !v.passed)).toEqual([]);
    expect(report.byKind.good.llmShare).toBe(1);
    expect(report.byKind.good.layersRevealed).toBeGreaterThan(report.byKind.poor.layersRevealed);
    expect(report.sessions).toHaveLength(cards.length * 5);
  });

  it('fails a model that coaches back, and one that leaks, without showing the leak', async () => {
    fake.setHandler(() => ({
      type: 'reply',
      text: 'That sounds hard. How does that make you feel?',
    }));
    const coaching = await runPartnerEval({ config: config(), cards: cards.slice(0, 1) });
    expect(coaching.verdicts.find((v) => v.check.startsWith('no coaching back'))?.passed).toBe(
      false,
    );
    expect(coaching.byKind.good.llmShare).toBe(0);
    expect(coaching.verdicts.find((v) => v.check.startsWith('replies voiced'))?.passed).toBe(false);

    const card = cards[0];
    fake.setHandler(() => ({ type: 'reply', text: card.hidden.assumption }));
    const leaky = await runPartnerEval({ config: config(), cards: [card] });
    const gated = leaky.verdicts.find((v) => v.check.startsWith('gated'))!;
    expect(gated.passed).toBe(false);
    expect(gated.detail).toMatch(/^0 leaked replies/);
    expect(leaky.byKind.poor.gatedRespectedRaw).toBeLessThan(1);
    // what the learner saw never held the locked layer: the guard fell back to the script
    expect(leaky.sessions.every((s) => s.turns.every((t) => t.leakedLayers.length === 0))).toBe(
      true,
    );
  });

  it('fails when the endpoint is unreachable instead of passing on no evidence', async () => {
    const report = await runPartnerEval({
      config: { ...config(), baseURL: 'http://127.0.0.1:9/v1' },
      cards: cards.slice(0, 1),
    });
    expect(report.byKind.good.attempts).toBe(0);
    expect(report.passed).toBe(false);
    expect(report.verdicts.find((v) => v.check.startsWith('stays in role'))?.passed).toBe(false);
  });
});

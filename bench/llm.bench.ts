/**
 * @module bench/llm
 * Time to the first partner token that the server adds over the upstream's first token (issue 4,
 * item 9; target under 10 ms p50). The fake OpenAI server stamps when it writes the first content
 * chunk; the LLM partner voice stamps when it hands that token to `onToken` (what the SSE route
 * writes out). Same process, same clock. Also: the raw `openai` client alone, as a floor.
 * Run: `npx tsx bench/llm.bench.ts [runs]` (or `npm run bench:llm`).
 */
import OpenAI from 'openai';
import { createLlmServices } from '../api/llm/index.js';
import { advancePartner, scriptedReply, startPartner } from '../api/practice/partner/index.js';
import { codeUtterance } from '../api/practice/coder/index.js';
import { PARTNER_CARDS } from '../api/practice/scenarios/index.js';
import { startTestApp } from '../test/support/app.js';
import { startFakeOpenAI } from '../test/support/fake-openai.js';
import { postSse, turnId } from '../test/llm/support.js';

const RUNS = Number(process.argv[2] ?? 300);
const WARMUP = 20;

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
};
const line = (name: string, xs: number[]) =>
  console.log(
    `  ${name.padEnd(44)} p50 ${quantile(xs, 0.5).toFixed(2)} ms  p99 ${quantile(xs, 0.99).toFixed(2)} ms  (n=${xs.length})`,
  );

const fake = await startFakeOpenAI();
const reply = {
  type: 'reply' as const,
  text: 'Honestly, it has been a long few weeks and I am tired.',
  chunkDelayMs: 1,
};
fake.setHandler(() => reply);

// 1. the raw client: upstream first token -> first chunk parsed by the openai package
const client = new OpenAI({ apiKey: 'bench', baseURL: fake.baseURL, maxRetries: 0 });
const raw: number[] = [];
for (let i = 0; i < RUNS + WARMUP; i++) {
  const stream = await client.chat.completions.create({
    model: 'm',
    messages: [{ role: 'user', content: 'hi' }],
    stream: true,
  });
  let got: number | null = null;
  for await (const c of stream)
    if (c.choices[0]?.delta?.content && got === null) got = performance.now();
  const at = fake.requests[fake.requests.length - 1].firstTokenAt!;
  if (i >= WARMUP) raw.push(got! - at);
}

// 2. the partner voice as the route uses it: prompt building, guard on each delta, onToken
const llm = createLlmServices({
  apiKey: 'bench',
  baseURL: fake.baseURL,
  partnerModel: 'partner',
  feedbackModel: 'feedback',
  coderModel: 'coder',
  timeoutMs: 10_000,
  firstTokenTimeoutMs: 5_000,
  maxRetries: 0,
  breakerCooldownMs: 30_000,
});
const card = PARTNER_CARDS[0];
const { state, opening } = startPartner(card, 1);
const coachText = 'It sounds like the evenings are when it all catches up with you.';
const decided = advancePartner(
  card,
  state,
  codeUtterance(coachText, { prevPartner: opening }),
  coachText,
);
const fallbackText = scriptedReply(card, decided.state, decided.directive).text;
const history = [
  { role: 'partner' as const, text: opening },
  { role: 'coach' as const, text: coachText },
];
const added: number[] = [];
const whole: number[] = [];
for (let i = 0; i < RUNS + WARMUP; i++) {
  let got: number | null = null;
  const t0 = performance.now();
  const r = await llm.partner.reply(
    { card, directive: decided.directive, history, coachText, fallbackText },
    { onToken: () => (got ??= performance.now()) },
  );
  if (r.source !== 'llm') throw new Error(`bench reply fell back: ${r.fallbackReason}`);
  const at = fake.requests[fake.requests.length - 1].firstTokenAt!;
  if (i >= WARMUP) {
    added.push(got! - at);
    whole.push(performance.now() - t0);
  }
}

// 3. the whole server: POST /api/sessions/{id}/turns with Accept: text/event-stream over real
// HTTP (PGlite, auth, coding, the LLM coder call, the engine), upstream first partner token ->
// first `token` event read by the client
const app = await startTestApp({
  OPENAI_API_KEY: 'bench',
  OPENAI_BASE_URL: fake.baseURL,
  SB_PARTNER_MODEL: 'partner',
  SB_FEEDBACK_MODEL: 'feedback',
  SB_CODER_MODEL: 'coder',
});
fake.setHandler((body) => (body.model === 'partner' ? reply : undefined));
const HTTP_RUNS = Math.max(20, Math.floor(RUNS / 3));
const TURNS_PER_SESSION = 20;
const overHttp: number[] = [];
let sessionId = '';
for (let i = 0; i < HTTP_RUNS + 5; i++) {
  if (i % TURNS_PER_SESSION === 0) {
    sessionId = (
      await app.call('POST', '/api/sessions', {
        token: app.tokens.learner,
        body: { scenarioId: card.id },
      })
    ).body.id;
  }
  let got: number | null = null;
  const before = fake.requests.length;
  await postSse(
    `${app.url}/api/sessions/${sessionId}/turns`,
    app.tokens.learner,
    { clientTurnId: turnId(), text: coachText },
    {
      onEvent: (e) => {
        if (e.event === 'token') got ??= performance.now();
      },
    },
  );
  const upstream = fake.requests
    .slice(before)
    .find((r) => r.body.model === 'partner')?.firstTokenAt;
  if (got === null || upstream === undefined) throw new Error('bench: no streamed partner token');
  if (i >= 5) overHttp.push(got - upstream);
}
await app.close();
await fake.close();

console.log(`LLM partner streaming over the fake OpenAI server (${RUNS} runs, ${WARMUP} warm-up)`);
line('openai client alone: upstream token -> parsed', raw);
line('partner voice: upstream token -> onToken', added);
line('partner voice: whole reply (13 tokens, 1 ms apart)', whole);
line('server over HTTP: upstream token -> SSE token', overHttp);
const headline = quantile(overHttp, 0.5);
console.log(
  `  target: first-token latency added by the server under 10 ms p50: ${headline < 10 ? 'met' : 'NOT met'} (${headline.toFixed(2)} ms)`,
);

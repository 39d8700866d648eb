/**
 * @module evals/partner/cli
 * `npm run eval:partner`: runs the partner eval against the configured endpoint (OPENAI_API_KEY,
 * OPENAI_BASE_URL, SB_PARTNER_MODEL, ...) or, when no key is set, against the fake
 * OpenAI-compatible server in play mode (as in CI). Prints the report; exits 1 when a check fails.
 * Options: --card <id> (repeatable; default all), --concurrency <n>, --json <file> (full report).
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { loadConfig } from '../../api/config/index.js';
import { PARTNER_CARDS } from '../../api/practice/scenarios/index.js';
import { startFakeOpenAI } from '../../test/support/fake-openai.js';
import { runPartnerEval } from './run-eval.js';

const { values } = parseArgs({
  options: { card: { type: 'string', multiple: true }, concurrency: { type: 'string' }, json: { type: 'string' } },
});

const config = loadConfig(process.env);
const fake = config.llm ? null : await startFakeOpenAI();
const llmConfig = config.llm ?? {
  apiKey: 'fake-key',
  baseURL: fake!.baseURL,
  partnerModel: 'fake-partner',
  feedbackModel: 'fake-feedback',
  coderModel: 'fake-coder',
  timeoutMs: 5000,
  firstTokenTimeoutMs: 2000,
  maxRetries: 1,
  breakerCooldownMs: 30_000,
};
const cards = values.card?.length ? PARTNER_CARDS.filter((c) => values.card!.includes(c.id)) : PARTNER_CARDS;
if (!cards.length) throw new Error(`no card matches ${values.card?.join(', ')}`);

console.log(`Partner eval: ${cards.length} cards x transcripts against ${fake ? 'the fake server (play mode)' : llmConfig.baseURL ?? 'OpenAI'}, model ${llmConfig.partnerModel}`);
const report = await runPartnerEval({ config: llmConfig, cards, concurrency: Number(values.concurrency ?? (fake ? 4 : 1)) });
await fake?.close();

const rows = Object.entries(report.byKind).map(([kind, k]) => ({
  kind,
  sessions: k.sessions,
  turns: k.turns,
  'in role': k.inRole.toFixed(3),
  'no coaching back': k.noCoachingBack.toFixed(3),
  'gated ok (raw)': k.gatedRespectedRaw.toFixed(3),
  'leaked shown': k.leakedReplies,
  'llm share': k.llmShare.toFixed(3),
  'words/reply': k.replyWords.toFixed(1),
  disclosure: k.disclosure.toFixed(2),
  layers: k.layersRevealed.toFixed(2),
}));
console.table(rows);
for (const [kind, k] of Object.entries(report.byKind)) {
  if (Object.keys(k.fallbackReasons).length) console.log(`fallbacks (${kind}):`, k.fallbackReasons);
}
console.log(`first token p50: ${report.firstTokenMsP50?.toFixed(1) ?? 'n/a'} ms, reply p50: ${report.replyMsP50.toFixed(1)} ms`);
for (const v of report.verdicts) console.log(`${v.passed ? 'PASS' : 'FAIL'}  ${v.check}: ${v.detail}`);
if (values.json) writeFileSync(values.json, JSON.stringify(report, null, 2));
process.exitCode = report.passed ? 0 : 1;

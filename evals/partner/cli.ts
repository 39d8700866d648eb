/**
 * @module evals/partner/cli
 * `npm run eval:partner`: first the scripted partner with no model (answers the question asked,
 * lines shared across partners, repeats in a session, opening up after judgement, reassurance or
 * goodbye, the advice test), then the LLM voice against the configured endpoint (OPENAI_API_KEY,
 * OPENAI_BASE_URL, SB_PARTNER_MODEL, ...) or, when no key is set, against the fake
 * OpenAI-compatible server in play mode (as in CI). Prints the report; exits 1 when a check fails.
 * Options: --card <id> (repeatable; default all), --concurrency <n>, --json <file> (full report),
 * --scripted (the scripted half only), --misses (print every unanswered question).
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { loadConfig } from '../../api/config/index.js';
import { PARTNER_CARDS } from '../../api/practice/scenarios/index.js';
import { startFakeOpenAI } from '../../test/support/fake-openai.js';
import { runPartnerEval } from './run-eval.js';
import { runScriptedEval } from './scripted.js';

const { values } = parseArgs({
  options: {
    card: { type: 'string', multiple: true },
    concurrency: { type: 'string' },
    json: { type: 'string' },
    scripted: { type: 'boolean' },
    misses: { type: 'boolean' },
  },
});

const chosen = values.card?.length
  ? PARTNER_CARDS.filter((c) => values.card!.includes(c.id))
  : PARTNER_CARDS;
if (!chosen.length) throw new Error(`no card matches ${values.card?.join(', ')}`);

console.log(
  `Scripted partner: ${chosen.length} cards, labelled questions in a guarded and an open mood, whole sessions, probes`,
);
const scripted = runScriptedEval(chosen);
console.table(
  Object.fromEntries(
    Object.entries(scripted.answers.byKind).map(([kind, k]) => [
      kind,
      { asked: k.total, answered: k.answered, rate: (k.answered / k.total).toFixed(3) },
    ]),
  ),
);
for (const m of values.misses ? scripted.answers.misses : scripted.answers.misses.slice(0, 5)) {
  console.log(
    `  unanswered (${m.cardId}, ${m.mood}, ${m.question.kind}): "${m.question.text}" -> "${m.reply}" [${m.reason}]`,
  );
}
console.log('Held-out set (questions the rules were not tuned on):');
console.table(
  Object.fromEntries(
    Object.entries(scripted.heldOut.byLabel).map(([label, k]) => [
      label,
      { asked: k.total, answered: k.answered, rate: (k.answered / k.total).toFixed(3) },
    ]),
  ),
);
for (const m of values.misses ? scripted.heldOut.misses : scripted.heldOut.misses.slice(0, 5)) {
  console.log(
    `  held-out unanswered (${m.cardId}, ${m.mood}, ${m.question.label}): "${m.question.text}" -> "${m.reply}" [${m.reason}]`,
  );
}
for (const s of scripted.sharedLines.slice(0, 10))
  console.log(`  shared: "${s.line}" (${s.partners.join(', ')})`);
for (const r of scripted.repeats.slice(0, 10))
  console.log(`  repeated: "${r.line}" (${r.cardId}, ${r.session})`);
for (const o of scripted.openedAfter.slice(0, 10))
  console.log(`  opened after ${o.probe}: "${o.coach}" (${o.cardId}: ${o.detail})`);
if (scripted.coderMissed.length)
  console.log(
    `  (probe codes the shipped coder misses, given to the partner as labelled: ${scripted.coderMissed.join(' | ')})`,
  );
for (const v of scripted.verdicts)
  console.log(`${v.passed ? 'PASS' : 'FAIL'}  ${v.check}: ${v.detail}`);
if (values.scripted) {
  if (values.json) writeFileSync(values.json, JSON.stringify({ scripted }, null, 2));
  process.exit(scripted.passed ? 0 : 1);
}

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
const cards = chosen;

console.log(
  `Partner eval: ${cards.length} cards x transcripts against ${fake ? 'the fake server (play mode)' : (llmConfig.baseURL ?? 'OpenAI')}, model ${llmConfig.partnerModel}`,
);
const report = await runPartnerEval({
  config: llmConfig,
  cards,
  concurrency: Number(values.concurrency ?? (fake ? 4 : 1)),
});
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
console.log(
  `first token p50: ${report.firstTokenMsP50?.toFixed(1) ?? 'n/a'} ms, reply p50: ${report.replyMsP50.toFixed(1)} ms`,
);
for (const v of report.verdicts)
  console.log(`${v.passed ? 'PASS' : 'FAIL'}  ${v.check}: ${v.detail}`);
if (values.json) writeFileSync(values.json, JSON.stringify({ scripted, llm: report }, null, 2));
process.exitCode = report.passed && scripted.passed ? 0 : 1;

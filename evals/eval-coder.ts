/**
 * @module evals/eval-coder
 * `npm run eval:coder -- --data <file.jsonl> [--json] [--cv [k]] [--llm] [--limit n]`
 * Scores the coder against a labelled file: accuracy, macro-F1 and Cohen's kappa with bootstrap
 * 95% intervals (dialogues resampled), per-label precision/recall/F1 and the confusion matrix, in
 * the fine and coarse views the file's gold labels support.
 *  - default: the shipped offline coder (what the API uses).
 *  - `--cv [k]`: grouped k-fold cross-validation by dialogue (default 5): each fold trains a
 *    model in memory on the other folds plus our workplace set. Use it for AnnoMI, whose dev
 *    split the shipped model was trained on. Nothing is written.
 *  - `--llm`: also the LLM-refined coder, when OPENAI_API_KEY / OPENAI_BASE_URL are set
 *    (model from CODER_MODEL, default gpt-4o-mini); on by default when they are.
 */
import OpenAI from 'openai';
import { basename, dirname } from 'node:path';
import { codeUtterance, CODER_VERSION } from '../api/practice/coder/index.js';
import { refineCoding } from '../api/llm/coder-refinement.js';
import { CODER_PROMPT_VERSION } from '../prompts/coder.js';
import { crossValidatedLabels } from './cross-validation.js';
import { coachRows, readJsonl, type UtteranceRow } from './dataset.js';
import { evaluateLabels, formatEvaluation, type DatasetEvaluation } from './evaluation.js';
import { WORKPLACE_SET } from './train-coder-paths.js';

export interface EvalArgs {
  data: string;
  json: boolean;
  cv: number | null;
  llm: boolean | null;
  limit: number | null;
  replicates: number;
}

export function parseArgs(argv: string[]): EvalArgs {
  const args: EvalArgs = {
    data: '',
    json: false,
    cv: null,
    llm: null,
    limit: null,
    replicates: 1000,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--data') args.data = argv[++i] ?? '';
    else if (a === '--json') args.json = true;
    else if (a === '--cv') args.cv = /^\d+$/.test(argv[i + 1] ?? '') ? Number(argv[++i]) : 5;
    else if (a === '--llm') args.llm = true;
    else if (a === '--no-llm') args.llm = false;
    else if (a === '--limit') args.limit = Number(argv[++i]);
    else if (a === '--replicates') args.replicates = Number(argv[++i]);
    else if (!a.startsWith('-') && !args.data) args.data = a;
  }
  return args;
}

/** Name of a data file: the shared layout's folder (annomi/dev.jsonl -> annomi), else the file. */
export function datasetName(path: string, rows: readonly UtteranceRow[]): string {
  return (
    rows[0]?.dataset ??
    (basename(path) === 'dev.jsonl' ? basename(dirname(path)) : basename(path, '.jsonl'))
  );
}

/** Offline (or cross-validated) evaluation of one file. */
export function evaluateFile(
  path: string,
  opts: { cv: number | null; limit?: number | null; replicates?: number },
): { evaluation: DatasetEvaluation; rows: UtteranceRow[]; pred: string[] } {
  let rows = coachRows(readJsonl(path)).filter((r) => r.label);
  if (opts.limit) rows = rows.slice(0, opts.limit);
  const name = datasetName(path, rows);
  let pred: string[];
  let mode: string;
  if (opts.cv) {
    const extra = name === 'workplace' ? [] : coachRows(readJsonl(WORKPLACE_SET));
    pred = crossValidatedLabels(rows, extra, opts.cv);
    mode = `grouped ${opts.cv}-fold cross-validation by dialogue (each fold trained on the other folds${extra.length ? ' + workplace set' : ''})`;
  } else {
    pred = rows.map(
      (r) =>
        codeUtterance(r.text, {
          prevPartner: r.prev_client,
          permissionGranted: r.permission_granted,
        }).label,
    );
    mode =
      name === 'annomi' || name === 'workplace'
        ? 'shipped model (trained on this file: in-sample, use --cv)'
        : 'shipped offline model (never trained on this file)';
  }
  const evaluation = evaluateLabels(
    rows.map((r) => r.label!),
    pred,
    rows.map((r) => r.dialogue_id),
    { dataset: name, coder: CODER_VERSION, mode },
    opts.replicates ?? 1000,
  );
  return { evaluation, rows, pred };
}

/** LLM-refined evaluation: the offline coding refined turn by turn (a few in flight at once). */
export async function evaluateFileWithLlm(
  path: string,
  rows: UtteranceRow[],
  client: OpenAI,
  model: string,
  replicates = 1000,
): Promise<{ evaluation: DatasetEvaluation; fallbacks: Record<string, number> }> {
  const fallbacks: Record<string, number> = {};
  const pred: string[] = new Array(rows.length);
  let next = 0;
  const worker = async () => {
    while (next < rows.length) {
      const i = next++;
      const r = rows[i];
      const ctx = { prevPartner: r.prev_client, permissionGranted: r.permission_granted };
      const offline = codeUtterance(r.text, ctx);
      const refined = await refineCoding(client, model, r.text, ctx, offline, {
        onFallback: (why) => (fallbacks[why] = (fallbacks[why] ?? 0) + 1),
      });
      pred[i] = refined.label;
    }
  };
  await Promise.all(Array.from({ length: 4 }, worker));
  const evaluation = evaluateLabels(
    rows.map((r) => r.label!),
    pred,
    rows.map((r) => r.dialogue_id),
    {
      dataset: datasetName(path, rows),
      coder: `${CODER_VERSION}+llm:${CODER_PROMPT_VERSION}:${model}`,
      mode: 'offline coder refined by the LLM',
    },
    replicates,
  );
  return { evaluation, fallbacks };
}

/** The configured LLM endpoint, if any (read here, in the CLI, and nowhere in the coder). */
export function llmFromEnv(env: NodeJS.ProcessEnv): { client: OpenAI; model: string } | null {
  if (!env.OPENAI_API_KEY && !env.OPENAI_BASE_URL) return null;
  const client = new OpenAI({
    apiKey: env.OPENAI_API_KEY ?? 'none',
    baseURL: env.OPENAI_BASE_URL,
    maxRetries: 1,
  });
  return { client, model: env.CODER_MODEL ?? env.OPENAI_MODEL ?? 'gpt-4o-mini' };
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  if (!args.data) {
    process.stderr.write(
      'usage: npm run eval:coder -- --data <file.jsonl> [--json] [--cv [k]] [--llm|--no-llm] [--limit n]\n',
    );
    process.exitCode = 2;
    return;
  }
  const { evaluation, rows } = evaluateFile(args.data, {
    cv: args.cv,
    limit: args.limit,
    replicates: args.replicates,
  });
  const results: DatasetEvaluation[] = [evaluation];
  const llm = args.llm === false ? null : llmFromEnv(process.env);
  let fallbacks: Record<string, number> | undefined;
  if (llm) {
    const r = await evaluateFileWithLlm(args.data, rows, llm.client, llm.model, args.replicates);
    results.push(r.evaluation);
    fallbacks = r.fallbacks;
  } else if (args.llm)
    process.stderr.write('--llm: no OPENAI_API_KEY or OPENAI_BASE_URL set; offline only\n');
  if (args.json)
    process.stdout.write(
      JSON.stringify({ results, llmFallbacks: fallbacks ?? null }, null, 2) + '\n',
    );
  else {
    process.stdout.write(results.map(formatEvaluation).join('\n\n') + '\n');
    if (fallbacks)
      process.stdout.write(`LLM fallbacks (offline coding kept): ${JSON.stringify(fallbacks)}\n`);
  }
}

if (process.argv[1] && import.meta.url.endsWith(basename(process.argv[1]))) await main();

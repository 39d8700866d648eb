/**
 * @module evals/evaluation
 * Scores a coder's labels against a data set's gold labels in every view the data set supports
 * (fine when it has question/reflection subtypes, always coarse), with bootstrap intervals, and
 * renders the result as text or JSON. Pure: the CLI and the report feed it rows and predictions.
 */
import { agreement, bootstrapIntervals, type Agreement, type Interval } from './metrics.js';
import { COARSE_LABELS, FINE_LABELS, toCoarse, toFine, viewsFor, type ViewName } from './views.js';

export interface ViewResult extends Agreement {
  view: ViewName;
  ci: { accuracy: Interval; macroF1: Interval; kappa: Interval };
}

export interface DatasetEvaluation {
  dataset: string;
  coder: string;
  /** how predictions were made: shipped model, grouped k-fold, LLM-refined */
  mode: string;
  n: number;
  views: ViewResult[];
}

/** Evaluate predicted labels (UtteranceLabel strings) against gold labels, grouped by dialogue. */
export function evaluateLabels(
  gold: readonly string[],
  pred: readonly string[],
  groups: readonly string[],
  meta: { dataset: string; coder: string; mode: string },
  replicates = 1000,
): DatasetEvaluation {
  const views: ViewResult[] = [];
  for (const view of viewsFor(gold)) {
    const labels = view === 'fine' ? FINE_LABELS : COARSE_LABELS;
    const g = gold.map((l) => (view === 'fine' ? (toFine(l) as string) : toCoarse(l)));
    const p = pred.map((l) => (view === 'fine' ? (toFine(l) ?? 'other') : toCoarse(l)));
    const a = agreement(g, p, labels);
    views.push({ view, ...a, ci: bootstrapIntervals(g, p, groups, labels, replicates) });
  }
  return { ...meta, n: gold.length, views };
}

const f = (x: number) => x.toFixed(3);
const ci = (i: Interval) => `[${f(i.low)}, ${f(i.high)}]`;

/** Human-readable block: headline figures, per-label table and confusion matrix per view. */
export function formatEvaluation(e: DatasetEvaluation): string {
  const lines: string[] = [`${e.dataset} (${e.n} coach turns; ${e.mode}; ${e.coder})`];
  for (const v of e.views) {
    lines.push('');
    lines.push(
      `  ${v.view}: accuracy ${f(v.accuracy)} ${ci(v.ci.accuracy)}  macro-F1 ${f(v.macroF1)} ${ci(v.ci.macroF1)}  kappa ${f(v.kappa)} ${ci(v.ci.kappa)}`,
    );
    lines.push(
      `  ${'label'.padEnd(20)} ${'prec'.padStart(6)} ${'recall'.padStart(6)} ${'F1'.padStart(6)} ${'n'.padStart(6)}`,
    );
    for (const p of v.perLabel)
      lines.push(
        `  ${p.label.padEnd(20)} ${f(p.precision).padStart(6)} ${f(p.recall).padStart(6)} ${f(p.f1).padStart(6)} ${String(p.support).padStart(6)}`,
      );
    lines.push(`  confusion (rows gold, columns predicted):`);
    lines.push(`  ${''.padEnd(20)}${v.labels.map((l) => l.slice(0, 7).padStart(8)).join('')}`);
    v.confusion.forEach((row, i) =>
      lines.push(`  ${v.labels[i].padEnd(20)}${row.map((x) => String(x).padStart(8)).join('')}`),
    );
  }
  return lines.join('\n');
}

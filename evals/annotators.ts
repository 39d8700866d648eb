/**
 * @module evals/annotators
 * How much of AnnoMI's disagreement with the coder is disagreement between its own annotators.
 * Most AnnoMI turns carry one annotator's label; a subset carries ten. From that subset we get
 * the ceiling a perfect "consensus coder" would reach against single annotators (the majority of
 * the other nine against the tenth), and the coder's agreement with the majority label. Per
 * annotator, the share of questions called open and of reflections called simple shows how far
 * their conventions differ. Pure: rows and predictions in, figures out.
 */
import { agreement } from './metrics.js';
import { FINE_LABELS, toFine } from './views.js';

/** What this analysis reads of an AnnoMI coach row. */
export interface AnnotatedRow {
  dialogue_id: string;
  label: string | null;
  annotator_id?: string | null;
  /** present on the turns every annotator coded */
  annotations?: { annotator_id: string; label: string }[];
}

export interface AnnotatorConvention {
  annotator: string;
  n: number;
  /** the coder's kappa against this annotator's labels (fine view) */
  coderKappa: number;
  /** open questions / all questions this annotator labelled */
  openShare: number | null;
  /** simple reflections / all reflections this annotator labelled */
  simpleShare: number | null;
}

export interface AnnotatorFigures {
  /** turns coded by every annotator */
  multiN: number;
  /** Cohen's kappa pooled over every pair of annotators on the same turn */
  humanPairwiseKappa: number;
  /** the majority of the other annotators against each single annotator, pooled */
  consensusVsSingleKappa: number;
  /** the coder against the majority label of all annotators */
  coderVsMajorityKappa: number;
  coderVsMajorityMacroF1: number;
  /** the coder against each single annotator, pooled over annotators */
  coderVsSingleKappa: number;
  perAnnotator: AnnotatorConvention[];
}

const fine = (l: string) => toFine(l) ?? 'other';

/** The most frequent label; ties go to the label first seen (deterministic). */
export function majority(labels: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const l of labels) counts.set(l, (counts.get(l) ?? 0) + 1);
  let best = labels[0];
  for (const [l, c] of counts) if (c > (counts.get(best) ?? 0)) best = l;
  return best;
}

const kappaOf = (pairs: [string, string][]) =>
  agreement(
    pairs.map((p) => p[0]),
    pairs.map((p) => p[1]),
    FINE_LABELS,
  ).kappa;
const share = (part: number, whole: number) => (whole > 0 ? part / whole : null);

/** Annotator figures for AnnoMI rows and the coder's (cross-validated) label for each row. */
export function annotatorFigures(
  rows: readonly AnnotatedRow[],
  pred: readonly string[],
): AnnotatorFigures {
  const pairwise: [string, string][] = [];
  const consensus: [string, string][] = [];
  const coderSingle: [string, string][] = [];
  const majGold: string[] = [];
  const majPred: string[] = [];
  rows.forEach((r, i) => {
    const ann = r.annotations;
    if (!ann || ann.length < 2) return;
    const labels = ann.map((a) => fine(a.label));
    labels.forEach((l, j) => {
      for (let k = j + 1; k < labels.length; k++) pairwise.push([l, labels[k]]);
      consensus.push([l, majority([...labels.slice(0, j), ...labels.slice(j + 1)])]);
      coderSingle.push([l, fine(pred[i])]);
    });
    majGold.push(majority(labels));
    majPred.push(fine(pred[i]));
  });
  const coderMajority = agreement(majGold, majPred, FINE_LABELS);

  const byAnnotator = new Map<string, number[]>();
  rows.forEach((r, i) => {
    if (r.annotations || !r.label || !r.annotator_id) return;
    const list = byAnnotator.get(r.annotator_id) ?? [];
    list.push(i);
    byAnnotator.set(r.annotator_id, list);
  });
  const perAnnotator = [...byAnnotator.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([annotator, idx]) => {
      const gold = idx.map((i) => fine(rows[i].label!));
      const count = (l: string) => gold.filter((g) => g === l).length;
      return {
        annotator,
        n: idx.length,
        coderKappa: agreement(
          gold,
          idx.map((i) => fine(pred[i])),
          FINE_LABELS,
        ).kappa,
        openShare: share(count('open_question'), count('open_question') + count('closed_question')),
        simpleShare: share(
          count('simple_reflection'),
          count('simple_reflection') + count('complex_reflection'),
        ),
      };
    });

  return {
    multiN: majGold.length,
    humanPairwiseKappa: kappaOf(pairwise),
    consensusVsSingleKappa: kappaOf(consensus),
    coderVsMajorityKappa: coderMajority.kappa,
    coderVsMajorityMacroF1: coderMajority.macroF1,
    coderVsSingleKappa: kappaOf(coderSingle),
    perAnnotator,
  };
}

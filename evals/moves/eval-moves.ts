/**
 * @module evals/moves/eval-moves
 * `npm run eval:moves`: the coder against the gold coaching-moves set (evals/data/moves). Per
 * move precision / recall / F1 (a turn carries every move it contains), the 10-label kappa, and
 * how well `engaged` separates turns about what the partner said from templates about nothing.
 * With `--cv` the coder's model is retrained per fold, grouped by dialogue, with the other folds
 * of this set added to its training data (the shipped recipe otherwise); without it the shipped
 * coder is scored (its model never saw this set; its rules are not fitted to it, only written
 * while reading it, see README.md in the data folder). `--errors MOVE` lists the misses.
 */
import { codeUtterance } from '../../api/practice/coder/index.js';
import { createCoder, type CodeUtterance } from '../../api/practice/coder/coder.js';
import { UTTERANCE_LABELS, type CoachTurnCoding } from '../../api/practice/types.js';
import { coachRows, readJsonl, sharedDataPath, type UtteranceRow } from '../dataset.js';
import { dialogueFolds } from '../folds.js';
import { agreement, bootstrapIntervals } from '../metrics.js';
import { WORKPLACE_SET } from '../train-coder-paths.js';
import { trainCoderModel } from '../training/coder-training.js';
import { engagementSet } from './engagement-set.js';
import {
  MEASURED_MOVES,
  MOVES_FILES,
  TARGET_MOVES,
  buildGold,
  contexts,
  readAdjudications,
  readLabels,
  readTurns,
  type GoldTurn,
  type MeasuredMove,
  type TurnContext,
} from './moves-set.js';
import { existsSync } from 'node:fs';

export interface MoveFigures {
  move: MeasuredMove;
  precision: number;
  recall: number;
  f1: number;
  support: number;
  predicted: number;
}

/** Per-move precision / recall over the turns whose gold is known for that move. */
export function moveFigures(
  gold: readonly GoldTurn[],
  codings: readonly CoachTurnCoding[],
): MoveFigures[] {
  return MEASURED_MOVES.map((move) => {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    gold.forEach((g, i) => {
      const want = g.moves[move];
      if (want === undefined) return;
      const got = codings[i].codes.includes(move);
      if (want && got) tp++;
      else if (got) fp++;
      else if (want) fn++;
    });
    const precision = tp + fp > 0 ? tp / (tp + fp) : 0;
    const recall = tp + fn > 0 ? tp / (tp + fn) : 0;
    return {
      move,
      precision,
      recall,
      f1: precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0,
      support: tp + fn,
      predicted: tp + fp,
    };
  });
}

/** Code every turn in order with `code`, building each turn's context from the dialogue. */
export function codeMoves(
  turns: readonly GoldTurn[],
  code: CodeUtterance,
  ctxs?: readonly TurnContext[],
): CoachTurnCoding[] {
  const cs =
    ctxs ?? contexts(turns, (text, ctx) => code(text, ctx).codes.includes('permission_request'));
  return turns.map((t, i) => code(t.text, cs[i]));
}

/** Codings from models that never trained on the turn's dialogue (grouped k-fold). */
export function crossValidatedCodings(turns: readonly GoldTurn[], k = 5): CoachTurnCoding[] {
  const annomi = coachRows(readJsonl(sharedDataPath('annomi')));
  const workplace = coachRows(readJsonl(WORKPLACE_SET));
  const rows = turns.map((t) => ({ dialogue_id: t.dialogueId }));
  const folds = dialogueFolds(rows, k);
  const out: CoachTurnCoding[] = new Array(turns.length);
  for (let f = 0; f < k; f++) {
    const extra: UtteranceRow[] = turns
      .filter((t) => folds.get(t.dialogueId) !== f && t.label)
      .map((t, i) => ({
        dialogue_id: t.dialogueId,
        turn_index: i,
        speaker: 'coach',
        text: t.text,
        label: t.label,
        prev_client: t.prevPartner,
      }));
    const code = createCoder(
      trainCoderModel(annomi, [...workplace, ...extra], `moves-cv-${f}`),
      `moves-cv-${f}`,
    );
    const codings = codeMoves(turns, code);
    turns.forEach((t, i) => {
      if (folds.get(t.dialogueId) === f) out[i] = codings[i];
    });
  }
  return out;
}

/** Precision / recall of `engaged === false` as a detector of turns about nothing the partner said. */
export function engagementFigures(items: readonly { engaged: boolean; predicted: boolean }[]) {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let tn = 0;
  for (const it of items) {
    const off = !it.engaged;
    const flagged = !it.predicted;
    if (off && flagged) tp++;
    else if (flagged) fp++;
    else if (off) fn++;
    else tn++;
  }
  return {
    n: items.length,
    offTopic: tp + fn,
    precision: tp + fp > 0 ? tp / (tp + fp) : 0,
    recall: tp + fn > 0 ? tp / (tp + fn) : 0,
    engagedKept: tn + fp > 0 ? tn / (tn + fp) : 0,
    /** genuine (engaged) turns judged not engaged, and how many genuine turns there were */
    misjudged: fp,
    genuine: tn + fp,
  };
}

const pct = (x: number) => x.toFixed(2);

function main(): void {
  const args = process.argv.slice(2);
  const cv = args.includes('--cv');
  const errorsFor = args.includes('--errors') ? args[args.indexOf('--errors') + 1] : null;
  const turns = readTurns();
  const a = readLabels(MOVES_FILES.a, turns);
  const b = existsSync(MOVES_FILES.b) ? readLabels(MOVES_FILES.b, turns) : null;
  const { gold } = buildGold(turns, a, b, readAdjudications());
  const started = Date.now();
  const codings = cv ? crossValidatedCodings(gold) : codeMoves(gold, codeUtterance);
  console.log(
    `moves set: ${gold.length} turns, ${new Set(gold.map((g) => g.dialogueId)).size} dialogues; gold from ${b ? 'two labellers (agreed + adjudicated)' : 'labeller A only (labeller B not in yet)'}`,
  );
  console.log(
    cv
      ? 'coder: model retrained per fold (5 folds grouped by dialogue, other folds of this set added)'
      : 'coder: shipped (model never trained on this set)',
  );
  console.log('move                      precision  recall   F1    gold  coded');
  for (const f of moveFigures(gold, codings)) {
    const mark = TARGET_MOVES.includes(f.move)
      ? f.precision >= 0.8 && f.recall >= 0.8
        ? '  target met'
        : '  target NOT met'
      : '';
    console.log(
      `${f.move.padEnd(26)}${pct(f.precision).padStart(9)}${pct(f.recall).padStart(8)}${pct(f.f1).padStart(7)}${String(f.support).padStart(6)}${String(f.predicted).padStart(7)}${mark}`,
    );
  }
  const known = gold.map((g, i) => ({ g, c: codings[i] })).filter((x) => x.g.label);
  const goldLabels = known.map((x) => x.g.label!);
  const predLabels = known.map((x) => x.c.label);
  const ag = agreement(goldLabels, predLabels, UTTERANCE_LABELS);
  const ci = bootstrapIntervals(
    goldLabels,
    predLabels,
    known.map((x) => x.g.dialogueId),
    UTTERANCE_LABELS,
    1000,
  );
  console.log(
    `10-label: n ${ag.n}, accuracy ${ag.accuracy.toFixed(3)}, macro-F1 ${ag.macroF1.toFixed(3)}, kappa ${ag.kappa.toFixed(3)} [${ci.kappa.low.toFixed(3)}, ${ci.kappa.high.toFixed(3)}] (target 0.80)`,
  );
  console.log(
    '  per label (P/R/n): ' +
      ag.perLabel
        .filter((p) => p.support > 0)
        .map((p) => `${p.label} ${pct(p.precision)}/${pct(p.recall)}/${p.support}`)
        .join(', '),
  );
  const eng = gold
    .map((g, i) => ({ engaged: g.engaged, predicted: codings[i].engaged !== false }))
    .filter((x) => x.engaged !== null) as { engaged: boolean; predicted: boolean }[];
  const ef = engagementFigures(eng);
  const wrong = (f: ReturnType<typeof engagementFigures>) =>
    `genuine turns misjudged ${f.misjudged} of ${f.genuine} (${((100 * f.misjudged) / Math.max(1, f.genuine)).toFixed(1)}%, target <= 1%)`;
  console.log(
    `engaged (labelled set): ${ef.offTopic} of ${ef.n} turns off-topic; flagged not engaged: precision ${pct(ef.precision)}, recall ${pct(ef.recall)}; ${wrong(ef)}`,
  );
  const synth = engagementSet(gold);
  const sf = engagementFigures(
    synth.map((s) => ({
      engaged: s.engaged,
      predicted: codeUtterance(s.text, s.ctx).engaged !== false,
    })),
  );
  console.log(
    `engaged (swapped-context set, ${sf.n} turns, ${sf.offTopic} off-topic): precision ${pct(sf.precision)}, recall ${pct(sf.recall)}; ${wrong(sf)}`,
  );
  console.log(`(${Date.now() - started} ms)`);
  if (errorsFor) {
    gold.forEach((g, i) => {
      const want =
        errorsFor === 'label'
          ? g.label
          : errorsFor === 'engaged'
            ? String(g.engaged)
            : String(g.moves[errorsFor as MeasuredMove]);
      const got =
        errorsFor === 'label'
          ? codings[i].label
          : errorsFor === 'engaged'
            ? String(codings[i].engaged !== false)
            : String(codings[i].codes.includes(errorsFor as MeasuredMove));
      if (want !== 'undefined' && want !== 'null' && want !== got)
        console.log(
          `${g.id}\tgold ${want}\tcoded ${got}\t[${codings[i].codes.join(' ')}] ${codings[i].label}\t${g.text}`,
        );
    });
  }
}

if (process.argv[1]?.endsWith('eval-moves.ts')) main();

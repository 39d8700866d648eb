/**
 * @module evals/moves/report-section
 * The coaching-moves section of evals/REPORT.md: labeller agreement, the shipped coder's per-move
 * precision / recall and 10-label kappa on the gold set, and how `engaged` does.
 */
import { existsSync } from 'node:fs';
import { codeUtterance } from '../../api/practice/coder/index.js';
import { UTTERANCE_LABELS } from '../../api/practice/types.js';
import { agreement, bootstrapIntervals } from '../metrics.js';
import { moveKappa } from './agreement.js';
import { engagementSet } from './engagement-set.js';
import { codeMoves, engagementFigures, moveFigures } from './eval-moves.js';
import {
  MEASURED_MOVES,
  MOVES_FILES,
  TARGET_MOVES,
  buildGold,
  readAdjudications,
  readLabels,
  readTurns,
} from './moves-set.js';

const f2 = (x: number) => x.toFixed(2);
const f3 = (x: number) => x.toFixed(3);

export function movesSection(): string[] {
  const turns = readTurns();
  const a = readLabels(MOVES_FILES.a, turns);
  const b = existsSync(MOVES_FILES.b) ? readLabels(MOVES_FILES.b, turns) : null;
  const { gold, disagreements } = buildGold(turns, a, b, readAdjudications());
  const codings = codeMoves(gold, codeUtterance);
  const md: string[] = [];
  md.push('## Coaching moves: typed workplace peer coaching (evals/data/moves)');
  md.push('');
  md.push(
    `${turns.length} coach turns in ${new Set(turns.map((t) => t.dialogueId)).size} short dialogues, written without labels and labelled blind by two labellers (evals/data/moves/README.md). Commands: \`npm run moves:agreement\` (agreement, gold set), \`npm run eval:moves\` (shipped coder), \`npm run eval:moves -- --cv\` (model retrained per fold, grouped by dialogue, with the other folds of this set added).`,
  );
  md.push('');
  const la = b ? turns.map((t) => a.get(t.id)!) : [];
  const lb = b ? turns.map((t) => b.get(t.id)!) : [];
  const labelKappa = b
    ? agreement(
        la.map((l) => l.label),
        lb.map((l) => l.label),
        UTTERANCE_LABELS,
      ).kappa
    : null;
  const figures = moveFigures(gold, codings);
  md.push(
    "| move | labellers' kappa | gold | coder precision | coder recall | F1 | target (P and R >= 0.80) |",
  );
  md.push('|---|---|---|---|---|---|---|');
  for (const f of figures) {
    const k = b ? f3(moveKappa(la, lb, f.move).kappa) : '-';
    const t = TARGET_MOVES.includes(f.move)
      ? f.precision >= 0.8 && f.recall >= 0.8
        ? 'met'
        : '**not met**'
      : '-';
    md.push(
      `| ${f.move} | ${k} | ${f.support} | ${f2(f.precision)} | ${f2(f.recall)} | ${f2(f.f1)} | ${t} |`,
    );
  }
  const known = gold.map((g, i) => ({ g, c: codings[i] })).filter((x) => x.g.label);
  const ag = agreement(
    known.map((x) => x.g.label!),
    known.map((x) => x.c.label),
    UTTERANCE_LABELS,
  );
  const ci = bootstrapIntervals(
    known.map((x) => x.g.label!),
    known.map((x) => x.c.label),
    known.map((x) => x.g.dialogueId),
    UTTERANCE_LABELS,
    1000,
  );
  md.push('');
  md.push(
    `- 10 labels: the coder reaches kappa ${f3(ag.kappa)} [${f3(ci.kappa.low)}, ${f3(ci.kappa.high)}], accuracy ${f3(ag.accuracy)}, macro-F1 ${f3(ag.macroF1)} on ${ag.n} turns (target 0.80: ${ag.kappa >= 0.8 ? 'met' : '**not met**'}); the labellers agree at kappa ${labelKappa === null ? '-' : f3(labelKappa)}. Per label (precision / recall / n): ${ag.perLabel
      .filter((p) => p.support > 0)
      .map((p) => `${p.label} ${f2(p.precision)} / ${f2(p.recall)} / ${p.support}`)
      .join(', ')}.`,
  );
  md.push(
    `- Gold: agreed values; ${disagreements.filter((d) => d.adjudicated !== null).length} of ${disagreements.length} disagreements adjudicated (evals/data/moves/adjudicated.jsonl), the rest left out of that move's figures. Measured moves: ${MEASURED_MOVES.length}.`,
  );
  const eng = gold
    .map((g, i) => ({ engaged: g.engaged, predicted: codings[i].engaged !== false }))
    .filter((x) => x.engaged !== null) as { engaged: boolean; predicted: boolean }[];
  const ef = engagementFigures(eng);
  const sf = engagementFigures(
    engagementSet(gold).map((s) => ({
      engaged: s.engaged,
      predicted: codeUtterance(s.text, s.ctx).engaged !== false,
    })),
  );
  const pc = (f: typeof ef) =>
    `${f.misjudged} of ${f.genuine} (${((100 * f.misjudged) / Math.max(1, f.genuine)).toFixed(1)}%)`;
  md.push(
    `- \`engaged\` (turn takes up the partner's words): on the ${ef.offTopic} written templates among ${ef.n} turns, "not engaged" has precision ${f2(ef.precision)} and recall ${f2(ef.recall)}, and genuine turns misjudged not engaged are ${pc(ef)}; on ${sf.n} reflections shown once in their own dialogue and once in another (off-topic), precision ${f2(sf.precision)}, recall ${f2(sf.recall)}, genuine turns misjudged ${pc(sf)} (target for both: 1% or fewer).`,
  );
  md.push(
    "- Honesty: the rules were written while reading this set (labeller A's labels first, then the errors against the gold), so these figures are optimistic; the move catalogue's examples (api/practice/coder/move-catalogue.ts), written apart from the set, are held to the coder by test, and the workplace_typed set above was read for none of the tenth round's rules.",
  );
  md.push('');
  return md;
}

/**
 * @module evals/moves/agreement
 * `npm run moves:agreement`: how far the two blind labellers of the coaching-moves set agree
 * (Cohen's kappa per move, on whether the turn carries it; kappa on the 10 labels and on
 * `engaged`), and the gold set built from them: agreed values, disagreements settled by
 * evals/data/moves/adjudicated.jsonl, the rest left out of that move's figures. Writes
 * evals/data/moves/gold.jsonl and lists every disagreement with its adjudicated value.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { UTTERANCE_LABELS } from '../../api/practice/types.js';
import { agreement } from '../metrics.js';
import {
  MEASURED_MOVES,
  MOVES_FILES,
  buildGold,
  readAdjudications,
  readLabels,
  readTurns,
  type MoveLabels,
} from './moves-set.js';

/** Kappa of two labellers' yes/no on one move. */
export function moveKappa(
  a: readonly MoveLabels[],
  b: readonly MoveLabels[],
  move: string,
): { kappa: number; a: number; b: number; both: number } {
  const ya = a.map((l) => (l.moves.includes(move) ? 'y' : 'n'));
  const yb = b.map((l) => (l.moves.includes(move) ? 'y' : 'n'));
  return {
    kappa: agreement(ya, yb, ['y', 'n']).kappa,
    a: ya.filter((x) => x === 'y').length,
    b: yb.filter((x) => x === 'y').length,
    both: ya.filter((x, i) => x === 'y' && yb[i] === 'y').length,
  };
}

function main(): void {
  const turns = readTurns();
  const a = readLabels(MOVES_FILES.a, turns);
  if (!existsSync(MOVES_FILES.b)) {
    console.log('labels-b.jsonl is not there yet: nothing to compare (gold = labeller A).');
    return;
  }
  const b = readLabels(MOVES_FILES.b, turns);
  const both = turns.filter((t) => a.has(t.id) && b.has(t.id));
  const la = both.map((t) => a.get(t.id)!);
  const lb = both.map((t) => b.get(t.id)!);
  console.log(`turns labelled by both: ${both.length} of ${turns.length}`);
  console.log('move                      kappa   A    B   both');
  for (const m of MEASURED_MOVES) {
    const k = moveKappa(la, lb, m);
    console.log(
      `${m.padEnd(26)}${k.kappa.toFixed(3).padStart(6)}${String(k.a).padStart(5)}${String(k.b).padStart(5)}${String(k.both).padStart(6)}`,
    );
  }
  const lab = agreement(
    la.map((l) => l.label),
    lb.map((l) => l.label),
    UTTERANCE_LABELS,
  );
  console.log(`10 labels: agreement ${lab.accuracy.toFixed(3)}, kappa ${lab.kappa.toFixed(3)}`);
  const eng = agreement(
    la.map((l) => String(l.engaged)),
    lb.map((l) => String(l.engaged)),
    ['true', 'false'],
  );
  console.log(`engaged: agreement ${eng.accuracy.toFixed(3)}, kappa ${eng.kappa.toFixed(3)}`);

  const adjudications = readAdjudications();
  const { gold, disagreements } = buildGold(turns, a, b, adjudications);
  const open = disagreements.filter((d) => d.adjudicated === null);
  console.log(
    `disagreements: ${disagreements.length} (${disagreements.length - open.length} adjudicated, ${open.length} left out of the gold set)`,
  );
  if (process.argv.includes('--list'))
    for (const d of disagreements)
      console.log(
        `  ${d.id}\t${d.field}\tA ${d.a}\tB ${d.b}\tgold ${d.adjudicated ?? '(left out)'}`,
      );
  writeFileSync(
    MOVES_FILES.gold,
    gold
      .map((g) =>
        JSON.stringify({
          id: g.id,
          moves: MEASURED_MOVES.filter((m) => g.moves[m] === true),
          unknown: MEASURED_MOVES.filter((m) => g.moves[m] === undefined),
          label: g.label,
          engaged: g.engaged,
        }),
      )
      .join('\n') + '\n',
  );
  console.log(`wrote evals/data/moves/gold.jsonl (${gold.length} turns)`);
}

if (process.argv[1]?.endsWith('agreement.ts')) main();

/**
 * @module evals/feedback/cli
 * `npm run eval:feedback`: plays the scripted sessions through the practice domain, prints what a
 * learner would read against the targets, and exits 1 when a target fails.
 * Options: --json <file> (the full report), --no-harper (own wording checks only, faster).
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { SKILLS } from '../../api/practice/types.js';
import { harperCheck } from './harper-check.js';
import { runFeedbackEval } from './run-eval.js';

const { values } = parseArgs({
  options: { json: { type: 'string' }, 'no-harper': { type: 'boolean' } },
});

const started = Date.now();
const grammar = values['no-harper'] ? undefined : await harperCheck();
const report = await runFeedbackEval({ grammar });

console.log(
  `Feedback eval: ${report.sessions} scripted sessions, ${report.coachTurns} coach turns (${report.poorMoves} poor moves), ${report.alternativesShown} alternatives shown`,
);
console.table(
  report.targets.map((t) => ({ target: t.name, value: t.value, met: t.met ? 'yes' : 'NO' })),
);
console.log(
  `Good lines left out of the good-move measures (they name what the partner says on the card but had not said yet): ${report.goodAhead.length}`,
);
console.log(
  `Feedback naming the partner's words (improve or suggestion): ${(report.namesPartnerWords * 100).toFixed(1)}%`,
);
console.log('Mean skill score by session kind (sessions where the skill was scored):');
console.table(
  Object.fromEntries(
    Object.entries(report.skillMeans).map(([kind, m]) => [
      kind,
      Object.fromEntries(SKILLS.map((s) => [s, m[s] ?? '-'])),
    ]),
  ),
);
const show = (
  title: string,
  xs: { scenarioId: string; kind: string; turn: number; text: string; detail: string }[],
) => {
  if (!xs.length) return;
  console.log(`${title} (${xs.length}):`);
  for (const x of xs.slice(0, 12))
    console.log(`  ${x.scenarioId} ${x.kind} turn ${x.turn}: “${x.text}” -> ${x.detail}`);
  if (xs.length > 12) console.log(`  ... and ${xs.length - 12} more`);
};
show('Poor moves praised', report.praisedPoor);
show('Good moves told they picked up nothing', report.goodToldNothing);
show('Good moves criticised', report.goodCriticised);
show('Feedback texts failing the grammar check', report.brokenFeedbackTexts);
show('Alternatives failing the grammar check', report.brokenAlternatives);
show('Alternatives not coding as claimed', report.miscodedAlternatives);
show('Repeated feedback texts', report.repeatedTexts);
show('Repeated alternatives', report.repeatedAlternatives);
console.log(
  `(${((Date.now() - started) / 1000).toFixed(1)} s${grammar ? ', harper.js British English' : ', own wording checks only'})`,
);
if (values.json) writeFileSync(values.json, JSON.stringify(report, null, 2));
process.exitCode = report.targets.every((t) => t.met) ? 0 : 1;

/**
 * @module evals/predict
 * `npm run --silent coder:predict -- <file.jsonl>`: codes every coach line of a shared-data file
 * with the shipped offline coder (the one the API uses), from that line's `text` and
 * `prev_client` only, and prints one JSON line `{ dialogue_id, turn_index, label }` per turn.
 */
import { codeUtterance } from '../api/practice/coder/index.js';
import { coachRows, readJsonl } from './dataset.js';

function main(argv: string[]): void {
  const file = argv.find((a) => !a.startsWith('-'));
  if (!file) {
    process.stderr.write('usage: npm run --silent coder:predict -- <file.jsonl>\n');
    process.exitCode = 2;
    return;
  }
  const out: string[] = [];
  for (const r of coachRows(readJsonl(file))) {
    const { label } = codeUtterance(r.text, { prevPartner: r.prev_client });
    out.push(JSON.stringify({ dialogue_id: r.dialogue_id, turn_index: r.turn_index, label }));
  }
  process.stdout.write(out.join('\n') + (out.length ? '\n' : ''));
}

// `| head` closes the pipe early: that is the reader's choice, not an error
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});
main(process.argv.slice(2));

/**
 * @module tools/scenarios/cli
 * `npm run scenarios:check [file.yaml ...]`: checks scenario files and prints each problem as
 * `file:line field.path: message`, then the figures. With no files it checks the built-in library
 * and that the bundled module is up to date. Exits 1 when anything is wrong.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { PARTNER_CARDS } from '../../api/practice/scenarios/index.js';
import { BUNDLE_FILE, builtInFiles, bundleSource } from './bundle.js';
import { checkScenarios, sharedBankTexts } from './check.js';

const args = process.argv.slice(2);
const own = args.length > 0;
const files = own ? args.map((f) => ({ file: f, text: readFileSync(f, 'utf8') })) : builtInFiles();
const started = Date.now();
// A facilitator's own file is compared with the built-in partners, so it never borrows their lines.
const report = await checkScenarios(
  files,
  own ? PARTNER_CARDS : [],
  own ? {} : { sharedBank: sharedBankTexts() },
);

let failed = report.issues.length > 0;
for (const i of report.issues)
  console.log(`${i.file}:${i.line ?? 1} ${i.path || '(file)'}: ${i.message} [${i.check}]`);
if (!own && readFileSync(BUNDLE_FILE, 'utf8') !== bundleSource(builtInFiles())) {
  console.log(
    'api/practice/scenarios/built-in.generated.ts is out of date: run npm run scenarios:bundle',
  );
  failed = true;
}

console.log('');
for (const s of report.scenarios) {
  const r = s.reading
    ? `reading ease ${s.reading.ease}, grade ${s.reading.grade}, ${s.reading.wordsPerSentence} words a sentence`
    : 'not read';
  console.log(`${basename(s.file)}: ${s.lines} lines, ${s.moves} model moves; ${r}`);
}
const pct = report.movesCoded ? ((100 * report.movesAgreeing) / report.movesCoded).toFixed(1) : '-';
console.log(
  `\n${report.scenarios.length} scenarios, ${report.scenarios.reduce((n, s) => n + s.lines, 0)} partner lines` +
    (report.sharedBankLines ? ` (and ${report.sharedBankLines} shared reply-bank lines)` : '') +
    '; ' +
    `${report.textsChecked} texts grammar-checked, ${report.grammarErrors} grammar errors; ` +
    `model moves coding as claimed: ${report.movesAgreeing}/${report.movesCoded} (${pct}%); ` +
    `${report.issues.length} problems (${((Date.now() - started) / 1000).toFixed(1)} s)`,
);
process.exit(failed ? 1 : 0);

/**
 * @module tools/scenarios/check.test
 * `npm run scenarios:check` in CI: every built-in scenario passes the schema, the grammar check,
 * the coding of its model moves and the no-shared-lines rule, and the bundled module is current;
 * a broken file gets errors a facilitator can act on (file, line, field path, message).
 */
import { describe, expect, it } from 'vitest';
import { BUNDLE_FILE, builtInFiles, bundleSource } from './bundle.js';
import { checkScenarios, sharedBankTexts } from './check.js';
import { readFileSync } from 'node:fs';
import { PARTNER_CARDS } from '../../api/practice/scenarios/index.js';

describe('scenarios:check on the built-in library', () => {
  it('finds nothing wrong, and every model move codes as the move it claims', async () => {
    const report = await checkScenarios(builtInFiles(), [], { sharedBank: sharedBankTexts() });
    expect(report.sharedBankLines).toBeGreaterThan(100);
    expect(report.issues.map((i) => `${i.file}:${i.line} ${i.path}: ${i.message}`)).toEqual([]);
    expect(report.grammarErrors).toBe(0);
    expect(report.movesAgreeing).toBe(report.movesCoded);
    expect(report.movesCoded).toBeGreaterThan(100);
    for (const s of report.scenarios) expect(s.reading!.ease, s.file).toBeGreaterThan(60);
  }, 120_000);

  it('the bundled module holds exactly the files on disk (npm run scenarios:bundle)', () => {
    expect(readFileSync(BUNDLE_FILE, 'utf8')).toBe(bundleSource(builtInFiles()));
  });
});

describe('scenarios:check on a facilitator file with mistakes', () => {
  const good = builtInFiles()[0].text;

  it('names the field path and line of a schema error', async () => {
    const text = good
      .replace(/^difficulty: \w+$/m, 'difficulty: medium')
      .replace(/^id: .*$/m, 'id: my-own-scenario');
    const { issues } = await checkScenarios([{ file: 'mine.yaml', text }]);
    const issue = issues.find((i) => i.path === 'difficulty')!;
    expect(issue).toMatchObject({ file: 'mine.yaml', check: 'schema' });
    expect(issue.line).toBe(text.split('\n').findIndex((l) => l.startsWith('difficulty:')) + 1);
  }, 60_000);

  it('reports a misspelt line, a reflection that is really advice, and a line borrowed from another partner', async () => {
    const first = PARTNER_CARDS.find((c) => c.id === builtInFiles()[0].file.replace('.yaml', ''))!;
    const other = PARTNER_CARDS.find((c) => c.id !== first.id)!;
    const borrowed = other.lines![0].text;
    let text = good.replace(/^id: .*$/m, 'id: my-own-scenario');
    const opening = first.script!.openings[0];
    text = text.replace(opening, 'Hi. I have been realy busy this week.');
    const simple = first.lines!.find((l) => l.id === 'script.surface.0')!.moves!.simpleReflection;
    text = text.replace(simple, 'You should just delegate the escalations.');
    text = text.replace(first.script!.surface[1], borrowed);
    const report = await checkScenarios([{ file: 'mine.yaml', text }], PARTNER_CARDS);
    const at = (path: string) => report.issues.filter((i) => i.path === path).map((i) => i.check);
    expect(at('script.openings.0.text')).toContain('grammar');
    expect(at('script.surface.0.moves.simpleReflection')).toContain('coding');
    expect(at('script.surface.1.text')).toContain('shared');
    expect(report.grammarErrors).toBeGreaterThan(0);
  }, 60_000);
});

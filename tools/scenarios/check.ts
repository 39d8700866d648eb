/**
 * @module tools/scenarios/check
 * What `npm run scenarios:check` verifies for a set of scenario files, as data: the schema and
 * completeness (through the one parser), the grammar and spelling of every line and model move
 * (harper.js, British English, offline), that every model reflection codes as a reflection and
 * every model question as the kind it claims (the offline coder), that no partner line is shared
 * with another partner beyond a tiny neutral set, and each partner's reading level.
 */
import { Dialect, LocalLinter, type Linter } from 'harper.js';
import { binaryInlined } from 'harper.js/binaryInlined';
import {
  lineOfPath,
  parseScenarioText,
  type ScenarioIssue,
} from '../../api/practice/scenarios/format/parse.js';
import {
  codesAsClaimed,
  NEUTRAL_LINES,
  normaliseLine,
} from '../../api/practice/scenarios/format/quality.js';
import type { AuthoredLine, ModelMoves, PartnerCard } from '../../api/practice/types.js';
import { GENERIC_DISCLOSURE, REPLY_BANK } from '../../api/practice/partner/reply-bank.js';
import { readingLevel, type ReadingLevel } from './reading-level.js';

export interface CheckIssue extends ScenarioIssue {
  file: string;
  /** which check found it */
  check: 'schema' | 'grammar' | 'coding' | 'shared';
}

export interface ScenarioFigures {
  file: string;
  id: string | null;
  lines: number;
  moves: number;
  reading: ReadingLevel | null;
}

export interface CheckReport {
  /** lines of the shared reply bank (the neutral lines every partner may use) put through the grammar check */
  sharedBankLines?: number;
  issues: CheckIssue[];
  scenarios: ScenarioFigures[];
  /** texts put through the grammar check (partner lines, model moves and the prose fields) */
  textsChecked: number;
  grammarErrors: number;
  /** model moves whose coding was checked, and how many coded as claimed */
  movesCoded: number;
  movesAgreeing: number;
}

let linter: Promise<Linter> | null = null;
/** One harper linter for the process (its WASM set-up takes a few seconds). */
function harper(): Promise<Linter> {
  linter ??= (async () => {
    const l = new LocalLinter({ binary: binaryInlined, dialect: Dialect.British });
    await l.setup();
    // British usage does not require the serial comma; harper's rule for it is American style.
    await l.setLintConfig({ ...(await l.getLintConfig()), OxfordComma: false });
    // sounds people make when they talk, which a dictionary of written English lacks
    await l.importWords(['Erm', 'Mm', 'Mm-hmm']);
    return l;
  })();
  return linter;
}

/** Harper's complaints about one text, as messages quoting the problem. */
export async function grammarProblems(text: string, names: string[] = []): Promise<string[]> {
  const l = await harper();
  // the names the author declared are words, not misspellings (harper keeps them for the process)
  if (names.length > 0) await l.importWords(names);
  const lints = (await l.lint(text)).filter((x) => !STYLE_ONLY.has(x.lint_kind()));
  return lints.map((l) => `${l.lint_kind()}: "${l.get_problem_text()}": ${l.message()}`);
}

/**
 * Harper's vocabulary "enhancements" ("very good" -> "excellent") are a house style for prose, not
 * errors: people talk in plain words, so they are not counted. Every other kind is.
 */
const STYLE_ONLY = new Set(['Enhancement']);

const MOVE_FIELDS = ['simpleReflection', 'complexReflection', 'question'] as const;

/** Every text of a card worth checking, with the field path it came from. */
function textsOf(card: PartnerCard): { path: string; text: string }[] {
  const out = [
    { path: 'title', text: card.title },
    { path: 'brief', text: card.brief },
    { path: 'partner.persona', text: card.persona },
    ...Object.entries(card.hidden).map(([layer, text]) => ({ path: `hidden.${layer}`, text })),
  ];
  for (const line of card.lines ?? []) {
    out.push({ path: line.id.endsWith('answer') ? line.id : `${line.id}.text`, text: line.text });
    for (const f of MOVE_FIELDS)
      if (line.moves)
        out.push({ path: `${line.id.replace(/\.answer$/, '')}.moves.${f}`, text: line.moves[f] });
  }
  return out;
}

function movesPath(line: AuthoredLine): string {
  return `${line.id.replace(/\.answer$/, '')}.moves`;
}

/** Checks the coding of one line's model moves; returns the issues (empty when all agree). */
function codingIssues(line: AuthoredLine, moves: ModelMoves): { path: string; message: string }[] {
  const out: { path: string; message: string }[] = [];
  for (const f of MOVE_FIELDS) {
    const claimed = f === 'question' ? moves.questionKind : 'reflection';
    const verdict = codesAsClaimed(moves[f], claimed, line.text);
    if (!verdict.ok)
      out.push({
        path: `${movesPath(line)}.${f}`,
        message: `should code as ${verdict.wanted} but the coder reads ${verdict.codes.join(', ')}`,
      });
  }
  return out;
}

/**
 * Checks scenario files. `library` holds other partners' cards that lines must not be shared
 * with (the built-in library when a facilitator checks their own file).
 */
export async function checkScenarios(
  files: { file: string; text: string }[],
  library: readonly PartnerCard[] = [],
  options: { sharedBank?: { path: string; text: string }[] } = {},
): Promise<CheckReport> {
  const report: CheckReport = {
    issues: [],
    scenarios: [],
    textsChecked: 0,
    grammarErrors: 0,
    movesCoded: 0,
    movesAgreeing: 0,
  };
  const cards: { file: string; card: PartnerCard }[] = [];
  for (const { file, text } of files) {
    const parsed = parseScenarioText(text);
    if (!parsed.ok) {
      report.issues.push(...parsed.issues.map((i) => ({ ...i, file, check: 'schema' as const })));
      report.scenarios.push({ file, id: null, lines: 0, moves: 0, reading: null });
      continue;
    }
    const card = parsed.card;
    cards.push({ file, card });
    const lines = card.lines ?? [];
    report.scenarios.push({
      file,
      id: card.id,
      lines: lines.length,
      moves: lines.reduce((n, l) => n + (l.moves ? MOVE_FIELDS.length : 0), 0),
      reading: readingLevel(lines.map((l) => l.text)),
    });
    const names = [card.partner.name, card.script?.other ?? '', ...(card.names ?? [])]
      .flatMap((n) => n.split(/\s+/))
      .filter(Boolean);
    for (const { path, text: t } of textsOf(card)) {
      report.textsChecked++;
      for (const problem of await grammarProblems(t, names)) {
        report.grammarErrors++;
        report.issues.push({ file, path, message: problem, check: 'grammar' });
      }
    }
    for (const line of lines) {
      if (!line.moves) continue;
      const wrong = codingIssues(line, line.moves);
      report.movesCoded += MOVE_FIELDS.length;
      report.movesAgreeing += MOVE_FIELDS.length - wrong.length;
      report.issues.push(...wrong.map((w) => ({ ...w, file, check: 'coding' as const })));
    }
  }
  report.issues.push(...sharedLines(cards, library));
  if (options.sharedBank) {
    report.sharedBankLines = 0;
    for (const { path, text } of options.sharedBank) {
      report.sharedBankLines++;
      report.textsChecked++;
      for (const problem of await grammarProblems(text, ['Marcus'])) {
        report.grammarErrors++;
        report.issues.push({
          file: 'api/practice/partner/reply-bank.ts',
          path,
          message: problem,
          check: 'grammar',
        });
      }
    }
  }
  // the line numbers of the text, where the parser can name them
  for (const issue of report.issues) {
    const source = files.find((f) => f.file === issue.file)?.text;
    if (source && issue.line === undefined) issue.line = lineOfPath(source, issue.path);
  }
  return report;
}

/** The shared reply bank's lines, placeholders filled with sample words, for the grammar check. */
export function sharedBankTexts(): { path: string; text: string }[] {
  const fill = (t: string) =>
    t
      .replaceAll('{topic}', 'the move')
      .replaceAll('{other}', 'Marcus')
      .replaceAll('{text}', 'It is hard.');
  return Object.entries({ ...REPLY_BANK, ...GENERIC_DISCLOSURE }).flatMap(([key, lines]) =>
    (lines as readonly string[]).map((t, i) => ({ path: `${key}.${i}`, text: fill(t) })),
  );
}

/** Partner lines said by two different partners (outside the neutral set). */
function sharedLines(
  cards: { file: string; card: PartnerCard }[],
  library: readonly PartnerCard[],
): CheckIssue[] {
  const owner = new Map<string, { who: string; id: string }>();
  const checking = new Set(cards.map((c) => c.card.id));
  for (const card of library.filter((c) => !checking.has(c.id))) {
    for (const l of card.lines ?? []) owner.set(normaliseLine(l.text), { who: card.id, id: l.id });
  }
  const issues: CheckIssue[] = [];
  for (const { file, card } of cards) {
    for (const l of card.lines ?? []) {
      const key = normaliseLine(l.text);
      if (NEUTRAL_LINES.has(key)) continue;
      const first = owner.get(key);
      if (first && first.who !== card.id)
        issues.push({
          file,
          path: l.id.endsWith('answer') ? l.id : `${l.id}.text`,
          message: `"${l.text}" is also said by ${first.who} (${first.id}): give each partner their own words`,
          check: 'shared',
        });
      else if (!first) owner.set(key, { who: card.id, id: l.id });
    }
  }
  return issues;
}

/**
 * @module practice/scenarios/format/parse
 * Reads a scenario from its text (YAML, or JSON, which is YAML too) or from an already-parsed
 * object, validates it with the one schema, and builds the partner card the engine uses. Errors
 * name the field path ("script.surface.3.moves.question") and, for text, the line, so an author
 * can find and fix each one. Pure: the caller reads the file.
 */
import { LineCounter, parseDocument, type Document } from 'yaml';
import type { z } from 'zod';
import type { PartnerCard } from '../../types.js';
import { ScenarioFileSchema, type ScenarioFile } from './schema.js';
import { authoredLines, toPartnerCard } from './to-card.js';

/** One thing wrong with a scenario: where (a dotted field path, "" for the whole file) and what. */
export interface ScenarioIssue {
  path: string;
  message: string;
  /** 1-based line in the text, when the scenario came as text and the field exists */
  line?: number;
}

export type ParsedScenario =
  { ok: true; file: ScenarioFile; card: PartnerCard } | { ok: false; issues: ScenarioIssue[] };

/** Longest scenario text accepted (a full card is about 30 KB). */
export const MAX_SCENARIO_CHARS = 200_000;

/**
 * Parses and validates scenario text (YAML or JSON).
 * @example
 * const parsed = parseScenarioText(yamlText);
 * if (!parsed.ok) for (const i of parsed.issues) console.log(`${i.line}: ${i.path}: ${i.message}`);
 */
export function parseScenarioText(source: string): ParsedScenario {
  if (source.length > MAX_SCENARIO_CHARS)
    return fail('', `the scenario is longer than ${MAX_SCENARIO_CHARS} characters`);
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter, prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      issues: doc.errors.map((e) => ({
        path: '',
        message: `not valid YAML: ${e.message.split('\n')[0]}`,
        line: e.linePos?.[0]?.line,
      })),
    };
  }
  const lineOf = (path: string) => lineInDocument(doc, lineCounter, path);
  const result = parseScenarioObject(doc.toJS({ maxAliasCount: 50 }));
  if (result.ok) return result;
  return { ok: false, issues: result.issues.map((i) => ({ ...i, line: lineOf(i.path) })) };
}

/** The 1-based line of a dotted field path in scenario text (its nearest existing parent's line). */
export function lineOfPath(source: string, path: string): number | undefined {
  const lineCounter = new LineCounter();
  return lineInDocument(parseDocument(source, { lineCounter }), lineCounter, path);
}

function lineInDocument(doc: Document, lineCounter: LineCounter, path: string): number | undefined {
  const keys = path === '' ? [] : path.split('.').map((k) => (/^\d+$/.test(k) ? Number(k) : k));
  for (let n = keys.length; n >= 0; n--) {
    const node = doc.getIn(keys.slice(0, n), true) as
      { range?: [number, number, number] } | undefined;
    if (node?.range) return lineCounter.linePos(node.range[0]).line;
  }
  return undefined;
}

/** Validates an already-parsed scenario (a JSON request body) and builds its card. */
export function parseScenarioObject(value: unknown): ParsedScenario {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return fail(
      '',
      'a scenario is a set of fields (id, title, partner, ...), not a single value or a list',
    );
  }
  const parsed = ScenarioFileSchema.safeParse(value);
  if (!parsed.success) return { ok: false, issues: zodIssues(parsed.error) };
  const repeated = repeatedLines(parsed.data);
  if (repeated.length > 0) return { ok: false, issues: repeated };
  return { ok: true, file: parsed.data, card: toPartnerCard(parsed.data) };
}

function zodIssues(error: z.ZodError): ScenarioIssue[] {
  return error.issues.map((i) => {
    const path = i.path.map(String).join('.');
    if (i.code === 'unrecognized_keys')
      return { path, message: `unknown field(s): ${i.keys.join(', ')} (check the spelling)` };
    if (i.code === 'invalid_type' && i.input === undefined)
      return { path, message: 'missing: this field is required' };
    return { path, message: i.message };
  });
}

/** A line said twice by one partner would be spent the first time: each must be different. */
function repeatedLines(file: ScenarioFile): ScenarioIssue[] {
  const seen = new Map<string, string>();
  const issues: ScenarioIssue[] = [];
  for (const line of authoredLines(file)) {
    const key = line.text.toLowerCase().replace(/\s+/g, ' ');
    const first = seen.get(key);
    if (first)
      issues.push({
        path: `${line.id}.text`,
        message: `the same line as ${first}: each line must be different`,
      });
    else seen.set(key, line.id);
  }
  return issues;
}

function fail(path: string, message: string): ParsedScenario {
  return { ok: false, issues: [{ path, message }] };
}

/**
 * @module evals/feedback/harper-check
 * A grammar check for learner-facing English: harper.js (offline, WASM) in British English, with
 * the binary inlined so it runs anywhere Node does. Setting it up takes a few seconds, so callers
 * make one and reuse it.
 */
import { Dialect, LocalLinter } from 'harper.js';
import { binaryInlined } from 'harper.js/binaryInlined';
import type { GrammarCheck } from './run-eval.js';

/** Lint kinds that are matters of taste, not errors in a reply (capitalised openings are checked elsewhere). */
const IGNORED = new Set(['Style', 'Readability', 'Enhancement', 'WordChoice']);

const words = (s: string | null | undefined) =>
  new Set((s ?? '').toLowerCase().match(/[a-z]+/g) ?? []);

/** Names feedback uses on purpose (each glossed where a learner first meets it). */
const FRAMEWORK_NAMES = ['ICF', 'MITI', 'GROW', 'Kline'];

/** Spans of text inside “…”: someone's own words, quoted (the learner's line, the partner's). */
function quotedSpans(text: string): [number, number][] {
  return [...text.matchAll(/“[^”]*”/g)].map((m) => [m.index!, m.index! + m[0].length]);
}

/**
 * harper.js as a `GrammarCheck`. A spelling lint on a word the partner used themselves (a name,
 * "prima donna") or on a name given (the partner's), and any lint inside a quotation (the
 * learner's or the partner's own words, quoted as they were), is not the text's error, so it is
 * left out.
 */
export async function harperCheck(): Promise<GrammarCheck> {
  const linter = new LocalLinter({ binary: binaryInlined, dialect: Dialect.British });
  await linter.setup();
  await linter.importWords(FRAMEWORK_NAMES);
  return async (text: string, partnerText?: string | null, names: readonly string[] = []) => {
    const theirs = new Set([...words(partnerText), ...names.flatMap((n) => [...words(n)])]);
    const quotes = quotedSpans(text);
    const lints = await linter.lint(text);
    return lints
      .filter((l) => !IGNORED.has(l.lint_kind()))
      .filter((l) => {
        const span = l.span();
        if (quotes.some(([a, b]) => span.start >= a && span.end <= b)) return false;
        if (l.lint_kind() !== 'Spelling') return true;
        return ![...words(text.slice(span.start, span.end))].every(
          (w) => theirs.has(w) || (w === 's' && /'s$/.test(text.slice(span.start, span.end))),
        );
      })
      .map((l) => `harper ${l.lint_kind()}: ${l.message()}`);
  };
}

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

const words = (s: string | null | undefined) => new Set((s ?? '').toLowerCase().match(/[a-z]+/g) ?? []);

/**
 * harper.js as a `GrammarCheck`. A spelling lint on a word the partner used themselves (a name,
 * "prima donna") is not the reply's error, so it is left out.
 */
export async function harperCheck(): Promise<GrammarCheck> {
  const linter = new LocalLinter({ binary: binaryInlined, dialect: Dialect.British });
  await linter.setup();
  return async (text: string, partnerText?: string | null) => {
    const theirs = words(partnerText);
    const lints = await linter.lint(text);
    return lints
      .filter((l) => !IGNORED.has(l.lint_kind()))
      .filter((l) => {
        if (l.lint_kind() !== 'Spelling') return true;
        const span = l.span();
        return ![...words(text.slice(span.start, span.end))].every((w) => theirs.has(w));
      })
      .map((l) => `harper ${l.lint_kind()}: ${l.message()}`);
  };
}

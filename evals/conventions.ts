/**
 * @module evals/conventions
 * How each data set labels a turn that ends on a question after some statement: AnnoMI calls it
 * a question whatever comes before; ESConv labels it by what the statement does once that is
 * long. One coder cannot follow both, so this table explains part of the gap between data sets.
 * Gold labels only: nothing here depends on the coder.
 */
import { normalise, sentences, words, isQuestionSentence } from '../api/practice/coder/text.js';
import { toCoarse } from './views.js';

/** Buckets of "words of statement before or around the question" (upper bounds, inclusive). */
export const STATEMENT_WORD_BUCKETS = [0, 5, 12, 25, Infinity] as const;

export interface QuestionConventionRow {
  /** bucket label, e.g. "0", "1-5", "26+" */
  statementWords: string;
  n: number;
  /** share of these turns whose gold label is a question */
  questionShare: number;
}

function bucketLabel(i: number): string {
  const hi = STATEMENT_WORD_BUCKETS[i];
  const lo = i === 0 ? 0 : STATEMENT_WORD_BUCKETS[i - 1] + 1;
  if (hi === Infinity) return `${lo}+`;
  return lo === hi ? String(hi) : `${lo}-${hi}`;
}

/** Words in the turn's non-question sentences, or null when the turn does not end on a question. */
export function statementWordsBeforeQuestion(text: string): number | null {
  const sents = sentences(normalise(text));
  if (sents.length === 0 || !isQuestionSentence(sents[sents.length - 1])) return null;
  let n = 0;
  for (const s of sents) if (!isQuestionSentence(s)) n += words(s).length;
  return n;
}

/** For turns ending on a question: share labelled question, by words of statement in the turn. */
export function questionConvention(
  rows: readonly { text: string; label: string | null }[],
): QuestionConventionRow[] {
  const counts = STATEMENT_WORD_BUCKETS.map(() => ({ n: 0, q: 0 }));
  for (const r of rows) {
    if (!r.label) continue;
    const w = statementWordsBeforeQuestion(r.text);
    if (w === null) continue;
    const i = STATEMENT_WORD_BUCKETS.findIndex((hi) => w <= hi);
    counts[i].n++;
    if (toCoarse(r.label) === 'question') counts[i].q++;
  }
  return counts.map((c, i) => ({
    statementWords: bucketLabel(i),
    n: c.n,
    questionShare: c.n > 0 ? c.q / c.n : 0,
  }));
}

/**
 * @module tools/scenarios/reading-level
 * Flesch reading ease and Flesch-Kincaid grade of a set of lines, with syllables counted by the
 * usual vowel-group rule: a rough guide that a partner talks like a colleague, not a report.
 */
export interface ReadingLevel {
  /** 0..100, higher is easier; everyday speech is 70 and above */
  ease: number;
  /** school grade (US), about the age minus five */
  grade: number;
  wordsPerSentence: number;
}

function syllables(word: string): number {
  const w = word.toLowerCase().replace(/[^a-z]/g, '');
  if (w.length <= 3) return 1;
  const trimmed = w.replace(/(?:[^laeiouy]es|[^laeiouy]ed|[^laeiouy]e)$/, '').replace(/^y/, '');
  return Math.max(1, (trimmed.match(/[aeiouy]{1,2}/g) ?? []).length);
}

export function readingLevel(lines: string[]): ReadingLevel {
  const text = lines.join(' ');
  const sentences = Math.max(
    1,
    text.split(/[.!?]+(?:\s|$)/).filter((s) => /[a-z]/i.test(s)).length,
  );
  const words = text.match(/[A-Za-z][A-Za-z'-]*/g) ?? [];
  const n = Math.max(1, words.length);
  const syl = words.reduce((s, w) => s + syllables(w), 0);
  const round = (x: number) => Math.round(x * 10) / 10;
  return {
    ease: round(206.835 - 1.015 * (n / sentences) - 84.6 * (syl / n)),
    grade: round(0.39 * (n / sentences) + 11.8 * (syl / n) - 15.59),
    wordsPerSentence: round(n / sentences),
  };
}

/**
 * @module practice/coder/text
 * Plain-text handling the coder needs: normalise a coach turn (curly quotes, disfluency dashes,
 * transcription marks), split it into sentences and words. Shared by the run-time coder and the
 * trainer so that the features a model was trained on are exactly the features it sees later.
 */

/**
 * The last texts normalised and what each gave: a turn normalises its own text and the partner's
 * last lines again in check after check (coder, engagement, feedback, alternatives), each time a
 * few new strings. A handful of entries, compared by value.
 */
const RECENT = 16;
const recentTexts: string[] = [];
const recentNorms: string[] = [];
let nextSlot = 0;

/** Lower-cased, straight-quoted, whitespace-collapsed text; transcription marks removed. */
export function normalise(text: string): string {
  for (let i = 0; i < recentTexts.length; i++) if (recentTexts[i] === text) return recentNorms[i];
  const norm = normaliseAfresh(text);
  recentTexts[nextSlot] = text;
  recentNorms[nextSlot] = norm;
  nextSlot = (nextSlot + 1) % RECENT;
  return norm;
}

function normaliseAfresh(text: string): string {
  return (
    text
      .toLowerCase()
      .replace(/[\u2018\u2019\u201b\u2032`]/g, "'")
      .replace(/[\u201c\u201d\u201f\u2033]/g, '"')
      .replace(/[\u2013\u2014]/g, ' - ')
      // "[unintelligible 00:07:40]", "[chuckles]": the transcriber's words, not the coach's
      .replace(/\[[^\]]*\]/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
  );
}

/**
 * Sentences of a normalised turn. A question mark, full stop, exclamation mark or ellipsis ends
 * a sentence; the terminator stays on the sentence so a question can be recognised as one.
 */
export function sentences(norm: string): string[] {
  const out: string[] = [];
  const re = /[^.?!]+(?:[.?!]+|$)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(norm)) !== null) {
    const s = m[0].trim();
    // "-" or "--" alone is a disfluency, not a sentence
    if (s.length > 0 && /[a-z0-9]/.test(s)) out.push(s);
    if (m[0].length === 0) re.lastIndex++;
  }
  return out;
}

/** Words of a normalised string: letters, digits and inner apostrophes ("don't", "you're"). */
export function words(norm: string): string[] {
  return norm.match(/[a-z0-9]+(?:'[a-z]+)?/g) ?? [];
}

/** How many words the coder counts in a turn (as `words` of its normalised text). */
export function wordCount(text: string): number {
  return words(normalise(text ?? '')).length;
}

/** True when a sentence is phrased as a question (ends with a question mark). */
export function isQuestionSentence(sentence: string): boolean {
  return /\?\s*$/.test(sentence);
}

/**
 * Filler that opens many spoken turns ("okay.", "mm-hmm.", "yeah,") and carries no code of its
 * own. Stripped before looking at how the substantive part of a turn begins.
 */
const FILLER =
  /^(?:(?:okay|ok|alright|all right|right|yeah|yes|yep|mm-hmm|mm|hmm|uh-huh|uh|um|er|ah|oh|well|so|and|now|great|good|sure|i see|got it|gotcha|wow)\b[\s,.!-]*)+/;

/** The sentence with leading filler removed ("okay, so what..." -> "what..."). */
export function stripFiller(sentence: string): string {
  const s = sentence.replace(FILLER, '');
  return s.length > 0 ? s : sentence;
}

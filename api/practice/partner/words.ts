/**
 * @module practice/partner/words
 * Words as the partner engine compares them: content words without the function words a
 * question is built from, cut to a rough stem so "handovers" meets "handover" and "worried"
 * meets "worry". Small on purpose: it only has to tell which of a card's lines a question is about.
 */

/** Function words and question scaffolding that say nothing about what is asked. */
const STOP = new Set(
  (
    "a an the and or but so if then than that this these those there here it its it's is are was were be been being am " +
    'do does did done doing have has had having can could would will should shall may might must not no yes ' +
    'i me my mine myself you your yours yourself we us our they them their he him his she her hers ' +
    'what which who whom whose when where why how whether about of in on at to from for with by as into onto ' +
    'up down out over under again just really very quite much many more most some any all each every ' +
    "don't didn't doesn't isn't aren't wasn't weren't can't couldn't won't wouldn't shouldn't haven't hasn't " +
    "i'm i've i'd i'll you're you've you'd you'll that's what's it's there's let's " +
    'think thinking thought say said saying tell told imagine know feel like get got go going ' +
    'okay ok right well now also too still one thing things bit kind sort way lot really actually maybe ' +
    'mean meant something anything everything someone anyone everyone'
  ).split(/\s+/),
);

/**
 * Texts already broken into words, and words already stemmed: a turn asks about the same card
 * lines many times over (every fact against every locked layer, every line against the question),
 * and splitting them again was most of a scripted turn's time. Pure values, bounded: a full memo
 * starts afresh.
 */
const MEMO_SIZE = 5000;
const wordsMemo = new Map<string, readonly string[]>();
const stemMemo = new Map<string, string>();
const stemsMemo = new Map<string, ReadonlySet<string>>();
function remember<V>(memo: Map<string, V>, key: string, value: V): V {
  if (memo.size >= MEMO_SIZE) memo.clear();
  memo.set(key, value);
  return value;
}

/** Lower-case content words of a text, in order, without repeats. */
export function contentWords(text: string): string[] {
  return [...wordsOf(text)];
}

function wordsOf(text: string): readonly string[] {
  const known = wordsMemo.get(text);
  if (known) return known;
  const out: string[] = [];
  for (const raw of text
    .toLowerCase()
    .replace(/[\u2018\u2019]/g, "'")
    .split(/[^a-z0-9']+/)) {
    const w = raw.replace(/^'+|'+$/g, '').replace(/'s$/, '');
    if (w.length < 2 || STOP.has(w) || STOP.has(stem(w)) || out.includes(w)) continue;
    out.push(w);
  }
  return remember(wordsMemo, text, Object.freeze(out));
}

/** A rough stem: enough to match plural, past and -ing forms of the same word. */
export function stem(word: string): string {
  return stemMemo.get(word) ?? remember(stemMemo, word, stemOf(word));
}

function stemOf(word: string): string {
  let w = word.toLowerCase();
  for (const [suffix, min] of [
    ['ingly', 4],
    ['ings', 4],
    ['ing', 4],
    ['ied', 3],
    ['ies', 3],
    ['ed', 4],
    ['es', 4],
    ['s', 3],
    ['ly', 4],
  ] as const) {
    if (w.endsWith(suffix) && w.length - suffix.length >= min) {
      w = w.slice(0, -suffix.length);
      break;
    }
  }
  return w.replace(/(.)\1$/, '$1').replace(/[ey]$/, '');
}

/** Stems of the content words of a text (shared: read, never change, the set). */
export function stemsOf(text: string): ReadonlySet<string> {
  return stemsMemo.get(text) ?? remember(stemsMemo, text, new Set(wordsOf(text).map(stem)));
}

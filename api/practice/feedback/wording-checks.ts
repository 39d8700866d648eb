/**
 * @module practice/feedback/wording-checks
 * Cheap checks for English that stitching a partner's sentence into a frame tends to break, run
 * on every alternative reply before a learner sees it (no alternative is better than a broken
 * one). They catch what a general grammar checker misses in coaching replies: a frame followed by
 * a capitalised sentence ("It sounds like Sorry, ..."), pronouns left unturned ("you wasn't",
 * "I" inside a reflection), contractions glued wrong ("it'sn't"), doubled words, the "and that's
 * been on your mind" frame the content guide rules out, and fragments.
 */
import { boundedMemo } from '../memo.js';

const FRAME =
  /\b(?:[Ii]t sounds like|[Ii]t sounds as if|[Ss]o|[Pp]art of you believes|[Yy]ou feel|[Yy]ou're saying)\s+([A-Z][a-z']*)/g;

const BROKEN: [RegExp, string][] = [
  [
    /\byou (?:was|wasn't|am|ain't|is|isn't|has|hasn't|does|doesn't)\b/i,
    'pronoun and verb disagree ("you was")',
  ],
  [/\b(?:i|he|she|it) (?:are|were|have(?:n't)?) (?:is|are|was|were)\b/i, 'two verbs in a row'],
  [/\b\w+'s?n't\b|\b\w+'ren't\b|\b\w+'ven't\b/i, 'a contraction glued to "not" ("it\'sn\'t")'],
  [/\byou's\b|\byour're\b|\byou're're\b|\byous\b/i, 'a pronoun turned wrongly'],
  [/\b(\w+)\s+\1\b/i, 'a doubled word'],
  [/,? and that's been on your mind\b/i, 'the stitched "and that\'s been on your mind" frame'],
  [/\b(?:it sounds like|so|part of you believes)\s*[.?!,]/i, 'a frame with nothing in it'],
  [/\b(?:you|your)\s+(?:you|your)\b/i, 'a pronoun twice'],
];

/** Words that open a sentence capitalised without being names. */
const OPENERS = new Set(
  (
    'sorry honestly well yes yeah no so and but okay ok thanks actually maybe because everyone nobody everything nothing ' +
    'the a an it this that there they he she we you my our what how why when if then just really look listen anyway hi hello ' +
    'oh um right fine sometimes last next every some most which who where still now today part being'
  ).split(' '),
);

/** Words the partner used capitalised that are not ordinary sentence openers: names, days, places. */
function properNouns(partnerText: string | null | undefined): Set<string> {
  const out = new Set<string>();
  for (const sentence of (partnerText ?? '').split(/[.?!…]+\s*/)) {
    const words = sentence.trim().split(/\s+/);
    words.forEach((w, i) => {
      const word = w.replace(/[^A-Za-z']/g, '').replace(/'s$/, '');
      if (/^[A-Z][a-z]/.test(word) && (i > 0 || !OPENERS.has(word.toLowerCase()))) out.add(word);
    });
  }
  return out;
}

/**
 * Problems with a reply's wording, in plain words; empty when none was found.
 * @example wordingProblems("It sounds like Sorry, you're frazzled.", "Sorry, I'm frazzled.") // ['a frame followed by a capitalised "Sorry"']
 */
export function wordingProblems(
  text: string,
  partnerText?: string | null,
  opts: { reflection?: boolean } = {},
): string[] {
  const prev = partnerText ?? null;
  const key = `${opts.reflection ? 'r' : '-'}${prev === null ? '-' : `${prev.length}:${prev}`}${text}`;
  return [...checked(key, () => Object.freeze(problemsOf(text, prev, opts)))];
}

/**
 * Wordings already checked: the alternatives weighed are the same few texts after the same
 * partner lines, turn after turn. Bounded (see practice/memo); callers get their own copy.
 */
const checked = boundedMemo<readonly string[]>(4000);

function problemsOf(
  text: string,
  partnerText: string | null,
  opts: { reflection?: boolean },
): string[] {
  const problems: string[] = [];
  const t = (text ?? '').replace(/[\u2018\u2019]/g, "'").trim();
  if (t.split(/\s+/).filter(Boolean).length < 3) problems.push('a fragment');
  if (!/^[A-Z“"]/.test(t)) problems.push('does not start with a capital');
  if (!/[.?!…]["”]?$/.test(t)) problems.push('no end punctuation');
  const names = properNouns(partnerText);
  for (const m of t.matchAll(FRAME)) {
    const word = m[1].replace(/'s$/, '');
    if (word !== 'I' && !names.has(word))
      problems.push(`a frame followed by a capitalised "${m[1]}"`);
  }
  for (const [re, what] of BROKEN) if (re.test(t)) problems.push(what);
  if ((t.match(/[“”"]/g) ?? []).length % 2 === 1) problems.push('an unmatched quotation mark');
  if ((t.match(/\(/g) ?? []).length !== (t.match(/\)/g) ?? []).length)
    problems.push('an unmatched bracket');
  // a reflection speaks about the partner: a first-person word left over means a pronoun was not turned
  if (opts.reflection && /\b(?:I|I'm|I've|I'd|I'll|me|my|myself|mine)\b/.test(t))
    problems.push('first person left in a reflection');
  if (opts.reflection && /\?/.test(t)) problems.push('a reflection ending as a question');
  return problems;
}

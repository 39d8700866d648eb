/**
 * @module practice/feedback/partner-words
 * Reads the partner's last words for what a good reply could build on: the sentence that carries
 * the most (a feeling, a want, a belief), the feeling named, whether an assumption is showing, and
 * that sentence turned round to the second person ("I keep giving dates I can't hit" -> "you keep
 * giving dates you can't hit"), so an alternative reply reflects the partner in their own words.
 */
import { boundedMemo } from '../memo.js';

/** Feeling words a partner may name, mapped to how a coach would say them back. */
const FEELINGS: [RegExp, string][] = [
  [/\b(?:worried|worry|worrying|anxious|nervous|uneasy)\b/, 'worried'],
  [/\b(?:scared|afraid|frightened|terrified|dread|dreading)\b/, 'afraid'],
  [/\b(?:frustrated|frustrating|annoyed|irritated|fed up)\b/, 'frustrated'],
  [/\b(?:angry|furious|cross|livid)\b/, 'angry'],
  [/\b(?:overwhelmed|swamped|drowning|too much|frazzled|stressed|snowed under)\b/, 'overwhelmed'],
  [/\b(?:exhausted|tired|worn out|wearing me down|drained|burnt out|burned out)\b/, 'worn down'],
  [/\b(?:stuck|trapped|going round in circles)\b/, 'stuck'],
  [/\b(?:guilty|guilt|ashamed|embarrassed)\b/, 'uneasy with yourself'],
  [/\b(?:sad|upset|hurt|gutted|miserable|low)\b/, 'hurt'],
  [/\b(?:sick|dread)\b/, 'uneasy'],
  [/\b(?:confused|unsure|not sure|torn|don't know)\b/, 'torn'],
  [/\b(?:lonely|alone|isolated|on my own)\b/, 'on your own with it'],
  // “I'd like to be clearer about...” is a want; “I feel clearer” is the relief
  [
    /\b(?:relieved|relief|lighter|(?:feel|feels|feeling|felt|it's|that's|much|a bit|bit) clearer)\b/,
    'lighter',
  ],
  [/\b(?:excited|thrilled|hopeful|proud)\b/, 'hopeful'],
];

/** Phrases that show a belief or limiting assumption surfacing (Kline). */
const ASSUMPTION =
  /\b(?:i (?:just )?assume[ds]?|i(?:'ve| have) always (?:believed|thought)|they(?:'ll| will) (?:think|decide|say)|people (?:will|would) (?:think|decide|say)|if i (?:say no|push back|turn (?:it )?down|speak up|ask)|i(?:'m| am) not (?:allowed|supposed|good enough|the kind)|i can't (?:possibly|just)|i'll never|nobody (?:would|will)|that's (?:just )?(?:how it is|the way it is))\b/i;

/** The partner asking for the coach's view ("what would you do?"): advice is then not unasked. */
const ASKS_FOR_ADVICE =
  /\b(?:what (?:do|would) you (?:think i should|suggest|recommend|do)|what should i (?:do|say)|(?:any|got any|do you have (?:any)?) (?:advice|ideas|suggestions|tips)|(?:can|could) you (?:tell me what to do|give me (?:some )?(?:advice|ideas))|what would you do)\b/i;

export function asksForAdvice(text: string | null | undefined): boolean {
  return !!text && ASKS_FOR_ADVICE.test(text.replace(/[\u2018\u2019]/g, "'"));
}

const WANT = /\b(?:i (?:really )?(?:want|need|would like|'d like|wish|hope) to)\b/i;
/**
 * The partner saying what they want from the conversation or the situation ("I want to walk out
 * knowing how to decide", "What I'd like is a plan", "I'm hoping for some clarity").
 */
const STATES_WANT =
  /\b(?:i (?:really |just |mostly )?(?:want|need|would like|'d like|wish|hope|am hoping|'m hoping)(?: to| for| some| a| an| the|$)|what i(?:'d| would) (?:like|want|love)|i(?:'m| am) (?:after|looking for) )/i;

/** Whether the partner's words state what they want. */
export function statesWant(text: string | null | undefined): boolean {
  return !!text && STATES_WANT.test(text.replace(/[\u2018\u2019]/g, "'"));
}

const FIRST_PERSON = /\b(?:i|i'm|i've|i'd|i'll|me|my|mine|myself|we|we're|our|us)\b/i;

/** Turn first person into second person, word by word ("I am" -> "you are", "my" -> "your"). */
export function secondPerson(clause: string): string {
  const map: Record<string, string> = {
    i: 'you',
    "i'm": "you're",
    "i've": "you've",
    "i'd": "you'd",
    "i'll": "you'll",
    me: 'you',
    my: 'your',
    mine: 'yours',
    myself: 'yourself',
    we: 'you',
    "we're": "you're",
    "we've": "you've",
    our: 'your',
    ours: 'yours',
    us: 'you',
  };
  return clause
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/\bI am\b/g, 'you are')
    .replace(/\bI was\b/g, 'you were')
    .replace(/\bwe were\b/gi, 'you were')
    .replace(/\b(?:am I)\b/g, 'are you')
    .replace(/\b[A-Za-z]+(?:'[a-z]+)?\b/g, (w) => {
      const low = w.toLowerCase();
      return map[low] ?? w;
    });
}

/** Sentences of the partner's words, without leading filler ("Yes.", "Honestly,"). */
export function partnerSentences(text: string): string[] {
  return (text.match(/[^.?!]+[.?!]*/g) ?? [])
    .map((s) =>
      s
        .trim()
        .replace(
          /^(?:(?:yes|yeah|no|well|so|honestly|hmm|um|oh|okay|ok|right|exactly|and|but|i mean|to be honest|if i'm (?:completely )?honest|i (?:think|guess|suppose)(?: that)?|the (?:real )?(?:truth|thing|problem) is(?: that)?|it sounds silly,? but|i know it sounds \w+,? but)\b[,.!]?\s*)+/i,
          '',
        )
        .trim(),
    )
    .filter((s) => /[a-z]/i.test(s) && s.split(/\s+/).length >= 3);
}

/**
 * The text without the idioms that borrow a feeling word ("..., I'm afraid.", "I'm afraid I can't"):
 * an apology, not fear. Offsets are kept (spaces replace the idiom), so a phrase found after it
 * can still be cut from the original words.
 */
function withoutIdioms(text: string): string {
  return text.replace(/\bI'?m afraid\b(?=\s*(?:[.,;!?]|$|that's\b|not\b|so\b))/gi, (m) =>
    ' '.repeat(m.length),
  );
}

/** The feeling the partner named, in the words a coach would reflect it with. */
export function feelingIn(text: string | null | undefined): string | null {
  if (!text) return null;
  return feelings(text, () => feelingOnce(text));
}

/**
 * Partner lines already read: feedback asks of the same line (and of every sentence of it) what
 * feeling it names and which sentences rank first, several times a turn and in every session
 * where the card says it. Bounded (see practice/memo).
 */
const feelings = boundedMemo<string | null>(4000);
const ranked = boundedMemo<readonly string[]>(4000);

function feelingOnce(text: string): string | null {
  const low = withoutIdioms(text.replace(/[\u2018\u2019]/g, "'")).toLowerCase();
  for (const [re, word] of FEELINGS) if (re.test(low)) return word;
  return null;
}

export function assumptionShowing(text: string | null | undefined): boolean {
  return !!text && ASSUMPTION.test(text.replace(/[\u2018\u2019]/g, "'"));
}

/** Sentences that are not the partner's own content: greetings, thanks, orders to themselves. */
const NOT_CONTENT =
  /^(?:hi|hello|hey|thanks|thank you|cheers|sorry|ask|tell|go|stop|just|look|listen|anyway)\b/i;

/**
 * The partner's sentences worth reflecting, best first: one naming a feeling, then a want or a
 * belief, then any first-person sentence (earliest first on a tie), then the rest, last first.
 * Questions the partner asked, greetings and thanks are left out.
 */
export function rankedSentences(text: string | null | undefined): string[] {
  if (!text) return [];
  return [...ranked(text, () => Object.freeze(rankOnce(text)))];
}

function rankOnce(text: string): string[] {
  const sents = partnerSentences(text).filter((s) => !s.endsWith('?') && !NOT_CONTENT.test(s));
  // a fragment of three words or fewer ("Mei, my lead.") names a thing but says nothing about it:
  // quoted back ("“Mei, my lead” still had more in it") it reads as a non sequitur
  const score = (s: string) =>
    (feelingIn(s) ? 4 : 0) +
    (WANT.test(s) || assumptionShowing(s) ? 3 : 0) +
    (FIRST_PERSON.test(s) ? 1 : 0) -
    (s.split(/\s+/).length <= 3 ? 2 : 0);
  return sents
    .map((s, i) => ({ s, i, score: score(s) }))
    .sort((a, b) => b.score - a.score || (a.score > 0 ? a.i - b.i : b.i - a.i))
    .map((x) => x.s);
}

/** The partner sentence most worth reflecting (see `rankedSentences`). */
export function keySentence(text: string | null | undefined): string | null {
  return rankedSentences(text)[0] ?? null;
}

/** Shorten a clause to about `max` words, cutting at a comma or "and"/"but" where possible. */
function trimClause(clause: string, max = 24): string {
  const ws = clause.split(/\s+/);
  if (ws.length <= max) return clause;
  const head = ws.slice(0, max).join(' ');
  const cut = Math.max(head.lastIndexOf(','), head.lastIndexOf(' and '), head.lastIndexOf(' but '));
  return cut > 15 ? head.slice(0, cut) : head;
}

/**
 * A partner sentence turned round to the coach's voice, lower-cased and without end punctuation:
 * ready to follow "So" or "It sounds like".
 * @example clauseOf("I keep giving dates I can't hit.") // "you keep giving dates you can't hit"
 */
export function clauseOf(sentence: string): string {
  let clause = secondPerson(sentence.replace(/[.!?…]+$/, '').replace(/["“”]/g, ''));
  clause = trimClause(clause).replace(/[,;:\s-]+$/, '');
  // lower-case an ordinary first word; leave names ("Gareth") as they are
  const first = clause.split(/\s+/)[0] ?? '';
  if (COMMON_START.has(first.toLowerCase().replace(/'.*/, '')))
    clause = first.toLowerCase() + clause.slice(first.length);
  // a reflection never ends on a question mark
  return clause.replace(/\?/g, '');
}

/** Ordinary sentence-opening words that are safe to lower-case (not names). */
const COMMON_START = new Set(
  (
    "the a an it it's this that these those there there's they he she his her when if then because since so as like " +
    'everyone nobody everybody someone somebody anyone anything everything nothing something people every each all some most ' +
    'my our what how why which who where here put part being about after before last next once twice half both either ' +
    'neither another other such much many few more less lots loads still now today yesterday tomorrow sometimes often mostly ' +
    'really actually apparently basically even only also too not no yes fine okay in on at by for with from of to until ' +
    'unless whether while although though one two three four five six seven eight nine ten eleven twelve twenty work things'
  ).split(' '),
);

/**
 * The partner's key sentence in their own words, for feedback to quote ("I'm answering tickets
 * at ten at night"), cut to about `max` words at a word boundary; `null` when they said nothing
 * worth quoting.
 */
export function partnerQuote(text: string | null | undefined, max = 12): string | null {
  const s = keySentence(text);
  if (!s) return null;
  const clean = s
    .replace(/["“”]/g, '')
    .replace(/[.!…]+$/, '')
    .trim();
  const words = clean.split(/\s+/);
  // a sentence a few words over is quoted whole rather than losing its end (“..., I smile and
  // something in my stomach drops”)
  if (words.length <= max + 4) return clean;
  // a whole clause reads better than words cut mid-thought (“... with every little problem and I…”)
  const head = words.slice(0, max + 1).join(' ');
  const cut = Math.max(
    head.lastIndexOf(', '),
    head.lastIndexOf(' and '),
    head.lastIndexOf(' but '),
  );
  if (cut > 0 && head.slice(0, cut).split(/\s+/).length >= 5) return head.slice(0, cut);
  return `${words
    .slice(0, max)
    .join(' ')
    .replace(/[,;:]+$/, '')}…`;
}

/**
 * A short phrase the partner actually used, for a suggestion to point at: the feeling as they
 * said it ("drowning", "frazzled"), else their key sentence when short, else its first clause;
 * `null` when neither is short enough to quote whole.
 */
export function partnerPhrase(text: string | null | undefined): string | null {
  if (!text) return null;
  const plain = text.replace(/[\u2018\u2019]/g, "'");
  const low = withoutIdioms(plain).toLowerCase();
  for (const [re] of FEELINGS) {
    const m = re.exec(low);
    if (m) return plain.slice(m.index, m.index + m[0].length);
  }
  // a whole short sentence, or its first clause: never a phrase cut off mid-way (“It's six people, a budget, and…”)
  const whole = partnerQuote(text, 8);
  if (whole && !whole.endsWith('…')) return whole;
  const clause = whole?.split(/[,;:]\s+|\s+(?:and|but|because|so)\s+/)[0]?.trim();
  return clause && clause.split(/\s+/).length >= 3 && !clause.endsWith('…') ? clause : null;
}

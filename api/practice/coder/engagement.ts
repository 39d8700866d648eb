/**
 * @module practice/coder/engagement
 * Whether a coach turn engages with what the partner actually said: a turn that names things
 * (people, events, feelings) must name at least one the partner raised, by the same word (after
 * stemming) or a close one (a small family of feeling and workplace words). A turn that names
 * nothing of its own ("Go on.", "What would you like from today?") engages by following. Content-
 * free or off-topic templates ("It sounds like the purple banana has left you carrying a lot of
 * telephones.") name things the partner never said, and so do not engage. A colleague ("the
 * director"), a participle ("the boss pushing") or a set phrase ("on your plate") is not such a
 * thing: it belongs to the partner's world or names nothing. Measured in
 * evals/moves (README there): precision and recall of "not engaged" on written templates and on
 * reflections moved into another conversation.
 */
import type { CoderContext } from '../types.js';
import type { ParsedTurn } from './features.js';
import { normalise, words } from './text.js';

/**
 * Words that name nothing in particular: function words, the coach's own vocabulary (feel, want,
 * step, session...), and time words every conversation has. A turn made only of these follows the
 * partner rather than claiming content.
 */
const GENERIC = new Set(
  (
    'a an the and or but so to of in on at for with about is are was were be been being am do does did done doing i you he she it we they ' +
    'me my your yours yourself his her hers its our their them him us this that these those not no yes yeah okay ok um uh like just really ' +
    'very have has had having what how why when where who whom which whose if then than there here as by from up out down off over into onto ' +
    'get gets got getting go goes going gone went gonna can could would should will shall may might must know knew known think thought ' +
    "mm hmm right well kind sort thing things lot lots little bit mean means meant i'm i've i'd i'll you're you've you'd you'll he's she's it's " +
    "that's there's what's who's let's don't doesn't didn't won't wouldn't can't couldn't shouldn't isn't aren't wasn't weren't haven't hasn't " +
    "hadn't how's where's when's here's anything something everything nothing anyone someone everyone nobody somebody everybody one ones " +
    'more most much many some any all both each every other another own same such only also too even still yet again ever never always ' +
    'feel feels feeling feelings felt want wants wanted wanting need needs needed like liked would make makes made say says said saying tell ' +
    'told ask asked talk talked talking hear heard see seen look looks looking sound sounds seem seems seemed come coming came take taking took ' +
    'give given gave put keep kept let try tried trying find found happen happens happened happening work working worked way ways time times ' +
    'today tomorrow yesterday now week weeks day days month months year years moment while first next last end start step steps ' +
    'good great fine bad better best worse hard easy big small sure true real really able okay alright help helps helped useful worth ' +
    'session sessions conversation today\'s part sense point idea ideas option options thought thoughts plan people person someone ' +
    'sorry thanks thank please hi hello welcome glad happy lovely oh ah well so ok sure fair enough agree agreed shall maybe perhaps probably ' +
    'actually honestly quite rather pretty enough back away around through between before after since until during without within ' +
    'mind matter matters important different difference whole same way else else\'s wanted sure two three four five six ten one ' +
    // the coach's process vocabulary: what any session talks about
    'question questions focus goal goals outcome outcomes minutes minute hour half notes note role rules ground share shared sharing ' +
    'observation approach approaches technique techniques suggestion suggestions advice fix view views evidence answer answers honest ' +
    'sign skill skills progress decision decisions decide deciding change changes changed learn learned learnt difference agenda ' +
    'confidential between rest stay stays worthwhile valuable clarity clear focus helpful notice noticed noticing happened place ' +
    'experience sounding board challenge questions listen listening advise exploring explore thinking aloud loud lead leading ' +
    // abstract nouns any situation has, and the qualities an affirmation names
    'problem problems issue issues pattern gut attempt situation shock result results room strength strengths mess blow position ' +
    'picture points threads main sentence opening side sides risk chance deal case story process biggest smallest cheap fair ' +
    'courage nerve guts backbone discipline persistence effort careful honesty self-awareness shift achievement track record ' +
    'worried worry afraid scared stuck hurt hurting tough tricky difficult heavy lonely wearing exhausting unfair frustrating'
  ).split(/\s+/),
);

/** Families of words that name the same thing (feelings; people and places at work). */
const FAMILIES: readonly string[] = [
  'angry annoyed furious frustrated fed irritated cross livid rage mad resent resentment wound',
  'worried worry anxious anxiety nervous nerves scared afraid fear frighten frightened terrified dread dreading panic stressed stress uneasy',
  'sad upset gutted devastated down low hurt hurting cry crying cried tears miserable grief grieving',
  'tired exhausted drained worn burnt burnout empty sleep sleeping knackered',
  'stuck trapped lost circles drowning overwhelmed swamped underwater',
  'happy pleased proud excited delighted thrilled relieved',
  'embarrassed ashamed humiliated awkward guilty fraud imposter',
  'manager boss director supervisor head lead chair ceo line',
  'colleague colleagues team staff coworker peer peers report reports people',
  'job role post position promotion career',
  'meeting meetings call calls standup stand presentation pitch',
  'money pay salary budget cost costs bonus funding funder price',
  'customer customers client clients patient patients parent parents resident residents user users',
].flatMap((line, i) => line.split(' ').map((w) => `${w}=${i}`));
const FAMILY = new Map(FAMILIES.map((e) => e.split('=') as [string, string]));

/** The word family a word belongs to (feelings; people and places at work), if any. */
export function wordFamily(w: string): string | undefined {
  return FAMILY.get(w) ?? FAMILY.get(stem(w));
}

/** A crude stem: enough to meet "meetings" with "meeting" and "worried" with "worry". */
export function stem(w: string): string {
  let s = w.replace(/'s$/, '');
  if (s.length > 5 && s.endsWith('ies')) return s.slice(0, -3) + 'y';
  if (s.length > 5 && s.endsWith('ied')) return s.slice(0, -3) + 'y';
  // a plural first ("meetings" -> "meeting"), then a tense or an adverb ending ("meeting" -> "meet")
  if (s.length >= 5 && s.endsWith('s') && !s.endsWith('ss')) s = s.slice(0, s.endsWith('es') && s.length >= 6 ? -2 : -1);
  for (const suffix of ['ing', 'ed', 'ly', 'er']) {
    // not the -ly of a verb ("apply", "comply", "supply")
    if (s.length - suffix.length >= 4 && s.endsWith(suffix) && !(suffix === 'ly' && /(?:pp|mp)ly$/.test(s))) {
      s = s.slice(0, -suffix.length);
      break;
    }
  }
  // "stopp" -> "stop", "plann" -> "plan"
  if (s.length >= 4 && s[s.length - 1] === s[s.length - 2] && !/[lsz]/.test(s[s.length - 1])) s = s.slice(0, -1);
  return s.replace(/e$/, '');
}

/** The words of a turn that name something: not generic, not numbers. */
function contentWords(ws: readonly string[]): string[] {
  return ws.filter((w) => !GENERIC.has(w) && w.length > 2 && !/^\d+$/.test(w));
}

/** Stems and families of everything the partner has said that the coder was given. */
function partnerVocabulary(ctx: CoderContext): Set<string> | null {
  const texts = [...(ctx.earlierPartner ?? []), ctx.prevPartner ?? ''].filter((t) => t && t.trim());
  if (texts.length === 0) return null;
  const vocab = new Set<string>();
  for (const t of texts)
    for (const w of words(normalise(t))) {
      vocab.add(stem(w));
      const f = FAMILY.get(w) ?? FAMILY.get(stem(w));
      if (f !== undefined) vocab.add(`#${f}`);
    }
  return vocab;
}

/**
 * Whether the turn engages with the partner's words: true when it names nothing of its own or at
 * least one thing the partner raised, and when the coder was given no partner words at all.
 */
export function engages(turn: ParsedTurn, ctx: CoderContext, minUnmatched = MIN_UNMATCHED): boolean {
  const content = contentWords(turn.words);
  if (content.length < minUnmatched) return true;
  const vocab = partnerVocabulary(ctx);
  if (vocab === null) return true;
  const known = (w: string) => {
    const st = stem(w);
    const f = FAMILY.get(w) ?? FAMILY.get(st);
    return vocab.has(st) || (f !== undefined && vocab.has(`#${f}`)) || sharesRoot(st, vocab);
  };
  if (content.some(known)) return true;
  // nothing the partner said is taken up: off-topic when the turn names a thing of its own ("the
  // stapler", "your wedding plans"), not when it only rephrases ("something big with no map")
  if (namedThings(turn.words).some((np) => np.length > 0 && !np.some(known) && isThing(np))) return false;
  return content.length < UNMATCHED_WITHOUT_A_NAMED_THING;
}

/**
 * A word built on one the partner used ("friendship" on "friends", "compliance" on "comply"):
 * the shorter stem, five letters or more, opens the longer. Stems are short, so this is a scan.
 */
function sharesRoot(st: string, vocab: ReadonlySet<string>): boolean {
  if (st.length < 5) return false;
  for (const v of vocab) {
    if (v.length < 5 || v[0] === '#') continue;
    const [short, long] = v.length <= st.length ? [v, st] : [st, v];
    if (long.startsWith(short.slice(0, Math.max(5, short.length - 1)))) return true;
  }
  return false;
}

const DETERMINER = new Set(['the', 'a', 'an', 'your', 'his', 'her', 'their', 'our', 'my', 'this', 'these', 'those', 'some']);
/** Words that end a noun phrase after a determiner: verbs, prepositions, conjunctions. */
const PHRASE_END = new Set(
  ('of to and or but with has have had is are was were be been left will would could can should that which who ' +
    'for from in on at by about as than if so when while because into onto over after before since').split(' '),
);

/**
 * The people of anyone's working world ("the director", "your team", "the panel"): a coach naming
 * one refers to the partner's world, often to something said before the lines the coder was given.
 * Off-topic templates name objects and events ("the stapler", "your holiday"), not colleagues.
 */
const WORKPLACE_PEOPLE = new Set(
  ('director directors manager managers boss bosses team teams colleague colleagues client clients customer customers ' +
    'supplier suppliers panel student students pupil pupils staff head recruiter board partner partners finance hr ' +
    'candidate candidates member members lead leads').split(' '),
);
/**
 * Words a determiner can open that name no thing: adverbs, quantities, verbs after "the"/"a", and
 * the nouns of set phrases ("a step ahead", "on your plate", "in the neck", "on the spot").
 */
const NOT_A_THING = new Set(
  ('ahead few huge itself towards inside outside long specific run split lose enjoy glib depends reflect asks fit spot ' +
    'plate neck reason fact others rest lot least same whole bit').split(' '),
);

/** Whether a noun phrase names a thing of its own: its head is a noun, and not a colleague. */
function isThing(np: readonly string[]): boolean {
  return np.some((raw) => {
    const w = raw.replace(/'s$/, '');
    if (WORKPLACE_PEOPLE.has(w) || NOT_A_THING.has(w)) return false;
    // a participle or an adverb ("the boss pushing", "the expectations stayed")
    return NOUN_ING.has(w) || !/(?:ed|ing|ly)$/.test(w);
  });
}
/** Nouns ending in -ing that name things ("the meeting", "the wedding", "the building"). */
const NOUN_ING = new Set('meeting meetings wedding building ceiling evening morning training funding spring ring thing'.split(' '));

/** The content words of each noun phrase a determiner opens (up to three words). */
function namedThings(ws: readonly string[]): string[][] {
  const out: string[][] = [];
  for (let i = 0; i < ws.length; i++) {
    if (!DETERMINER.has(ws[i])) continue;
    const np: string[] = [];
    for (let j = i + 1; j < Math.min(ws.length, i + 4) && !PHRASE_END.has(ws[j]) && !DETERMINER.has(ws[j]); j++)
      if (!GENERIC.has(ws[j]) && ws[j].length > 2 && !/^\d+$/.test(ws[j])) np.push(ws[j]);
    out.push(np);
  }
  return out;
}

/** How many words naming things the partner never raised make a turn off-topic (chosen on evals/moves). */
export const MIN_UNMATCHED = 1;
/**
 * Unmatched content words that make a turn off-topic when it names no thing with a determiner
 * (3: with a named thing required to be a thing, not a colleague or a participle, this keeps the
 * recall of both engagement sets while the false flags on genuine turns fall; evals/moves).
 */
export const UNMATCHED_WITHOUT_A_NAMED_THING = 3;

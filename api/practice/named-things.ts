/**
 * @module practice/named-things
 * What a coach turn names, read one way for the whole practice domain: the noun phrases a
 * determiner opens ("the Monday meeting", "your manager"), each read to its head and no further,
 * and the partner's vocabulary they are checked against. The coder (coder/engagement: is the turn
 * about this conversation?) and the scorecard and feedback (standing/engagement-evidence: may the
 * turn be credited or praised?) both read named things here, so they cannot disagree on what a
 * turn named.
 *
 * A noun phrase ends at its head: "the moment passes" names a moment, not a "passes"; "your
 * manager's supportive" names the manager. English grammar says where a phrase stops without a
 * list of verbs: after the first noun, a participle ("the boss pushing"), an adverb ("the team
 * really"), an adjective ("the manager's supportive") or a present-tense verb (a singular noun
 * then an -s word, where the phrase is a clause's subject or the word takes an object: "the moment
 * passes", "the team knows it") begins the rest of the clause.
 */
import { normalise, words } from './coder/text.js';
import { WORKPLACE_STEMS } from './coder/workplace-lexicon.generated.js';
import { boundedMemo } from './memo.js';

/**
 * Stems remembered: every turn stems its own words, the partner's lines and the words it checks
 * against them, mostly the same few thousand words. Bounded (see practice/memo).
 */
const stems = boundedMemo<string>(20000);

/** A crude stem: enough to meet "meetings" with "meeting" and "worried" with "worry". */
export function stem(w: string): string {
  return stems(w, () => stemOnce(w));
}

function stemOnce(w: string): string {
  let s = w.replace(/'s$/, '');
  if (s.length > 5 && s.endsWith('ies')) return s.slice(0, -3) + 'y';
  if (s.length > 5 && s.endsWith('ied')) return s.slice(0, -3) + 'y';
  // a plural first ("meetings" -> "meeting"), then a tense or an adverb ending ("meeting" -> "meet")
  if (s.length >= 5 && s.endsWith('s') && !s.endsWith('ss'))
    s = s.slice(0, s.endsWith('es') && s.length >= 6 ? -2 : -1);
  for (const suffix of ['ing', 'ed', 'ly', 'er']) {
    // not the -ly of a verb ("apply", "comply", "supply")
    // "asking" -> "ask" and "asked" -> "ask", but not "thing" or "need"
    const least = suffix === 'ing' || suffix === 'ed' ? 3 : 4;
    if (
      s.length - suffix.length >= least &&
      s.endsWith(suffix) &&
      !(suffix === 'ly' && /(?:pp|mp)ly$/.test(s))
    ) {
      s = s.slice(0, -suffix.length);
      break;
    }
  }
  // "stopp" -> "stop", "plann" -> "plan"
  if (s.length >= 4 && s[s.length - 1] === s[s.length - 2] && !/[lsz]/.test(s[s.length - 1]))
    s = s.slice(0, -1);
  return s.replace(/e$/, '');
}

/** Words that open a noun phrase. */
export const DETERMINERS: ReadonlySet<string> = new Set(
  'the a an your his her their our my this these those some'.split(' '),
);

/**
 * Determiners that presuppose their thing is already shared ("the marmalade", "your holiday"):
 * said of something the partner never raised, they claim a common ground that is not there. An
 * indefinite or third-person one introduces something new ("a shock", "her language").
 */
export const PRESUPPOSING: ReadonlySet<string> = new Set(['the', 'this', 'these', 'those', 'your']);

/** Words that end a noun phrase: verbs of being and having, modals, prepositions, conjunctions, pronouns. */
const PHRASE_END = new Set(
  (
    'of to and or but nor with has have had is are was were be been left will would could can should that which who ' +
    'for from in on at by about as than if so when while because into onto over after before since ' +
    'behind under above below through across against without within between towards around along beyond like ' +
    'i you he she it we they me him them us'
  ).split(' '),
);

/** Words that join clauses: a determiner just after one opens the clause's subject. */
const CLAUSE_LINK = new Set(
  'and but so or when while until because if once as before after since that where then though although unless whether'.split(
    ' ',
  ),
);

/** Words that open what a verb takes ("knows it", "wants you to", "shows that"): after an -s word, they make it a verb. */
const COMPLEMENT_OPENS = new Set([
  ...DETERMINERS,
  ...'me you him her it us them that to'.split(' '),
]);

/** Nouns ending in -ing or -ed that name things ("the meeting", "your wedding", "the shed"). */
const NOUN_ING = new Set(
  'meeting meetings wedding weddings building buildings evening evenings morning mornings ceiling painting paintings pudding clothing training funding ring string king wing spring thing shed bed sled'.split(
    ' ',
  ),
);

const participle = (w: string) => /(?:ed|ing)$/.test(w) && !NOUN_ING.has(w);
const adverb = (w: string) => /ly$/.test(w) && w.length > 4;
/** Adjective endings: after a noun such a word is said of it ("your manager's supportive"). */
const adjective = (w: string) => /(?:ive|ful|ous|able|ible|less)$/.test(w) && w.length > 5;
/** An -s word that can be a verb's present tense ("passes", "knows"), not a word of its own ("process", "bus", "analysis"). */
const presentS = (w: string) => /[^su']s$/.test(w) && !/(?:ss|us|is)$/.test(w);

/** A noun phrase a determiner opens: its words up to and including the head. */
export interface NounPhrase {
  /** the determiner ("the", "your") */
  det: string;
  /** the determiner's index in the words */
  at: number;
  /** the phrase's words after the determiner, up to its head (at most three) */
  words: string[];
}

/** Words and the clause marks between them (",", ".", "?"...), from normalised text. */
function tokens(norm: string): string[] {
  return norm.match(/[a-z0-9]+(?:'[a-z]+)?|[.,;:?!]/g) ?? [];
}

const mark = (t: string | undefined) => t === undefined || /^[.,;:?!]$/.test(t);

/**
 * The noun phrases determiners open in a turn (normalised text, or its words when the clause marks
 * are gone), each read to its head.
 * @example nounPhrases('so when the moment passes, you freeze').map((np) => np.words) // [['moment']]
 */
export function nounPhrases(text: string | readonly string[]): NounPhrase[] {
  const ts = typeof text === 'string' ? tokens(text) : text;
  const out: NounPhrase[] = [];
  let at = -1;
  for (let i = 0; i < ts.length; i++) {
    if (mark(ts[i])) continue;
    at++;
    if (!DETERMINERS.has(ts[i])) continue;
    // the phrase is a clause's subject: a verb may follow its head
    const subject = i === 0 || mark(ts[i - 1]) || CLAUSE_LINK.has(ts[i - 1]);
    const np: string[] = [];
    let noun = false;
    for (let j = i + 1; j < ts.length && np.length < 3; j++) {
      const w = ts[j];
      if (mark(w) || PHRASE_END.has(w) || DETERMINERS.has(w)) break;
      if (noun) {
        // after the head: the rest of the clause
        const prev = np[np.length - 1];
        if (participle(w) || adverb(w) || adjective(w)) break;
        if (
          presentS(w) &&
          // after a singular noun ("the boss wants", not "the budget meetings")
          !/[^s]s$/.test(prev) &&
          (subject || COMPLEMENT_OPENS.has(ts[j + 1] ?? '') || adverb(ts[j + 1] ?? ''))
        )
          break;
        // "your manager's" then anything but a noun: "manager is", not a possessive
        if (/'s$/.test(prev) && (PHRASE_END.has(w) || mark(w))) break;
      }
      np.push(w);
      // a modifier before the head ("the growing pile", "the really big day") is not yet a noun
      noun ||= !participle(w) && !adverb(w);
    }
    out.push({ det: ts[i], at, words: np });
  }
  return out;
}

/**
 * Words a determiner can open that name no thing of the partner's own: qualities and quantities
 * ("a huge", "the whole"), the heads of set phrases and figures of speech ("the rest of", "on your
 * plate", "hit a wall", "the weight of it"), verbs after "the"/"a" ("a run"), and the people of
 * anyone's working world ("the team", "your manager"), who belong to the partner's world even
 * before they are named, often in words said before the lines at hand.
 */
const NOT_A_THING = new Set(
  // qualities, quantities and positions
  (
    'huge tough long whole ideal reasonable real basic fairly tight bright new old single short little big nice main last ' +
    'first next same other usual wrong right early late inside outside ahead towards few itself specific others rest lot ' +
    'least bit gut word words fact reason ' +
    // verbs a determiner may open, and set phrases
    'run split lose enjoy glib depends reflect asks fit spot plate neck ' +
    // figures of speech, not things in the room
    'weight load burden knot wall limit edge ceiling ladder bridge road path map journey crossroads spotlight storm ' +
    // the people of anyone's working world
    'director directors manager managers boss bosses team teams colleague colleagues client clients customer customers ' +
    'supplier suppliers panel student students pupil pupils staff head recruiter board partner partners finance hr ' +
    'candidate candidates member members lead leads reports'
  ).split(' '),
);

/** Endings of abstract nouns ("the expectations", "the responsibility"): a quality or an act, not a thing in the room. */
const ABSTRACT =
  /(?:ness|ity|ities|ment|ments|ance|ence|ancy|ency|tion|tions|sion|sions|ism|ship|hood|dom)$/;

/**
 * Whether a word of a noun phrase names a thing of its own: a noun, not a quality, a figure of
 * speech, a colleague, a participle ("the boss pushing") or, unless `abstract`, an abstract noun.
 */
export function namesAThing(raw: string, { abstract = false } = {}): boolean {
  const w = raw.replace(/'s$/, '');
  if (NOT_A_THING.has(w)) return false;
  if (NOUN_ING.has(w)) return true;
  if (participle(w) || adverb(w)) return false;
  return abstract || !ABSTRACT.test(w);
}

/** The family a word belongs to (feelings; people and places at work), if any: words said another way. */
export type FamilyOf = (w: string) => string | undefined;

/**
 * The stems and families of one partner line (or a scenario's brief), remembered per family
 * reading: a line is read again by every later turn of the window, and a card's lines recur in
 * session after session. Bounded (see practice/memo).
 */
const lineVocabularies = new WeakMap<
  FamilyOf,
  (key: string, compute: () => readonly string[]) => readonly string[]
>();
function lineVocabulary(text: string, familyOf: FamilyOf): readonly string[] {
  let memo = lineVocabularies.get(familyOf);
  if (!memo) lineVocabularies.set(familyOf, (memo = boundedMemo<readonly string[]>(4000)));
  return memo(text, () => {
    const out: string[] = [];
    for (const w of words(normalise(text))) {
      out.push(stem(w));
      const f = familyOf(w);
      if (f !== undefined) out.push(`#${f}`);
    }
    return Object.freeze(out);
  });
}

/**
 * The last few vocabularies built and the lines each was built from: a turn's feedback asks for
 * the same partner lines' vocabulary twice (engagement evidence, then the unsaid-condition
 * check), and building the set again was a twentieth of what a coach turn allocates. A few
 * entries, compared line by line (the window's own strings, so mostly by reference).
 */
const recentVocabularies: {
  familyOf: FamilyOf;
  lines: readonly string[];
  vocab: ReadonlySet<string>;
}[] = [];
const RECENT_VOCABULARIES = 4;

/** Stems and families of everything the partner said: what a turn's words are checked against. */
export function vocabularyOf(
  texts: readonly (string | null | undefined)[],
  familyOf: FamilyOf,
): ReadonlySet<string> {
  const lines: string[] = [];
  for (const t of texts) if (t && t.trim()) lines.push(t);
  for (const r of recentVocabularies)
    if (
      r.familyOf === familyOf &&
      r.lines.length === lines.length &&
      r.lines.every((line, i) => line === lines[i])
    )
      return r.vocab;
  const vocab = new Set<string>();
  for (const t of lines) for (const v of lineVocabulary(t, familyOf)) vocab.add(v);
  recentVocabularies.unshift({ familyOf, lines, vocab });
  if (recentVocabularies.length > RECENT_VOCABULARIES) recentVocabularies.pop();
  return vocab;
}

/** Whether a word meets the partner's vocabulary: same stem, same family, or built on the same root. */
export function knownTo(vocab: ReadonlySet<string>, familyOf: FamilyOf): (w: string) => boolean {
  return (w: string) => {
    const st = stem(w);
    const f = familyOf(w);
    return vocab.has(st) || (f !== undefined && vocab.has(`#${f}`)) || sharesRoot(st, vocab);
  };
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
    // a prefix on the same word ("underestimate" on "estimate"), six letters or more
    if (short.length >= 6 && long.endsWith(short)) return true;
  }
  return false;
}

/**
 * Classes of things that belong to no workplace conversation unless someone brings them in:
 * animals, food and drink, household objects, the garden and nature, toys, instruments, clothes,
 * and a holiday or a wedding. Templates about nothing are made of them ("the orange teapot", "the
 * purple banana", "the marmalade", "the zebra", "your garden"). A class word the partner used, or
 * a scenario uses (workplace-lexicon.generated.ts), is on topic.
 */
const OFF_TOPIC_CLASSES = [
  // animals
  'zebra elephant giraffe monkey penguin dolphin whale shark lion tiger panda kangaroo koala hippo rhino crocodile alligator snake lizard ' +
    'frog toad tortoise turtle rabbit hamster  rat squirrel hedgehog fox wolf deer moose horse pony donkey cow pig sheep goat chicken ' +
    'hen duck goose geese swan owl eagle parrot pigeon seagull ostrich flamingo peacock butterfly bee wasp spider beetle worm snail octopus ' +
    'jellyfish crab lobster unicorn dragon dinosaur cat dog kitten puppy goldfish llama alpaca camel badger otter walrus',
  // food and drink
  'banana apple orange pear grape lemon lime mango pineapple strawberry raspberry cherry peach plum melon watermelon coconut kiwi avocado ' +
    'tomato potato carrot onion garlic broccoli cabbage lettuce cucumber pumpkin mushroom sausage bacon cheese butter marmalade honey ' +
    'sandwich pizza pasta spaghetti noodle soup porridge cereal cornflakes yoghurt custard pudding muffin cupcake doughnut donut pancake ' +
    'waffle croissant biscuit cookie chocolate sweets lollipop jelly trifle crumpet scone omelette egg lasagne burrito sushi baguette',
  // household objects
  'teapot kettle toaster spoon fork saucepan jug vase lamp lampshade sofa pillow duvet curtain carpet rug wardrobe bathtub ' +
    'toothbrush toothpaste shampoo soap towel broom mop hoover fridge freezer oven microwave dishwasher teaspoon tablecloth ' +
    'candle stapler paperclip doormat teacup',
  // the garden and nature, toys and instruments, clothes, another life
  'garden lawn weather sunny snowman flowerbed greenhouse windmill lighthouse volcano rainbow moon planet comet meteor glacier cactus tulip daisy sunflower pebble ' +
    'seashell sandcastle balloon kite teddy doll trampoline skateboard jigsaw frisbee trombone trumpet violin cello tuba harp banjo ' +
    'ukulele accordion kazoo bagpipe xylophone tambourine sock welly wellies slipper pyjamas scarf mitten bowtie tuxedo tutu holiday wedding',
];
const OFF_TOPIC_WORDS = new Set(OFF_TOPIC_CLASSES.join(' ').split(/\s+/).filter(Boolean));
const OFF_TOPIC = new Set([...OFF_TOPIC_WORDS].map(stem));
/** A cheap first look: the word or its singular is a class word ("bananas", "peaches"). */
const mayBeOffTopic = (w: string) =>
  OFF_TOPIC_WORDS.has(w) ||
  (w.endsWith('s') && (OFF_TOPIC_WORDS.has(w.slice(0, -1)) || OFF_TOPIC_WORDS.has(w.slice(0, -2))));

/**
 * Idioms of coaching talk that use such words as figures ("the elephant in the room", "herding
 * cats", "walking on eggshells"), and similes ("like a swan"): removed before looking for them.
 */
const IDIOM =
  /\b(?:(?:the )?elephant in the room|white elephant|can of worms|tip of the iceberg|(?:walking|treading) on eggshells|piece of cake|herding cats|hot potato|low[- ]hanging fruit|red herring|cherry on (?:the )?(?:top|cake)|eat(?:ing)? the frog|bull by the horns|monkey on (?:your|my|their) back|cash cow|dead horse|sitting duck|guinea pig|carrot and (?:the )?stick|bread and butter|bad apple|apples and oranges|egg on (?:your|my|their) face|spilt milk|storm in a teacup|chicken (?:and|or) (?:the )?egg|cold turkey|lion's share|in a nutshell|(?:bigger|other) fish|cat (?:among|amongst) the pigeons|cat out of the bag|rain on (?:your|my|their) parade|ducks in a row|(?:a )?duck to water|like a (?:swan|duck)|hamster wheel|rollercoaster|cherry[- ]pick(?:ing|ed)?|candle at both ends|(?:pull|pulled) (?:your|their|his|her) socks up|(?:different|many|two|another) hats?|pigs might fly|under the weather|weather(?:ed|ing)? (?:the|this|that) storm|kick the can|the ball(?:'s| is) in (?:your|their|her|his) court|on the ball|drop(?:ped)? the ball|eye off the ball|butterflies in (?:your|my) (?:stomach|tummy)|(?:my|your|their) cup of tea|cup of tea|over the moon|once in a blue moon|bite the bullet|(?:a )?(?:moth|bee) to a flame|busy bee|the bee's knees|wolf at the door|fox in the henhouse|pig(?:'s)? ear|(?:like )?a (?:deer|rabbit) in (?:the )?headlights|(?:at|hold) (?:your|their) horses|the (?:ostrich|head in the sand)|(?:in|out of) the doghouse|dog's dinner|sick as a parrot|(?:top|under)dog|smell a rat|rat race|cat and mouse|as (?:busy|stubborn|quiet|sick|proud) as an? [a-z]+|like an? [a-z]+(?: [a-z]+)?)\b/g;

const IDIOM_TEST = new RegExp(IDIOM.source);

/** The turn read without its idioms and similes ("the elephant in the room", "like a swan"). */
export function withoutIdioms(norm: string): string {
  return IDIOM_TEST.test(norm) ? norm.replace(IDIOM, ' ') : norm;
}

/** A cheap first look: whether any word may name a thing of an off-topic class. */
export const mayBeUnrelated = (ws: readonly string[]): boolean => ws.some(mayBeOffTopic);

/**
 * Words of the turn (normalised; idioms read out) that name things of a class no workplace
 * conversation has, that neither the partner (`known`) nor a scenario raised: "the orange teapot".
 * @example unrelatedThings('what would you like from the orange teapot?', () => false) // ['orange', 'teapot']
 */
export function unrelatedThings(norm: string, known: (w: string) => boolean): string[] {
  return words(withoutIdioms(norm)).filter(
    (w) => mayBeOffTopic(w) && OFF_TOPIC.has(stem(w)) && !WORKPLACE_STEMS.has(stem(w)) && !known(w),
  );
}

/** A question about how the partner feels, or what something is like for them. */
const HOW_THEY_FEEL =
  /\bhow (?:do|did|are|were|will|would|might) you (?:feel|feeling)\b|\bhow (?:does|did|will|would|might) (?:it|that|this) feel\b|\bwhat(?:'s| is| was| will| would) (?:it|that)(?: be)? like\b/;

/**
 * Whether a turn (normalised) asks how the partner feels ("How do you feel walking into the Monday
 * meeting?"): naming one thing of a plausible working life they have not named yet, such a
 * question is about their situation, not a template about nothing.
 */
export function asksHowTheyFeel(norm: string): boolean {
  return norm.includes('?') && HOW_THEY_FEEL.test(norm);
}

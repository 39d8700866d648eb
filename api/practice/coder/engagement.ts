/**
 * @module practice/coder/engagement
 * Whether a coach turn engages with what the partner actually said: a turn that names things
 * (people, events, feelings) must name at least one the partner raised, by the same word (after
 * stemming) or a close one (small families of feelings, behaviours and workplace words). Any move
 * that names a thing of an off-topic class (animals, food, household objects...) that neither the
 * partner nor a scenario raised ("the orange teapot") is about nothing, goal questions included. A turn that names
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
import { boundedMemo } from '../memo.js';
import { normalise, words } from './text.js';
import { WORKPLACE_STEMS } from './workplace-lexicon.generated.js';

/**
 * Stems remembered: every turn stems its own words, the partner's lines and the words it checks
 * against them, mostly the same few thousand words. Bounded (see practice/memo).
 */
const stems = boundedMemo<string>(20000);

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
    "session sessions conversation today's part sense point idea ideas option options thought thoughts plan people person someone " +
    'sorry thanks thank please hi hello welcome glad happy lovely oh ah well so ok sure fair enough agree agreed shall maybe perhaps probably ' +
    'actually honestly quite rather pretty enough back away around through between before after since until during without within ' +
    "mind matter matters important different difference whole same way else else's wanted sure two three four five six ten one " +
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
  'angry anger shout shouting shouted yell annoyed furious frustrated fed irritated cross livid rage mad resent resentment wound',
  'worried worry anxious anxiety nervous nerves scared afraid fear frighten frightened terrified dread dreading panic stressed stress uneasy shook shaken rattled',
  'sad upset gutted devastated down low hurt hurting cry crying cried tears miserable grief grieving',
  'tired exhausted drained worn burnt burnout empty sleep sleeping knackered',
  'stuck trapped lost circles drowning overwhelmed swamped underwater',
  'happy pleased proud excited delighted thrilled relieved',
  'embarrassed ashamed humiliated awkward guilty fraud imposter',
  'manager boss director supervisor head lead chair ceo line',
  'colleague colleagues team staff coworker peer peers report reports people',
  'job role post position promotion career task duty responsible responsibility',
  'meeting meetings call calls standup stand presentation pitch',
  'money pay salary budget cost costs bonus funding funder price',
  'customer customers client clients patient patients parent parents resident residents user users',
  // behaviours and wants that workplace coaching hears, said back in other words
  'freeze freezing froze frozen quiet silent silence clam mute blank speechless tongue',
  'avoid avoiding dodge dodging procrastinate sidestep',
  'want wanted wish hope dream ambition aspiration aim',
  'love enjoy fond passion passionate keen',
  'pick picked choose chose chosen choice select selected hire hired appoint appointed judgement',
  'mistake mistakes error errors slip wrong fault blunder',
  'late behind delay delays delayed overdue slipping',
  'control charge power run running',
  'understand understood expert expertise knowledge clue grasp',
  'pry intrude interfere nosy overstep meddle',
  'interrupt interrupted interrupting cut talked',
  'criticise criticised criticism blame blamed attacked judged',
  'quit leave leaving resign resignation exit',
  'confident confidence self-belief doubt doubting',
  'fight argue argument arguing conflict clash row tension friction',
  'ignored overlooked invisible unseen unheard dismissed',
  'praise recognition credit appreciated valued thanked',
  'awful terrible horrible dreadful disaster nightmare hell catastrophe hardest',
].flatMap((line, i) => line.split(' ').map((w) => `${w}=${i}`));
/** Every family word, and its stem, to its family ("intruding" meets "intrude" through the stem). */
const FAMILY = new Map(
  FAMILIES.flatMap((e) => {
    const [w, f] = e.split('=');
    return [[w, f] as [string, string], [stem(w), f] as [string, string]];
  }),
);

/** The word family a word belongs to (feelings; people and places at work), if any. */
export function wordFamily(w: string): string | undefined {
  return FAMILY.get(w) ?? FAMILY.get(stem(w));
}

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

/** The words of a turn that name something: not generic, not numbers. */
function contentWords(ws: readonly string[]): string[] {
  return ws.filter((w) => !GENERIC.has(w) && w.length > 2 && !/^\d+$/.test(w));
}

/**
 * Stems and families of one partner line, remembered: a line is read again by every later turn
 * of the window, and a card's lines recur in session after session. Bounded (see practice/memo).
 */
const lineVocabulary = boundedMemo<readonly string[]>(4000);
function vocabularyOf(text: string): readonly string[] {
  return lineVocabulary(text, () => {
    const out: string[] = [];
    for (const w of words(normalise(text))) {
      out.push(stem(w));
      const f = FAMILY.get(w) ?? FAMILY.get(stem(w));
      if (f !== undefined) out.push(`#${f}`);
    }
    return Object.freeze(out);
  });
}

/** Stems and families of everything the partner has said that the coder was given. */
function partnerVocabulary(ctx: CoderContext): Set<string> | null {
  const texts = [...(ctx.earlierPartner ?? []), ctx.prevPartner ?? ''].filter((t) => t && t.trim());
  if (texts.length === 0) return null;
  const vocab = new Set<string>();
  for (const t of texts) for (const v of vocabularyOf(t)) vocab.add(v);
  return vocab;
}

/** The partner's vocabulary, built once on first use. */
function lazyVocabulary(ctx: CoderContext): () => Set<string> | null {
  let v: Set<string> | null | undefined;
  return () => (v === undefined ? (v = partnerVocabulary(ctx)) : v);
}

function engagesWith(
  turn: ParsedTurn,
  ctx: CoderContext,
  vocabulary: () => Set<string> | null,
  minUnmatched: number,
): boolean {
  const verdict = engagesByWords(turn.words, ctx, vocabulary, minUnmatched);
  // an idiom names nothing ("the elephant in the room", "on the ball"): read again without it
  if (verdict || !IDIOM_TEST.test(turn.norm)) return verdict;
  return engagesByWords(words(turn.norm.replace(IDIOM, ' ')), ctx, vocabulary, minUnmatched);
}

function engagesByWords(
  ws: readonly string[],
  ctx: CoderContext,
  vocabulary: () => Set<string> | null,
  minUnmatched: number,
): boolean {
  const content = contentWords(ws);
  if (content.length < minUnmatched) return true;
  const vocab = vocabulary();
  if (vocab === null) return true;
  const known = knownTo(vocab);
  if (content.some(known)) return true;
  // nothing the partner said is taken up: off-topic when the turn names a thing of its own ("the
  // stapler", "your wedding plans"), not when it only rephrases ("something big with no map")
  if (namedThings(ws).some((np) => np.length > 0 && !np.some(known) && isThing(np))) return false;
  // after a bare reply ("Yeah.", "No!", "Tomorrow morning.") a turn that names nothing new carries
  // the thread on from what was said before it, often in the coach's own words
  if (ctx.prevPartner && words(normalise(ctx.prevPartner)).length <= BARE_REPLY_WORDS) return true;
  return content.length < UNMATCHED_WITHOUT_A_NAMED_THING;
}

/** Whether a word meets the partner's vocabulary: same stem, same family, or built on the same root. */
function knownTo(vocab: ReadonlySet<string>): (w: string) => boolean {
  return (w: string) => {
    const st = stem(w);
    const f = FAMILY.get(w) ?? FAMILY.get(st);
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

const DETERMINER = new Set([
  'the',
  'a',
  'an',
  'your',
  'his',
  'her',
  'their',
  'our',
  'my',
  'this',
  'these',
  'those',
  'some',
]);
/** Words that end a noun phrase after a determiner: verbs, prepositions, conjunctions. */
const PHRASE_END = new Set(
  (
    'of to and or but with has have had is are was were be been left will would could can should that which who ' +
    'for from in on at by about as than if so when while because into onto over after before since'
  ).split(' '),
);

/**
 * The people of anyone's working world ("the director", "your team", "the panel"): a coach naming
 * one refers to the partner's world, often to something said before the lines the coder was given.
 * Off-topic templates name objects and events ("the stapler", "your holiday"), not colleagues.
 */
const WORKPLACE_PEOPLE = new Set(
  (
    'director directors manager managers boss bosses team teams colleague colleagues client clients customer customers ' +
    'supplier suppliers panel student students pupil pupils staff head recruiter board partner partners finance hr ' +
    'candidate candidates member members lead leads'
  ).split(' '),
);
/**
 * Words a determiner can open that name no thing: adverbs, quantities, verbs after "the"/"a", and
 * the nouns of set phrases ("a step ahead", "on your plate", "in the neck", "on the spot").
 */
const NOT_A_THING = new Set(
  (
    'ahead few huge itself towards inside outside long specific run split lose enjoy glib depends reflect asks fit spot ' +
    'plate neck reason fact others rest lot least same whole bit ' +
    // figures of speech, not things in the room: "the weight of it", "hit a wall", "at your limit"
    'weight load burden knot wall limit edge ceiling ladder bridge road path map journey crossroads spotlight storm'
  ).split(' '),
);

/** Whether a noun phrase names a thing of its own: its head is a noun, and not a colleague. */
function isThing(np: readonly string[]): boolean {
  return np.some((raw) => {
    const w = raw.replace(/'s$/, '');
    if (WORKPLACE_PEOPLE.has(w) || NOT_A_THING.has(w)) return false;
    // a participle or an adverb ("the boss pushing", "the knowledge stayed"), or an abstract noun
    // ("the expectations", "the responsibility"): not a thing of the coach's own
    return (
      NOUN_ING.has(w) ||
      !/(?:ed|ing|ly|ness|ity|ities|ment|ments|ance|ence|ancy|ency|tion|tions|sion|sions|ism|ship|hood|dom)$/.test(
        w,
      )
    );
  });
}
/** Nouns ending in -ing that name things ("the meeting", "the wedding", "the building"). */
const NOUN_ING = new Set(
  'meeting meetings wedding building ceiling evening morning training funding spring ring thing'.split(
    ' ',
  ),
);

/** The content words of each noun phrase a determiner opens (up to three words). */
function namedThings(ws: readonly string[]): string[][] {
  return namedThingsAt(ws).map((x) => x.np);
}

/** Noun phrases a determiner opens, with the index of the determiner. */
function namedThingsAt(ws: readonly string[]): { np: string[]; at: number }[] {
  const out: { np: string[]; at: number }[] = [];
  for (let i = 0; i < ws.length; i++) {
    if (!DETERMINER.has(ws[i])) continue;
    const np: string[] = [];
    for (
      let j = i + 1;
      j < Math.min(ws.length, i + 4) && !PHRASE_END.has(ws[j]) && !DETERMINER.has(ws[j]);
      j++
    )
      if (!GENERIC.has(ws[j]) && ws[j].length > 2 && !/^\d+$/.test(ws[j])) np.push(ws[j]);
    out.push({ np, at: i });
  }
  return out;
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

function foreignWith(turn: ParsedTurn, vocabulary: () => Set<string> | null): string[] {
  // most turns name no such word: a set look-up per word before anything costlier
  if (!turn.words.some(mayBeOffTopic)) return [];
  const vocab = vocabulary();
  if (vocab === null) return [];
  const known = knownTo(vocab);
  const ws = IDIOM_TEST.test(turn.norm) ? words(turn.norm.replace(IDIOM, ' ')) : turn.words;
  return ws.filter(
    (w) => mayBeOffTopic(w) && OFF_TOPIC.has(stem(w)) && !WORKPLACE_STEMS.has(stem(w)) && !known(w),
  );
}

/**
 * Moves whose content is the coach's own or the session's (how we work, what you want, where we
 * are, what you will do, a gathering of what was said, advice, a verdict): they follow the session
 * rather than the partner's last words, so they engage unless they name a foreign thing.
 */
export const PROCESS_MOVES: ReadonlySet<string> = new Set([
  'contracting',
  'goal_question',
  'return_to_goal',
  'permission_request',
  'advice',
  'advice_with_permission',
  'judgement',
  'reassurance',
  'self_disclosure',
  'information',
  'summary',
  'incisive_question',
  'action_question',
]);

/**
 * Whether a coded turn engages with the conversation: never when it names a foreign thing (any
 * move: a goal question about "the orange teapot" is a template about nothing); a process move
 * otherwise does; the rest (reflections, plain questions, affirmations) must take up something
 * the partner said (`engages`).
 */
export function engagesAs(turn: ParsedTurn, ctx: CoderContext, codes: readonly string[]): boolean {
  const vocabulary = lazyVocabulary(ctx);
  if (foreignWith(turn, vocabulary).length > 0) return false;
  if (!codes.some((c) => PROCESS_MOVES.has(c)))
    return engagesWith(turn, ctx, vocabulary, MIN_UNMATCHED);
  // a process move follows the session; but an incisive or action question is built on the
  // partner's own assumption or plan, so one that names two things of its own and takes up nothing
  // the partner said ("If you knew the clouds respected you, how would you handle the cupboard?")
  // is a template
  if (
    !codes.some((c) => c === 'incisive_question' || c === 'action_question') ||
    codes.some((c) => SESSION_MOVES.has(c))
  )
    return true;
  if (ctx.prevPartner && words(normalise(ctx.prevPartner)).length <= BARE_REPLY_WORDS) return true;
  const vocab = vocabulary();
  if (vocab === null) return true;
  const known = knownTo(vocab);
  const ws = IDIOM_TEST.test(turn.norm) ? words(turn.norm.replace(IDIOM, ' ')) : turn.words;
  // anything taken up counts here, even a word too common to claim content ("the board", "today")
  if (ws.some((w) => w.length >= 4 && !FUNCTION_WORDS.has(w) && known(w))) return true;
  return namedThings(ws).filter((np) => np.length > 0 && isThing(np)).length < 2;
}

/** Words of grammar alone, never evidence of taking anything up. */
const FUNCTION_WORDS = new Set(
  (
    'that this these those what when where which while with would could should will shall have has had having been were they them their ' +
    'there then than your yours from into onto about just like know think really very much many some more most also even still only ' +
    "what's that's there's it's you're you've you'd you'll i'm i've i'd i'll don't didn't doesn't can't won't isn't aren't wasn't " +
    'does doing done make made want need feel said says tell told going come came back over well okay yeah right sure maybe'
  ).split(' '),
);

/**
 * Moves that follow the session or bring the coach's own content by nature (how we work, what you
 * want, a gathering of what was said, advice): only a foreign thing disengages them.
 */
const SESSION_MOVES: ReadonlySet<string> = new Set([
  'contracting',
  'goal_question',
  'return_to_goal',
  'summary',
  'advice',
  'advice_with_permission',
  'information',
  'self_disclosure',
]);

/** A partner line this short is a bare reply: the coach's turn follows the thread before it. */
export const BARE_REPLY_WORDS = 3;

/** How many words naming things the partner never raised make a turn off-topic (chosen on evals/moves). */
export const MIN_UNMATCHED = 1;
/**
 * Unmatched content words that make a turn off-topic when it names no thing with a determiner
 * (4, was 3: a paraphrase in new words names no thing, and at 3 it misjudged 1.4% of genuine
 * turns on the labelled set and 2.6% on the swapped-context set; at 4, 0.8% and 0.9%, the target
 * being 1%, for swapped-context recall 0.28 -> 0.23; evals/moves).
 */
export const UNMATCHED_WITHOUT_A_NAMED_THING = 4;

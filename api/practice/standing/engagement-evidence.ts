/**
 * @module practice/standing/engagement-evidence
 * The one rule for whether a coach turn has earned credit for engaging with the partner, used by
 * per-turn feedback (what may be praised) and by the scorecard (what may be credited), so the
 * two never disagree: feedback never praises a turn the scorecard gives nothing for.
 *
 * Read from the words alone, independently of the coder's `engaged` (defence in depth: a coder
 * that misses a template cannot make feedback praise it):
 * - `shown`: the turn takes up something the partner said (a content word of theirs, by stem or
 *   a close family of feeling and workplace words) and names no thing the partner never raised;
 *   or it is made only of the ordinary words any coaching conversation uses ("What would you
 *   like from today?", "What will you do first, and by when?", "Go on.").
 * - `absent`: it takes up nothing the partner said and names a thing of a class no workplace
 *   conversation has ("the orange teapot", "the marmalade") or several things the partner never
 *   raised: a template about nothing, whatever its shape. One new thing of a plausible working
 *   life is not that ("How do you feel walking into the Monday meeting?"): it is `unclear`, and a
 *   question about how the partner feels there is credited as the coder reads it.
 * - `unclear`: anything between (some of theirs and a thing they never raised; or content
 *   words of its own that name no thing). Not enough to praise, not enough to say the turn
 *   picked up nothing.
 */
import { pointsBack, wordFamily } from '../coder/engagement.js';
import { normalise, words } from '../coder/text.js';
import {
  knownTo,
  mayBeUnrelated,
  namesAThing,
  nounPhrases,
  asksHowTheyFeel,
  PRESUPPOSING,
  unrelatedThings,
  vocabularyOf,
} from '../named-things.js';

export type Engagement = 'shown' | 'absent' | 'unclear';

export interface EngagementEvidence {
  engagement: Engagement;
  /** the turn's words the partner used too (content words, and ordinary ones such as "decision" or "worried") */
  shared: string[];
  /** of those, the content words: the partner's own things, not words any conversation has */
  strongShared: string[];
  /** the turn's content words the partner never used */
  foreign: string[];
  /** things the turn names as if shared ("the marmalade", "your holiday") that the partner never raised */
  foreignThings: string[];
  /** words naming things of a class no workplace conversation has ("teapot", "zebra") that the partner never raised */
  unrelated: string[];
}

/**
 * Ordinary words of any coaching conversation: function words, the coach's process vocabulary
 * (agree, goal, stays, between, first, step, when), feelings and qualities any session names.
 * A turn made only of these follows the partner or sets up the work; it claims no content.
 */
const ORDINARY = new Set(
  // function words, pronouns, auxiliaries, fillers
  (
    'a an the and or but nor so to of in on at for with about is are was were be been being am do does did done doing i you he she it we they ' +
    'me my mine your yours yourself yourselves his her hers its our ours their theirs them him us this that these those not no yes yeah okay ok ' +
    'um uh mm hmm like just really very have has had having what how why when where who whom which whose if then than there here as by from ' +
    'up out down off over into onto upon get gets got getting go goes going gone went gonna can could would should will shall may might must ' +
    "i'm i've i'd i'll you're you've you'd you'll he's she's it's that's there's what's who's let's don't doesn't didn't won't wouldn't can't " +
    "couldn't shouldn't isn't aren't wasn't weren't haven't hasn't hadn't how's where's when's here's whatever however whenever wherever " +
    'anything something everything nothing anyone someone everyone nobody somebody everybody one ones more most much many some any all both ' +
    'each every other another own same such only also too even still yet again ever never always else whole either neither both ' +
    // the coach's process vocabulary
    'know knew known think thinking feel feels feeling feelings felt want wants wanted need needs needed like liked ' +
    'make makes made say says said saying tell told ask asked asking talk talked talking hear heard see seen saw look looks looking sound ' +
    'sounds seem seems seemed come comes coming came take taking took give given gave put keep kept let try tried trying find found ' +
    'happen happens happened happening work working worked works way ways time times today tomorrow yesterday now moment while first ' +
    'next last end start started begin step steps thing things lot lots bit kind sort part sense point option options ' +
    'person people session sessions conversation conversations partnership together agree agreed agreement agreements stay stays ' +
    'stayed between confidential private room space role roles lead listen listening advise advice fix fixing explore exploring rather ' +
    'instead help helps helped helpful useful worth worthwhile valuable matter matters important goal goals outcome outcomes hope hoping ' +
    "expect wish hour hours minute minutes forty thirty twenty fifteen ten five three two half today's check checking back return " +
    'coming getting gotten far close closer where sure focus sorted choose chose ' +
    'done do does will would by when soon already before after since until during later earlier week weeks month months day days year ' +
    'years morning afternoon evening tonight ' +
    'question questions answer answers notice noticed noticing share shared sharing mean means meant wonder wondering curious ' +
    'dive dig deeper deep further else tonight yourself honestly openly open frankly ' +
    'good great fine bad better best worse easy big small real really able okay alright glad happy lovely welcome thanks thank ' +
    'please sorry hi hello maybe perhaps probably actually quite rather pretty enough back away around through without within ' +
    'stand stands standing different difference learn learned learnt agenda shall well fair ' +
    'rules ground monthly weekly notice programme observation observations technique techniques approach couple few rest mostly ' +
    'overall six seven eight nine twelve mind head heads place position fact side sides deal result results ' +
    'summary recap main points evidence attempt sentence opening bottom chance spot neck grip weight blow set ' +
    'something hold holding carry carrying ' +
    // the frame of a guess ("I bet it feels odd")
    'bet surely ' +
    // feelings and qualities any session may name, and the words that say them
    ' ' +
    ' ' +
    'clearly ' +
    'shown showing show shows fit fits apart aside alongside ' +
    'four six seven eight nine eleven twelve hundred'
  ).split(/\s+/),
);

/**
 * Words of any conversation that a partner may also use for their own situation (an idea, a
 * decision, a feeling, a strength): never foreign to the conversation, but a coach saying back the
 * partner's own "worried" or "decision" has taken up their words.
 */
const SOFT = new Set(
  (
    'idea ideas plan plans thought thoughts decision decide decided choice change changes changed progress ' +
    'situation problem problems issue issues experience challenge challenges pattern shift worried worry afraid ' +
    'scared stuck hurt hurting tough tricky difficult heavy lonely unfair frustrating frustrated angry upset sad ' +
    'anxious nervous overwhelmed tired exhausted relieved proud hopeful excited confident confidence calm uneasy ' +
    'torn courage brave strength strengths effort care cares caring thoughtful determined persistence commitment ' +
    'committed value values honest serious seriously clear clearer clarity hard'
  ).split(/\s+/),
);

const content = (w: string) => w.length > 2 && !ORDINARY.has(w) && !SOFT.has(w) && !/^\d+$/.test(w);

/**
 * The content words of each noun phrase a presupposing determiner opens ("the", "your"), read to
 * its head (named-things): what the turn names as if the partner had raised it.
 */
function namedThings(norm: string): string[][] {
  const asks = norm.includes('?');
  return nounPhrases(norm)
    .filter((np) => PRESUPPOSING.has(np.det) && !(asks && pointsBack(np)))
    .map((np) =>
      np.words
        .filter((w) => content(w) && namesAThing(w, { abstract: true }))
        .map((w) => w.replace(/'s$/, '')),
    )
    .filter((np) => np.length > 0);
}

/** Endings that make a near word of the same root ("use" and "users", "quiet" and "quietly"). */
const NEAR_ENDING =
  /^(?:s|es|r|rs|er|ers|d|ed|ing|ings|ly|ness|ment|ments|ion|ions|al|y|ful|less|ity)$/;
/** Endings a three-letter root may take and stay the same thing ("app" and "apps", not "apply"). */
const SHORT_ROOT_ENDING = /^(?:s|es|r|rs|er|ers)$/;

/** Whether one word is the other with an ending: the same root said another way. */
function nearWord(a: string, b: string): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (short === long) return false;
  for (const root of short.endsWith('e') ? [short, short.slice(0, -1)] : [short]) {
    if (root.length < 3 || !long.startsWith(root)) continue;
    const ending = long.slice(root.length);
    if (root.length >= 4 ? NEAR_ENDING.test(ending) : SHORT_ROOT_ENDING.test(ending)) return true;
  }
  return false;
}

/**
 * A fair paraphrase often says the partner's word in another form ("the people who use the app"
 * after "the users"; "your quietness" after "I stay quiet"): the same root with an ending counts
 * as theirs. Only the root's own forms: no synonyms, so nothing the partner never said gets in.
 */
function nearWordsOf(partnerTexts: readonly (string | null | undefined)[]): (w: string) => boolean {
  const said = [...new Set(partnerTexts.flatMap((t) => words(normalise(t ?? ''))).filter(content))];
  return (w) => said.some((p) => nearWord(w, p));
}

/**
 * What the turn's words show about engaging with the partner's words (all of them so far in the
 * session, or the ones the caller has). With no partner words at all, nothing can be checked and
 * the turn is taken as following (`shown`).
 * @example engagementEvidence('You sound clearer about the marmalade.', ["It isn't clear yet."]).engagement // 'unclear'
 * @example engagementEvidence('What would you like to get from the orange teapot today?', ['I feel stuck.']).engagement // 'absent'
 */
export function engagementEvidence(
  text: string,
  partnerTexts: readonly (string | null | undefined)[],
): EngagementEvidence {
  const norm = normalise(text ?? '');
  const ws = words(norm);
  const vocab = vocabularyOf(partnerTexts, wordFamily);
  const theirs = knownTo(vocab, wordFamily);
  const near = nearWordsOf(partnerTexts);
  const known = (w: string) => theirs(w) || near(w);
  if (vocab.size === 0)
    return {
      engagement: 'shown',
      shared: [],
      strongShared: [],
      foreign: [],
      foreignThings: [],
      unrelated: [],
    };
  const contentWords = [...new Set(ws.filter(content))];
  const softWords = [...new Set(ws.filter((w) => SOFT.has(w)))];
  const strongShared = contentWords.filter((w) => known(w));
  const shared = [...strongShared, ...softWords.filter((w) => known(w))];
  const foreign = contentWords.filter((w) => !known(w));
  const foreignThings = namedThings(norm)
    .filter((np) => !np.some(known))
    .map((np) => np.join(' '));
  const unrelated = mayBeUnrelated(ws) ? unrelatedThings(norm, known) : [];
  let engagement: Engagement;
  // a template about nothing: it takes up nothing of theirs and names something unrelated to any
  // workplace ("the orange teapot") or several things they never raised. One new thing of a
  // plausible working life ("How do you feel walking into the Monday meeting?") is a question about
  // their situation, not a template: it is `unclear`, and never told it picked up nothing.
  if (shared.length === 0 && (unrelated.length > 0 || foreignThings.length >= 2))
    engagement = 'absent';
  else if (foreignThings.length === 0 && (shared.length > 0 || contentWords.length === 0))
    engagement = 'shown';
  else engagement = 'unclear';
  return { engagement, shared, strongShared, foreign, foreignThings, unrelated };
}

/**
 * Whether a coded coach turn earns credit (a score) and may be praised (feedback): the one rule.
 * The words decide when they are clear: a turn that names things the partner never raised and
 * takes up nothing of theirs (`absent`) earns nothing, whatever the coder's `engaged` said (so a
 * goal question "about the orange teapot" is not credited as agreeing the goal); a turn that
 * takes up only their words earns it, even against the coder. A turn made only of ordinary words
 * ("What will you do first, and by when?") claims nothing either way, and between the two
 * (`unclear`: an incisive question's new assumption, a reflection's new metaphor) the coder's
 * `engaged` decides, and a turn naming as many foreign things as it takes up of their own
 * content earns nothing (a partner's "clearer" does not make "the marmalade" theirs, nor their
 * "spreadsheet" "the weather inside the spreadsheet").
 * `partnerTexts` are the partner's words so far and anything else the learner was given to talk
 * about (the scenario brief).
 * @example earnsCredit('What would you like to get from the orange teapot today?', ['goal_question'], true, ['I feel stuck.']) // false
 */
export function earnsCredit(
  text: string,
  codes: readonly string[],
  coderEngaged: boolean | undefined,
  partnerTexts: readonly (string | null | undefined)[],
  ev: EngagementEvidence = engagementEvidence(text, partnerTexts),
): boolean {
  // no partner words to read, or an idea offered with permission (new content by design)
  if (!partnerTexts.some((t) => t && t.trim()) || codes.includes('advice_with_permission'))
    return coderEngaged !== false;
  if (ev.engagement === 'absent') return false;
  // a question about how the partner feels in a plausible moment of their working life, naming
  // one thing they have not named yet ("How do you feel walking into the Monday meeting?"): it
  // asks about their situation, so the coder decides as for their own words
  if (
    ev.unrelated.length === 0 &&
    ev.foreignThings.length === 1 &&
    asksHowTheyFeel(normalise(text))
  )
    return coderEngaged !== false;
  // every content word theirs: the words outweigh a doubtful coder (never when the turn also
  // brings words of its own, "a kangaroo in the meeting": the coder's doubt then stands)
  if (ev.engagement === 'shown' && ev.strongShared.length > 0 && ev.foreign.length === 0)
    return true;
  // only ordinary words (no claim either way), or something between: the coder decides
  // (a reflection in other words may name as many plausible new things as it takes up of theirs,
  // "You gave up your evenings for that bid" after "three nights"; never an unrelated one)
  return (
    coderEngaged !== false &&
    (ev.foreignThings.length === 0 ||
      ev.foreignThings.length < ev.strongShared.length + (ev.unrelated.length === 0 ? 1 : 0))
  );
}

/** What the learner was told about the scenario: words a turn may take up as the conversation's own. */
export function scenarioContext(
  card:
    | { title?: string; brief?: string; partner?: { role?: string; team?: string } }
    | null
    | undefined,
): string[] {
  if (!card) return [];
  return [card.title, card.brief, card.partner?.role, card.partner?.team].filter(
    (t): t is string => !!t && !!t.trim(),
  );
}

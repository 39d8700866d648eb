/**
 * @module practice/partner/follow-ups
 * Questions whose shape says more than their words, read by `ask.ts` and answered by `voice.ts`:
 * - an inner-experience question ("What happens for you just before you'd speak?", "What goes
 *   on for you when Jo changes the plan?") asks what the partner notices in themselves: a line
 *   of theirs voicing a feeling or what goes on in them, never a fact about the situation;
 * - a scale follow-up ("What would make it an eight?", "What would move it up one?", "What makes
 *   it a four and not a two?") asks what would raise or hold the number: the partner's own want
 *   or step once said, a guarded "not yet" before;
 * - a contracting question ("Where would you like to start today?", "What would be most useful
 *   to talk about?") asks for the topic the partner came with, never "I don't know";
 * - a time fact ("Thursdays at two.", "Four years.") answers a question about its subject: a
 *   bare "When?" that names nothing is a follow-up on the conversation, not a cue for whichever
 *   date the card holds, and a what or why question sharing only a day with it ("What could you
 *   try at Thursday's review?") is not about it.
 * Pure and rule-based: shapes of questions, not lists of examples.
 */
import type { CoachAsk, HiddenLayer, PartnerCard, PartnerFact, PartnerState } from '../types.js';
import type { Known } from './knowledge.js';
import { stem, stemsOf } from './words.js';

/** "What happens for you...", "What goes on for you...", "What do you notice in yourself...". */
const INNER =
  /\bwhat('s| is| was)? (happens|happened|happening|goes on|went on|going on|comes up|came up|coming up|shows up|do you notice|did you notice|are you noticing|do you experience|did you experience) (for|in|inside) (you|yourself)\b|\bwhat (do|did) you (notice|experience|sense|pick up|become aware of) (in|inside|about|within) (you|yourself|your body)\b|\bwhat (goes|went|is going|'s going|runs|ran|is running|'s running) through your (head|mind)\b|\bwhat('s| is) (it|that) like (inside|in your head)\b/i;

/** Whether a question asks what goes on inside the partner rather than in their situation. */
export function asksInnerExperience(question: string): boolean {
  return INNER.test(question.replace(/[\u2018\u2019]/g, "'"));
}

const NUMBER = '(one|two|three|four|five|six|seven|eight|nine|ten|10|[1-9])(?![-\\w])';
/** "What would make it an eight?", "What would it take to get to a six?", "What would move it up one?" */
const SCALE_UP = new RegExp(
  `\\bwhat (would|could|might|will|'d|does|do|did)\\b[^?]*\\b(make|move|take|get|push|bring|bump|raise|lift|nudge|shift|turn|reach)\\b[^?]*\\b(an?|to|into) ${NUMBER}\\b|\\b(up|higher) (by )?(one|a point|a notch|a bit|a little)\\b|\\b(one|a) (point|notch|step) (higher|up)\\b|\\bwhat would (an?|the) ${NUMBER} look like\\b|\\bhigher (number|score)\\b`,
  'i',
);
/** "What makes it a four and not a two?", "What keeps it at a four?", "Why not lower?" */
const SCALE_HOLD = new RegExp(
  `\\b(an?|at) ${NUMBER}\\b[^?]*\\b(and not|not|rather than|instead of) (an?|at) ${NUMBER}\\b|\\bwhat (keeps|holds|puts|makes|made) (it|you)\\b[^?]*\\b(at )?(an?|at) ${NUMBER}\\b|\\bwhy (not )?(an?|at) ${NUMBER}\\b|\\bwhy not (lower|higher)\\b`,
  'i',
);

/** A question about the number the partner gave on a scale: what would raise it, or what holds it there. */
export function scaleStepOf(question: string): 'up' | 'hold' | undefined {
  const q = question.replace(/[\u2018\u2019]/g, "'");
  if (/\bhow (many|much)\b/i.test(q)) return undefined;
  if (SCALE_HOLD.test(q)) return 'hold';
  if (SCALE_UP.test(q)) return 'up';
  return undefined;
}

/** "Where would you like to start?", "What would be most useful to talk about?", "What shall we focus on today?" */
const CONTRACT =
  /\bwhere (would|do|shall|should|could|will|might) (you|we) (like to |want to |wish to )?(start|begin|go first|take this|take it)\b|\bwhere('s| is) (a good|the best) place to (start|begin)\b|\bwhat (would|might|will) (be|feel) ([a-z]+ )?(useful|helpful|worthwhile|valuable|best) (for us |for you )?to (talk|think|focus|look|work|start|begin)\b|\bwhat (would|do|did) you (like|want|hope|need) to (talk|think|focus|work|start|begin|bring)\b|\bwhat (shall|should|do|could) we (talk about|focus on|look at|work on|start with)\b|\bwhat('s| is| have you) (brought|brings) you (here |in )?(today|this morning|this afternoon)\b/i;

/** Whether a question asks what the partner wants to talk about: the topic they came with. */
export function asksWhatToTalkAbout(question: string): boolean {
  return CONTRACT.test(question.replace(/[\u2018\u2019]/g, "'"));
}

/** Words a line says what goes on inside the partner with: a feeling, a thought, the body, a freeze. */
const EXPERIENCE =
  /\b(I|I've|I'm|I'd|I'll|me|my|myself)\b[^.?!]*\b(feel|feels|felt|feeling|think|thought|notice|noticed|freeze|froze|freezing|blank|quiet|silent|hesitate|hesitated|wonder|rehearse|rehearsed|replay|replayed|second-guess\w*|panic\w*|dread\w*|nervous|anxious|scared|afraid|worried|worry|angry|furious|fuming|embarrass\w*|frustrat\w*|stuck|heavy|tense|tight|stomach|chest|heart|head|mind|sleep|tired|guilty|ashamed|sick|awful|love|hate|wish|tell myself|told myself|can't|couldn't|grab|jump|by the time)\b|\bby the time I\b/i;

const FIRST_PERSON = /\b(I|I'm|I've|I'd|I'll|me|my|myself)\b/;

/** Whether a line voices what goes on inside the partner. */
export function voicesExperience(text: string): boolean {
  return EXPERIENCE.test(text);
}

/**
 * The partner's lines about what goes on inside them, for an inner-experience question: those
 * the question is about first, then any other. Never a fact or a session goal (what they want
 * from today is not what happens in them); deeper lines only once the partner has opened up.
 */
export function experiencePools(
  known: readonly Known[],
  score: (k: Known) => number,
  opened: boolean,
): string[][] {
  const lines = known.filter(
    (k) => k.source !== 'fact' && k.source !== 'goal' && (opened || k.source !== 'elaborate'),
  );
  const scored = lines.map((k) => ({
    text: k.text,
    score: score(k),
    inner: voicesExperience(k.text),
  }));
  // about the moment asked of ("...when a tricky case comes in") and said in the first person:
  // what they do and what goes on in them then ("And I just take it.")
  const near = scored
    .filter((x) => x.score >= 1 && (x.inner || FIRST_PERSON.test(x.text)))
    .sort((a, b) => b.score - a.score)
    .map((x) => x.text);
  return [near, scored.filter((x) => x.score < 1 && x.inner).map((x) => x.text)];
}

/**
 * What would raise the number on a scale, or holds it where it is: the partner's own step once
 * they have one, then what they want (what they believed until now raises nothing).
 * Nothing before a layer beyond the concern is revealed: the caller says the partner's own
 * hesitation (guarded early) rather than invent a step.
 */
export function scaleStepPools(
  card: PartnerCard,
  state: Pick<PartnerState, 'revealed'>,
): string[][] {
  const s = card.script;
  const of = (layer: HiddenLayer, field: 'elaborate' | 'disclose') =>
    state.revealed.includes(layer) ? [...(s?.[field][layer] ?? [])] : [];
  return [
    of('action', 'elaborate'),
    of('action', 'disclose'),
    of('want', 'elaborate'),
    of('want', 'disclose'),
  ].filter((p) => p.length > 0);
}

/** Cues naming a time question, which mark a fact as an answer to when, how long or how often. */
const TIME_CUES = new Set(['when', 'by when', 'how long', 'how often', 'since']);

/** A fact that answers a time question ("Four years.", "Thursdays at two."): one of its cues names one. */
export function isTimeFact(fact: PartnerFact | undefined): boolean {
  return (fact?.cues ?? []).some((c) => TIME_CUES.has(String(c).toLowerCase().trim()));
}

/** Words of a time question that name no subject ("When?", "How long?", "When will you do it?"). */
const TIME_ONLY = new Set(['long', 'often', 'soon', 'late', 'early', 'ago', 'exactly', 'roughly']);

/**
 * A time question about nothing it names ("When?", "How long for?", "When will you do it?"):
 * a follow-up on the conversation, not a cue for whichever time fact the card holds.
 */
export function namesNoSubject(ask: CoachAsk): boolean {
  return ask.names.length === 0 && ask.words.every((w) => TIME_ONLY.has(w));
}

/** Words that only say when or how long (days, weeks, hours, numbers): sharing one is not sharing a subject. */
const TIME_WORDS = stemsOf(
  'monday tuesday wednesday thursday friday saturday sunday mondays tuesdays wednesdays thursdays fridays ' +
    'day days week weeks weekly fortnight fortnightly month months monthly year years yearly hour hours ' +
    'minute minutes morning afternoon evening night today tomorrow yesterday time times ago since often ' +
    'january february march april may june july august september october november december ' +
    'spring summer autumn winter long usually last next one two three four five six seven eight nine ten eleven twelve half',
);

/**
 * A time fact offered for a question that is not about it ("Thursdays at two." for "What's one
 * small step you could take at Thursday's review?"): the question shares with the fact only words
 * that say when, or none but the fact's topic. Such a fact answers a when-question, not this one.
 */
export function timeFactOffQuestion(ask: CoachAsk, known: Known): boolean {
  // a when-question is answered by the facts' own cues: authors cue "When did you present it?"
  // by kind, not by every verb a coach might use
  if (ask.kind === 'when' || !isTimeFact(known.fact)) return false;
  const asked = new Set(ask.words.map(stem).filter((w) => !TIME_WORDS.has(w)));
  if (ask.names.some((n) => !TIME_WORDS.has(stem(n.toLowerCase())) && known.text.includes(n)))
    return false;
  const cues = (known.fact?.cues ?? [])
    .map((c) => String(c).toLowerCase().trim())
    .filter((c) => !TIME_CUES.has(c));
  const own = new Set([...stemsOf(known.text), ...stemsOf(cues.join(' '))]);
  return ![...asked].some((w) => own.has(w));
}

/**
 * A fact whose answer opens with nothing but a time ("Thursdays at two.", "Four years."): an
 * answer to when or how long, never what a partner says next unasked.
 */
export function isBareTimeFact(known: Known): boolean {
  if (!isTimeFact(known.fact)) return false;
  const first = known.text.split(/(?<=[.!?])\s+/)[0] ?? '';
  return [...stemsOf(first)].every((w) => TIME_WORDS.has(w));
}

/**
 * The words that say what a when-question is about, in the order asked ("When does the team
 * meet?": team, meet), leaving out words of time, verbs that carry no subject ("need", "happen")
 * and words the card's lines use so often they point at nothing ("team" on a team lead's card).
 * Empty too when it asks only about the card's own subject.
 * Empty when the question names no subject of its own ("When did it happen?").
 */
export function whenSubject(ask: CoachAsk, known: readonly Known[], card: PartnerCard): string[] {
  // "When did you take over the team?": when something began, answered by a line that dates one
  if (asksOnset(ask)) return [];
  const stems = ask.words
    .map(stem)
    .filter((w) => !TIME_WORDS.has(w) && !TIME_ONLY.has(w) && !ONSET.has(w) && !NO_SUBJECT.has(w));
  // about the card's own subject alone ("When is the next architecture review?"): what its time
  // facts are about anyway
  const central = stemsOf(`${card.script?.topic ?? ''} ${card.title}`);
  if (stems.every((w) => central.has(w))) return [];
  const common = (w: string) => known.filter((k) => stemsOf(k.text).has(w)).length >= 3;
  return stems.filter((w) => !common(w));
}

/** Verbs that ask when something began ("When did this start?", "...take over the team?": "over" is no content word). */
const ONSET = stemsOf(
  'start started begin began begun first kick kicked join joined promoted take took taken arrive arrived',
);
/** Words a when-question holds without saying what it is about ("When does it need to be done?"). */
const NO_SUBJECT = stemsOf(
  'happen happened need needs make put putting off come came keep back over by due end ends finish finishes run ran last lasted',
);

/**
 * Whether a line is about what a when-question asks of, not merely a time ("Four years." for
 * "When is the deadline?"): a name asked about, the question's last subject word (what is timed:
 * "the team *meet*", "the next architecture *review*") or two of its words, in the line, its
 * topic or its cues.
 */
export function meetsWhenSubject(
  subject: readonly string[],
  names: readonly string[],
  known: Known,
): boolean {
  if (subject.length === 0) return true;
  const cues = (known.fact?.cues ?? []).map((c) => String(c).toLowerCase());
  const text = [known.text, known.fact?.topic ?? '', ...cues].join(' ');
  if (names.some((n) => new RegExp(`\\b${n}\\b`, 'i').test(text))) return true;
  const own = stemsOf(text);
  // "present" meets "presentation", "review" meets "reviews": a shared start of five letters
  const near = (w: string) =>
    own.has(w) ||
    (w.length >= 5 && [...own].some((o) => o.length >= 5 && (o.startsWith(w) || w.startsWith(o))));
  return near(subject[subject.length - 1]) || subject.filter(near).length >= 2;
}

/** "When did this start?": asks when something began, about nothing more specific. */
export function asksOnset(ask: CoachAsk): boolean {
  return ask.words.some((w) => ONSET.has(stem(w)));
}
/** A line that dates a beginning ("Three months.", "I came back three weeks ago"), not a routine ("every two weeks"). */
const DATES_ONSET =
  /\b(ago|since|started|began|begun|joined|came back|went up|last (week|month|year|spring|summer|autumn|winter|monday|tuesday|wednesday|thursday|friday)|in (january|february|march|april|may|june|july|august|september|october|november|december|the spring|the summer|the autumn|the winter)|(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d+|a few|a couple of) (weeks|months|years)\b(?! (of|on|at|in) ))/i;
export function datesOnset(text: string): boolean {
  return DATES_ONSET.test(text) && !/\bevery\b/i.test(text);
}

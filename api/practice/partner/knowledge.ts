/**
 * @module practice/partner/knowledge
 * What the partner knows and may say now, and which of it a question is about. Facts from the
 * card answer questions about the situation; surface lines, the session goal and the
 * elaborations of layers already revealed answer the rest. A fact that words a hidden layer not
 * yet revealed is withheld like the layer itself: an author's slip cannot leak what is not earned.
 */
import type { CoachAsk, HiddenLayer, PartnerCard, PartnerFact, PartnerState } from '../types.js';
import { HIDDEN_LAYERS } from '../types.js';
import { contentWords, stem, stemsOf } from './words.js';

/** One thing the partner could say in answer. */
export interface Known {
  text: string;
  source: 'fact' | 'surface' | 'goal' | 'elaborate';
  layer?: HiddenLayer;
  fact?: PartnerFact;
}

/** A fact sharing this many of a locked layer's own content stems (and a third of its own) is withheld. */
const GATE_SHARED = 2;

/** Questions about what the partner wants or values ("what matters most to you now?"). */
const WANTS =
  /\b(matters?|important|want|wants|hope|hoping|wish|(would|'d) (you )?like|need|needs|care|value|values|goal|outcome|ideal|priority|priorities|worth|useful|helpful|from (this|today|our time|the session)|get out of)\b/i;
/** Questions about feelings or worries ("How's it sitting with you?", "How does that leave you?"). */
const FEELS =
  /^how are you\b|\bhow('s| has| is) (your|the) (day|week|morning|afternoon|weekend|month)\b|\bhow have you been\b|\bhow are things\b|\b(sitting with you|sits with you|sit with you|leaves? you|left you|holding up|how are you (doing|finding it|finding things)|how('s| is) (that|it|this) (for|with) you|emotional(ly)?|feel|feeling|feelings|worr\w*|afraid|scared|fear\w*|anxious|nervous|stress\w*|upset|hard|difficult|tough|struggl\w*|bother\w*|weigh\w*|sleep\w*|cop(e|ing)|mood|heavy|heavier)\b/i;
/** Words that put a person in an answer ("my manager", "she"). */
const PERSON =
  /\b(manager|boss|lead|colleague|colleagues|friend|partner|director|sister|brother|mum|dad|parents|family|team|he|she|him|her|everyone|nobody|no one)\b/i;
/** A capitalised word that is not a day or a month: a name. */
const NAME =
  /\b(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December|I)\b)[A-Z][a-z]+\b/;
const NUMBER =
  /\b(\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|hundred|dozen|half|couple|few|several)\b/i;
export const TIME =
  /\b((mon|tues|wednes|thurs|fri|satur|sun)days?|week|weeks|month|months|year|years|day|days|ago|since|yesterday|today|tomorrow|tonight|morning|evening|night|last|next|january|february|march|april|may|june|july|august|september|october|november|december|spring|summer|autumn|winter|o'clock|hour|hours)\b/i;

/** Words that put a place in an answer ("the fifth floor", "next door"). */
const PLACE =
  /\b(floor|floors|building|office|offices|desk|desks|room|site|upstairs|downstairs|next door|across|opposite|remote|remotely|home|campus|ward|canteen|corridor|wing|block|city|town|abroad|here|there)\b/i;

/** Cues that name a kind of question ("how many") rather than words it holds. */
const KIND_CUES: Record<string, CoachAsk['kind']> = {
  'how many': 'how_many',
  'how much': 'how_many',
  number: 'how_many',
  when: 'when',
  'how long': 'when',
  'how often': 'when',
  'by when': 'when',
  since: 'when',
  who: 'who',
  'who else': 'who',
  whom: 'who',
  where: 'where',
  why: 'why',
};

/** Lines the partner may say now about their situation (never a locked layer). */
export function knownNow(card: PartnerCard, state: Pick<PartnerState, 'revealed'>): Known[] {
  const s = card.script;
  const out: Known[] = [];
  for (const fact of card.facts ?? [])
    if (!lockedBy(card, state.revealed, fact.answer))
      out.push({ text: fact.answer, source: 'fact', fact });
  for (const text of s?.surface ?? []) out.push({ text, source: 'surface' });
  for (const text of s?.sessionGoal ?? []) out.push({ text, source: 'goal' });
  for (const layer of state.revealed)
    for (const text of s?.elaborate[layer] ?? []) out.push({ text, source: 'elaborate', layer });
  return out;
}

/**
 * The plain first sentence of each fact withheld as a whole ("Dev, the director of IT." of a fact
 * that goes on to say why he suggested it), when that sentence words no locked layer itself: a
 * guarded colleague asked who, when or how many still says so, and keeps the rest back.
 */
export function factHeadsNow(card: PartnerCard, state: Pick<PartnerState, 'revealed'>): Known[] {
  const out: Known[] = [];
  for (const fact of card.facts ?? []) {
    if (!lockedBy(card, state.revealed, fact.answer)) continue;
    const head = fact.answer.split(/(?<=[.!?])\s+(?=[A-Z"'(])/)[0];
    // a short plain answer ("Four days.") may share a word or two with a layer; a phrase of it may not
    if (head && head !== fact.answer && !lockedBy(card, state.revealed, head, 3))
      out.push({ text: head, source: 'fact', fact });
  }
  return out;
}

/**
 * The locked layer a text words, if any: it shares words with that layer that nothing the
 * partner may say anyway (brief, surface, openings) holds.
 */
export function lockedBy(
  card: PartnerCard,
  revealed: readonly HiddenLayer[],
  text: string,
  minShared = GATE_SHARED,
): HiddenLayer | null {
  const own = stemsOf(text);
  const { visible, layers } = gateStems(card);
  for (const layer of HIDDEN_LAYERS) {
    if (revealed.includes(layer)) continue;
    const layerStems = layers[layer];
    // counted in place: asked for every fact at every turn, a copy of the stems each time was
    // garbage a turn did not need
    let shared = 0;
    for (const w of own) if (layerStems.has(w) && !visible.has(w)) shared++;
    if (shared >= minShared && shared * 3 >= own.size) return layer;
  }
  return null;
}

/** The stems a card shows anyway and those of each layer, worked out once per card (cards do not change). */
const gateCache = new WeakMap<
  PartnerCard,
  { visible: ReadonlySet<string>; layers: Record<HiddenLayer, ReadonlySet<string>> }
>();
function gateStems(card: PartnerCard): {
  visible: ReadonlySet<string>;
  layers: Record<HiddenLayer, ReadonlySet<string>>;
} {
  const hit = gateCache.get(card);
  if (hit) return hit;
  const s = card.script;
  const visible = stemsOf(
    [
      card.brief,
      card.title,
      s?.topic ?? '',
      s?.other ?? '',
      ...(s?.surface ?? []),
      ...(s?.openings ?? []),
      ...(s?.sessionGoal ?? []),
    ].join(' '),
  );
  const layers = Object.fromEntries(
    HIDDEN_LAYERS.map((layer) => [
      layer,
      stemsOf([card.hidden[layer], ...(s?.disclose[layer] ?? [])].join(' ')),
    ]),
  ) as Record<HiddenLayer, ReadonlySet<string>>;
  const out = { visible, layers };
  gateCache.set(card, out);
  return out;
}

/** What `relevance` reads of a question, taken apart once for all the lines it is weighed against. */
interface AskParts {
  asked: ReadonlySet<string>;
  setting: ReadonlySet<string>;
  names: readonly string[];
  nameTests: readonly RegExp[];
  /** the question's words and names as one spaced string, for a cue phrase to be found in */
  question: string;
}
const askParts = new WeakMap<CoachAsk, AskParts>();
function partsOf(ask: CoachAsk): AskParts {
  let parts = askParts.get(ask);
  if (!parts) {
    const names = ask.names.map((n) => n.toLowerCase());
    parts = {
      asked: new Set(ask.words.map(stem)),
      // words of a scene-setting clause count half: the question is about its main clause
      setting: new Set((ask.setting ?? []).map(stem)),
      names,
      nameTests: names.map((n) => new RegExp(`\\b${n}\\b`)),
      question: ` ${ask.words.join(' ')} ${names.join(' ')} `,
    };
    askParts.set(ask, parts);
  }
  return parts;
}

/**
 * How well a line answers the question: cue and name matches for facts, shared words for other
 * lines, and a bonus when the line has the shape asked for (a number for "how many", a time for
 * "when"). Zero means the line is not about the question.
 */
export function relevance(
  ask: CoachAsk,
  known: Known,
  people: ReadonlySet<string> = new Set(),
): number {
  const { asked, setting, names, nameTests, question } = partsOf(ask);
  const weight = (w: string) => (setting.has(w) ? 0.5 : 1);
  let score = 0;
  let kindCue = 0;
  // A why asks for a reason: a fact's cues say what it answers (a number, a time, a person), not
  // why; only the words of the line itself can make it the reason.
  if (known.fact && ask.kind !== 'why') {
    for (const cue of known.fact.cues) {
      const c = String(cue).toLowerCase().trim();
      if (!c) continue;
      if (KIND_CUES[c]) {
        // "how many", "when": a cue naming the kind of question rather than its words
        if (KIND_CUES[c] === ask.kind) kindCue = 1;
      } else if (c.includes(' ')) {
        const words = contentWords(c);
        const w = Math.min(...words.map((x) => weight(stem(x))));
        if (question.includes(` ${words.join(' ')} `) && words.length > 0) score += 3 * w;
        else if (words.every((x) => asked.has(stem(x))) && words.length > 0) score += 2 * w;
      } else if (names.includes(c)) score += 4;
      else if (asked.has(stem(c))) score += 2 * weight(stem(c));
    }
    for (const w of contentWords(known.fact.topic))
      if (asked.has(stem(w))) score += weight(stem(w));
  }
  const lineStems = stemsOf(known.text);
  // a line holding what the main clause asks about answers it as well as an author's cue would
  for (const w of asked)
    if (lineStems.has(w)) score += setting.size && !setting.has(w) ? 2 : weight(w);
  // the line lower-cased only for a question that names someone (most name no one)
  const lineText = nameTests.length ? known.text.toLowerCase() : '';
  for (const test of nameTests) if (test.test(lineText)) score += 3;
  score += kindCue;
  if (score === 0) return 0;
  if (ask.kind === 'how_many' && NUMBER.test(known.text)) score += 1.5;
  if (ask.kind === 'when' && TIME.test(known.text)) score += 1.5;
  if (ask.kind === 'who' && hasName(known.text, people)) score += 1;
  return score;
}

/** Questions about what the partner has already done about it ("What have you tried?"). */
const TRIED =
  /\b(what|how) (have|did) you (tried|try|done|do)\b|\bwhat (else )?have you (already )?(tried|done)\b|\bwhat did you try\b|\bhave you tried\b(?! to)/i;

/** Questions asking the partner for their own next step ("What do you think you should do?"). */
const ACTS =
  /\bwhat (do you think )?(should|could|will|can|might|are) you (do|say|try|going to do)\b|\bwhat do you think you('ll| should| could| might| will| need to) (do|say|try)\b|\bwhat (should|could|can) (i|we) (do|say)\b|\bwhat do you (need|want|plan|intend) to do\b|\bwhat('s| is) (your|the) (next|first) step\b/i;

/**
 * When the partner will do something ("When will you do it?", "How soon could you talk to Jo?"):
 * about their own next step, which has a time only once they have chosen it. Seeing someone
 * ("When do you next see Jo?") is a fact about their week, not a step.
 */
const WHEN_ACTS =
  /^(when|by when|how soon)\b.*\b(will|would|could|can|might|are|should|do) you\b.*\b(do|doing|done|go back|going back|go to|return|start|started|try|tried|raise|raised|tell|told|talk|talked|speak|spoke|spoken|ask|asked|say|said|book|booked|send|sent|bring|brought|change|changed|make|made|have (that|the|this) (chat|conversation|talk)|had (that|the|this) (chat|conversation|talk)|put|sort|sorted|act|go ahead|get (on|round) to)\b|^when('s| is) (it|that|this) (happening|going to happen)\b/i;

/** What kind of thing a question is after, beyond its words (for questions without a fact). */
export function intentOf(question: string): 'wants' | 'feels' | 'tried' | 'acts' | undefined {
  if (TRIED.test(question)) return 'tried';
  if (ACTS.test(question) || WHEN_ACTS.test(question.trim())) return 'acts';
  if (WANTS.test(question)) return 'wants';
  if (FEELS.test(question)) return 'feels';
  return undefined;
}

/** Whether a line has the shape a factual question wants (a number, a time, a person). */
export function hasShape(
  kind: CoachAsk['kind'],
  text: string,
  people: ReadonlySet<string> = new Set(),
): boolean {
  if (kind === 'how_many') return NUMBER.test(text);
  if (kind === 'when') return TIME.test(text);
  if (kind === 'who') return hasName(text, people) || PERSON.test(text);
  if (kind === 'where') return PLACE.test(text);
  return true;
}

/**
 * Whether a text names someone: a capitalised word inside a sentence, or anywhere one of the
 * people the card knows (a sentence's first word is capitalised whoever it is).
 */
function hasName(text: string, people: ReadonlySet<string>): boolean {
  if ([...people].some((p) => new RegExp(`\\b${p}\\b`).test(text))) return true;
  return text
    .split(/(?<=[.!?]['"\u2019\u201d]?)\s+/)
    .some((sentence) => NAME.test(sentence.split(/\s+/).slice(1).join(' ')));
}

/** The people a card names: the other person, the partner, and capitalised fact cues ("Sam"). */
export function peopleOf(card: PartnerCard): ReadonlySet<string> {
  let people = peopleByCard.get(card);
  if (!people) peopleByCard.set(card, (people = peopleOnce(card)));
  return people;
}
/** A card's people, read once a card (every line weighed against a question asks for them). */
const peopleByCard = new WeakMap<PartnerCard, ReadonlySet<string>>();

function peopleOnce(card: PartnerCard): Set<string> {
  const out = new Set<string>();
  const add = (w: string | undefined) => {
    for (const t of (w ?? '').split(/\s+/))
      if (/^[A-Z][a-z]+$/.test(t) && !/^(The|A|An|My)$/.test(t)) out.add(t);
  };
  add(card.script?.other);
  add(card.partner.name);
  for (const name of card.names ?? []) add(name);
  for (const f of card.facts ?? []) for (const c of f.cues) add(String(c));
  return out;
}

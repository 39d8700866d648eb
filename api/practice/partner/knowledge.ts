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

/** A fact sharing this many content stems (and half its own) with a locked layer is withheld. */
const GATE_SHARED = 3;

/** Questions about what the partner wants or values ("what matters most to you now?"). */
const WANTS = /\b(matters?|important|want|wants|hope|hoping|wish|like to|need|needs|care|value|values|goal|outcome|ideal|priority|priorities|worth|useful|helpful|from (this|today|our time|the session)|get out of)\b/i;
/** Questions about feelings or worries. */
const FEELS = /\b(feel|feeling|feelings|worr\w*|afraid|scared|fear\w*|anxious|nervous|stress\w*|upset|hard|difficult|tough|struggl\w*|bother\w*|weigh\w*)\b/i;
const NUMBER = /\b(\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|hundred|dozen|half|couple|few|several)\b/i;
const TIME =
  /\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday|week|weeks|month|months|year|years|day|days|ago|since|yesterday|today|tomorrow|tonight|morning|evening|night|last|next|january|february|march|april|may|june|july|august|september|october|november|december|spring|summer|autumn|winter|o'clock|hour|hours)\b/i;

/** Lines the partner may say now about their situation (never a locked layer). */
export function knownNow(card: PartnerCard, state: Pick<PartnerState, 'revealed'>): Known[] {
  const s = card.script;
  const out: Known[] = [];
  for (const fact of s?.facts ?? []) if (!lockedBy(card, state.revealed, fact.answer)) out.push({ text: fact.answer, source: 'fact', fact });
  for (const text of s?.surface ?? []) out.push({ text, source: 'surface' });
  for (const text of s?.sessionGoal ?? []) out.push({ text, source: 'goal' });
  for (const layer of state.revealed) for (const text of s?.elaborate[layer] ?? []) out.push({ text, source: 'elaborate', layer });
  return out;
}

/** The locked layer a text words, if any (shared content stems with that layer's own words). */
export function lockedBy(card: PartnerCard, revealed: readonly HiddenLayer[], text: string): HiddenLayer | null {
  const own = stemsOf(text);
  for (const layer of HIDDEN_LAYERS) {
    if (revealed.includes(layer)) continue;
    const layerStems = stemsOf([card.hidden[layer], ...(card.script?.disclose[layer] ?? [])].join(' '));
    const shared = [...own].filter((w) => layerStems.has(w)).length;
    if (shared >= GATE_SHARED && shared * 2 >= own.size) return layer;
  }
  return null;
}

/**
 * How well a line answers the question: cue and name matches for facts, shared words for other
 * lines, and a bonus when the line has the shape asked for (a number for "how many", a time for
 * "when"). Zero means the line is not about the question.
 */
export function relevance(ask: CoachAsk, known: Known): number {
  const asked = new Set(ask.words.map(stem));
  const names = ask.names.map((n) => n.toLowerCase());
  const lineText = known.text.toLowerCase();
  let score = 0;
  if (known.fact) {
    const question = ` ${ask.words.join(' ')} ${names.join(' ')} `;
    for (const cue of known.fact.cues) {
      const c = cue.toLowerCase().trim();
      if (!c) continue;
      if (c.includes(' ')) {
        if (question.includes(` ${contentWords(c).join(' ')} `) && contentWords(c).length > 0) score += 3;
        else if (contentWords(c).every((w) => asked.has(stem(w))) && contentWords(c).length > 0) score += 2;
      } else if (asked.has(stem(c)) || names.includes(c)) score += names.includes(c) ? 4 : 2;
    }
    for (const w of contentWords(known.fact.topic)) if (asked.has(stem(w))) score += 1;
  }
  const lineStems = stemsOf(known.text);
  for (const w of asked) if (lineStems.has(w)) score += 1;
  for (const n of names) if (new RegExp(`\\b${n}\\b`).test(lineText)) score += 3;
  if (score === 0) return 0;
  if (ask.kind === 'how_many' && NUMBER.test(known.text)) score += 1.5;
  if (ask.kind === 'when' && TIME.test(known.text)) score += 1.5;
  if (ask.kind === 'who' && /\b[A-Z][a-z]+\b/.test(known.text.slice(1))) score += 1;
  return score;
}

/** What kind of thing a question is after, beyond its words (for questions without a fact). */
export function intentOf(ask: CoachAsk): 'wants' | 'feels' | null {
  const text = ask.words.join(' ');
  if (WANTS.test(text)) return 'wants';
  if (FEELS.test(text)) return 'feels';
  return null;
}

/** Whether a line has the shape a factual question wants (a number, a time, a person). */
export function hasShape(kind: CoachAsk['kind'], text: string): boolean {
  if (kind === 'how_many') return NUMBER.test(text);
  if (kind === 'when') return TIME.test(text);
  if (kind === 'who') return /\b[A-Z][a-z]+\b/.test(text.slice(1)) || /\b(manager|boss|colleague|team|friend|partner|director|everyone|nobody|no one)\b/i.test(text);
  return true;
}

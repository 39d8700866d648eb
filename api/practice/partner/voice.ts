/**
 * @module practice/partner/voice
 * The built-in scripted voice: words a directive decided by the transition rules, choosing lines
 * from the scenario's own script first and the shared banks after. Every line used is recorded
 * in the state, so no reply repeats within a session; choices come from a PRNG seeded with
 * (session seed, turn), so a session replays identically.
 */
import type { HiddenLayer, PartnerCard, PartnerDirective, PartnerStage, PartnerState } from '../types.js';
import { GENERIC_DISCLOSURE, REPLY_BANK, type ReplyBankKey } from './reply-bank.js';
import { randomFor } from './seeded-random.js';
import { stageAtLeast } from './stage.js';

/** One candidate line; the id is a hash of the text, so equal texts in two banks count as one. */
interface Line {
  id: string;
  text: string;
}

/**
 * Words the directive as the scripted partner. Returns the state with the lines just used added
 * to `usedReplies` (nothing else changes: deciding happened in `advancePartner`).
 *
 * @example
 * const { state, text } = scriptedReply(card, decided.state, decided.directive);
 */
export function scriptedReply(card: PartnerCard, state: PartnerState, directive: PartnerDirective): { state: PartnerState; text: string } {
  const voice = new ReplyPicker(card, state);
  const parts = compose(voice, card, state, directive);
  if (parts.length === 0) {
    // Every fitting line is spent (a very long session): say two short ones never said together.
    const spare = voice.pickPair([...voice.bank('neutral'), ...voice.bank('content_surface')], 'spare');
    if (spare) parts.push(spare);
  }
  return voice.finish(parts);
}

/** The opening line of a session (used by `startPartner`). */
export function scriptedOpening(card: PartnerCard, state: PartnerState): { state: PartnerState; text: string } {
  const voice = new ReplyPicker(card, state);
  const opening = voice.pick([scriptLines(card.script?.openings), voice.bank('opening')], 'opening');
  return voice.finish(opening ? [opening] : []);
}

function compose(voice: ReplyPicker, card: PartnerCard, state: PartnerState, d: PartnerDirective): Line[] {
  const open = stageAtLeast(d.stage, 'opening_up');
  const newly = d.newlyRevealed;
  // A head (a short reaction) then a body (what they say next), within the directive's length.
  const head = (key: ReplyBankKey) => voice.pick([voice.bank(key)], `head.${key}`, d.maxSentences - 1);
  const then = (first: Line | null, pools: Line[][], salt: string) => {
    const budget = d.maxSentences - (first ? sentenceCount(first.text) : 0);
    return [first, voice.pick(pools, salt, budget)].filter(isLine);
  };
  const content = () => contentPools(voice, card, d.stage, state.revealed);
  const body = () => (newly ? disclosure(card, newly) : content());
  const bodySalt = newly ? `disclose.${newly}` : 'content';
  switch (d.reaction) {
    case 'heard':
      return then(head(open ? 'heard_open' : 'heard_guarded'), body(), bodySalt);
    case 'curious':
      return then(newly || voice.chance('curious.head', 0.6) ? head(open ? 'curious_open' : 'curious_guarded') : null, body(), bodySalt);
    case 'agreeing':
      // Late in the session a goal question reviews the outcome rather than setting it.
      if (stageAtLeast(d.stage, 'insight')) return single(voice, [voice.bank('agreeing_review')], 'review');
      return then(head('agreeing'), [scriptLines(card.script?.sessionGoal), voice.bank('session_goal')], 'goal');
    case 'challenged':
      if (newly) return then(head('insight'), body(), bodySalt);
      return then(head('challenged_again'), content(), 'content');
    case 'deciding':
      if (newly) return then(head('commit'), body(), bodySalt);
      return single(voice, [layerLines(card, 'elaborate', 'action'), voice.bank('commit_detail')], 'commit_detail');
    case 'premature':
      return single(voice, [voice.bank(d.cause === 'action_question' ? 'premature_action' : 'premature_incisive')], 'premature');
    case 'short':
      return single(voice, [voice.bank(d.cause === 'leading_question' ? 'short_leading' : 'short')], 'short');
    case 'overwhelmed':
      return single(voice, [voice.bank('overwhelmed')], 'overwhelmed');
    case 'defensive': {
      if (state.defensiveness >= 2) return single(voice, [voice.bank('withdrawn')], 'withdrawn');
      const own = scriptLines(card.script?.pushback);
      const pools = voice.chance('pushback', 0.5) ? [own, voice.bank('defensive')] : [voice.bank('defensive'), own];
      return single(voice, pools, 'defensive');
    }
    case 'welcome_idea':
      return single(voice, [voice.bank('welcome_idea')], 'welcome');
    case 'permission':
      return single(voice, [voice.bank(state.permissionGranted ? 'permission_granted' : 'permission_refused')], 'permission');
    case 'affirmed':
      return open ? then(head('affirmed'), body(), bodySalt) : single(voice, [voice.bank('affirmed')], 'affirmed');
    case 'neutral':
      return voice.chance('neutral.body', 0.5) ? then(head('neutral'), body(), bodySalt) : single(voice, [voice.bank('neutral')], 'neutral');
  }
}

/** One line, or, once a bank is spent, an unused pair from it: a reply is never repeated. */
function single(voice: ReplyPicker, pools: Line[][], salt: string): Line[] {
  const line = voice.pick(pools, salt) ?? voice.pickPair(pools.flat(), salt);
  return line ? [line] : [];
}

/** What the partner talks about, deepest revealed layer first; hidden layers not yet revealed never appear. */
function contentPools(voice: ReplyPicker, card: PartnerCard, stage: PartnerStage, revealed: HiddenLayer[]): Line[][] {
  const surface = scriptLines(card.script?.surface);
  const deeper = [...revealed].reverse().map((layer) => layerLines(card, 'elaborate', layer));
  if (stage === 'guarded') return [surface, voice.bank('content_surface')];
  if (stage === 'opening_up') return [...deeper, surface, voice.bank('content_surface'), voice.bank('content_deeper')];
  return [...deeper, voice.bank('content_deeper'), surface, voice.bank('content_surface')];
}

/** The card's own words for a layer; the generic lead-ins only for a card that has none. */
function disclosure(card: PartnerCard, layer: HiddenLayer): Line[][] {
  const own = layerLines(card, 'disclose', layer);
  if (own.length > 0) return [own];
  return [GENERIC_DISCLOSURE[layer].map((t) => toLine(t.replace('{text}', card.hidden[layer])))];
}

function layerLines(card: PartnerCard, field: 'disclose' | 'elaborate', layer: HiddenLayer): Line[] {
  return scriptLines(card.script?.[field][layer]);
}

function scriptLines(texts: readonly string[] | undefined): Line[] {
  return (texts ?? []).map(toLine);
}

function toLine(text: string): Line {
  return { id: textId(text), text };
}

/** FNV-1a of the text: stable across versions of the bank as long as the words stay the same. */
function textId(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h.toString(36);
}

/** Sentences as a reader counts them: a full stop followed by a capital starts a new one. */
export function sentenceCount(text: string): number {
  return text.split(/(?<=[.!?])\s+(?=[A-Z"'(])/).filter((x) => x.trim()).length;
}

function isLine(x: Line | null): x is Line {
  return x !== null;
}

/** Picks unused lines for one turn and records them. */
class ReplyPicker {
  private readonly used: Set<string>;
  private readonly fresh: string[] = [];
  private readonly fill: (t: string) => string;

  constructor(
    card: PartnerCard,
    private readonly state: PartnerState,
  ) {
    this.used = new Set(state.usedReplies);
    const topic = card.script?.topic ?? 'this';
    const other = card.script?.other ?? 'them';
    this.fill = (t) => t.replaceAll('{topic}', topic).replaceAll('{other}', other);
  }

  bank(key: ReplyBankKey): Line[] {
    return REPLY_BANK[key].map((t) => toLine(this.fill(t)));
  }

  chance(salt: string, p: number): boolean {
    return randomFor(this.state.seed, this.state.turns, salt)() < p;
  }

  /**
   * A random unused line from the first pool that still has one, preferring lines within
   * `maxSentences`; when nothing fits, a longer unused line rather than nothing.
   */
  pick(pools: Line[][], salt: string, maxSentences = Infinity): Line | null {
    const rnd = randomFor(this.state.seed, this.state.turns, salt);
    for (const fits of [(l: Line) => sentenceCount(l.text) <= maxSentences, () => true]) {
      for (const pool of pools) {
        const free = pool.filter((l) => !this.used.has(l.id) && fits(l));
        if (free.length > 0) return this.take(free[Math.floor(rnd() * free.length)]);
      }
    }
    return null;
  }

  /** Two lines of a spent bank said together, as a combination not said before. */
  pickPair(pool: Line[], salt: string): Line | null {
    const rnd = randomFor(this.state.seed, this.state.turns, `pair.${salt}`);
    const start = Math.floor(rnd() * Math.max(1, pool.length));
    for (let i = 0; i < pool.length; i++) {
      for (let j = 1; j < pool.length; j++) {
        const a = pool[(start + i) % pool.length];
        const b = pool[(start + i + j) % pool.length];
        const id = `${a.id}+${b.id}`;
        if (a.id !== b.id && !this.used.has(id)) return this.take({ id, text: `${a.text} ${b.text}` });
      }
    }
    return null;
  }

  private take(line: Line): Line {
    this.used.add(line.id);
    this.fresh.push(line.id);
    return line;
  }

  finish(parts: Line[]): { state: PartnerState; text: string } {
    // A composed reply is recorded as a whole too, so the same pair is never said twice.
    if (parts.length > 1) this.fresh.push(parts.map((p) => p.id).join('+'));
    return { state: { ...this.state, usedReplies: [...this.state.usedReplies, ...this.fresh] }, text: parts.map((p) => p.text).join(' ') };
  }
}

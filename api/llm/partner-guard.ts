/**
 * @module llm/partner-guard
 * The fidelity guard on every LLM partner reply, before the learner sees it: the partner stays
 * in role (no AI talk, no prompt talk, no grading), does not coach or advise the learner back,
 * does not disclose a layer the engine has not unlocked, and keeps within the length cap.
 * Pure string checks, run on the draft as it streams and on the final text.
 * The locked layers are compared here, on the server, and never sent to the model.
 */
import {
  HIDDEN_LAYERS,
  type HiddenLayer,
  type PartnerCard,
  type PartnerDirective,
} from '../practice/types.js';

export type GuardReason =
  'empty' | 'role_break' | 'coaching_back' | 'gated_layer' | 'too_long' | 'truncated';
export type GuardVerdict = { ok: true } | { ok: false; reason: GuardReason; detail?: string };

/** The hard cap on a partner reply, whatever the directive says (issue 4: about 5 sentences). */
export const MAX_REPLY_SENTENCES = 5;
export const MAX_REPLY_CHARS = 900;

export interface GuardContext {
  partnerName: string;
  /** most sentences a reply may have */
  maxSentences: number;
  /** distinctive word stems of each layer the partner may not speak about yet */
  locked: { layer: HiddenLayer; stems: string[] }[];
}

/** Breaking character: talk of being an AI, of the prompt, or of marks and scores. */
const ROLE_BREAK: RegExp[] = [
  /\bas an? (ai|a\.i\.|language model|assistant|chatbot)\b/i,
  /\b(language model|large language|openai|chatgpt|system prompt|my instructions|the directive|role[- ]?play)\b/i,
  /\bi(?:'m| am) (?:just |only )?(?:an? )?(?:ai|a\.i\.|assistant|chatbot|bot|virtual)\b/i,
  /\[\[|\]\]|^\s*(stage|reaction|disclose now|length)\s*:/im,
  /\b(full marks|top marks|your score|a score of|grade you|\d+\s*\/\s*10)\b/i,
  /\bi (?:can(?:no|')t|won't) (?:comply|assist|help with that)\b/i,
];

/** Coaching back: advising the learner, or asking about the learner's own feelings and goals. */
const COACHING_BACK: RegExp[] = [
  /\byou (?:should(?! have)|ought to|might want to|may want to|need to try|could try)\b/i,
  /\b(?:i(?:'d| would)? suggest (?:that )?you|my advice(?: to you)?|have you (?:tried|considered)|why don't you|it might help (?:you )?to)\b/i,
  /\bhow (?:does|did|do) (?:that|this|it) make you feel\b/i,
  // "how do you feel about me asking Sam?" asks the coach's view of the partner's plan: fine
  /\bhow are you (?:feeling|doing)\b/i,
  /\bwhat (?:would|do) you (?:like|want) to (?:explore|talk about|focus on|get out of)\b/i,
  /\bhow can i (?:help|support) you\b/i,
  /\b(?:what about you|tell me (?:more )?about (?:yourself|you))\b/i,
  /\bit sounds like you(?:'re| are) (?:feeling|struggling)\b/i,
];

const STOPWORDS = new Set(
  'a about above after again against all also am an and any are as at be because been before being below between both but by can could did do does doing down during each even ever every few for from further had has have having he her here hers herself him himself his how i if in into is it its itself just know like make may me might more most much must my myself never no nor not now of off on once only or other our ours out over own really same she should so some such than that the their theirs them themselves then there these they thing things think this those though through to too under until up very was we were what when where which while who whom why will with would yet you your yours yourself feel feels felt want wants going get gets got one ones lot still something someone keep keeps kept say says said tell tells told make makes made take takes took work works well even back look looks mean means people thing'.split(
    ' ',
  ),
);

/** Crude stem so "delegating", "delegates" and "delegated" meet. */
function stem(word: string): string {
  return word.replace(/(ingly|edly|ings|ing|ied|ies|ed|es|ly|s)$/, '').slice(0, 9);
}

export function contentStems(text: string): Set<string> {
  const out = new Set<string>();
  for (const w of text
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .match(/[a-z][a-z'-]{3,}/g) ?? []) {
    const bare = w.replace(/'s$/, '');
    // contractions ("don't", "they'll") say nothing about what a layer is about
    if (bare.includes("'") || STOPWORDS.has(bare)) continue;
    const st = stem(bare);
    if (!STOPWORDS.has(st)) out.add(st);
  }
  return out;
}

/**
 * Builds the guard for one reply. Words the partner may already use (the brief, the persona, the
 * script's surface lines, the unlocked layers, anything said so far) are no evidence of a leak.
 */
export function guardContextFor(input: {
  card: Pick<PartnerCard, 'hidden' | 'brief' | 'persona' | 'title' | 'partner' | 'script'>;
  directive: PartnerDirective;
  history: { text: string }[];
  coachText: string;
}): GuardContext {
  const { card, directive } = input;
  const open = new Set(directive.mayReveal.map((l) => l.layer));
  // the scripted partner's surface lines are sayable at any stage, so their words are too
  const surface = card.script
    ? [
        ...card.script.surface,
        ...card.script.sessionGoal,
        ...card.script.openings,
        ...card.script.pushback,
      ]
    : [];
  const allowed = contentStems(
    [
      card.brief,
      card.persona,
      card.title,
      card.partner.role,
      card.partner.team,
      input.coachText,
      ...surface,
      ...directive.mayReveal.map((l) => l.text),
      ...input.history.map((h) => h.text),
    ].join(' '),
  );
  const locked = HIDDEN_LAYERS.filter((l) => !open.has(l) && card.hidden[l]).map((layer) => ({
    layer,
    stems: [...contentStems(card.hidden[layer])].filter((s) => !allowed.has(s)),
  }));
  const cap = Math.max(1, Math.min(Math.max(1, directive.maxSentences) + 1, MAX_REPLY_SENTENCES));
  return { partnerName: card.partner.name, maxSentences: cap, locked };
}

/** Complete sentences in a text (terminal punctuation followed by space or end). */
export function splitSentences(text: string): string[] {
  return (text.match(/[^.!?…]+(?:[.!?…]+["')\]]*|$)/g) ?? [])
    .map((s) => s.trim())
    .filter((s) => /[a-z0-9]/i.test(s));
}

/** The text up to its last complete sentence ('' when there is none). */
export function trimToCompleteSentences(text: string): string {
  const m = text.match(/^[\s\S]*[.!?…]["')\]]*(?=\s|$)/);
  return m ? m[0].trim() : '';
}

/**
 * Tidies a model reply: drops a "Name:" prefix, wrapping quotes and *stage directions*.
 * @example cleanPartnerReply('Priya: "Fine, I guess."', 'Priya') // 'Fine, I guess.'
 */
export function cleanPartnerReply(text: string, partnerName: string): string {
  let t = text.trim();
  const prefix = new RegExp(
    `^\\**${partnerName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\**\\s*:\\s*`,
    'i',
  );
  t = t.replace(prefix, '');
  t = t
    .replace(/\*[^*\n]{1,80}\*/g, ' ')
    .replace(/\s{2,}/g, ' ')
    .trim();
  if (/^"[^"]*"$/.test(t) || /^“[^”]*”$/.test(t)) t = t.slice(1, -1).trim();
  return t;
}

/**
 * Share of a locked layer's distinctive stems a reply must use to count as disclosing it. The
 * model never sees a locked layer, so a hit means it guessed its way there: tuned on the cards'
 * own disclosure lines (caught) against their surface lines (passed), see partner-guard.test.ts.
 */
const LEAK_SHARE = 0.25;

/** Sentences this short ("Okay." "So.") are beats of speech, not sentences, for the length cap. */
const MIN_SENTENCE_WORDS = 3;

function lockedLayerHit(text: string, ctx: GuardContext): HiddenLayer | null {
  const said = contentStems(text);
  for (const { layer, stems } of ctx.locked) {
    if (stems.length < 2) continue;
    const hits = stems.filter((s) => said.has(s)).length;
    if (hits >= Math.max(2, Math.ceil(stems.length * LEAK_SHARE))) return layer;
  }
  return null;
}

/**
 * Checks a draft while it streams (`final: false`: only what cannot get better by waiting) or
 * the finished reply (`final: true`: also emptiness and length).
 */
export function checkPartnerReply(text: string, ctx: GuardContext, final = true): GuardVerdict {
  if (final && !text.trim()) return { ok: false, reason: 'empty' };
  for (const re of ROLE_BREAK)
    if (re.test(text)) return { ok: false, reason: 'role_break', detail: re.source };
  for (const re of COACHING_BACK)
    if (re.test(text)) return { ok: false, reason: 'coaching_back', detail: re.source };
  const layer = lockedLayerHit(text, ctx);
  if (layer) return { ok: false, reason: 'gated_layer', detail: layer };
  const sentences = splitSentences(final ? text : trimToCompleteSentences(text)).filter(
    (x) => x.split(/\s+/).length >= MIN_SENTENCE_WORDS,
  );
  if (sentences.length > ctx.maxSentences || text.length > MAX_REPLY_CHARS) {
    return { ok: false, reason: 'too_long', detail: `${sentences.length} sentences` };
  }
  return { ok: true };
}

/**
 * @module practice/feedback/alternative-reply
 * Writes the reply a learner could have given instead, and makes sure it is itself a good move:
 * a reflection in the partner's own words (simple or going beneath them), one open question, or
 * the goal, incisive or action question that fits the moment. Each candidate is run through the
 * coder, and one that would code as advice or judgement (a partner's "I never..." reflected as
 * "you never...") is passed over for the next; open questions are the safe last resort. Kline's
 * rule holds: the coach never supplies the partner's assumption, so incisive alternatives ask.
 */
import { codeUtterance } from '../coder/index.js';
import type { CoachCode } from '../types.js';
import { asksForAdvice, assumptionShowing, clauseOf, feelingIn, rankedSentences } from './partner-words.js';

/** The good moves an alternative can be. */
export type GoodMove = 'reflection' | 'deeper_reflection' | 'open_question' | 'goal_question' | 'incisive_question' | 'action_question';

export interface Alternative {
  move: GoodMove;
  text: string;
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
/** candidate sentences tried before giving up on reflecting */
const MAX_CANDIDATES = 4;

const BAD_CODES = new Set<CoachCode>(['advice', 'judgement', 'leading_question', 'stacked_questions', 'closed_question', 'information', 'self_disclosure']);
const REFLECTION_CODES: CoachCode[] = ['simple_reflection', 'complex_reflection', 'summary'];
const WANTED: Record<GoodMove, CoachCode[]> = {
  reflection: REFLECTION_CODES,
  deeper_reflection: REFLECTION_CODES,
  open_question: ['open_question'],
  goal_question: ['goal_question'],
  incisive_question: ['incisive_question'],
  action_question: ['action_question'],
};

/** True when the coder would code `text` as the intended good move and nothing unfavourable. */
export function codesAsGoodMove(text: string, move: GoodMove, previousPartnerText?: string | null): boolean {
  const coding = codeUtterance(text, { prevPartner: previousPartnerText ?? null });
  if (coding.codes.some((c) => BAD_CODES.has(c))) return false;
  return WANTED[move].some((c) => coding.codes.includes(c));
}

/** Reflection wordings for one partner sentence, most fitting first. */
function reflectionWordings(sentence: string, feeling: string | null, deeper: boolean): string[] {
  const clause = clauseOf(sentence);
  const out: string[] = [];
  const belief = clause.replace(/^you (?:think|believe|guess|suppose)(?: that)? /, '');
  if (assumptionShowing(sentence) && /^(?:if|they|people|everyone|nobody|you'll|you will|you can't|you're not)\b/.test(belief)) {
    // reflect the belief as the partner's, without agreeing or arguing with it
    out.push(`Part of you believes ${belief}.`);
  }
  if (deeper) {
    if (feeling && !feelingIn(clause)) out.push(`It sounds like ${clause}, and you're feeling ${feeling}.`);
    else if (feeling) out.push(`It sounds like ${clause}.`);
    else if (/^you (?:want|would like|'d like|wish|hope)\b/.test(clause)) out.push(`${capitalise(clause)}, and that really matters to you.`);
    else out.push(`It sounds like ${clause}, and that's been on your mind.`);
  }
  out.push(`So ${clause}.`, `It sounds like ${clause}.`);
  return out;
}

/**
 * A reflection of the partner's last words that codes as a reflection, or `null` when they gave
 * nothing to reflect. With `deeper`, it names the feeling or belief beneath the words.
 * @example reflectionOf("I keep giving dates I can't hit and it's wearing me down.", true)
 * // "It sounds like you keep giving dates you can't hit and it's wearing you down."
 */
export function reflectionOf(previousPartnerText: string | null | undefined, deeper: boolean): string | null {
  const feeling = feelingIn(previousPartnerText);
  for (const sentence of rankedSentences(previousPartnerText).slice(0, MAX_CANDIDATES)) {
    for (const text of reflectionWordings(sentence, feeling, deeper)) {
      if (codesAsGoodMove(text, 'reflection', previousPartnerText)) return text;
    }
  }
  return null;
}

/** Open questions that hand the thinking back (Kline's "what more?"), chosen by what was said. */
export function openQuestionFor(previousPartnerText: string | null | undefined): string {
  if (!previousPartnerText || !previousPartnerText.trim()) return 'What is on your mind today?';
  // asked for ideas: hear theirs first (GROW Options come from the partner)
  if (asksForAdvice(previousPartnerText)) return 'What options have you thought of so far?';
  if (feelingIn(previousPartnerText)) return 'What feels hardest about it for you?';
  if (assumptionShowing(previousPartnerText)) return 'What are you assuming that is stopping you?';
  return 'What more is there for you in that?';
}

export function goalQuestion(): string {
  return 'What would you like to get out of our conversation today?';
}

/** Kline: first surface the assumption in the partner's words, then invite a freeing one. */
export function incisiveQuestionFor(previousPartnerText: string | null | undefined): string {
  return assumptionShowing(previousPartnerText) ? 'What could you assume instead that is true and freeing?' : 'What are you assuming that is stopping you?';
}

const FIRST_STEP = "What's your first step, and by when?";

/** GROW Will: the partner's own first step and when; reflect their want first when they named one. */
export function actionQuestionFor(previousPartnerText: string | null | undefined): string {
  const key = rankedSentences(previousPartnerText)[0];
  if (key) {
    const clause = clauseOf(key);
    if (/^you (?:want|would like|'d like|'ll|will|could|might)\b/.test(clause)) {
      const text = `So ${clause}. ${FIRST_STEP}`;
      if (codesAsGoodMove(text, 'action_question', previousPartnerText)) return text;
    }
  }
  return FIRST_STEP;
}

/**
 * The alternative for an intended move; a reflection falls back to an open question when the
 * partner has said nothing that can be reflected cleanly.
 */
export function alternativeFor(move: GoodMove, previousPartnerText: string | null | undefined): Alternative {
  switch (move) {
    case 'reflection':
    case 'deeper_reflection': {
      const text = reflectionOf(previousPartnerText, move === 'deeper_reflection');
      return text ? { move, text } : { move: 'open_question', text: openQuestionFor(previousPartnerText) };
    }
    case 'goal_question':
      return { move, text: goalQuestion() };
    case 'incisive_question':
      return { move, text: incisiveQuestionFor(previousPartnerText) };
    case 'action_question':
      return { move, text: actionQuestionFor(previousPartnerText) };
    default:
      return { move: 'open_question', text: openQuestionFor(previousPartnerText) };
  }
}

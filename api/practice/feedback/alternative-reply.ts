/**
 * @module practice/feedback/alternative-reply
 * The reply a learner could have given instead ("You could have said"). For a scenario with
 * authored lines it is the model move the author wrote for the partner line actually said before
 * the coach's turn (found by its text in the transcript): the reflection that fits the moment or
 * the question that would have opened it up, chosen as another way to make the learner's move,
 * not the step after it. Never a rewrite of the partner's words. Only a card without authored
 * lines falls back to wording built from the partner's words, each candidate run through the
 * coder so one that would code as advice or judgement is passed over. Kline's rule holds: the
 * coach never supplies the partner's assumption, so incisive alternatives ask.
 */
import type {
  AuthoredLine,
  CoachCode,
  ModelMoves,
  ModelQuestionKind,
  PartnerCard,
} from '../types.js';
import { REFLECTION_CODES } from '../code-groups.js';
import type { CoachMove } from './coach-move.js';
import { isGoodAlternative } from './good-alternative.js';
import {
  asksForAdvice,
  assumptionShowing,
  clauseOf,
  feelingIn,
  rankedSentences,
} from './partner-words.js';

/** The good moves an alternative can be. */
export type GoodMove =
  | 'reflection'
  | 'deeper_reflection'
  | 'open_question'
  | 'goal_question'
  | 'incisive_question'
  | 'action_question';

export interface Alternative {
  move: GoodMove;
  text: string;
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
/** candidate sentences tried before giving up on reflecting */
const MAX_CANDIDATES = 4;

const WANTED: Record<GoodMove, readonly CoachCode[]> = {
  reflection: REFLECTION_CODES,
  deeper_reflection: REFLECTION_CODES,
  open_question: ['open_question'],
  goal_question: ['goal_question'],
  incisive_question: ['incisive_question'],
  action_question: ['action_question'],
};

/** True when the coder would code `text` as the intended good move and nothing unfavourable. */
export function codesAsGoodMove(
  text: string,
  move: GoodMove,
  previousPartnerText?: string | null,
): boolean {
  return isGoodAlternative(text, previousPartnerText ?? null, WANTED[move]);
}

/** Reflection wordings for one partner sentence, most fitting first. */
function reflectionWordings(sentence: string, feeling: string | null, deeper: boolean): string[] {
  const clause = clauseOf(sentence);
  const out: string[] = [];
  const belief = clause.replace(/^you (?:think|believe|guess|suppose)(?: that)? /, '');
  if (
    assumptionShowing(sentence) &&
    /^(?:if|they|people|everyone|nobody|you'll|you will|you can't|you're not)\b/.test(belief)
  ) {
    // reflect the belief as the partner's, without agreeing or arguing with it
    out.push(`Part of you believes ${belief}.`);
  }
  if (deeper) {
    if (feeling && !feelingIn(clause))
      out.push(`It sounds like ${clause}, and you're feeling ${feeling}.`);
    else if (feeling) out.push(`It sounds like ${clause}.`);
    else if (/^you (?:want|would like|'d like|wish|hope)\b/.test(clause))
      out.push(`${capitalise(clause)}, and that really matters to you.`);
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
export function reflectionOf(
  previousPartnerText: string | null | undefined,
  deeper: boolean,
): string | null {
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
  return assumptionShowing(previousPartnerText)
    ? 'What could you assume instead that is true and freeing?'
    : 'What are you assuming that is stopping you?';
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

/** What the alternative may draw on beyond the partner's last words. */
export interface AlternativeContext {
  /** the scenario's card: its authored lines carry the model moves */
  card?: PartnerCard | null;
  /** the partner's turns before the coach's, oldest first (the last is the previous partner text) */
  partnerHistory?: readonly string[];
  /** the move the learner made, so the alternative is another way to make it */
  learnerMove?: CoachMove;
  /** what the learner said, so the alternative never repeats it */
  coachText?: string;
}

const normalise = (t: string) =>
  t
    .toLowerCase()
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/\s+/g, ' ')
    .trim();

/** A card's lines with model moves, each normalised once per card (every turn searches them). */
const cardLines = new WeakMap<PartnerCard, { line: AuthoredLine; normalised: string }[]>();
function linesWithMoves(card: PartnerCard) {
  let lines = cardLines.get(card);
  if (!lines)
    cardLines.set(
      card,
      (lines = (card.lines ?? [])
        .filter((l) => l.moves)
        .map((line) => ({ line, normalised: normalise(line.text) }))),
    );
  return lines;
}

/**
 * The authored line the partner said most recently: searched in the previous partner turn first
 * (where it may follow a short reaction such as "Yes. Exactly that."), then in earlier turns, so
 * a reply made only of shared words still finds the moment it belongs to.
 */
export function saidLine(
  card: PartnerCard | null | undefined,
  partnerTexts: readonly string[],
): AuthoredLine | null {
  const lines = card ? linesWithMoves(card) : [];
  if (lines.length === 0) return null;
  for (let i = partnerTexts.length - 1; i >= 0; i--) {
    const said = normalise(partnerTexts[i] ?? '');
    if (!said) continue;
    let best: { line: AuthoredLine; at: number } | null = null;
    for (const { line, normalised } of lines) {
      const at = said.lastIndexOf(normalised);
      if (
        at >= 0 &&
        (!best || at > best.at || (at === best.at && line.text.length > best.line.text.length))
      )
        best = { line, at };
    }
    if (best) return best.line;
  }
  return null;
}

const ASKED: Partial<Record<CoachMove, ModelQuestionKind>> = {
  open_question: 'open',
  goal_question: 'goal',
  incisive_question: 'incisive',
  action_question: 'action',
};
const QUESTION_MOVE: Record<ModelQuestionKind, GoodMove> = {
  open: 'open_question',
  goal: 'goal_question',
  incisive: 'incisive_question',
  action: 'action_question',
};
type MoveField = 'simpleReflection' | 'complexReflection' | 'question';

/**
 * Which authored move to offer. After a question, the same kind of question when the author wrote
 * one, otherwise the reflection that would have come first (never the next step: after an
 * incisive question, no action question); after a reflection, the complex one; after anything
 * else, what the feedback intends (a reflection, or the question that would have opened it up).
 */
function fieldFor(
  intended: GoodMove,
  moves: ModelMoves,
  learnerMove: CoachMove | undefined,
): MoveField {
  const asked = learnerMove ? ASKED[learnerMove] : undefined;
  if (asked) return moves.questionKind === asked ? 'question' : 'complexReflection';
  if (
    learnerMove === 'simple_reflection' ||
    learnerMove === 'complex_reflection' ||
    learnerMove === 'summary'
  )
    return 'complexReflection';
  if (intended === 'reflection') return 'simpleReflection';
  if (intended === 'deeper_reflection') return 'complexReflection';
  return 'question';
}

/** The authored model move for a line, as an alternative to the learner's move. */
export function authoredAlternative(
  line: AuthoredLine & { moves: ModelMoves },
  intended: GoodMove,
  ctx: AlternativeContext = {},
): Alternative {
  const first = fieldFor(intended, line.moves, ctx.learnerMove);
  const order: MoveField[] = [
    first,
    ...(['complexReflection', 'question', 'simpleReflection'] as const).filter((f) => f !== first),
  ];
  const said = ctx.coachText ? normalise(ctx.coachText) : null;
  const field = order.find((f) => normalise(line.moves[f]) !== said) ?? first;
  const move: GoodMove =
    field === 'question'
      ? QUESTION_MOVE[line.moves.questionKind]
      : field === 'simpleReflection'
        ? 'reflection'
        : 'deeper_reflection';
  return { move, text: line.moves[field] };
}

/**
 * The alternative for an intended move. With a card that has authored lines, the model move for
 * the line said (see `authoredAlternative`); when no authored line can be found, an open question
 * that quotes nothing. Without authored lines, wording built from the partner's words; a
 * reflection falls back to an open question when nothing can be reflected cleanly.
 */
export function alternativeFor(
  move: GoodMove,
  previousPartnerText: string | null | undefined,
  ctx: AlternativeContext = {},
): Alternative {
  if (ctx.card?.lines?.some((l) => l.moves)) {
    const history = [...(ctx.partnerHistory ?? [])];
    if (previousPartnerText && history[history.length - 1] !== previousPartnerText)
      history.push(previousPartnerText);
    const line = saidLine(ctx.card, history);
    if (line?.moves)
      return authoredAlternative(line as AuthoredLine & { moves: ModelMoves }, move, ctx);
    if (move === 'goal_question') return { move, text: goalQuestion() };
    return { move: 'open_question', text: openQuestionFor(previousPartnerText) };
  }
  switch (move) {
    case 'reflection':
    case 'deeper_reflection': {
      const text = reflectionOf(previousPartnerText, move === 'deeper_reflection');
      return text
        ? { move, text }
        : { move: 'open_question', text: openQuestionFor(previousPartnerText) };
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

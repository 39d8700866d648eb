/**
 * @module practice/feedback/turn-feedback
 * Rule-based feedback on one coach turn, in the shape the CARE study found helps novices: what
 * worked, what to improve, a goal-first suggestion ("To help Priya feel heard, try ..."), and an
 * alternative reply. Built from the turn's codes, the partner's last words, the partner's stage
 * and the turns before; kind, concrete, and never a score. Honest: a poor move is never praised.
 * The alternative is shown only when it is a better move for that moment and reads as English
 * (it codes as the move it claims, engages with the partner's words, differs from what the
 * learner said, and passes the wording checks); otherwise the box stays empty. No text repeats
 * a box the learner already read this session.
 */
import { codeUtteranceAfter } from '../coder/index.js';
import { givesBackOwnPlan } from '../coder/own-plan.js';
import { stemEcho } from '../coder/reflection-depth.js';
import {
  earnsCredit,
  engagementEvidence,
  scenarioContext,
} from '../standing/engagement-evidence.js';
import type {
  CoachCode,
  CoachTurnCoding,
  PartnerCard,
  PartnerStage,
  TurnFeedback,
} from '../types.js';
import {
  alternativeFor,
  codesAsGoodMove,
  openQuestionFor,
  type Alternative,
  type AlternativeContext,
  type GoodMove,
} from './alternative-reply.js';
import {
  coachMove,
  POOR_MOVES,
  UNCHECKED_CODES,
  sessionSoFar,
  type CoachMove,
  type SessionSoFar,
} from './coach-move.js';
import {
  coachPlanFeedback,
  forMove,
  groundingNote,
  isWhyQuestion,
  whyQuestionNote,
  type TurnMoment,
} from './move-feedback.js';
import { contentWords, ECHO_SHARE, overlap, statesPlanForPartner } from '../rubric/commitment.js';
import { assumptionShowing, feelingIn, partnerPhrase, partnerQuote } from './partner-words.js';
import { checksUnderstanding, isTentative, unsaidCondition } from './turn-shape.js';
import { wordingProblems } from './wording-checks.js';
import { guessesFeelingAsCertain } from '../coder/coaching-moves.js';

export interface TurnFeedbackInput {
  coding: CoachTurnCoding;
  coachText: string;
  previousPartnerText: string | null;
  stage?: PartnerStage;
  /** 1 for the coach's first turn */
  coachTurnNumber: number;
  /** codings of the coach's earlier turns, oldest first */
  priorCodings: CoachTurnCoding[];
  /** what the whole session shows so far, when `priorCodings` is only its latest turns */
  so?: SessionSoFar;
  /** the partner's first name for the wording ("Priya"); "your partner" when absent */
  partnerName?: string;
  /** the scenario card: its authored model moves become the alternative reply */
  card?: PartnerCard | null;
  /** the partner's turns so far, oldest first, to find the authored line said before this turn */
  partnerHistory?: readonly string[];
  /** feedback already given this session, oldest first: no box repeats one of these */
  priorFeedback?: TurnFeedback[];
}

/**
 * The feedback with the move it was about and the move the alternative makes (`null`: no
 * alternative, because the learner's move already fitted or none passed the checks).
 */
export type TurnFeedbackDetail = TurnFeedback & {
  move: CoachMove;
  alternativeMove: GoodMove | null;
  /**
   * why praise was withheld from a move that is not poor in itself: a plan the coach wrote for the
   * partner, a “why” question, no evidence of the partner's words, or a reflection stating as fact
   * what the partner never said
   */
  withheld: 'coach_plan' | 'why_question' | 'ungrounded' | 'interpretation' | null;
};

const REFLECTIONS: GoodMove[] = ['reflection', 'deeper_reflection'];
/** Below this share of the partner's words (by stem or family), a reflection is in the coach's own words. */
const OWN_WORDS_ECHO = 0.5;
/** Moves worse than writing the partner's plan: feedback talks about them instead. */
const PLAN_OUTRANKS: ReadonlySet<CoachMove> = new Set([
  'judgement',
  'reassurance',
  'leading_question',
  'stacked_questions',
  'unengaged',
]);
const norm = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z]+/g, ' ')
    .trim();

/** Why an alternative may not be shown for this moment; empty when it may. */
export function alternativeProblems(
  alt: Alternative,
  coachText: string,
  prev: string | null,
): string[] {
  const problems = wordingProblems(alt.text, prev, { reflection: REFLECTIONS.includes(alt.move) });
  if (!codesAsGoodMove(alt.text, alt.move, prev)) problems.push(`does not code as ${alt.move}`);
  if (codeUtteranceAfter(alt.text, prev).engaged === false && prev)
    problems.push('does not engage with the partner’s words');
  if (norm(alt.text) === norm(coachText)) problems.push('the same as what the learner said');
  return problems;
}

/**
 * The alternative for the moment, or none: a safe open question is the only fallback tried. With
 * a card's authored model moves, another way to make this turn is offered even after a sound
 * move; without them, none when the learner's move already fitted.
 */
function chooseAlternative(
  move: GoodMove | null,
  learnerMove: CoachMove,
  coachText: string,
  prev: string | null,
  ctx: AlternativeContext,
  offered: ReadonlySet<string> = new Set(),
): Alternative | null {
  const authored = !!ctx.card?.lines?.some((l) => l.moves);
  if (!move && !authored) return null;
  // an alternative already offered this session (the partner said the same line again) is not
  // offered twice: a learner reading the same model reply again learns nothing new
  const fits = (alt: Alternative) =>
    !offered.has(norm(alt.text)) && alternativeProblems(alt, coachText, prev).length === 0;
  const first = alternativeFor(move ?? 'deeper_reflection', prev, {
    ...ctx,
    learnerMove,
    coachText,
  });
  if (fits(first)) return first;
  const repeated = offered.has(norm(first.text));
  // the author wrote three moves for the line: when the first fails a check, another of them
  // comes before any generic question; so do the other good moves when the first was offered before
  if (authored || repeated) {
    for (const intended of ['reflection', 'deeper_reflection', 'open_question'] as const) {
      const alt = alternativeFor(intended, prev, { ...ctx, learnerMove, coachText });
      if (fits(alt)) return alt;
    }
  }
  if (learnerMove === 'open_question' || (first.move === 'open_question' && !repeated)) return null;
  const fallback: Alternative = { move: 'open_question', text: openQuestionFor(prev) };
  return fits(fallback) ? fallback : null;
}

/**
 * Feedback on one coach turn. Deterministic: the same input gives the same feedback.
 * @example
 * feedbackForTurn({ coding, coachText: 'You should talk to HR.', previousPartnerText: "I'm stuck.", coachTurnNumber: 2, priorCodings: [], partnerName: 'Priya' }).suggestion
 * // 'To help Priya find a plan they own, reflect “stuck” first; ...'
 */
export function feedbackForTurn(input: TurnFeedbackInput): TurnFeedbackDetail {
  const prev = input.previousPartnerText?.trim() ? input.previousPartnerText : null;
  const prior = input.priorCodings ?? [];
  // the partner's words so far: praise needs evidence in them (standing/engagement-evidence),
  // whatever the coder's `engaged` said, so a template the coder missed is never praised
  // (and the scenario brief the learner was given)
  const partnerTexts = [...(input.partnerHistory ?? [])];
  if (prev && partnerTexts[partnerTexts.length - 1] !== prev) partnerTexts.push(prev);
  if (partnerTexts.length) partnerTexts.push(...scenarioContext(input.card));
  const evidence = engagementEvidence(input.coachText ?? '', partnerTexts);
  const credited = earnsCredit(
    input.coachText ?? '',
    input.coding.codes ?? [],
    input.coding.engaged,
    partnerTexts,
    evidence,
  );
  // "picked up nothing" is said only on strong evidence: the words name things the partner never
  // raised and take up nothing of theirs, and the coder agrees (or, for a move whose engagement
  // the coder does not check, the words alone)
  const coderChecked = !(input.coding.codes ?? []).some((c) => UNCHECKED_CODES.has(c));
  const move = coachMove(
    input.coding,
    evidence.engagement === 'absent' && (input.coding.engaged === false || !coderChecked),
    input.coachText ?? '',
  );
  const base: TurnMoment = {
    name: input.partnerName?.trim() || 'your partner',
    stage: input.stage,
    so: input.so ?? sessionSoFar(prior),
    turn: input.coachTurnNumber,
    prev,
    feeling: feelingIn(prev),
    assumption: assumptionShowing(prev),
    questionCount: input.coding.questionCount,
    text: input.coachText ?? '',
    said: partnerQuote(prev),
    phrase: partnerPhrase(prev),
    codes: new Set<CoachCode>(input.coding.codes ?? []),
    // from the turn number, which a window of recent turns and the whole transcript agree on
    variant: Math.max(0, input.coachTurnNumber - 1),
    checked: checksUnderstanding(input.coachText ?? ''),
    tentative: isTentative(input.coachText ?? ''),
    certainGuess: guessesFeelingAsCertain(input.coachText ?? ''),
    unsaid: unsaidCondition(input.coachText ?? '', partnerTexts),
    ownWords: stemEcho(input.coachText ?? '', prev) < OWN_WORDS_ECHO,
    tookUpSaid: stemEcho(input.coachText ?? '', partnerQuote(prev)) > 0,
  };
  const used = new Set(
    (input.priorFeedback ?? []).flatMap((f) => [f.worked, f.improve, f.suggestion]).filter(Boolean),
  );
  // try the wordings in turn until none repeats a box already given this session
  // a move that made no claim on the partner's words, or a "why" question, earns no praise
  const why = isWhyQuestion(move, base.text);
  const ungrounded = !credited && !POOR_MOVES.has(move);
  // the coach writing the partner's plan (a step with a when they had not named), as scoring reads
  // it; asking what they will do and when is the opposite
  const asks = (input.coding.codes ?? []).some(
    (c) => c === 'open_question' || c === 'action_question',
  );
  const coachPlan =
    !asks &&
    !PLAN_OUTRANKS.has(move) &&
    statesPlanForPartner(base.text) &&
    // the partner's words are gathered only for a turn that states a plan (most turns do not)
    overlap(
      contentWords(base.text),
      new Set(partnerTexts.flatMap((t) => [...contentWords(t ?? '')])),
    ) < ECHO_SHARE &&
    // a step the partner said themselves, given back in other words, is theirs (as scoring reads it)
    !givesBackOwnPlan(base.text, {
      prevPartner: prev ?? null,
      earlierPartner: input.partnerHistory ?? [],
    });
  const honest = (variant: number) => {
    if (coachPlan) return coachPlanFeedback({ ...base, variant });
    const p = forMove(move, {
      ...base,
      variant,
      foreignThings: move === 'unengaged' ? evidence.foreignThings : [],
    });
    if (why) return { ...p, worked: '', ...whyQuestionNote(base) };
    if (ungrounded) return { ...p, worked: '', improve: groundingNote(base, p.improve) };
    return p;
  };
  const interpreted =
    (move === 'simple_reflection' || move === 'complex_reflection') &&
    !!base.unsaid &&
    !base.tentative;
  // each box takes the first of the move's wordings not already read this session, so a fresh
  // "worked" is not lost because the "improve" beside it has only one wording
  const tries = [0, 1, 2, 3].map((k) => honest((base.variant ?? 0) + k));
  const fresh = (box: 'worked' | 'improve' | 'suggestion') =>
    tries.find((p) => p[box] && !used.has(capital(p[box])))?.[box] ?? tries[0][box];
  const parts = {
    ...tries[0],
    worked: tries[0].worked ? fresh('worked') : '',
    improve: fresh('improve'),
    suggestion: fresh('suggestion'),
  };
  // praise every wording of which was read already: say how often the learner has now made the
  // move, which is true, specific and new, rather than leave a sound move with an empty box
  if (parts.worked && used.has(capital(parts.worked)))
    parts.worked =
      againPraise(move, prior, base.name, prior.length === base.turn - 1) ?? parts.worked;
  // an opening that skipped agreeing the goal: say so once, early, when nothing worse needs saying
  const missingGoal =
    !base.so.goalAsked &&
    base.turn === 3 &&
    ![
      'goal_question',
      'contracting',
      'judgement',
      'advice',
      'reassurance',
      'leading_question',
      'stacked_questions',
    ].includes(move);
  const improve = missingGoal
    ? `${parts.improve} You haven't yet asked what ${base.name} wants from this conversation; now is a good moment.`
    : parts.improve;
  const offered = new Set(
    (input.priorFeedback ?? []).map((f) => norm(f.alternative ?? '')).filter(Boolean),
  );
  const alt = chooseAlternative(
    parts.alt,
    move,
    base.text,
    prev,
    { card: input.card, partnerHistory: input.partnerHistory },
    offered,
  );
  return {
    // praise said once already is not worth repeating: leave the box empty instead
    worked: used.has(capital(parts.worked)) ? '' : capital(parts.worked),
    improve: distinct(capital(improve), used, base.name),
    suggestion: distinct(capital(parts.suggestion), used, base.name),
    alternative: alt?.text ?? '',
    move,
    alternativeMove: alt?.move ?? null,
    withheld:
      coachPlan && !POOR_MOVES.has(move)
        ? 'coach_plan'
        : why
          ? 'why_question'
          : interpreted
            ? 'interpretation'
            : ungrounded
              ? 'ungrounded'
              : null,
  };
}

/**
 * What each good move is called when the learner makes it again, and why it helps: only moves
 * whose worth does not hang on the moment (an incisive or action question asked too early is
 * told so, and praise of it as a habit would contradict that).
 */
const MADE_AGAIN: Partial<Record<CoachMove, { code: CoachCode; noun: string; why: string }>> = {
  summary: {
    code: 'summary',
    noun: 'summary',
    why: 'each one lets {n} hear their thinking laid out and correct it',
  },
  complex_reflection: {
    code: 'complex_reflection',
    noun: "reflection of what lies under {n}'s words",
    why: 'that habit is what helps {n} feel understood',
  },
  simple_reflection: {
    code: 'simple_reflection',
    noun: 'reflection',
    why: 'saying back what {n} said keeps the focus on them',
  },
  open_question: {
    code: 'open_question',
    noun: 'open question',
    why: 'each leaves {n} room to answer in their own way',
  },
  affirmation: {
    code: 'affirmation',
    noun: 'affirmation',
    why: 'naming what {n} does well builds their trust in you',
  },
  return_to_goal: {
    code: 'return_to_goal',
    noun: 'return to what {n} wanted',
    why: 'it keeps the session on their goal',
  },
};
const ORDINALS = [
  'first',
  'second',
  'third',
  'fourth',
  'fifth',
  'sixth',
  'seventh',
  'eighth',
  'ninth',
];

/**
 * Praise for a good move made again, when every wording of its praise was read already:
 * "Your third summary this session: each one lets Sam hear their thinking laid out and correct
 * it." The count makes it new each time ("Another summary: ..." when only a window of the session
 * is known); `null` for a move with no such wording.
 */
function againPraise(
  move: CoachMove,
  prior: CoachTurnCoding[],
  name: string,
  wholeSession: boolean,
): string | null {
  const made = MADE_AGAIN[move];
  if (!made) return null;
  const fill = (t: string) => t.replaceAll('{n}', name);
  const n = prior.filter((c) => (c.codes ?? []).includes(made.code)).length + 1;
  // the count is only true when the earlier turns are the whole session, not a window of it
  if (!wholeSession || n < 2) return `Another ${fill(made.noun)}: ${fill(made.why)}.`;
  const nth = ORDINALS[n - 1] ?? `${n}th`;
  return `Your ${nth} ${fill(made.noun)} this session: ${fill(made.why)}.`;
}

/** A box that would repeat one already given says so once ("As before, ..."), then stays empty. */
function distinct(text: string, used: Set<string>, name: string): string {
  if (!text || !used.has(text)) return text;
  // a sentence that opens with the partner's name (or "I") keeps its capital: "As before, Tom..."
  const first = /^[A-Za-z']+/.exec(text)?.[0] ?? '';
  const keep = first === 'I' || first.startsWith("I'") || name.split(/\s+/).includes(first);
  const again = `As before, ${keep ? text : text.charAt(0).toLowerCase() + text.slice(1)}`;
  return used.has(again) ? '' : again;
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

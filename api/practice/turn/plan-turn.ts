/**
 * @module practice/turn/plan-turn
 * One coach turn decided, purely: code the coach's words, move the partner (what they feel and
 * may reveal now, and the scripted words for it), and write the rule feedback. The scripted and
 * the LLM path both decide through `planTurn`; an LLM only refines the codes before it and
 * rewords the reply and the feedback after it.
 *
 * A turn sees a bounded window of the transcript (`TURN_WINDOW` turns) and the session's stored
 * state (the partner's state and the coach's record so far), never the whole transcript, so its
 * cost does not grow with the length of the session.
 */
import { codeCoachTurn } from '../coder/coach-turn.js';
import {
  isQuestion,
  isReflection,
  sessionSoFar,
  type SessionSoFar,
} from '../feedback/coach-move.js';
import { feedbackForTurn } from '../feedback/index.js';
import { advancePartner, scriptedReply } from '../partner/index.js';
import type {
  CoachCode,
  CoachTurnCoding,
  PartnerCard,
  PartnerDirective,
  PartnerStage,
  PartnerState,
  TranscriptTurn,
  TurnFeedback,
} from '../types.js';

/**
 * Turns of the transcript a coach turn reads (the latest, oldest first): the partner's last
 * words, the run of questions feedback counts, what the LLM voice is shown. Whole-session facts
 * come from the `CoachRecord` instead.
 */
export const TURN_WINDOW = 40;

/** What the coach has done so far in the session, as far as feedback on the next turn cares. */
export interface CoachRecord {
  coachTurns: number;
  reflections: number;
  questions: number;
  /** every code used at least once */
  codesSeen: CoachCode[];
}

export const EMPTY_COACH_RECORD: CoachRecord = {
  coachTurns: 0,
  reflections: 0,
  questions: 0,
  codesSeen: [],
};

/** The record after one more coded coach turn. */
export function recordTurn(record: CoachRecord, coding: CoachTurnCoding): CoachRecord {
  const seen = new Set(record.codesSeen);
  for (const c of coding.codes ?? []) seen.add(c);
  return {
    coachTurns: record.coachTurns + 1,
    reflections: record.reflections + (isReflection(coding) ? 1 : 0),
    questions: record.questions + (isQuestion(coding) ? 1 : 0),
    codesSeen: [...seen].sort(),
  };
}

/** The record of a whole transcript (sessions stored before records were kept). */
export function recordOf(turns: TranscriptTurn[]): CoachRecord {
  return turns.reduce(
    (r, t) => (t.role === 'coach' && t.coding ? recordTurn(r, t.coding) : r),
    EMPTY_COACH_RECORD,
  );
}

/** What a turn is decided from: the session's stored state and its latest turns. */
export interface TurnContext {
  card: PartnerCard;
  partnerState: PartnerState;
  /** null for a session stored before records were kept: `recent` is then its whole transcript */
  record: CoachRecord | null;
  /**
   * the latest done turns before this one (up to `TURN_WINDOW`), oldest first; a coach turn with
   * the feedback it was given, so no alternative is offered twice
   */
  recent: (TranscriptTurn & { feedback?: TurnFeedback | null })[];
}

export interface CoachTurnInput {
  index: number;
  text: string;
  /** the codes to decide on (an LLM's refinement of `codeTurn`'s); coded offline when absent */
  coding?: CoachTurnCoding;
}

export interface TurnPlan {
  coding: CoachTurnCoding;
  /** false when the words were aimed at the machine: no LLM may refine their codes */
  refinable: boolean;
  partnerState: PartnerState;
  directive: PartnerDirective;
  /** the scripted reply for the directive: the reply, or the LLM voice's fallback */
  draft: string;
  feedback: TurnFeedback;
  record: CoachRecord;
}

/** The partner's last words before `index`, if any. */
export function previousPartnerText(recent: TranscriptTurn[], index: number): string | null {
  for (let i = recent.length - 1; i >= 0; i--) {
    if (recent[i].index < index && recent[i].role === 'partner') return recent[i].text;
  }
  return null;
}

/** Step 1: the coach's words coded offline (the codes the turn is recorded with). */
export function codeTurn(ctx: TurnContext, turn: Pick<CoachTurnInput, 'index' | 'text'>) {
  // the window's earlier partner lines too: `engaged` then credits a turn that takes up any of them
  const earlierPartner = ctx.recent
    .filter((t) => t.role === 'partner' && t.index < turn.index && t.text)
    .map((t) => t.text)
    .slice(0, -1);
  return codeCoachTurn(turn.text, {
    prevPartner: previousPartnerText(ctx.recent, turn.index),
    earlierPartner,
    permissionGranted: ctx.partnerState.permissionGranted,
  });
}

/**
 * Steps 1-4 of a coach turn, decided from the stored state alone.
 * @example
 * const plan = planTurn({ card, partnerState, record, recent }, { index: 1, text: 'What would you like from today?' });
 * plan.directive.mayReveal; plan.draft; plan.feedback.alternative;
 */
export function planTurn(ctx: TurnContext, turn: CoachTurnInput): TurnPlan {
  const offline = codeTurn(ctx, turn);
  const coding = turn.coding && offline.refinable ? turn.coding : offline.coding;
  const advanced = advancePartner(ctx.card, ctx.partnerState, coding, turn.text);
  const drafted = scriptedReply(ctx.card, advanced.state, advanced.directive);
  const feedback = ruleFeedback(ctx, turn.index, turn.text, coding, advanced.directive.stage);
  return {
    coding,
    refinable: offline.refinable,
    partnerState: drafted.state,
    directive: advanced.directive,
    draft: drafted.text,
    feedback,
    record: recordTurn(
      ctx.record ?? recordOf(ctx.recent.filter((t) => t.index < turn.index)),
      coding,
    ),
  };
}

/**
 * Step 4 alone: the rule feedback on a coach turn already decided (a turn resumed after a crash
 * between its steps finishes with the same words it would have had).
 */
export function ruleFeedback(
  ctx: TurnContext,
  index: number,
  text: string,
  coding: CoachTurnCoding,
  stage: PartnerStage | undefined,
): TurnFeedback {
  const before = ctx.recent.filter((t) => t.index < index);
  const windowCodings = before.filter((t) => t.role === 'coach' && t.coding).map((t) => t.coding!);
  const record = ctx.record ?? recordOf(before);
  const seen = new Set(record.codesSeen);
  // the run of questions comes from the window; counts and "asked yet?" from the whole session
  const so: SessionSoFar = {
    questionStreak: sessionSoFar(windowCodings).questionStreak,
    reflections: record.reflections,
    questions: record.questions,
    goalAsked: seen.has('goal_question'),
    actionAsked: seen.has('action_question'),
    incisiveAsked: seen.has('incisive_question'),
  };
  const rule = feedbackForTurn({
    coding,
    coachText: text,
    previousPartnerText: previousPartnerText(ctx.recent, index),
    stage,
    coachTurnNumber: record.coachTurns + 1,
    priorCodings: windowCodings,
    so,
    partnerName: ctx.card.partner.name.split(' ')[0],
    // the partner's words in the window: the alternative offers the model move authored for the line said
    card: ctx.card,
    partnerHistory: before.filter((t) => t.role === 'partner' && t.text).map((t) => t.text),
    priorFeedback: before.flatMap((t) => (t.role === 'coach' && t.feedback ? [t.feedback] : [])),
  });
  return {
    worked: rule.worked,
    improve: rule.improve,
    suggestion: rule.suggestion,
    alternative: rule.alternative,
  };
}

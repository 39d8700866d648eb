/**
 * @module practice/partner/transition
 * Deciding, not voicing: how one coded coach move changes the partner's hidden state (trust,
 * stage, what has been revealed) and what the partner may do in reply. The scripted voice and an
 * LLM voice both word the same decision, so the partner behaves the same whoever speaks.
 */
import type {
  CoachAsk,
  CoachTurnCoding,
  HiddenLayer,
  PartnerCard,
  PartnerDirective,
  PartnerReaction,
  PartnerState,
} from '../types.js';
import { readAsk } from './ask.js';
import { directiveFor } from './directive.js';
import { reactionTo } from './reaction.js';
import { stageAtLeast, stepBack } from './stage.js';
import { planNotTheirs, summaryMisread } from './summary-check.js';
import {
  ADVICE_ASKS,
  ADVICE_HELD_BONUS,
  AGREEMENT_BONUS,
  DEFENSIVE_STEP_BACK,
  EARLY_AGREEMENT_TURNS,
  ENTRY_TRUST,
  GAIN_FACTOR,
  HURTFUL_CODES,
  LOSS_FACTOR,
  MAX_GAIN_PER_TURN,
  PERMISSION_TRUST,
  QUESTION_STREAK_FACTOR,
  STAGE_FLOOR,
  TRUST_DELTA,
} from './thresholds.js';

const LISTENING_CODES = [
  'summary',
  'complex_reflection',
  'simple_reflection',
  'affirmation',
] as const;

/**
 * Decides the partner's new state and a directive for this coach move. Pure: the same inputs
 * always give the same result. The coding carries the move; `coachText` tells the partner what
 * was asked (`directive.ask`), which also catches a goodbye and soothing the coder may not name.
 *
 * Nothing opens the partner (no trust gained, no layer unlocked) after the coach's goodbye, on a
 * turn that soothes or judges, or on a turn that does not engage with what the partner said
 * (`coding.engaged === false`).
 *
 * @example
 * const { state, directive } = advancePartner(card, state0, codeUtterance(text, ctx), text);
 * const { state: spoken, text: reply } = scriptedReply(card, state, directive);
 */
export function advancePartner(
  card: PartnerCard,
  state: PartnerState,
  coded: CoachTurnCoding,
  coachText: string,
): { state: PartnerState; directive: PartnerDirective } {
  const turn = state.turns + 1;
  const ask: CoachAsk | undefined = coachText.trim()
    ? readAsk(coachText, { opening: state.turns === 0 })
    : undefined;
  // The advice test: the partner asked what to do on the last turn; did the coach hold back?
  const adviceTest = state.askedAdvice !== undefined && state.askedAdvice === state.turns;
  const coding = heldOpen(heldToTheTest(coded, state, adviceTest), ask);
  let { reaction, cause } = reactionTo(coding, state);
  const hurt = HURTFUL_CODES.some((c) => coding.codes.includes(c) && c !== 'reassurance');
  // A goodbye ends the conversation whatever else the turn holds ("you should... good luck"):
  // its losses still count, but the reply is a goodbye.
  if (ask?.kind === 'goodbye') reaction = 'farewell';
  // A plan said back that they never made is answered, not resisted: nothing is pushed on them
  // until they take it up, and it opens nothing (misread below).
  else if (planNotTheirs(state, ask) && reaction === 'defensive' && cause === 'advice')
    reaction = 'short';
  else if ((coding.codes.includes('reassurance') || ask?.soothes) && !hurt) {
    reaction = 'reassured';
    cause = 'reassurance';
  }
  const closed = state.closed === true || reaction === 'farewell';
  // A summary or reflection the partner puts right ("Not quite.") was not an accurate one: it
  // earns nothing and opens nothing, whatever codes its shape earned.
  const misread = ask !== undefined && summaryMisread(card, state, ask);
  // Only a turn that engages, before the goodbye, and neither soothes nor hurts, can open the partner.
  const mayOpen = !closed && !misread && coding.engaged !== false && reaction !== 'reassured';
  const adviceGiven =
    coding.codes.includes('advice') || coding.codes.includes('advice_with_permission');
  let change = trustChange(card, state, coding, reaction, turn);
  if (!mayOpen)
    change =
      Math.min(0, change) + (ask?.soothes && !coding.codes.includes('reassurance') ? -0.04 : 0);
  else if (adviceTest && !adviceGiven && !hurt) change += ADVICE_HELD_BONUS;
  const trust = clamp01(state.trust + change);
  let stage = state.stage;
  const revealed = [...state.revealed];
  let newlyRevealed: HiddenLayer | null = null;
  const reveal = (layer: HiddenLayer) => {
    if (!revealed.includes(layer)) {
      revealed.push(layer);
      newlyRevealed = layer;
    }
  };

  if (!mayOpen) {
    // Nothing new after a goodbye or to a soothing or empty turn: an insight or commitment waits.
    if (reaction === 'challenged' || reaction === 'deciding') reaction = 'premature';
  } else if (reaction === 'heard' || reaction === 'curious') {
    // Listening moves carry the partner forward, one step per turn, never skipping a layer.
    if (stage === 'guarded' && trust >= ENTRY_TRUST.opening_up) {
      stage = 'opening_up';
      reveal('concern');
    } else if (stage === 'opening_up' && trust >= ENTRY_TRUST.exploring) {
      stage = 'exploring';
      reveal('concern');
    } else if (stage === 'exploring' && trust >= ENTRY_TRUST.assumption) {
      reveal('assumption');
    }
  } else if (reaction === 'challenged') {
    if (trust >= ENTRY_TRUST.insight) {
      if (!stageAtLeast(stage, 'insight')) stage = 'insight';
      reveal('want');
    } else {
      reaction = 'premature';
    }
  } else if (reaction === 'deciding') {
    if (trust >= ENTRY_TRUST.committing) {
      stage = 'committing';
      reveal('action');
    } else {
      reaction = 'premature';
    }
  }

  const defensiveness = reaction === 'defensive' ? state.defensiveness + 1 : 0;
  // Setbacks: one step back per turn, after repeated defensiveness or when trust sinks below
  // what the stage needs. What was said stays said; the partner just stops going further.
  if (defensiveness >= DEFENSIVE_STEP_BACK || trust < STAGE_FLOOR[stage]) stage = stepBack(stage);

  // Permission holds for the coach's very next turn only, as in MITI's Persuade with Permission.
  const permissionGranted =
    reaction === 'permission' && trust >= PERMISSION_TRUST && state.defensiveness === 0;

  const next: PartnerState = {
    ...state,
    stage,
    trust: round3(trust),
    defensiveness,
    revealed,
    agreementMade: state.agreementMade || reaction === 'agreeing',
    permissionGranted,
    turns: turn,
    lastReaction: reaction,
  };
  if (closed) next.closed = true;
  if (adviceTest) next.adviceHeld = !adviceGiven;
  // An advice-seeking partner (a card with lines to ask it) asks what they should do, once they
  // have started to open up and before they find their own answer: the coach's test is to hold it.
  const asksAdvice = mayOpen && wantsAdvice(card, next, reaction, newlyRevealed);
  if (asksAdvice) {
    next.askedAdvice = turn;
    next.adviceAsks = (state.adviceAsks ?? 0) + 1;
  }
  const directive = directiveFor(card, next, reaction, cause, newlyRevealed, ask, asksAdvice);
  return { state: next, directive };
}

/**
 * Advice given in answer to the partner's own request for it. MITI codes it Persuade with
 * Permission (the coder does: the request is permission), but this partner's request is the test
 * the card sets: a thinking partner hands the question back, and a partner who is told what to do
 * pushes back as they would at unasked advice. Only a permission the partner gave when the coach
 * asked for it (`permission_request`, then `state.permissionGranted`) makes the idea welcome.
 */
function heldToTheTest(
  coding: CoachTurnCoding,
  state: PartnerState,
  adviceTest: boolean,
): CoachTurnCoding {
  if (!adviceTest || state.permissionGranted || !coding.codes.includes('advice_with_permission'))
    return coding;
  const codes = coding.codes.map((c) => (c === 'advice_with_permission' ? 'advice' : c));
  return { ...coding, codes: [...new Set(codes)] };
}

/**
 * "Take your time.", "Go on.": the coach holds the silence open. An imperative the coder may read
 * as advice tells the partner nothing to do about their situation, so it is not advice here.
 */
function heldOpen(coding: CoachTurnCoding, ask: CoachAsk | undefined): CoachTurnCoding {
  if (!ask?.goOn || !coding.codes.includes('advice')) return coding;
  const codes = coding.codes.filter((c) => c !== 'advice');
  return { ...coding, codes: codes.length ? codes : ['other'] };
}

/** A brief or persona saying the partner asks for advice, for a card written before voices existed. */
const ADVICE_SEEKING =
  /\b(asks? (you )?what (she|he|they) should|asks? to be told what to do|asks? (you )?for advice|wants? to be told what to do)\b/i;

/**
 * Whether this partner seeks advice (their brief or persona says so, as Grace's does): they ask
 * early and twice. Any other partner with lines to ask with asks once, later, while exploring.
 */
export function seeksAdvice(card: PartnerCard): boolean {
  return ADVICE_SEEKING.test(`${card.brief} ${card.persona}`);
}

/** Whether the partner has words to ask for advice with (their own, or generic for a seeker). */
export function canAskAdvice(card: PartnerCard): boolean {
  return card.voice ? card.voice.askAdvice.length > 0 : seeksAdvice(card);
}

function wantsAdvice(
  card: PartnerCard,
  next: PartnerState,
  reaction: PartnerReaction,
  newly: HiddenLayer | null,
): boolean {
  if (!canAskAdvice(card) || newly) return false;
  const rule = seeksAdvice(card) ? ADVICE_ASKS.seeker : ADVICE_ASKS.other;
  if ((next.adviceAsks ?? 0) >= rule.max || next.turns < rule.from) return false;
  if (next.askedAdvice !== undefined && next.turns - next.askedAdvice < rule.apart) return false;
  if (!rule.stages.includes(next.stage)) return false;
  return reaction === 'heard' || reaction === 'curious';
}

/** Whether the partner agreed to hear the coach's idea on the last turn (feeds the coder's context). */
export function permissionGranted(state: PartnerState): boolean {
  return state.permissionGranted;
}

function trustChange(
  card: PartnerCard,
  state: PartnerState,
  coding: CoachTurnCoding,
  reaction: PartnerReaction,
  turn: number,
): number {
  const codes = new Set(coding.codes);
  // Advice the partner agreed to hear is not a hurt.
  if (reaction === 'welcome_idea') codes.delete('advice');
  if (HURTFUL_CODES.some((c) => codes.has(c))) {
    let loss = 0;
    for (const c of codes) loss += Math.min(0, TRUST_DELTA[c] ?? 0);
    return loss * LOSS_FACTOR[card.difficulty];
  }
  let gain = 0;
  let mild = 0;
  for (const c of codes) {
    const d = TRUST_DELTA[c] ?? 0;
    if (d > 0) gain += d;
    else mild += d;
  }
  gain = Math.min(gain, MAX_GAIN_PER_TURN);
  // A question that does not land yet earns nothing: readiness, not technique, moves the partner.
  if (reaction === 'premature') gain = 0;
  // Question after question: only a turn that listened (reflection, affirmation) refills the well.
  const questionOnly = codes.has('open_question') && !LISTENING_CODES.some((c) => codes.has(c));
  const lastListened =
    state.lastReaction === undefined ||
    state.lastReaction === 'heard' ||
    state.lastReaction === 'affirmed';
  if (questionOnly && !lastListened) gain *= QUESTION_STREAK_FACTOR;
  if (codes.has('goal_question') && turn <= EARLY_AGREEMENT_TURNS) gain += AGREEMENT_BONUS;
  return gain * GAIN_FACTOR[card.difficulty] + mild * LOSS_FACTOR[card.difficulty];
}

function clamp01(x: number): number {
  return Math.max(0, Math.min(1, x));
}

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}

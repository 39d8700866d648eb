/**
 * @module session-flow/take-turn
 * One coach turn as one stream of events (`turn`, `token`..., `reply`, `feedback`, `done`), in
 * the order that loses nothing:
 *   1. record: read the session's stored state and latest turns, code the coach's words and store
 *      them with their partner turn in one conditional statement (store/turns), before any LLM
 *      call. With no LLM the whole turn is decided here (practice/turn `planTurn`), so it is
 *      stored complete: one read and one write.
 *   2. decide (LLM only): the LLM may refine the codes; `planTurn` decides the partner's move
 *      from them, stored once (store/turns `storeDecision`).
 *   3. voice (LLM only): the partner's reply worded by the LLM, streamed as `token` events;
 *      the scripted draft when it fails.
 *   4. feedback (LLM only): the rule feedback, which the LLM may reword.
 * Each step is resumable and applied once: the same `clientTurnId` again, from this process or
 * another, finds the turn through the database (the unique (session, clientTurnId) index) and
 * finishes whatever is left, or returns what is stored. So a crash, a disconnect or a double
 * click never loses or duplicates a turn. The route answers JSON with the stream collected.
 */
import type { AppDeps } from '../app-env.js';
import { admitSessionCaller, type Caller, type TokenCaller } from '../auth/index.js';
import { assertRoomForTurn } from '../limits/session-length.js';
import { Problem } from '../problems/index.js';
import { getPartnerCard } from '../practice/scenarios/index.js';
import {
  codeTurn,
  planTurn,
  previousPartnerText,
  ruleFeedback,
  TURN_WINDOW,
  type TurnContext,
} from '../practice/turn/index.js';
import type { PartnerCard, TurnFeedback } from '../practice/types.js';
import type { TurnRow } from '../store/sessions.js';
import {
  appendTurns,
  readTurnContext,
  readTurnPair,
  storeDecision,
  storeFeedback,
  storeReply,
  type TurnSession,
  type WindowTurn,
} from '../store/turns.js';
import { streamed } from './callback-stream.js';
import { coachTurnView } from './view.js';

export interface TurnInput {
  clientTurnId: string;
  text: string;
}

type CoachTurnView = ReturnType<typeof coachTurnView>;

/** The events of one turn, in order; `token` may come any number of times. */
export type TurnEvent =
  | { event: 'turn'; data: CoachTurnView }
  | { event: 'token'; data: { text: string } }
  | { event: 'reply'; data: { index: number; text: string; source: string } }
  | { event: 'feedback'; data: TurnFeedback }
  | { event: 'done'; data: Record<string, never> };

export interface TurnResult {
  turn: CoachTurnView & { feedback: TurnFeedback };
  reply: { index: number; text: string; source: string };
}

// Each lost race means another turn of this session was stored meanwhile, so a handful of reads
// is plenty; past that the client is asked to resend (the same clientTurnId is safe to resend).
const MAX_RECORD_ATTEMPTS = 5;

/** A whole turn, its events collected (the JSON answer). */
export function takeTurn(
  deps: AppDeps,
  caller: TokenCaller,
  sessionId: string,
  input: TurnInput,
  opts: { signal?: AbortSignal } = {},
): Promise<TurnResult> {
  return collectTurn(turnEvents(deps, caller, sessionId, input, opts));
}

/** The result a stream of turn events adds up to. */
export async function collectTurn(events: AsyncIterable<TurnEvent>): Promise<TurnResult> {
  let turn: CoachTurnView | undefined;
  let reply: TurnResult['reply'] | undefined;
  let feedback: TurnFeedback | undefined;
  for await (const e of events) {
    if (e.event === 'turn') turn = e.data;
    else if (e.event === 'reply') reply = e.data;
    else if (e.event === 'feedback') feedback = e.data;
  }
  if (!turn || !reply || !feedback)
    throw new Error('a turn stream ended before its reply and feedback');
  return { turn: { ...turn, feedback }, reply };
}

/**
 * The turn as a stream of events. Anything refused before the coach turn is recorded (a token
 * whose person is gone, unknown or ended session, clientTurnId reused) is thrown before the first
 * event. `token` is the verified bearer token (auth `requireToken`): the turn's first statement
 * reads its person (a Caller will do as well, and is read again).
 */
export async function* turnEvents(
  deps: AppDeps,
  token: TokenCaller,
  sessionId: string,
  input: TurnInput,
  opts: { signal?: AbortSignal } = {},
): AsyncGenerator<TurnEvent> {
  const { db } = deps;
  const recorded = await record(deps, token, sessionId, input);
  const { ctx, caller } = recorded;
  let { coach, partner } = recorded;
  const reread = async () => {
    const pair = await readTurnPair(db, caller, sessionId, input.clientTurnId);
    if (!pair?.partner)
      throw new Error(`turn ${input.clientTurnId} of session ${sessionId} vanished`);
    return { coach: pair.coach, partner: pair.partner };
  };

  if (!partner.directive) {
    // 2. decide. The LLM may refine the offline codes (a failure keeps them); words aimed at the
    // machine are never shown to it.
    let coding = coach.coding!;
    if (deps.llm.refineCoding && codeTurn(ctx, coach).refinable) {
      const prevPartner = previousPartnerText(ctx.recent, coach.index);
      coding = await deps.llm
        .refineCoding(coach.text, prevPartner, coding, { signal: opts.signal })
        .catch(() => coding);
    }
    const plan = planTurn(ctx, { index: coach.index, text: coach.text, coding });
    const decision = {
      coachTurnId: coach.id,
      partnerTurnId: partner.id,
      coding: plan.coding,
      directive: plan.directive,
      fallbackText: plan.draft,
      partnerState: plan.partnerState,
      coaching: plan.record,
    };
    ({ coach, partner } =
      (await storeDecision(db, caller, sessionId, decision)) ?? (await reread()));
  }
  yield { event: 'turn', data: coachTurnView(coach) };

  if (partner.status === 'pending') {
    // 3. voice. Only the visible window travels; the directive carries what may be revealed.
    const history = ctx.recent
      .filter((t) => t.index < coach.index)
      .concat({ index: coach.index, role: 'coach', text: coach.text });
    const input3 = {
      card: ctx.card,
      directive: partner.directive!,
      history,
      coachText: coach.text,
      fallbackText: partner.fallbackText ?? '',
    };
    const voiced = yield* streamed(
      (onToken) => deps.llm.partner.reply(input3, { signal: opts.signal, onToken }),
      (text: string): TurnEvent => ({ event: 'token', data: { text } }),
    );
    if (opts.signal?.aborted)
      throw Problem.conflict(
        'The client disconnected before the reply; send the same clientTurnId again to get it.',
      );
    if (voiced.fallbackReason)
      deps.logger.warn('partner voice fell back to the scripted reply', {
        sessionId,
        reason: voiced.fallbackReason,
      });
    const text = voiced.text.trim() || partner.fallbackText || '…';
    partner =
      (await storeReply(db, caller, sessionId, partner.id, { text, source: voiced.source })) ??
      (await reread()).partner;
  } else {
    yield { event: 'token', data: { text: partner.text } };
  }
  yield {
    event: 'reply',
    data: { index: partner.index, text: partner.text, source: partner.source ?? 'scripted' },
  };

  if (!coach.feedback) {
    // 4. feedback: rules always; an LLM may reword them (and falls back to them).
    const rules = ruleFeedback(
      ctx,
      coach.index,
      coach.text,
      coach.coding!,
      partner.directive?.stage,
    );
    const prevPartner = previousPartnerText(ctx.recent, coach.index);
    const written = await deps.llm.feedback
      .write(
        {
          coding: coach.coding!,
          coachText: coach.text,
          previousPartnerText: prevPartner,
          stage: partner.directive?.stage ?? 'guarded',
          partnerName: ctx.card.partner.name,
          ruleFeedback: rules,
        },
        { signal: opts.signal },
      )
      .catch(() => ({ ...rules, source: 'rules' as const }));
    coach =
      (await storeFeedback(db, caller, sessionId, coach.id, written)) ?? (await reread()).coach;
  }
  const f = coach.feedback;
  yield {
    event: 'feedback',
    data: {
      worked: f?.worked ?? '',
      improve: f?.improve ?? '',
      suggestion: f?.suggestion ?? '',
      alternative: f?.alternative ?? '',
    },
  };
  yield { event: 'done', data: {} };
}

/** What `planTurn` decides from: the session's stored state and the done turns of its window. */
function contextOf(card: PartnerCard, session: TurnSession, rows: WindowTurn[]): TurnContext {
  const recent = rows
    .filter((t) => t.status === 'done')
    .map((t) => ({
      index: t.index,
      role: t.role,
      text: t.text,
      ...(t.coding ? { coding: t.coding } : {}),
      ...(t.feedback ? { feedback: t.feedback } : {}),
    }));
  return { card, partnerState: session.partnerState, record: session.coaching, recent };
}

/**
 * 1. record: the coach turn and its partner turn, appended in one statement that only applies if
 * the session has not moved on since it was read (store/turns); a lost race reads again, and then
 * finds this clientTurnId's turn (a duplicate) or decides afresh. On the scripted path the turn
 * is planned whole here, so it is complete when stored; with an LLM the partner turn is left
 * pending for steps 2-4.
 */
async function record(
  deps: AppDeps,
  token: TokenCaller,
  sessionId: string,
  input: TurnInput,
): Promise<{ ctx: TurnContext; coach: TurnRow; partner: TurnRow; caller: Caller }> {
  const scripted =
    deps.llm.partner.kind === 'scripted' &&
    deps.llm.feedback.kind === 'rules' &&
    !deps.llm.refineCoding;
  const { db } = deps;
  let caller: Caller | undefined;
  for (let attempt = 0; attempt < MAX_RECORD_ATTEMPTS; attempt++) {
    // scoped by the token's person and organisation, which the read checks before anything else
    const context = await readTurnContext(db, token, sessionId, {
      window: TURN_WINDOW,
      clientTurnId: input.clientTurnId,
    });
    // the bearer check (auth requireToken): the person came with their session
    caller ??= await admitSessionCaller(deps, token, context);
    if (!context) throw Problem.notFound('The session');
    const { session, turns: rows } = context;
    // a built-in card, else the organisation's card this session started with (kept on the session)
    const card = getPartnerCard(session.scenarioId) ?? session.scenarioCard;
    if (!card) throw Problem.conflict('This session practises a scenario that no longer exists.');
    const ctx = contextOf(card, session, rows);
    // A resend (the read finds its coach turn whatever its age; the pair's whole rows, which the
    // window does not carry, are read on their own).
    if (context.resentIndex !== null) {
      const pair = await readTurnPair(db, caller, sessionId, input.clientTurnId);
      if (!pair) throw new Error(`turn ${input.clientTurnId} of session ${sessionId} vanished`);
      if (pair.coach.text !== input.text) {
        throw Problem.conflict(
          `clientTurnId ${input.clientTurnId} was already used for a different message; use a new id for a new turn.`,
        );
      }
      if (!pair.partner)
        throw new Error(`partner turn ${pair.coach.index + 1} missing for session ${sessionId}`);
      return { ctx, coach: pair.coach, partner: pair.partner, caller };
    }
    // the longest session (limits/session-length), checked before anything else refuses the turn
    assertRoomForTurn(session.nextIndex, deps.config.maxSessionTurns);
    if (session.status !== 'active')
      throw Problem.conflict('This session has ended; start a new session to keep practising.');
    const pending = rows.find((t) => t.status === 'pending');
    if (pending) {
      const waiting = rows.find((t) => t.index === pending.index - 1);
      throw Problem.conflict(
        'Your previous turn is still waiting for the partner’s reply; send it again (same clientTurnId) to finish it.',
        { pendingClientTurnId: waiting?.clientTurnId ?? null },
      );
    }
    const index = session.nextIndex;
    const plan = scripted ? planTurn(ctx, { index, text: input.text }) : null;
    const coding = plan?.coding ?? codeTurn(ctx, { index, text: input.text }).coding;
    const now = deps.now();
    // Whole rows, ids included, so nothing has to be read back after the write.
    const blank = {
      sessionId,
      clientTurnId: null,
      coding: null,
      feedback: null,
      directive: null,
      fallbackText: null,
      source: null,
      createdAt: now,
    };
    const coach: TurnRow = {
      ...blank,
      id: crypto.randomUUID(),
      index,
      role: 'coach',
      status: 'done',
      text: input.text,
      clientTurnId: input.clientTurnId,
      coding,
    };
    let partner: TurnRow = {
      ...blank,
      id: crypto.randomUUID(),
      index: index + 1,
      role: 'partner',
      status: 'pending',
      text: '',
    };
    if (plan) {
      partner = {
        ...partner,
        status: 'done',
        text: plan.draft,
        directive: plan.directive,
        fallbackText: plan.draft,
        source: 'scripted',
      };
      coach.feedback = { ...plan.feedback, source: 'rules' };
    }
    const next = plan
      ? { nextIndex: index + 2, partnerState: plan.partnerState, coaching: plan.record }
      : { nextIndex: index + 2, partnerState: session.partnerState };
    if (await appendTurns(db, caller, sessionId, index, [coach, partner], next))
      return { ctx, coach, partner, caller };
  }
  throw Problem.conflict(
    'The session kept changing while this turn was being recorded; send the same clientTurnId again.',
  );
}

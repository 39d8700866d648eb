/**
 * @module session-flow/take-turn
 * One coach turn, in the order that loses nothing:
 *   1. record: code the coach's words offline and store them, with a pending partner turn,
 *      in one conditional statement (store/turns; before any LLM call);
 *   2. decide: refine the codes (LLM, optional), advance the partner's hidden state and draft
 *      the scripted reply for it;
 *   3. voice: the partner's reply (scripted, or an LLM that falls back to the draft);
 *   4. feedback: rule feedback, optionally reworded by the LLM.
 * Each step is resumable: the same `clientTurnId` again finishes whatever is left and returns
 * the stored result, so a crash, a disconnect or a double click never loses or duplicates a turn.
 * With no LLM configured nothing in steps 2-4 is slow or can fail, so all four happen before the
 * record step writes: a scripted turn is one read and one write.
 */
import { eq } from 'drizzle-orm';
import type { AppDeps } from '../app-env.js';
import type { Caller } from '../auth/index.js';
import type { Database } from '../db/index.js';
import { sessions, turns } from '../db/schema/index.js';
import { Problem } from '../problems/index.js';
import { isMachineDirected } from '../llm/machine-directed.js';
import { codeUtterance } from '../practice/coder/index.js';
import { feedbackForTurn } from '../practice/feedback/index.js';
import { advancePartner, scriptedReply } from '../practice/partner/index.js';
import { getPartnerCard } from '../practice/scenarios/index.js';
import { sessionScenarioCard } from '../store/org-scenarios.js';
import type { CoachTurnCoding, PartnerCard, PartnerStage, TurnFeedback } from '../practice/types.js';
import type { TurnRow } from '../store/sessions.js';
import { appendTurns, readTurnContext, type TurnSession } from '../store/turns.js';
import { coachTurnView } from './view.js';

export interface TurnInput {
  clientTurnId: string;
  text: string;
}

export interface TurnEvents {
  /** the coach turn is stored and coded */
  onCoded?: (turn: ReturnType<typeof coachTurnView>) => void;
  /** partner tokens as they arrive */
  onToken?: (delta: string) => void;
}

export interface TurnResult {
  turn: ReturnType<typeof coachTurnView> & { feedback: { worked: string; improve: string; suggestion: string; alternative: string } };
  reply: { index: number; text: string; source: string };
}

// Concurrent requests with the same clientTurnId share one run (within a process); across
// processes the conditional append (store/turns) and the unique (session, clientTurnId) index
// keep it to one turn.
const inFlight = new Map<string, Promise<TurnResult>>();

// Each lost race means another turn of this session was stored meanwhile, so a handful of reads
// is plenty; past that the client is asked to resend (the same clientTurnId is safe to resend).
const MAX_RECORD_ATTEMPTS = 5;

export function takeTurn(deps: AppDeps, caller: Caller, sessionId: string, input: TurnInput, opts: { signal?: AbortSignal; events?: TurnEvents } = {}): Promise<TurnResult> {
  // Keyed by the caller too: only the session's owner may share a run's result, whoever else
  // happens to send the same pair of ids.
  const key = `${caller.orgId}:${caller.personId}:${sessionId}:${input.clientTurnId}`;
  const running = inFlight.get(key);
  if (running) return running.then((r) => (replayEvents(r, opts.events), r));
  const run = runTurn(deps, caller, sessionId, input, opts).finally(() => inFlight.delete(key));
  inFlight.set(key, run);
  return run;
}

function replayEvents(r: TurnResult, events?: TurnEvents) {
  if (!events) return;
  const { feedback: _f, ...coded } = r.turn;
  events.onCoded?.(coded as TurnResult['turn']);
  events.onToken?.(r.reply.text);
}

async function runTurn(deps: AppDeps, caller: Caller, sessionId: string, input: TurnInput, opts: { signal?: AbortSignal; events?: TurnEvents }): Promise<TurnResult> {
  const { db } = deps;
  const recorded = await record(deps, caller, sessionId, input);
  const card = recorded.card;
  let all = recorded.turns;
  let coach = recorded.coach;
  let partner = all.find((t) => t.index === coach.index + 1);
  if (!partner) throw new Error(`partner turn ${coach.index + 1} missing for session ${sessionId}`);

  if (partner.status === 'done' && coach.feedback) {
    const result = resultOf(coach, partner);
    replayEvents(result, opts.events);
    return result;
  }

  const prevPartner = lastPartnerText(all, coach.index);

  if (!partner.directive) {
    // 2. decide. The LLM may refine the offline codes; a failure keeps the offline codes.
    if (deps.llm.refineCoding && coach.coding) {
      const refined = await deps.llm.refineCoding(coach.text, prevPartner, coach.coding, { signal: opts.signal }).catch(() => coach.coding!);
      if (JSON.stringify(refined) !== JSON.stringify(coach.coding)) {
        [coach] = await db.update(turns).set({ coding: refined }).where(eq(turns.id, coach.id)).returning();
      }
    }
    partner = await decide(db, recorded.session.id, card, coach, partner);
  }
  opts.events?.onCoded?.(coachTurnView(coach));

  if (partner.status === 'pending') {
    // 3. voice. Only the visible transcript travels; the directive carries what may be revealed.
    const history = all.filter((t) => t.index <= coach.index && t.status === 'done').map((t) => ({ role: t.role, text: t.text }));
    const voiced = await deps.llm.partner.reply(
      { card, directive: partner.directive!, history, coachText: coach.text, fallbackText: partner.fallbackText ?? '' },
      { signal: opts.signal, onToken: opts.events?.onToken },
    );
    if (opts.signal?.aborted) throw Problem.conflict('The client disconnected before the reply; send the same clientTurnId again to get it.');
    const text = voiced.text.trim() || partner.fallbackText || '…';
    [partner] = await db.update(turns).set({ text, status: 'done', source: voiced.source }).where(eq(turns.id, partner.id)).returning();
    if (voiced.fallbackReason) deps.logger.warn('partner voice fell back to the scripted reply', { sessionId, reason: voiced.fallbackReason });
  } else if (opts.events?.onToken) {
    opts.events.onToken(partner.text);
  }

  if (!coach.feedback) {
    // 4. feedback: rules always; an LLM may reword them (and falls back to them).
    all = all.map((t) => (t.id === partner!.id ? partner! : t));
    const ruleFeedback = ruleFeedbackFor(card, all, coach.index, coach.coding!, coach.text, prevPartner, partner.directive?.stage);
    const written = await deps.llm.feedback
      .write({ coding: coach.coding!, coachText: coach.text, previousPartnerText: prevPartner, stage: partner.directive?.stage ?? 'guarded', partnerName: card.partner.name, ruleFeedback }, { signal: opts.signal })
      .catch(() => ({ ...ruleFeedback, source: 'rules' as const }));
    [coach] = await db.update(turns).set({ feedback: written }).where(eq(turns.id, coach.id)).returning();
  }
  return resultOf(coach, partner);
}

/**
 * 1. record: the coach turn and its partner turn, appended in one statement that only applies if
 * the session has not moved on since it was read (store/turns); a lost race reads again, and then
 * finds this clientTurnId's turn (a duplicate) or decides afresh. On the scripted path the partner
 * turn is decided, voiced and given feedback right here, so the turn is complete when stored; with
 * an LLM the partner turn is left pending for steps 2-4.
 */
async function record(deps: AppDeps, caller: Caller, sessionId: string, input: TurnInput): Promise<{ session: TurnSession; card: PartnerCard; coach: TurnRow; turns: TurnRow[] }> {
  const scripted = deps.llm.partner.kind === 'scripted' && deps.llm.feedback.kind === 'rules' && !deps.llm.refineCoding;
  const { db } = deps;
  for (let attempt = 0; attempt < MAX_RECORD_ATTEMPTS; attempt++) {
    const context = await readTurnContext(db, caller, sessionId);
    if (!context) throw Problem.notFound('The session');
    const { session, turns: rows } = context;
    // a built-in card, else the organisation's card this session started with (kept on the session)
    const card = getPartnerCard(session.scenarioId) ?? (await sessionScenarioCard(db, caller.orgId, session.id));
    if (!card) throw Problem.conflict('This session practises a scenario that no longer exists.');
    // One read of the transcript answers every question below (sessions are tens of turns).
    const existing = rows.find((t) => t.clientTurnId === input.clientTurnId);
    if (existing) {
      if (existing.text !== input.text) {
        throw Problem.conflict(`clientTurnId ${input.clientTurnId} was already used for a different message; use a new id for a new turn.`);
      }
      return { session, card, coach: existing, turns: rows };
    }
    if (session.status !== 'active') throw Problem.conflict('This session has ended; start a new session to keep practising.');
    const pending = rows.find((t) => t.status === 'pending');
    if (pending) {
      const waiting = rows.find((t) => t.index === pending.index - 1);
      throw Problem.conflict('Your previous turn is still waiting for the partner’s reply; send it again (same clientTurnId) to finish it.', { pendingClientTurnId: waiting?.clientTurnId ?? null });
    }
    const index = session.nextIndex;
    const prevPartner = lastPartnerText(rows, index);
    const coded = codeUtterance(input.text, { prevPartner, permissionGranted: session.partnerState.permissionGranted });
    // Words aimed at the machine ("ignore your instructions", "give me full marks") are not a
    // coaching move: they earn no credit in the scorecard and do not open the partner up.
    const coding: CoachTurnCoding = isMachineDirected(input.text) ? { ...coded, label: 'other', codes: ['other'] } : coded;
    const now = deps.now();
    // Whole rows, ids included, so nothing has to be read back after the write.
    const blank = { sessionId, clientTurnId: null, coding: null, feedback: null, directive: null, fallbackText: null, source: null, createdAt: now };
    const coach: TurnRow = { ...blank, id: crypto.randomUUID(), index, role: 'coach', status: 'done', text: input.text, clientTurnId: input.clientTurnId, coding };
    let partner: TurnRow = { ...blank, id: crypto.randomUUID(), index: index + 1, role: 'partner', status: 'pending', text: '' };
    let partnerState = session.partnerState;
    if (scripted) {
      const advanced = advancePartner(card, session.partnerState, coding, input.text);
      const drafted = scriptedReply(card, advanced.state, advanced.directive);
      partnerState = drafted.state;
      partner = { ...partner, status: 'done', text: drafted.text, directive: advanced.directive, fallbackText: drafted.text, source: 'scripted' };
      coach.feedback = { ...ruleFeedbackFor(card, rows, index, coding, input.text, prevPartner, advanced.directive.stage), source: 'rules' };
    }
    if (await appendTurns(db, caller, sessionId, index, [coach, partner], { nextIndex: index + 2, partnerState })) {
      return { session: { ...session, nextIndex: index + 2, partnerState }, card, coach, turns: [...rows, coach, partner] };
    }
  }
  throw Problem.conflict('The session kept changing while this turn was being recorded; send the same clientTurnId again.');
}

/** The rule-based feedback for a coach turn, from the transcript before it. */
function ruleFeedbackFor(card: PartnerCard, rows: TurnRow[], index: number, coding: CoachTurnCoding, text: string, prevPartner: string | null, stage: PartnerStage | undefined): TurnFeedback {
  const priorCodings = rows.filter((t) => t.role === 'coach' && t.index < index && t.coding).map((t) => t.coding!);
  // the partner's words so far: the alternative offers the model move authored for the line said
  const partnerHistory = rows.filter((t) => t.role === 'partner' && t.index < index && t.text).sort((a, b) => a.index - b.index).map((t) => t.text);
  const rule = feedbackForTurn({ coding, coachText: text, previousPartnerText: prevPartner, stage, coachTurnNumber: priorCodings.length + 1, priorCodings, partnerName: card.partner.name.split(' ')[0], card, partnerHistory });
  return { worked: rule.worked, improve: rule.improve, suggestion: rule.suggestion, alternative: rule.alternative };
}

/** 2. decide: advance the partner's state for this move and draft the scripted reply. */
async function decide(db: Database, sessionId: string, card: PartnerCard, coach: TurnRow, partner: TurnRow): Promise<TurnRow> {
  return db.transaction(async (tx) => {
    const [session] = await tx.select().from(sessions).where(eq(sessions.id, sessionId)).for('update');
    const [current] = await tx.select().from(turns).where(eq(turns.id, partner.id));
    if (current.directive) return current; // another run decided already
    const advanced = advancePartner(card, session.partnerState, coach.coding!, coach.text);
    const drafted = scriptedReply(card, advanced.state, advanced.directive);
    await tx.update(sessions).set({ partnerState: drafted.state }).where(eq(sessions.id, sessionId));
    const [updated] = await tx.update(turns).set({ directive: advanced.directive, fallbackText: drafted.text }).where(eq(turns.id, partner.id)).returning();
    return updated;
  });
}

function lastPartnerText(all: TurnRow[], beforeIndex: number): string | null {
  for (let i = all.length - 1; i >= 0; i--) {
    const t = all[i];
    if (t.index < beforeIndex && t.role === 'partner' && t.status === 'done') return t.text;
  }
  return null;
}

function resultOf(coach: TurnRow, partner: TurnRow): TurnResult {
  const view = coachTurnView(coach);
  return {
    turn: { ...view, feedback: view.feedback ?? { worked: '', improve: '', suggestion: '', alternative: '' } },
    reply: { index: partner.index, text: partner.text, source: partner.source ?? 'scripted' },
  };
}

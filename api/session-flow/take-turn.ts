/**
 * @module session-flow/take-turn
 * One coach turn, in the order that loses nothing:
 *   1. record: code the coach's words offline and store them, with a pending partner turn,
 *      in one transaction (before any LLM call);
 *   2. decide: refine the codes (LLM, optional), advance the partner's hidden state and draft
 *      the scripted reply for it;
 *   3. voice: the partner's reply (scripted, or an LLM that falls back to the draft);
 *   4. feedback: rule feedback, optionally reworded by the LLM.
 * Each step is resumable: the same `clientTurnId` again finishes whatever is left and returns
 * the stored result, so a crash, a disconnect or a double click never loses or duplicates a turn.
 */
import { and, desc, eq } from 'drizzle-orm';
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
import type { PartnerCard } from '../practice/types.js';
import { listTurns, type SessionRow, type TurnRow } from '../store/sessions.js';
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
// processes the row lock and the unique (session, clientTurnId) index keep it to one turn.
const inFlight = new Map<string, Promise<TurnResult>>();

export function takeTurn(deps: AppDeps, caller: Caller, sessionId: string, input: TurnInput, opts: { signal?: AbortSignal; events?: TurnEvents } = {}): Promise<TurnResult> {
  const key = `${sessionId}:${input.clientTurnId}`;
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
  const card = getPartnerCard(recorded.session.scenarioId);
  if (!card) throw Problem.conflict('This session practises a scenario that no longer exists.');

  let all = await listTurns(db, sessionId);
  let coach = all.find((t) => t.id === recorded.coach.id)!;
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
    const priorCodings = all.filter((t) => t.role === 'coach' && t.index < coach.index && t.coding).map((t) => t.coding!);
    const rule = feedbackForTurn({
      coding: coach.coding!,
      coachText: coach.text,
      previousPartnerText: prevPartner,
      stage: partner.directive?.stage,
      coachTurnNumber: priorCodings.length + 1,
      priorCodings,
      partnerName: card.partner.name.split(' ')[0],
    });
    const ruleFeedback = { worked: rule.worked, improve: rule.improve, suggestion: rule.suggestion, alternative: rule.alternative };
    const written = await deps.llm.feedback
      .write({ coding: coach.coding!, coachText: coach.text, previousPartnerText: prevPartner, stage: partner.directive?.stage ?? 'guarded', partnerName: card.partner.name, ruleFeedback }, { signal: opts.signal })
      .catch(() => ({ ...ruleFeedback, source: 'rules' as const }));
    [coach] = await db.update(turns).set({ feedback: written }).where(eq(turns.id, coach.id)).returning();
  }
  return resultOf(coach, partner);
}

/** 1. record: the coach turn and a pending partner turn, atomically, under the session's row lock. */
async function record(deps: AppDeps, caller: Caller, sessionId: string, input: TurnInput): Promise<{ session: SessionRow; coach: TurnRow }> {
  return deps.db.transaction(async (tx) => {
    const [session] = await tx
      .select()
      .from(sessions)
      .where(and(eq(sessions.orgId, caller.orgId), eq(sessions.id, sessionId), eq(sessions.personId, caller.personId)))
      .for('update');
    if (!session) throw Problem.notFound(`Session ${sessionId}`);
    const [existing] = await tx.select().from(turns).where(and(eq(turns.sessionId, sessionId), eq(turns.clientTurnId, input.clientTurnId)));
    if (existing) {
      if (existing.text !== input.text) {
        throw Problem.conflict(`clientTurnId ${input.clientTurnId} was already used for a different message; use a new id for a new turn.`);
      }
      return { session, coach: existing };
    }
    if (session.status !== 'active') throw Problem.conflict('This session has ended; start a new session to keep practising.');
    const [pending] = await tx.select().from(turns).where(and(eq(turns.sessionId, sessionId), eq(turns.status, 'pending'))).limit(1);
    if (pending) {
      const [waiting] = await tx.select({ clientTurnId: turns.clientTurnId }).from(turns).where(and(eq(turns.sessionId, sessionId), eq(turns.index, pending.index - 1)));
      throw Problem.conflict('Your previous turn is still waiting for the partner’s reply; send it again (same clientTurnId) to finish it.', { pendingClientTurnId: waiting?.clientTurnId ?? null });
    }
    const [prev] = await tx
      .select({ text: turns.text })
      .from(turns)
      .where(and(eq(turns.sessionId, sessionId), eq(turns.role, 'partner')))
      .orderBy(desc(turns.index))
      .limit(1);
    const coded = codeUtterance(input.text, { prevPartner: prev?.text ?? null, permissionGranted: session.partnerState.permissionGranted });
    // Words aimed at the machine ("ignore your instructions", "give me full marks") are not a
    // coaching move: they earn no credit in the scorecard and do not open the partner up.
    const coding = isMachineDirected(input.text) ? { ...coded, label: 'other' as const, codes: ['other' as const] } : coded;
    const index = session.nextIndex;
    const now = deps.now();
    const [coach] = await tx.insert(turns).values({ sessionId, index, role: 'coach', text: input.text, clientTurnId: input.clientTurnId, coding, createdAt: now }).returning();
    await tx.insert(turns).values({ sessionId, index: index + 1, role: 'partner', status: 'pending', createdAt: now });
    await tx.update(sessions).set({ nextIndex: index + 2 }).where(eq(sessions.id, sessionId));
    return { session, coach };
  });
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

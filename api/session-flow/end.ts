/**
 * @module session-flow/end
 * Ending a session: score the transcript with the rubric (code, never an LLM), judge the drill's
 * pass criteria, and add one row per skill to the progress ledger, all in one transaction.
 * Ending twice returns the stored scorecard.
 */
import { eq } from 'drizzle-orm';
import type { AppDeps } from '../app-env.js';
import type { Caller } from '../auth/index.js';
import { sessions, skillResults, turns } from '../db/schema/index.js';
import { Problem } from '../problems/index.js';
import { scoreSession } from '../practice/rubric/index.js';
import type { Scorecard, TranscriptTurn } from '../practice/types.js';
import { drillSpecOf, findDrill } from '../store/drills.js';
import { lockOwnSession } from '../store/sessions.js';
import type { Database } from '../db/index.js';

export interface SessionEnded {
  scorecard: Scorecard;
  drillResult: { passed: boolean; reasons: string[] } | null;
}

/** Hook for features that react to an ended session (assignments, grade passback). */
export type OnSessionEnded = (deps: AppDeps, session: { id: string; orgId: string; personId: string; drillId: string | null }, ended: SessionEnded) => Promise<void>;

export async function endSession(deps: AppDeps, caller: Caller, sessionId: string, hooks: OnSessionEnded[] = []): Promise<SessionEnded> {
  const outcome = await deps.db.transaction(async (tx) => {
    const session = await lockOwnSession(tx as unknown as Database, caller, sessionId);
    if (!session) throw Problem.notFound('The session');
    if (session.status === 'ended' && session.scorecard) return { session, ended: { scorecard: session.scorecard, drillResult: session.drillResult ?? null }, fresh: false };

    const rows = await tx.select().from(turns).where(eq(turns.sessionId, sessionId)).orderBy(turns.index);
    const transcript: TranscriptTurn[] = rows
      .filter((t) => t.status === 'done')
      .map((t) => ({ index: t.index, role: t.role, text: t.text, ...(t.coding ? { coding: t.coding } : {}) }));
    const drillRow = session.drillId ? await findDrill(tx as never, caller.orgId, session.drillId) : null;
    const drill = drillRow ? drillSpecOf(drillRow) : undefined;
    // With a drill, the scorecard carries the outcome against its pass criteria and names the
    // drill's focus skills first when saying what to practise next.
    const scorecard = scoreSession(transcript, { drill });
    const drillResult = scorecard.drill ?? null;
    const endedAt = deps.now();
    await tx.update(sessions).set({ status: 'ended', scorecard, drillResult: drillResult ? { passed: drillResult.passed, reasons: drillResult.reasons } : null, endedAt }).where(eq(sessions.id, sessionId));
    await tx.insert(skillResults).values(
      scorecard.skills.map((s) => ({ orgId: caller.orgId, personId: caller.personId, sessionId, skill: s.skill, level: s.level, score: s.score, passedDrill: drillResult ? drillResult.passed : null, at: endedAt })),
    );
    return { session, ended: { scorecard, drillResult: drillResult ? { passed: drillResult.passed, reasons: drillResult.reasons } : null }, fresh: true };
  });
  if (outcome.fresh) {
    for (const hook of hooks) {
      // A failing follow-up (an LMS that is down) must not undo the learner's ended session.
      await hook(deps, outcome.session, outcome.ended).catch((err) => deps.logger.error('session-ended hook failed', { sessionId, error: String(err) }));
    }
  }
  return outcome.ended;
}

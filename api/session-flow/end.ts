/**
 * @module session-flow/end
 * Ending a session: score the transcript with the rubric (code, never an LLM), judge the drill's
 * pass criteria, and add one row per skill to the progress ledger, in one conditional write
 * (store/ending) after one read, which brings the caller's person (the bearer check, auth
 * `requireToken`) and the drill with the session. Ending twice returns the stored scorecard.
 */
import type { AppDeps } from '../app-env.js';
import { admitSessionCaller, type Caller, type TokenCaller } from '../auth/index.js';
import { Problem } from '../problems/index.js';
import { scoreSession } from '../practice/rubric/index.js';
import { getPartnerCard } from '../practice/scenarios/index.js';
import { scenarioContext } from '../practice/standing/index.js';
import type { Scorecard, TranscriptTurn } from '../practice/types.js';
import { drillSpecOf } from '../store/drills.js';
import { readEndContext, storeEnding } from '../store/ending.js';

export interface SessionEnded {
  scorecard: Scorecard;
  drillResult: { passed: boolean; reasons: string[] } | null;
}

/** Hook for features that react to an ended session (assignments, grade passback). */
export type OnSessionEnded = (
  deps: AppDeps,
  session: { id: string; orgId: string; personId: string; drillId: string | null },
  ended: SessionEnded,
) => Promise<void>;

// Each lost race means a turn of this session was stored meanwhile (or another end won), so a
// handful of reads is plenty; past that the client is asked to try again (ending is idempotent).
const MAX_END_ATTEMPTS = 5;

/**
 * Ends the session. `token` is the verified bearer token (auth `requireToken`): the end's first
 * statement reads its person (a Caller will do as well, and is read again).
 */
export async function endSession(
  deps: AppDeps,
  token: TokenCaller,
  sessionId: string,
  hooks: OnSessionEnded[] = [],
): Promise<SessionEnded> {
  const outcome = await scoreAndStore(deps, token, sessionId);
  if (outcome.fresh) {
    for (const hook of hooks) {
      // A failing follow-up (an LMS that is down) must not undo the learner's ended session.
      await hook(deps, outcome.session, outcome.ended).catch((err) =>
        deps.logger.error('session-ended hook failed', { sessionId, error: err }),
      );
    }
  }
  return outcome.ended;
}

async function scoreAndStore(deps: AppDeps, token: TokenCaller, sessionId: string) {
  const { db } = deps;
  let caller: Caller | undefined;
  for (let attempt = 0; attempt < MAX_END_ATTEMPTS; attempt++) {
    const context = await readEndContext(db, token, sessionId);
    // the bearer check (auth requireToken): the person came with their session
    caller ??= await admitSessionCaller(deps, token, context);
    if (!context) throw Problem.notFound('The session');
    const { session, turns: rows } = context;
    const hookSession = {
      id: session.id,
      orgId: session.orgId,
      personId: session.personId,
      drillId: session.drillId,
    };
    if (session.status === 'ended' && session.scorecard)
      return {
        session: hookSession,
        ended: { scorecard: session.scorecard, drillResult: session.drillResult ?? null },
        fresh: false,
      };

    const transcript: TranscriptTurn[] = rows
      .filter((t) => t.status === 'done')
      .map((t) => ({
        index: t.index,
        role: t.role,
        text: t.text,
        ...(t.coding ? { coding: t.coding } : {}),
      }));
    const drill = context.drill ? drillSpecOf(context.drill) : undefined;
    // With a drill, the scorecard carries the outcome against its pass criteria and names the
    // drill's focus skills first when saying what to practise next.
    // The brief is part of the conversation for scoring as it is for feedback: a turn taking up
    // what the learner was told about the scenario earns credit (practice/standing).
    const card =
      (session.scenarioId ? getPartnerCard(session.scenarioId) : undefined) ?? session.scenarioCard;
    const scorecard = scoreSession(transcript, { drill, context: scenarioContext(card) });
    const drillResult = scorecard.drill
      ? { passed: scorecard.drill.passed, reasons: scorecard.drill.reasons }
      : null;
    if (
      await storeEnding(db, caller, sessionId, session.nextIndex, {
        scorecard,
        drillResult,
        endedAt: deps.now(),
      })
    ) {
      return { session: hookSession, ended: { scorecard, drillResult }, fresh: true };
    }
  }
  throw Problem.conflict('The session kept changing while it was being ended; end it again.');
}

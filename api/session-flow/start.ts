/**
 * @module session-flow/start
 * Starting a practice session: pick the partner card (directly or through a drill), seed the
 * partner's state, store the session with the partner's opening line (one statement).
 */
import type { AppDeps } from '../app-env.js';
import type { Caller } from '../auth/index.js';
import { Problem } from '../problems/index.js';
import { CODER_VERSION } from '../practice/coder/index.js';
import { PARTNER_ENGINE_VERSION, startPartner } from '../practice/partner/index.js';
import { LEARNING_PARTNER_CORE } from '../practice/rubric/index.js';
import { getPartnerCard } from '../practice/scenarios/index.js';
import { EMPTY_COACH_RECORD } from '../practice/turn/index.js';
import { drillSpecOf, findDrill } from '../store/drills.js';
import { activeOrgCard } from '../store/org-scenarios.js';
import { insertSession, type SessionRow, type TurnRow } from '../store/sessions.js';
import { sessionView } from './view.js';

export async function startSession(
  deps: AppDeps,
  caller: Caller,
  input: { scenarioId?: string; drillId?: string },
) {
  let scenarioId = input.scenarioId;
  let drillId: string | null = null;
  if (input.drillId) {
    const drill = await findDrill(deps.db, caller.orgId, input.drillId);
    if (!drill) throw Problem.notFound('The drill');
    const spec = drillSpecOf(drill);
    if (scenarioId && scenarioId !== spec.scenarioId)
      throw Problem.badRequest(
        `Drill ${drill.id} practises scenario "${spec.scenarioId}", not "${scenarioId}".`,
        [{ path: 'scenarioId', message: 'does not match the drill' }],
      );
    scenarioId = spec.scenarioId;
    drillId = drill.id;
  }
  // a built-in scenario, else one of the organisation's own (whose card the session keeps)
  const builtIn = scenarioId ? getPartnerCard(scenarioId) : undefined;
  const own =
    !builtIn && scenarioId ? await activeOrgCard(deps.db, caller.orgId, scenarioId) : null;
  const card = builtIn ?? own?.card;
  if (!card) throw Problem.notFound(`Scenario "${scenarioId}"`);

  // A seed per session makes the scripted partner deterministic for that session (replayable).
  const seed = Math.floor(Math.random() * 2 ** 31);
  const { state, opening } = startPartner(card, seed);
  const versions = {
    partnerEngine: PARTNER_ENGINE_VERSION,
    scenario: card.version,
    ...(own ? { scenarioRevision: String(own.revision) } : {}),
    coder: CODER_VERSION,
    rubric: `${LEARNING_PARTNER_CORE.id}@${LEARNING_PARTNER_CORE.version}`,
    ...deps.llm.versions,
  };
  // Whole rows, ids and defaults included, so nothing has to be read back after the write.
  const session: SessionRow = {
    id: crypto.randomUUID(),
    orgId: caller.orgId,
    personId: caller.personId,
    scenarioId: card.id,
    drillId,
    status: 'active',
    seed,
    partnerState: state,
    coaching: EMPTY_COACH_RECORD,
    nextIndex: 1,
    // in the key order PostgreSQL's jsonb gives them back, as GET /api/sessions/{id} shows them
    versions: jsonbKeyOrder(versions),
    scenarioCard: own ? own.card : null,
    scorecard: null,
    drillResult: null,
    startedAt: deps.now(),
    endedAt: null,
  };
  const first: TurnRow = {
    id: crypto.randomUUID(),
    sessionId: session.id,
    index: 0,
    role: 'partner',
    status: 'done',
    text: opening,
    clientTurnId: null,
    coding: null,
    feedback: null,
    directive: null,
    fallbackText: null,
    source: 'scripted',
    createdAt: deps.now(),
  };
  await insertSession(deps.db, session, first);
  return sessionView(session, [first]);
}

/** `v` with its keys in jsonb's order (shorter keys first, then bytewise; these keys are ASCII). */
function jsonbKeyOrder(v: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(v).sort(([a], [b]) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0)),
  );
}

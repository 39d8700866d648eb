/**
 * @module session-flow/start
 * Starting a practice session: pick the partner card (directly or through a drill), seed the
 * partner's state, store the partner's opening line.
 */
import type { AppDeps } from '../app-env.js';
import type { Caller } from '../auth/index.js';
import { sessions, turns } from '../db/schema/index.js';
import { Problem } from '../problems/index.js';
import { CODER_VERSION } from '../practice/coder/index.js';
import { PARTNER_ENGINE_VERSION, startPartner } from '../practice/partner/index.js';
import { LEARNING_PARTNER_CORE } from '../practice/rubric/index.js';
import { getPartnerCard } from '../practice/scenarios/index.js';
import { drillSpecOf, findDrill } from '../store/drills.js';
import { sessionView } from './view.js';

export async function startSession(deps: AppDeps, caller: Caller, input: { scenarioId?: string; drillId?: string }) {
  let scenarioId = input.scenarioId;
  let drillId: string | null = null;
  if (input.drillId) {
    const drill = await findDrill(deps.db, caller.orgId, input.drillId);
    if (!drill) throw Problem.notFound('The drill');
    const spec = drillSpecOf(drill);
    if (scenarioId && scenarioId !== spec.scenarioId) throw Problem.badRequest(`Drill ${drill.id} practises scenario "${spec.scenarioId}", not "${scenarioId}".`, [{ path: 'scenarioId', message: 'does not match the drill' }]);
    scenarioId = spec.scenarioId;
    drillId = drill.id;
  }
  const card = scenarioId ? getPartnerCard(scenarioId) : undefined;
  if (!card) throw Problem.notFound(`Scenario "${scenarioId}"`);

  // A seed per session makes the scripted partner deterministic for that session (replayable).
  const seed = Math.floor(Math.random() * 2 ** 31);
  const { state, opening } = startPartner(card, seed);
  const versions = {
    partnerEngine: PARTNER_ENGINE_VERSION,
    scenario: card.version,
    coder: CODER_VERSION,
    rubric: `${LEARNING_PARTNER_CORE.id}@${LEARNING_PARTNER_CORE.version}`,
    ...deps.llm.versions,
  };
  return deps.db.transaction(async (tx) => {
    const [session] = await tx
      .insert(sessions)
      .values({ orgId: caller.orgId, personId: caller.personId, scenarioId: card.id, drillId, seed, partnerState: state, versions, nextIndex: 1, startedAt: deps.now() })
      .returning();
    const [first] = await tx.insert(turns).values({ sessionId: session.id, index: 0, role: 'partner', text: opening, source: 'scripted', createdAt: deps.now() }).returning();
    return sessionView(session, [first]);
  });
}

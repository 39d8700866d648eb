/**
 * @module session-flow/view
 * What a learner may see of a session: the brief (never hidden layers), the visible transcript
 * with codes and feedback, the scorecard. Partner directives and scripted drafts stay server-side.
 */
import type { SessionRow, TurnRow } from '../store/sessions.js';
import { getPartnerCard, toBrief } from '../practice/scenarios/index.js';
import type { ScenarioBrief } from '../practice/types.js';

export function scenarioView(scenarioId: string): ScenarioBrief {
  const card = getPartnerCard(scenarioId);
  return card ? toBrief(card) : { id: scenarioId, title: 'Retired scenario', brief: '', difficulty: 'moderate', partner: { name: 'Partner', role: '', team: '' }, focus: [] };
}

export function coachTurnView(t: TurnRow) {
  return {
    index: t.index,
    role: 'coach' as const,
    text: t.text,
    codes: t.coding?.codes ?? [],
    label: t.coding?.label ?? 'other',
    ...(t.feedback ? { feedback: { worked: t.feedback.worked, improve: t.feedback.improve, suggestion: t.feedback.suggestion, alternative: t.feedback.alternative } } : {}),
  };
}

export function partnerTurnView(t: TurnRow) {
  return { index: t.index, role: 'partner' as const, text: t.text, ...(t.status === 'pending' ? { pending: true } : {}) };
}

export function turnView(t: TurnRow) {
  return t.role === 'coach' ? coachTurnView(t) : partnerTurnView(t);
}

export function sessionView(s: SessionRow, turns: TurnRow[]) {
  return {
    id: s.id,
    status: s.status,
    scenario: scenarioView(s.scenarioId),
    drillId: s.drillId,
    startedAt: s.startedAt.toISOString(),
    endedAt: s.endedAt ? s.endedAt.toISOString() : null,
    versions: s.versions,
    turns: turns.map(turnView),
    ...(s.scorecard ? { scorecard: s.scorecard } : {}),
    ...(s.drillResult ? { drillResult: s.drillResult } : {}),
  };
}

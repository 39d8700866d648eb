/**
 * @module session-flow/view
 * What a learner may see of a session: the brief (never hidden layers), the visible transcript
 * with codes and feedback, the scorecard. Partner directives and scripted drafts stay server-side.
 */
import type { ReadableSession, VisibleSession, VisibleTurn } from '../store/sessions.js';
import { getPartnerCard, toBrief } from '../practice/scenarios/index.js';
import type { PartnerCard, ScenarioBrief } from '../practice/types.js';

/**
 * The brief of a session's scenario: the card the session started with when it is one of the
 * organisation's own (kept on the session), else the built-in card.
 */
export function scenarioView(
  scenarioId: string,
  startedWith?: PartnerCard | null,
): ScenarioBrief & { builtIn: boolean } {
  if (startedWith) return { ...toBrief(startedWith), builtIn: false };
  const card = getPartnerCard(scenarioId);
  if (card) return { ...toBrief(card), builtIn: true };
  return {
    id: scenarioId,
    title: 'Your organisation’s scenario',
    brief: '',
    difficulty: 'moderate',
    partner: { name: 'Partner', role: '', team: '' },
    focus: [],
    builtIn: false,
  };
}

export function coachTurnView(t: VisibleTurn) {
  return {
    index: t.index,
    role: 'coach' as const,
    text: t.text,
    codes: t.coding?.codes ?? [],
    label: t.coding?.label ?? 'other',
    ...(t.feedback
      ? {
          feedback: {
            worked: t.feedback.worked,
            improve: t.feedback.improve,
            suggestion: t.feedback.suggestion,
            alternative: t.feedback.alternative,
          },
        }
      : {}),
  };
}

export function partnerTurnView(t: VisibleTurn) {
  return {
    index: t.index,
    role: 'partner' as const,
    text: t.text,
    ...(t.status === 'pending' ? { pending: true } : {}),
  };
}

export function turnView(t: VisibleTurn) {
  return t.role === 'coach' ? coachTurnView(t) : partnerTurnView(t);
}

/** What a session view says before its turns: the same for a view built here and one spliced. */
function sessionHead(s: ReadableSession | VisibleSession) {
  return {
    id: s.id,
    status: s.status,
    scenario: scenarioView(s.scenarioId, s.scenarioCard),
    drillId: s.drillId,
    startedAt: s.startedAt.toISOString(),
    endedAt: s.endedAt ? s.endedAt.toISOString() : null,
    versions: s.versions,
  };
}

export function sessionView(s: VisibleSession, turns: VisibleTurn[]) {
  return {
    ...sessionHead(s),
    turns: turns.map(turnView),
    ...(s.scorecard ? { scorecard: s.scorecard } : {}),
    ...(s.drillResult ? { drillResult: s.drillResult } : {}),
  };
}

/**
 * `sessionView` as JSON text, for a read: the transcript (as `turnView` shows it) and the
 * scorecard come as JSON text from the database (store/sessions `readReadableSession`) and are
 * spliced in as they are, not parsed and serialised again (the largest part of a read's CPU).
 */
export function sessionViewJson(s: ReadableSession, turnsJson: string): string {
  const head = JSON.stringify(sessionHead(s));
  const scorecard = s.scorecardJson ? `,"scorecard":${s.scorecardJson}` : '';
  const drillResult = s.drillResult ? `,"drillResult":${JSON.stringify(s.drillResult)}` : '';
  return `${head.slice(0, -1)},"turns":${turnsJson}${scorecard}${drillResult}}`;
}

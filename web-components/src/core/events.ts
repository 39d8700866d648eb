/**
 * @module core/events
 * Every event a Sounding Board component fires, with its `detail`. All are prefixed `sb-`,
 * bubble and are composed, so a host LMS page can listen on `document` and react (record
 * completion, refresh a token, open a drill elsewhere).
 */
import type {
  Assignment,
  DrillSummary,
  Scorecard,
  Session,
  SessionTurn,
  TurnFeedback,
  TurnResult,
} from './api-types.js';

export interface SbEventMap {
  /** a practice session began (a scenario or a drill was opened) */
  'sb-session-started': { session: Session };
  /** the coach turn was stored and coded (the learner's text is safe on the server) */
  'sb-turn-coded': { sessionId: string; turn: SessionTurn };
  /** the partner's complete reply */
  'sb-partner-replied': { sessionId: string; reply: TurnResult['reply'] };
  /** per-turn feedback arrived (held back from view when `feedback="end"`) */
  'sb-feedback': { sessionId: string; turnIndex: number; feedback: TurnFeedback };
  /** the session ended; the scorecard is final */
  'sb-session-ended': { sessionId: string; scorecard: Scorecard };
  /** a request failed; the component shows the message and a retry */
  'sb-error': { message: string; status?: number; retryable: boolean };
  /** the token was rejected (401): set a fresh `token` and the learner can retry */
  'sb-auth-expired': { status: number };
  /** the learner asked to open an assigned drill; cancel it to open the drill yourself */
  'sb-drill-open': { assignment: Assignment; drillId: string };
  /** the learner asked to practise a drill from a scorecard ("Practise it", "Try the drill again") */
  'sb-drill-requested': { drillId: string; drill: DrillSummary | null };
  /** a facilitator assigned a drill */
  'sb-assignment-created': { drillId: string; cohortId: string; dueAt: string };
  /** a facilitator took a learner out of a cohort (the drills assigned through it went with them) */
  'sb-learner-removed': { cohortId: string; learnerId: string; cancelledAssignmentIds: string[] };
  /** a facilitator cancelled one learner's assignment; `cohortId` is the cohort in view (the assignment may have come through another cohort or directly) */
  'sb-assignment-cancelled': {
    assignmentId: string;
    learnerId: string;
    drillId: string | null;
    cohortId: string;
  };
}

export type SbEventName = keyof SbEventMap;

/** Each event as the DOM carries it: a CustomEvent with its detail. */
type SbCustomEvents = { [N in SbEventName]: CustomEvent<SbEventMap[N]> };

// `addEventListener('sb-feedback', e => e.detail.feedback)` types the detail: the DOM's map takes
// every event above, derived from SbEventMap so a new event is declared in one place
declare global {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- the members come from SbCustomEvents
  interface HTMLElementEventMap extends SbCustomEvents {}
}

/**
 * @module core/api-types
 * The shapes of the Sounding Board HTTP API as the components read them, taken from the types
 * generated from the OpenAPI document (`../api/openapi.d.ts`, `npm run api:types`): a route's
 * schema changes, the generated file changes, and a component that reads the old shape fails to
 * compile. Only what the components add themselves (a session's drill, an assembled streamed
 * turn) is written here. Type-only: nothing of this ends up in the bundle.
 */
import type { components, paths } from '../api/openapi.js';

type Schemas = components['schemas'];
type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

/**
 * The JSON body a route answers with on success (its 200 or 201).
 * @example type Drills = ApiJson<'/drills', 'get'>; // { drills: Drill[] }
 */
export type ApiJson<P extends keyof paths, M extends Method> = paths[P][M] extends {
  responses: infer R;
}
  ? R extends { 200: { content: { 'application/json': infer B } } }
    ? B
    : R extends { 201: { content: { 'application/json': infer B } } }
      ? B
      : never
  : never;

/** The JSON body a route takes. */
export type ApiBody<P extends keyof paths, M extends Method> = paths[P][M] extends {
  requestBody?: { content: { 'application/json': infer B } };
}
  ? B
  : never;

export type Scorecard = Schemas['Scorecard'];
export type SkillResult = Scorecard['skills'][number];
export type SkillId = SkillResult['skill'];
export type Level = SkillResult['level'];
export type TurnFeedback = Schemas['TurnFeedback'];
export type CoachCode = Schemas['CodedCoachTurn']['codes'][number];
export type ScenarioBrief = Schemas['Scenario'];

/** A problem+json body (RFC 9457); every field may be missing when a proxy, not the API, answered. */
export type ProblemBody = Partial<Schemas['Problem']>;

/** A drill as `GET /api/drills` lists it, or as an assignment carries it (without its pass rules). */
export type DrillSummary = Schemas['AssignedDrill'] &
  Partial<Pick<Schemas['Drill'], 'passLevels' | 'passChecks' | 'builtIn' | 'createdAt'>>;

/** A coded coach turn: its codes, its label and (once released) its feedback. */
export type CoachTurn = Schemas['CodedCoachTurn'];
type PartnerTurn = Extract<Schemas['Session']['turns'][number], { role: 'partner' }>;

/** One turn of a session transcript; coach turns carry their codes and (when released) feedback. */
export type SessionTurn =
  | (CoachTurn & { pending?: undefined })
  | (PartnerTurn & { codes?: undefined; label?: undefined; feedback?: undefined });

export type Session = Omit<Schemas['Session'], 'turns'> & {
  turns: SessionTurn[];
  /** filled in by the components once the drill is known (the API sends only `drillId`) */
  drill?: DrillSummary | null;
};

/** The answer to a coach turn; assembled from the streamed events it has no `reply.source`, and feedback only if sent. */
export interface TurnResult {
  turn: CoachTurn;
  reply: Pick<Schemas['TurnResult']['reply'], 'index' | 'text'>;
}

export type ProgressPoint = Schemas['ProgressPoint'];
export type SkillProgress = Schemas['SkillProgress'];

export type Assignment = Schemas['Assignment'];
export type AssignmentStatus = Assignment['status'];

/** A cohort as listed (`GET /api/cohorts`) or as its progress names it. */
export type Cohort = Schemas['CohortRef'] & Partial<Schemas['Cohort']>;

export type CohortLearner = Schemas['CohortLearnerProgress'];
/** every drill assigned to the learner, whichever way (`cohortId` null: assigned directly) */
export type CohortAssignment = CohortLearner['assignments'][number];

/** A learner a facilitator should look at, and why (`GET /api/cohorts/{id}/attention`). */
export type AttentionLearner = ApiJson<'/cohorts/{id}/attention', 'get'>['learners'][number];

type OwnSession = Schemas['SessionList']['sessions'][number];
/** A session in a list: the caller's own (`GET /api/sessions`) or a cohort learner's. */
export type SessionListItem =
  | (OwnSession & { scenarioId?: undefined; drillPassed?: undefined })
  | (Schemas['LearnerSession'] & { scenario?: undefined });

export type PartnershipView = Schemas['Partnership'];
export type PartnershipSeriesEntry = Schemas['PartnershipSeriesEntry'];
export type PairingProposal = Schemas['PairingProposal'];
export type ProgrammeReport = Schemas['ProgrammeReport'];

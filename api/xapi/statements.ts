/**
 * @module xapi/statements
 * The xAPI statements a finished session produces: `attempted` (when it started), `completed`
 * (when it ended), and `passed` or `failed` for a drill, each with the session grade and the
 * per-skill levels and scores as a result extension. The learner is identified by an account on
 * this server (never an email), and every statement of a session shares its id as the registration.
 */
import { isScored } from '../practice/standing/index.js';
import type { Scorecard } from '../practice/types.js';
import type { SessionGrade } from '../lti/session-grade.js';

export const XAPI_VERSION = '1.0.3';

export const VERBS = {
  attempted: { id: 'http://adlnet.gov/expapi/verbs/attempted', display: { 'en-US': 'attempted' } },
  completed: { id: 'http://adlnet.gov/expapi/verbs/completed', display: { 'en-US': 'completed' } },
  passed: { id: 'http://adlnet.gov/expapi/verbs/passed', display: { 'en-US': 'passed' } },
  failed: { id: 'http://adlnet.gov/expapi/verbs/failed', display: { 'en-US': 'failed' } },
  // Learning Partnership events (api/partnerships/statements.ts)
  agreed: { id: 'http://activitystrea.ms/schema/1.0/agree', display: { 'en-US': 'agreed' } },
  attended: { id: 'http://adlnet.gov/expapi/verbs/attended', display: { 'en-US': 'attended' } },
  committed: {
    id: 'https://w3id.org/xapi/dod-isd/verbs/committed',
    display: { 'en-US': 'committed to' },
  },
  progressed: {
    id: 'http://adlnet.gov/expapi/verbs/progressed',
    display: { 'en-US': 'progressed' },
  },
} as const;

export type VerbName = keyof typeof VERBS;

/** A statement as this tool writes it (a subset of the xAPI 1.0.3 Statement). */
export interface Statement {
  id: string;
  actor: { objectType: 'Agent'; name: string; account: { homePage: string; name: string } };
  verb: (typeof VERBS)[VerbName];
  object: {
    objectType: 'Activity';
    id: string;
    definition: {
      name: Record<string, string>;
      description?: Record<string, string>;
      type: string;
    };
  };
  result?: {
    score?: { scaled: number; raw: number; min: number; max: number };
    success?: boolean;
    completion?: boolean;
    extensions?: Record<string, unknown>;
  };
  context: {
    registration: string;
    platform: string;
    language: string;
    extensions?: Record<string, unknown>;
  };
  timestamp: string;
}

export interface SessionFacts {
  base: string;
  session: { id: string; startedAt: Date; endedAt: Date };
  person: { id: string; name: string };
  activity: { kind: 'drill' | 'scenario'; id: string; title: string; description?: string };
  scorecard: Pick<Scorecard, 'skills'>;
  grade: SessionGrade;
}

/** The statements of one ended session, in the order they happened. `newId` gives statement ids. */
export function sessionStatements(
  f: SessionFacts,
  newId: () => string = () => crypto.randomUUID(),
): Statement[] {
  const actor = {
    objectType: 'Agent' as const,
    name: f.person.name,
    account: { homePage: f.base, name: f.person.id },
  };
  const object = {
    objectType: 'Activity' as const,
    id: `${f.base}/xapi/activities/${f.activity.kind}/${encodeURIComponent(f.activity.id)}`,
    definition: {
      name: { 'en-US': f.activity.title },
      ...(f.activity.description ? { description: { 'en-US': f.activity.description } } : {}),
      type: 'http://adlnet.gov/expapi/activities/simulation',
    },
  };
  const context = { registration: f.session.id, platform: 'Sounding Board', language: 'en-US' };
  const skills = Object.fromEntries(
    f.scorecard.skills.map((s) => [
      s.skill,
      isScored(s) ? { level: s.level, score: s.score } : { status: 'not_enough_evidence' },
    ]),
  );
  const score = {
    scaled: f.grade.scaled,
    raw: f.grade.scoreGiven,
    min: 0,
    max: f.grade.scoreMaximum,
  };
  const results = {
    score,
    completion: true,
    extensions: { [`${f.base}/xapi/extensions/skills`]: skills },
  };

  const out: Statement[] = [
    {
      id: newId(),
      actor,
      verb: VERBS.attempted,
      object,
      context,
      timestamp: f.session.startedAt.toISOString(),
    },
    {
      id: newId(),
      actor,
      verb: VERBS.completed,
      object,
      result: results,
      context,
      timestamp: f.session.endedAt.toISOString(),
    },
  ];
  if (f.grade.passed !== null) {
    out.push({
      id: newId(),
      actor,
      verb: f.grade.passed ? VERBS.passed : VERBS.failed,
      object,
      result: { ...results, success: f.grade.passed },
      context,
      timestamp: f.session.endedAt.toISOString(),
    });
  }
  return out;
}

/** The verb's short name ("passed"), for the outbox listing. */
export function verbName(s: Pick<Statement, 'verb'>): VerbName {
  return (Object.keys(VERBS) as VerbName[]).find((k) => VERBS[k].id === s.verb.id)!;
}

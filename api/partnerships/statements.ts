/**
 * @module partnerships/statements
 * xAPI statements for Learning Partnership events: a partner confirming the agreement (`agreed`),
 * each partner attending a session (`attended`, with whether they coached), an action a coachee
 * commits to (`committed`) and an action followed up (`progressed`, with its status). Like the
 * practice statements, people are accounts on this server, never emails; the words of goals,
 * notes and actions stay out (an LRS is outside the pair), only their kind and status go.
 */
import { VERBS, type Statement } from '../xapi/statements.js';

export interface PartnershipEvent {
  base: string;
  partnershipId: string;
  at: Date;
}

const actorOf = (base: string, p: { id: string; name: string }) => ({
  objectType: 'Agent' as const,
  name: p.name,
  account: { homePage: base, name: p.id },
});
const activity = (base: string, kind: string, id: string, name: string) => ({
  objectType: 'Activity' as const,
  id: `${base}/xapi/activities/${kind}/${encodeURIComponent(id)}`,
  definition: { name: { 'en-GB': name }, type: 'http://adlnet.gov/expapi/activities/meeting' },
});
const context = (e: PartnershipEvent) => ({
  registration: e.partnershipId,
  platform: 'Sounding Board',
  language: 'en-GB',
});

/** A partner confirmed agreement version `version`. */
export function agreedStatement(
  e: PartnershipEvent,
  person: { id: string; name: string },
  version: number,
  newId: () => string = () => crypto.randomUUID(),
): Statement {
  return {
    id: newId(),
    actor: actorOf(e.base, person),
    verb: VERBS.agreed,
    object: activity(
      e.base,
      'partnership-agreement',
      e.partnershipId,
      'Learning Partnership agreement',
    ),
    result: { extensions: { [`${e.base}/xapi/extensions/agreement-version`]: version } },
    context: context(e),
    timestamp: e.at.toISOString(),
  };
}

/** Both partners attended a session; each statement says whether that partner coached. */
export function sessionStatements(
  e: PartnershipEvent,
  sessionId: string,
  coach: { id: string; name: string },
  coachee: { id: string; name: string },
  newId: () => string = () => crypto.randomUUID(),
): Statement[] {
  const object = activity(e.base, 'partnership-session', sessionId, 'Learning Partnership session');
  return [
    [coach, 'coach'],
    [coachee, 'coachee'],
  ].map(([p, role]) => ({
    id: newId(),
    actor: actorOf(e.base, p as { id: string; name: string }),
    verb: VERBS.attended,
    object,
    result: {
      completion: true,
      extensions: { [`${e.base}/xapi/extensions/partnership-role`]: role },
    },
    context: context(e),
    timestamp: e.at.toISOString(),
  }));
}

/** A coachee committed to an action, or an action was followed up with a status. */
export function actionStatement(
  e: PartnershipEvent,
  owner: { id: string; name: string },
  actionId: string,
  status: 'open' | 'done' | 'partly' | 'not_yet' | 'dropped',
  newId: () => string = () => crypto.randomUUID(),
): Statement {
  const followed = status !== 'open';
  return {
    id: newId(),
    actor: actorOf(e.base, owner),
    verb: followed ? VERBS.progressed : VERBS.committed,
    object: activity(e.base, 'partnership-action', actionId, 'Learning Partnership action'),
    ...(followed
      ? {
          result: {
            completion: status === 'done',
            extensions: { [`${e.base}/xapi/extensions/action-status`]: status },
          },
        }
      : {}),
    context: context(e),
    timestamp: e.at.toISOString(),
  };
}

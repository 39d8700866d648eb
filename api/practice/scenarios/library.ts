/**
 * @module practice/scenarios/library
 * The built-in scenario library: every partner card, looked up by id, and the learner-safe list.
 */
import type { PartnerCard, ScenarioBrief } from '../types.js';
import { toBrief } from './brief.js';
import { AVOIDING_DIFFICULT_FEEDBACK } from './cards/avoiding-difficult-feedback.js';
import { CAREER_CROSSROADS } from './cards/career-crossroads.js';
import { FRICTION_WITH_ANOTHER_TEAM } from './cards/friction-with-another-team.js';
import { HESITATING_TO_SPEAK_UP } from './cards/hesitating-to-speak-up.js';
import { NEW_MANAGER_OVERWHELMED } from './cards/new-manager-overwhelmed.js';
import { RETURNING_AFTER_LEAVE } from './cards/returning-after-leave.js';
import { SETBACK_AFTER_FAILED_PROJECT } from './cards/setback-after-failed-project.js';

/** All built-in cards, gentle first, so the list reads as a path from easy to hard. */
export const PARTNER_CARDS: readonly PartnerCard[] = [
  NEW_MANAGER_OVERWHELMED,
  RETURNING_AFTER_LEAVE,
  CAREER_CROSSROADS,
  HESITATING_TO_SPEAK_UP,
  AVOIDING_DIFFICULT_FEEDBACK,
  FRICTION_WITH_ANOTHER_TEAM,
  SETBACK_AFTER_FAILED_PROJECT,
];

const BY_ID = new Map(PARTNER_CARDS.map((card) => [card.id, card]));

/** What a learner may see of every scenario: never hidden layers or persona internals. */
export function listScenarios(): ScenarioBrief[] {
  return PARTNER_CARDS.map(toBrief);
}

/** The full card for the server (engine, LLM voice): undefined for an unknown id. */
export function getPartnerCard(id: string): PartnerCard | undefined {
  return BY_ID.get(id);
}

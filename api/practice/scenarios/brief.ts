/**
 * @module practice/scenarios/brief
 * The learner-safe view of a partner card. Built field by field (never by spreading the card and
 * deleting), so a field added to PartnerCard later stays server-side unless added here on purpose.
 */
import type { PartnerCard, ScenarioBrief } from '../types.js';

/** Strips everything hidden: persona internals, hidden layers and the scripted lines. */
export function toBrief(card: PartnerCard): ScenarioBrief {
  return {
    id: card.id,
    title: card.title,
    difficulty: card.difficulty,
    partner: { name: card.partner.name, role: card.partner.role, team: card.partner.team },
    brief: card.brief,
    focus: [...card.focus],
  };
}

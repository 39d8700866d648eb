/**
 * @module practice/partner/stage
 * Ordering of partner stages, so the rules can say "at least exploring" and "one step back".
 */
import { PARTNER_STAGES, type PartnerStage } from '../types.js';

/** Position of a stage in guarded -> opening_up -> exploring -> insight -> committing. */
export function stageIndex(stage: PartnerStage): number {
  return PARTNER_STAGES.indexOf(stage);
}

export function stageAtLeast(stage: PartnerStage, floor: PartnerStage): boolean {
  return stageIndex(stage) >= stageIndex(floor);
}

/** The stage one step back (guarded stays guarded). */
export function stepBack(stage: PartnerStage): PartnerStage {
  return PARTNER_STAGES[Math.max(0, stageIndex(stage) - 1)];
}

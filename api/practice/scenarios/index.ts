/**
 * @module practice/scenarios
 * Partner cards and drills as data: `listScenarios` for learners, `getPartnerCard` for the
 * server, `BUILT_IN_DRILLS` for facilitators.
 */
export { listScenarios, getPartnerCard, PARTNER_CARDS } from './library.js';
export { toBrief } from './brief.js';
export { BUILT_IN_DRILLS } from './drills.js';

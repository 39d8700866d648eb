/**
 * @module practice/scenarios
 * Partner cards and drills as data: `listScenarios` for learners, `getPartnerCard` for the
 * server, `BUILT_IN_DRILLS` for facilitators, and the scenario file format (`parseScenarioText`,
 * `parseScenarioObject`) that the built-in cards and an organisation's own are written in.
 */
export { listScenarios, getPartnerCard, PARTNER_CARDS } from './library.js';
export { toBrief } from './brief.js';
export { BUILT_IN_DRILLS } from './drills.js';
export { parseScenarioText, parseScenarioObject, type ParsedScenario } from './format/parse.js';
export { scenarioFigures } from './format/quality.js';

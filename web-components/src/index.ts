/**
 * @module web-components
 * The embed bundle's entry: importing it registers every Sounding Board element
 * (`sb-practice`, `sb-scorecard`, `sb-progress`, `sb-drills`, `sb-facilitator`, and for Learning
 * Partnerships `sb-partnership`, `sb-pairing`, `sb-programme-report`), each only once.
 */
export { SbPractice } from './components/sb-practice/sb-practice.js';
export { SbScorecard } from './components/sb-scorecard/sb-scorecard.js';
export { SbProgress } from './components/sb-progress/sb-progress.js';
export { SbDrills } from './components/sb-drills/sb-drills.js';
export { SbFacilitator } from './components/sb-facilitator/sb-facilitator.js';
export { SbPartnership } from './components/sb-partnership/sb-partnership.js';
export { SbPairing } from './components/sb-pairing/sb-pairing.js';
export { SbProgrammeReport } from './components/sb-programme-report/sb-programme-report.js';
export { ApiClient } from './core/api-client.js';
export { ApiProblem, NetworkError, SbError, TimeoutError } from './core/problem.js';
export type { SbEventMap, SbEventName } from './core/events.js';

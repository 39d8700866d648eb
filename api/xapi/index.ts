/**
 * @module xapi
 * xAPI (optional per organisation): statements for attempted/completed/passed/failed with
 * per-skill results, queued and sent to the organisation's LRS with retries.
 */
export { VERBS, type Statement } from './statements.js';
export { findLrs, saveLrs, deleteLrs, type LrsRow } from './lrs.store.js';
export {
  deliverDueStatements,
  enqueueStatements,
  listStatements,
  retryStatements,
  type StatementRow,
} from './statement-outbox.js';
export { xapiStatements } from './session-statements.js';

/**
 * @module xapi
 * xAPI (optional per organisation): statements for attempted/completed/passed/failed with
 * per-skill results, queued and sent to the organisation's LRS with retries.
 */
export { sessionStatements, verbName, VERBS, XAPI_VERSION, type Statement, type SessionFacts } from './statements.js';
export { findLrs, saveLrs, deleteLrs, lrsPassword, type LrsRow } from './lrs.store.js';
export { deliverDueStatements, enqueueStatements, listStatements, retryStatements, statementsUrl, type StatementRow } from './statement-outbox.js';
export { xapiStatements, drainStatements } from './session-statements.js';

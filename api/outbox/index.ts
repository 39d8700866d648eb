/**
 * @module outbox
 * The delivery mechanism the LMS grade and xAPI statement outboxes share: claim with a lease,
 * attempts counted at the claim, retry with backoff, give-up, lease expiry.
 */
export { afterFailure, BACKOFF_BASE_MS, BACKOFF_CAP_MS, MAX_ATTEMPTS, retryableStatus, retryDelayMs, type AfterFailure } from './backoff.js';
export { drainOutbox, type DeliveryReport, type DrainOutboxOptions, type Outbox } from './drain.js';
export { OUTBOX_STATUSES, type OutboxStatus } from '../db/schema/lti.js';
export { LEASE_MS, requeue, unansweredError, type DeliveryState, type OutboxTable, type RowOf } from './lease.js';

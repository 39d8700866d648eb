/**
 * @module outbox
 * The delivery mechanism the LMS grade and xAPI statement outboxes share: claim with a lease,
 * attempts counted at the claim, retry with backoff, give-up, lease expiry.
 */
export { MAX_ATTEMPTS, retryableStatus } from './backoff.js';
export { drainOutbox, type DeliverDueOptions, type DeliveryReport, type Outbox } from './drain.js';
export { OUTBOX_STATUSES } from '../db/schema/lti.js';
export { LEASE_MS, requeue } from './lease.js';
export { listOutbox } from './listing.js';

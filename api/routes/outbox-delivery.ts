/**
 * @module routes/outbox-delivery
 * The delivery fields both outboxes show (LTI grades under `/api/lti/grades`, xAPI statements
 * under `/api/xapi/statements`), described once so the OpenAPI document says the same about
 * both: in particular that an attempt is counted when a delivery run claims the row, so a row
 * reads `attempts: 1` while its first delivery is still in flight (api/outbox/lease).
 */
import { z } from '@hono/zod-openapi';
import { MAX_ATTEMPTS, OUTBOX_STATUSES } from '../outbox/index.js';

export const DeliveryStatus = z.enum(OUTBOX_STATUSES).openapi({
  description:
    '`pending`: waiting for its next attempt, or being delivered right now; `sent`: delivered (`sentAt` says when); ' +
    `\`failed\`: given up, after a failure that retrying cannot fix, after ${MAX_ATTEMPTS} attempts, or when its last attempt never reported back. ` +
    'Sending it again makes it `pending`.',
});

export const DeliveryAttempts = z
  .number()
  .int()
  .openapi({
    description:
      'Delivery attempts so far, the one in flight included: an attempt is counted when a delivery run claims the row, before anything is sent, ' +
      'so a row reads 1 while its first delivery is still in flight, and a run cut off before reporting back has still spent its attempt. ' +
      `A failure that can be retried is given up after ${MAX_ATTEMPTS} attempts. Sending a row again does not reset it.`,
  });

export const DeliveryLastError = z.string().nullable().openapi({
  description:
    'Why the latest failed attempt failed (kept while the row waits to be tried again) or why the row was given up; null before any attempt failed and once the row is sent.',
});

export const NextAttemptAt = z
  .string()
  .nullable()
  .openapi({
    description:
      'When a `pending` row is next due: at once for a new or resent row, the backoff time after a failed attempt, ' +
      'and while a delivery is in flight the end of its lease (when the row becomes due again should that run never report back). Null unless `pending`.',
  });

/**
 * @module test/access/caller-statuses
 * The status each caller gets, for the usual kinds of route, and the reasons a row gives for
 * checking no other organisation's objects: shared by every file of access rows (route-table.ts,
 * partnership-rows.ts, test/lti/support/access-rows.ts) so a kind of route reads the same in all.
 */
import type { CallerKey } from './route-table.js';

/** every caller, signed in or not, gets `s` */
export const all = (s: number | number[]): Record<CallerKey, number | number[]> => ({
  none: s,
  learner: s,
  learner2: s,
  facilitator: s,
  admin: s,
  otherOrgFacilitator: s,
});

/** any signed-in caller may use it */
export const signedIn = (ok: number) => ({
  none: 401,
  learner: ok,
  learner2: ok,
  facilitator: ok,
  admin: ok,
  otherOrgFacilitator: ok,
});

/** staff only; `other` is what the other organisation's facilitator gets (404 when the request names our objects) */
export const staff = (ok: number, other = 404) => ({
  none: 401,
  learner: 403,
  learner2: 403,
  facilitator: ok,
  admin: ok,
  otherOrgFacilitator: other,
});

/** the organisation's admin only */
export const adminOnly = (ok: number | number[]) => ({
  none: 401,
  learner: 403,
  learner2: 403,
  facilitator: 403,
  admin: ok,
  otherOrgFacilitator: 403,
});

/** `crossOrg` of a route that names no object, so there is no other organisation's to name */
export const noIds = { none: 'the route names no object' };

/**
 * The demo admin runs no cohort, so as a facilitator it reaches no cohort's objects (404).
 */
export const runsNoCohort = { narrowed: { adminAsFacilitator: 404 } };

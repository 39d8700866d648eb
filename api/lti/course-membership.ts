/**
 * @module lti/course-membership
 * What a launch may change about the person, under the same rules as the people API
 * (docs/facilitators.md sections 6 and 7). Sounding Board roles belong to the organisation, not to
 * one course, so the LMS role decides the role of a new account and after that the stored role
 * wins, except for the one change an admin could make without other steps:
 * - a learner in no cohort who launches as an instructor becomes a facilitator; a learner still
 *   in a cohort stays a learner (promoting them would open their cohort-mates' transcripts to
 *   them, which is why `PATCH /api/people/{id}` refuses it), and the launch says so;
 * - the person joins the course's cohort only when the LMS role and their role agree (a learner
 *   as a learner, a facilitator as a facilitator). An admin is never a member (they manage every
 *   cohort), a facilitator opening a student link is not listed among the course's learners, and
 *   someone a facilitator or admin took out of the cohort is not put back (store/removals).
 * The cohort and then the person row are locked for the whole decision, in the order every
 * membership change and role change takes them (store/locks), so none of them slips in between.
 */
import { and, eq } from 'drizzle-orm';
import type { Database } from '../db/index.js';
import { cohortMembers, people, type Role } from '../db/schema/index.js';
import { cohortsOf, membershipIn } from '../store/cohorts.js';
import { lockCohort, lockPeople } from '../store/locks.js';
import { removedFrom } from '../store/removals.js';
import { LaunchError } from './launch-error.js';
import type { LaunchRole } from './roles.js';

/** Why a launch did less than the LMS role asked for: shown on the page and logged. */
export type HeldBack =
  /** a learner launched as an instructor while still in cohorts: their role stays learner */
  | { kind: 'role_kept'; cohorts: number }
  /** they were taken out of the course's cohort: the launch does not put them back */
  | { kind: 'removed' };

export interface CoursePlace {
  /** the person's role after the launch */
  role: Role;
  /** the course's cohort, null when the launch had no course (or the cohort was deleted meanwhile) */
  cohortId: string | null;
  /** the page to open: the facilitator view only for someone who may use it on this course */
  view: LaunchRole;
  heldBack: HeldBack | null;
}

/**
 * Applies the launch to the person's role and course membership, in one transaction.
 * @example await placeInCourse(db, orgId, personId, cohortId, 'facilitator') // { role: 'facilitator', view: 'facilitator', heldBack: null, ... }
 */
export async function placeInCourse(
  db: Database,
  orgId: string,
  personId: string,
  courseCohortId: string | null,
  lmsRole: LaunchRole,
): Promise<CoursePlace> {
  return db.transaction(async (tx) => {
    const t = tx as unknown as Database;
    const cohortId =
      courseCohortId && (await lockCohort(t, orgId, courseCohortId, 'share'))
        ? courseCohortId
        : null;
    const [person] = await lockPeople(t, orgId, [personId], 'update');
    // deleted by an admin between finding and locking them: the next launch makes a new account
    if (!person) throw new LaunchError('state', 401, 'the account was deleted during the launch');
    let role = person.role;
    let heldBack: HeldBack | null = null;
    if (lmsRole === 'facilitator' && role === 'learner') {
      const cohorts = (await cohortsOf(t, orgId, personId)).length;
      if (cohorts === 0)
        role = (
          await t
            .update(people)
            .set({ role: 'facilitator' })
            .where(and(eq(people.orgId, orgId), eq(people.id, personId)))
            .returning()
        )[0].role;
      else heldBack = { kind: 'role_kept', cohorts };
    }
    let membership = cohortId ? await membershipIn(t, orgId, cohortId, personId) : null;
    if (cohortId && !membership && role === lmsRole) {
      if ((await removedFrom(t, orgId, cohortId, [personId])).length)
        heldBack = { kind: 'removed' };
      else
        membership = (
          await t
            .insert(cohortMembers)
            .values({ cohortId, personId, orgId, role: lmsRole })
            .returning()
        )[0].role;
    }
    // the facilitator view of a course needs a token that can read its cohort
    const mayFacilitate =
      role === 'admin' ||
      (role === 'facilitator' && (cohortId === null || membership === 'facilitator'));
    return {
      role,
      cohortId,
      view: lmsRole === 'facilitator' && mayFacilitate ? 'facilitator' : 'learner',
      heldBack,
    };
  });
}

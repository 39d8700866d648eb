/**
 * @module store/locks
 * Row locks that put concurrent changes to cohorts, memberships and roles one after the other.
 * Every path that adds, removes or assigns through a membership takes them in the same order:
 * the cohort row first, then the people rows in id order. Deleting a cohort locks its row for
 * update, so it waits for (or is waited for by) anything writing through that cohort; a role
 * change locks the person for update (`lockForChange`), so it waits for (or is waited for by) a
 * membership being added. Without them a cohort deleted mid-request surfaced as a foreign-key
 * 500, and a learner added to a cohort while being promoted slipped past the no-cohorts rule.
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Database } from '../db/index.js';
import { cohorts, people } from '../db/schema/index.js';

type Strength = 'share' | 'update';

/**
 * Locks the cohort row inside the caller's transaction; false when it no longer exists (deleted
 * by a request that committed first). `share` for writes through the cohort, `update` to delete it.
 */
export async function lockCohort(
  tx: Database,
  orgId: string,
  cohortId: string,
  strength: Strength,
): Promise<boolean> {
  const rows = await tx
    .select({ id: cohorts.id })
    .from(cohorts)
    .where(and(eq(cohorts.orgId, orgId), eq(cohorts.id, cohortId)))
    .for(strength);
  return rows.length > 0;
}

/**
 * Locks these people's rows in id order (two requests locking overlapping sets cannot deadlock)
 * and returns them with the role they hold now, which is what a membership must agree with.
 * People deleted meanwhile are missing from the answer.
 */
export async function lockPeople(
  tx: Database,
  orgId: string,
  personIds: string[],
  strength: Strength,
) {
  if (personIds.length === 0) return [];
  return tx
    .select({ id: people.id, name: people.name, role: people.role })
    .from(people)
    .where(and(eq(people.orgId, orgId), inArray(people.id, personIds)))
    .orderBy(asc(people.id))
    .for(strength);
}

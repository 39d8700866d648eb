/**
 * @module store/removals
 * Removal markers: who a facilitator or admin took out of which cohort. They exist so that an
 * automatic path (an LMS launch from the cohort's course) does not quietly put the person back,
 * and so that the facilitator who runs the cohort can undo a removal. Adding the person back
 * through the API clears the marker; it goes with the cohort or the person (cascades).
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { Database } from '../db/index.js';
import { cohortRemovals, people } from '../db/schema/index.js';

/** Remembers that `personId` was taken out of the cohort (a second removal keeps the first date). */
export async function recordRemoval(
  tx: Database,
  orgId: string,
  cohortId: string,
  personId: string,
) {
  await tx.insert(cohortRemovals).values({ orgId, cohortId, personId }).onConflictDoNothing();
}

/** Forgets the removals of these people from the cohort: they are back on purpose. */
export async function clearRemovals(
  tx: Database,
  orgId: string,
  cohortId: string,
  personIds: string[],
) {
  if (personIds.length === 0) return;
  await tx
    .delete(cohortRemovals)
    .where(
      and(
        eq(cohortRemovals.orgId, orgId),
        eq(cohortRemovals.cohortId, cohortId),
        inArray(cohortRemovals.personId, personIds),
      ),
    );
}

/** Of `personIds`, those taken out of the cohort and not added back since, with their current role. */
export async function removedFrom(
  db: Database,
  orgId: string,
  cohortId: string,
  personIds: string[],
) {
  if (personIds.length === 0) return [];
  return db
    .select({ id: people.id, name: people.name, email: people.email, role: people.role })
    .from(cohortRemovals)
    .innerJoin(people, eq(people.id, cohortRemovals.personId))
    .where(
      and(
        eq(cohortRemovals.orgId, orgId),
        eq(cohortRemovals.cohortId, cohortId),
        inArray(cohortRemovals.personId, personIds),
      ),
    );
}

/**
 * @module store/roles
 * Changing a person's role. A role changes only for someone in no cohort: a cohort membership
 * means "practises here" for a learner and "runs this" for a facilitator (admins are not members),
 * so a changed role would leave a membership that means the wrong thing, and could silently give
 * a promoted learner their cohort-mates' transcripts. The caller is told which cohorts to clear.
 */
import { and, eq } from 'drizzle-orm';
import type { Database } from '../db/index.js';
import { people, type Role } from '../db/schema/index.js';
import { StoreError } from './errors.js';
import { lockForChange } from './admins.js';
import { cohortsOf } from './cohorts.js';

/** Sets `personId`'s role on behalf of the admin `by`; null when the person is not in the organisation. */
export async function changeRole(
  db: Database,
  orgId: string,
  personId: string,
  role: Role,
  by: string,
) {
  return db.transaction(async (tx) => {
    const t = tx as unknown as Database;
    const person = await lockForChange(t, orgId, personId, { by, nextRole: role });
    if (!person || person.role === role) return person;
    const memberOf = await cohortsOf(t, orgId, personId);
    if (memberOf.length) {
      const how = person.role === 'facilitator' ? 'still runs' : 'is still a learner in';
      throw StoreError.conflict(
        `${person.name} ${how} ${memberOf.length} cohort${memberOf.length === 1 ? '' : 's'}; take them off (DELETE /api/cohorts/{id}/members/{personId}) before changing their role. Their sessions and progress stay theirs.`,
        { cohorts: memberOf.map(({ id, name }) => ({ id, name })) },
      );
    }
    const [row] = await t
      .update(people)
      .set({ role })
      .where(and(eq(people.orgId, orgId), eq(people.id, personId)))
      .returning();
    return row;
  });
}

/**
 * @module store/admins
 * An organisation always keeps at least one admin: the check every deletion and role change of a
 * person runs inside its transaction before it writes.
 */
import { and, asc, eq } from 'drizzle-orm';
import type { Database } from '../db/index.js';
import { people, type Role } from '../db/schema/index.js';
import { StoreError } from './errors.js';

/**
 * Locks the organisation's admins and then the person about to be deleted or changed, and returns
 * that person (null when they are not in the organisation). Refuses with 409 when the change would
 * leave the organisation without an admin, and with 403 when `by` (the admin acting) is no longer
 * an admin. The admin rows are locked first and in id order, so two admins removing each other at
 * the same moment run one after the other (no deadlock), and the second sees the first's change.
 */
export async function lockForChange(
  tx: Database,
  orgId: string,
  personId: string,
  opts: { by?: string; nextRole: Role | null },
) {
  const admins = await tx
    .select({ id: people.id })
    .from(people)
    .where(and(eq(people.orgId, orgId), eq(people.role, 'admin')))
    .orderBy(asc(people.id))
    .for('update');
  if (opts.by && !admins.some((a) => a.id === opts.by))
    throw StoreError.forbidden('This needs one of the roles: admin.');
  const [person] = await tx
    .select()
    .from(people)
    .where(and(eq(people.orgId, orgId), eq(people.id, personId)))
    .for('update');
  if (!person) return null;
  const losesAdmin = person.role === 'admin' && opts.nextRole !== 'admin';
  // only the last admin themselves can get here: an acting admin `by` is one of `admins`
  if (losesAdmin && admins.every((a) => a.id === personId))
    throw StoreError.conflict(
      'You are the last admin of this organisation; make someone else an admin first.',
    );
  return person;
}

/**
 * @module lti/drill-choices
 * The drills an instructor can link from the deep-linking picker: the organisation's own and its
 * seeded built-in drills, by title.
 */
import { asc, eq } from 'drizzle-orm';
import type { Database } from '../db/index.js';
import { drills } from '../db/schema/index.js';

export async function listOrgDrills(
  db: Database,
  orgId: string,
): Promise<{ id: string; title: string; description: string }[]> {
  const rows = await db
    .select()
    .from(drills)
    .where(eq(drills.orgId, orgId))
    .orderBy(asc(drills.title));
  return rows.map((r) => ({ id: r.id, title: r.title, description: r.spec.description ?? '' }));
}

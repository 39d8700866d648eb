/**
 * @module store/drills-catalogue
 * Listing and creating an organisation's drills (reading one for a session is `store/drills`).
 */
import { asc, eq } from 'drizzle-orm';
import type { Caller } from '../auth/index.js';
import type { Database } from '../db/index.js';
import { drills } from '../db/schema/index.js';
import type { DrillSpec } from '../practice/types.js';
import { drillSpecOf, findDrill, type DrillRow } from './drills.js';

export { findDrill };

export async function listDrills(db: Database, orgId: string) {
  return db
    .select()
    .from(drills)
    .where(eq(drills.orgId, orgId))
    .orderBy(asc(drills.createdAt), asc(drills.title));
}

export async function createDrill(db: Database, caller: Caller, d: Omit<DrillSpec, 'id'>) {
  const { title, scenarioId, ...rest } = d;
  const [row] = await db
    .insert(drills)
    .values({
      orgId: caller.orgId,
      title,
      scenarioId,
      spec: { title, scenarioId, ...rest },
      createdBy: caller.personId,
    })
    .returning();
  return row;
}

/** The public shape of a drill. */
export function drillView(row: DrillRow) {
  const spec = drillSpecOf(row);
  return {
    id: spec.id,
    title: spec.title,
    scenarioId: spec.scenarioId,
    focus: spec.focus,
    description: spec.description,
    passLevels: spec.passLevels ?? {},
    passChecks: spec.passChecks ?? [],
    ...(spec.constraints ? { constraints: spec.constraints } : {}),
    builtIn: row.builtInKey !== null,
    createdAt: row.createdAt.toISOString(),
  };
}

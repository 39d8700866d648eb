/**
 * @module store/drills
 * Drills live per organisation: the built-in drills are seeded into each organisation so that
 * facilitators can assign them like their own.
 */
import { and, eq } from 'drizzle-orm';
import type { Database } from '../db/index.js';
import { drills } from '../db/schema/index.js';
import { BUILT_IN_DRILLS } from '../practice/scenarios/index.js';
import type { DrillSpec } from '../practice/types.js';

export type DrillRow = typeof drills.$inferSelect;

/** A stored drill as the domain's DrillSpec (its id is the row id). */
export function drillSpecOf(
  row: Pick<DrillRow, 'spec' | 'id' | 'title' | 'scenarioId'>,
): DrillSpec {
  return { ...row.spec, id: row.id, title: row.title, scenarioId: row.scenarioId };
}

export async function ensureBuiltInDrills(db: Database, orgId: string) {
  for (const d of BUILT_IN_DRILLS) {
    const { id, ...spec } = d;
    await db
      .insert(drills)
      .values({ orgId, builtInKey: id, title: d.title, scenarioId: d.scenarioId, spec })
      .onConflictDoNothing();
  }
}

export async function findDrill(db: Database, orgId: string, drillId: string) {
  const [row] = await db
    .select()
    .from(drills)
    .where(and(eq(drills.orgId, orgId), eq(drills.id, drillId)))
    .limit(1);
  return row ?? null;
}

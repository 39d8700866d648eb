/**
 * @module store/placement
 * A person's department, line manager and pairing wishes, read and written inside one organisation.
 */
import { and, eq } from 'drizzle-orm';
import type { Database } from '../db/index.js';
import { people, type PairingPreferences } from '../db/schema/index.js';

export async function findPlacement(db: Database, orgId: string, personId: string) {
  const [row] = await db
    .select({ id: people.id, department: people.department, lineManagerId: people.lineManagerId })
    .from(people)
    .where(and(eq(people.orgId, orgId), eq(people.id, personId)));
  return row ?? null;
}

export async function savePlacement(
  db: Database,
  orgId: string,
  personId: string,
  p: { department: string | null; lineManagerId?: string | null },
) {
  const [row] = await db
    .update(people)
    .set({
      department: p.department,
      ...(p.lineManagerId !== undefined ? { lineManagerId: p.lineManagerId } : {}),
    })
    .where(and(eq(people.orgId, orgId), eq(people.id, personId)))
    .returning({
      id: people.id,
      department: people.department,
      lineManagerId: people.lineManagerId,
    });
  return row ?? null;
}

export async function savePairingPreferences(
  db: Database,
  orgId: string,
  personId: string,
  prefs: PairingPreferences,
) {
  const [row] = await db
    .update(people)
    .set({ pairingPreferences: prefs })
    .where(and(eq(people.orgId, orgId), eq(people.id, personId)))
    .returning({ prefs: people.pairingPreferences });
  return row?.prefs ?? null;
}

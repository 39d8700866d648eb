/**
 * @module store/people
 * Organisations and people: look-ups always scoped by organisation.
 */
import { and, eq } from 'drizzle-orm';
import type { Database } from '../db/index.js';
import { organisations, people, type Role } from '../db/schema/index.js';

export async function findPerson(db: Database, orgId: string, personId: string) {
  const [row] = await db
    .select()
    .from(people)
    .where(and(eq(people.orgId, orgId), eq(people.id, personId)))
    .limit(1);
  return row ?? null;
}

export async function findPersonByEmail(db: Database, orgId: string, email: string) {
  const [row] = await db
    .select()
    .from(people)
    .where(and(eq(people.orgId, orgId), eq(people.email, email.toLowerCase())))
    .limit(1);
  return row ?? null;
}

export async function createOrganisation(db: Database, name: string, slug: string) {
  const [row] = await db
    .insert(organisations)
    .values({ name, slug })
    .onConflictDoNothing()
    .returning();
  if (row) return row;
  const [existing] = await db.select().from(organisations).where(eq(organisations.slug, slug));
  return existing;
}

export async function upsertPerson(
  db: Database,
  orgId: string,
  p: { name: string; email: string; role: Role },
) {
  const email = p.email.toLowerCase();
  const [row] = await db
    .insert(people)
    .values({ orgId, name: p.name, email, role: p.role })
    .onConflictDoNothing()
    .returning();
  return row ?? (await findPersonByEmail(db, orgId, email))!;
}

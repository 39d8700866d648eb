/**
 * @module demo/seed
 * Demo data, seeded once and idempotently: two organisations (so access control can be tried),
 * a learner pair, a facilitator and an admin, and the built-in drills in each organisation; in each,
 * a cohort run by its facilitator with a drill assigned to its learners. Northwind's facilitator runs a
 * second cohort across five departments (demo/partnership-seed), and everyone has a department.
 */
import { and, eq } from 'drizzle-orm';
import type { Database } from '../db/index.js';
import {
  assignments,
  cohortMembers,
  cohorts,
  drills,
  organisations,
  people,
} from '../db/schema/index.js';
import { ensureBuiltInDrills } from '../store/drills.js';
import { createOrganisation, upsertPerson } from '../store/people.js';
import { seedDepartments, seedSecondCohort } from './partnership-seed.js';

export const DEMO_ORG = { name: 'Northwind Health', slug: 'northwind-demo' };
export const OTHER_ORG = { name: 'Contoso Logistics', slug: 'contoso-demo' };

export const DEMO_PEOPLE = {
  learner: { name: 'Alex Rivera', email: 'alex@northwind.example', role: 'learner' },
  learner2: { name: 'Sam Okafor', email: 'sam@northwind.example', role: 'learner' },
  facilitator: { name: 'Fran Mills', email: 'fran@northwind.example', role: 'facilitator' },
  admin: { name: 'Ada Lindqvist', email: 'ada@northwind.example', role: 'admin' },
  otherOrgFacilitator: { name: 'Olu Bello', email: 'olu@contoso.example', role: 'facilitator' },
  otherOrgLearner: { name: 'Lee Chen', email: 'lee@contoso.example', role: 'learner' },
} as const;

export type DemoKey = keyof typeof DEMO_PEOPLE;
export type DemoPeople = Record<
  DemoKey,
  { id: string; orgId: string; role: 'learner' | 'facilitator' | 'admin' }
>;

/** Seeds the demo organisations and people if missing; returns their ids. Safe to call on every start. */
export async function seedDemo(db: Database): Promise<DemoPeople> {
  const demo = await createOrganisation(db, DEMO_ORG.name, DEMO_ORG.slug);
  const other = await createOrganisation(db, OTHER_ORG.name, OTHER_ORG.slug);
  const out = {} as DemoPeople;
  for (const [key, p] of Object.entries(DEMO_PEOPLE) as [
    DemoKey,
    (typeof DEMO_PEOPLE)[DemoKey],
  ][]) {
    const org = key.startsWith('otherOrg') ? other : demo;
    const row = await upsertPerson(db, org.id, p);
    out[key] = { id: row.id, orgId: org.id, role: row.role };
  }
  await ensureBuiltInDrills(db, demo.id);
  await ensureBuiltInDrills(db, other.id);
  await seedDemoProgramme(db, demo.id, DEMO_COHORT, out.facilitator.id, [
    out.learner.id,
    out.learner2.id,
  ]);
  await seedDemoProgramme(db, other.id, OTHER_COHORT, out.otherOrgFacilitator.id, [
    out.otherOrgLearner.id,
  ]);
  // Learning Partnerships: departments, and a second cohort of the facilitator with learners ready to pair
  await seedDepartments(db, [demo.id, other.id]);
  await seedSecondCohort(db, demo.id, out.facilitator.id);
  return out;
}

export const DEMO_COHORT = { name: 'Spring Learning Partners', drill: 'reflect-before-asking' };
export const OTHER_COHORT = { name: 'Contoso Pilot', drill: 'hold-back-the-advice' };
const DEMO_DUE_DAYS = 14;

/**
 * A cohort run by the facilitator with the learners in it and one drill assigned to them, due two
 * weeks after the first start. Every insert skips what exists, so restarts change nothing.
 */
async function seedDemoProgramme(
  db: Database,
  orgId: string,
  spec: { name: string; drill: string },
  facilitatorId: string,
  learnerIds: string[],
) {
  await db
    .insert(cohorts)
    .values({
      orgId,
      name: spec.name,
      description: 'Demo cohort preparing to start Learning Partnerships.',
      createdBy: facilitatorId,
    })
    .onConflictDoNothing();
  const [cohort] = await db
    .select()
    .from(cohorts)
    .where(and(eq(cohorts.orgId, orgId), eq(cohorts.name, spec.name)));
  await db
    .insert(cohortMembers)
    .values([
      { cohortId: cohort.id, personId: facilitatorId, orgId, role: 'facilitator' as const },
      ...learnerIds.map((personId) => ({
        cohortId: cohort.id,
        personId,
        orgId,
        role: 'learner' as const,
      })),
    ])
    .onConflictDoNothing();
  const [drill] = await db
    .select()
    .from(drills)
    .where(and(eq(drills.orgId, orgId), eq(drills.builtInKey, spec.drill)));
  if (!drill) return;
  const dueAt = new Date(cohort.createdAt.getTime() + DEMO_DUE_DAYS * 24 * 3600 * 1000);
  await db
    .insert(assignments)
    .values(
      learnerIds.map((personId) => ({
        orgId,
        drillId: drill.id,
        personId,
        cohortId: cohort.id,
        dueAt,
        assignedBy: facilitatorId,
      })),
    )
    .onConflictDoNothing();
}

/** The demo people if the demo has been seeded, else null. */
export async function findDemoPeople(db: Database): Promise<DemoPeople | null> {
  const orgs = await db.select().from(organisations);
  const demo = orgs.find((o) => o.slug === DEMO_ORG.slug);
  const other = orgs.find((o) => o.slug === OTHER_ORG.slug);
  if (!demo || !other) return null;
  const rows = [
    ...(await db.select().from(people).where(eq(people.orgId, demo.id))),
    ...(await db.select().from(people).where(eq(people.orgId, other.id))),
  ];
  const out = {} as DemoPeople;
  for (const [key, p] of Object.entries(DEMO_PEOPLE) as [
    DemoKey,
    (typeof DEMO_PEOPLE)[DemoKey],
  ][]) {
    const row = rows.find((r) => r.email === p.email);
    if (!row) return null;
    out[key] = { id: row.id, orgId: row.orgId, role: row.role };
  }
  return out;
}

/**
 * @module demo/seed
 * Demo data, seeded once and idempotently: two organisations (so access control can be tried),
 * a learner pair, a facilitator and an admin, and the built-in drills in each organisation.
 */
import { eq } from 'drizzle-orm';
import type { Database } from '../db/index.js';
import { organisations, people } from '../db/schema/index.js';
import { ensureBuiltInDrills } from '../store/drills.js';
import { createOrganisation, upsertPerson } from '../store/people.js';

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
export type DemoPeople = Record<DemoKey, { id: string; orgId: string; role: 'learner' | 'facilitator' | 'admin' }>;

/** Seeds the demo organisations and people if missing; returns their ids. Safe to call on every start. */
export async function seedDemo(db: Database): Promise<DemoPeople> {
  const demo = await createOrganisation(db, DEMO_ORG.name, DEMO_ORG.slug);
  const other = await createOrganisation(db, OTHER_ORG.name, OTHER_ORG.slug);
  const out = {} as DemoPeople;
  for (const [key, p] of Object.entries(DEMO_PEOPLE) as [DemoKey, (typeof DEMO_PEOPLE)[DemoKey]][]) {
    const org = key.startsWith('otherOrg') ? other : demo;
    const row = await upsertPerson(db, org.id, p);
    out[key] = { id: row.id, orgId: org.id, role: row.role };
  }
  await ensureBuiltInDrills(db, demo.id);
  await ensureBuiltInDrills(db, other.id);
  return out;
}

/** The demo people if the demo has been seeded, else null. */
export async function findDemoPeople(db: Database): Promise<DemoPeople | null> {
  const orgs = await db.select().from(organisations);
  const demo = orgs.find((o) => o.slug === DEMO_ORG.slug);
  const other = orgs.find((o) => o.slug === OTHER_ORG.slug);
  if (!demo || !other) return null;
  const rows = [...(await db.select().from(people).where(eq(people.orgId, demo.id))), ...(await db.select().from(people).where(eq(people.orgId, other.id)))];
  const out = {} as DemoPeople;
  for (const [key, p] of Object.entries(DEMO_PEOPLE) as [DemoKey, (typeof DEMO_PEOPLE)[DemoKey]][]) {
    const row = rows.find((r) => r.email === p.email);
    if (!row) return null;
    out[key] = { id: row.id, orgId: row.orgId, role: row.role };
  }
  return out;
}

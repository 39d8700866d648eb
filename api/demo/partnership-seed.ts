/**
 * @module demo/partnership-seed
 * Demo data for Learning Partnerships: where the demo people work (departments, a line manager),
 * and a second cohort of the demo facilitator, "Summer Learning Partners", whose learners come from
 * five departments, most of them ready to partner (each with three practice sessions on record, so
 * readiness and skill profiles are computed as for anyone). Idempotent: only what is missing is added.
 */
import { and, eq, isNull } from 'drizzle-orm';
import type { Database } from '../db/index.js';
import { cohortMembers, cohorts, people, sessions, skillResults } from '../db/schema/index.js';
import { startPartner } from '../practice/partner/index.js';
import { LEARNING_PARTNER_CORE } from '../practice/rubric/index.js';
import { getPartnerCard } from '../practice/scenarios/index.js';
import { SKILLS, type Level, type SkillResult } from '../practice/types.js';
import { upsertPerson } from '../store/people.js';
import { levelForScore } from '../practice/standing/index.js';

/** Departments of the demo token holders (learner and learner2 in different ones). */
export const DEMO_DEPARTMENTS: Record<string, string> = {
  'alex@northwind.example': 'Nursing',
  'sam@northwind.example': 'Finance',
  'fran@northwind.example': 'Learning and Development',
  'ada@northwind.example': 'People',
  'olu@contoso.example': 'Operations',
  'lee@contoso.example': 'Warehousing',
};

export const SECOND_COHORT = {
  name: 'Summer Learning Partners',
  description: 'Demo cohort from five departments, most of them ready to pair.',
};

/** The second cohort's learners: department, and skill scores per session (three sessions each; null: not practised). */
const SUMMER: {
  name: string;
  email: string;
  department: string;
  scores: number[] | null;
  lineManager?: string;
}[] = [
  {
    name: 'Priya Natarajan',
    email: 'priya@northwind.example',
    department: 'Pharmacy',
    scores: [82, 58, 70, 64, 57, 76],
  },
  {
    name: 'Tom Hughes',
    email: 'tom@northwind.example',
    department: 'Estates',
    scores: [57, 80, 58, 72, 78, 58],
  },
  {
    name: 'Jo Whitfield',
    email: 'jo.whitfield@northwind.example',
    department: 'Finance',
    scores: [66, 62, 84, 57, 70, 58],
  },
  {
    name: 'Kemi Adeyemi',
    email: 'kemi@northwind.example',
    department: 'Outpatients',
    scores: [58, 74, 57, 80, 58, 82],
    lineManager: 'rosa@northwind.example',
  },
  {
    name: 'Rosa Lind',
    email: 'rosa@northwind.example',
    department: 'Nursing',
    scores: [76, 68, 62, 58, 66, 64],
  },
  { name: 'Dan Murphy', email: 'dan@northwind.example', department: 'Digital', scores: null },
];

// the one level rule (practice/standing), so seeded levels follow their numbers like real ones
const level = (score: number): Level => levelForScore(score);

/** Sets the department of the demo people who have none yet (a demo user’s own change is kept). */
export async function seedDepartments(db: Database, orgIds: string[]) {
  for (const orgId of orgIds) {
    for (const [email, department] of Object.entries(DEMO_DEPARTMENTS)) {
      await db
        .update(people)
        .set({ department })
        .where(and(eq(people.orgId, orgId), eq(people.email, email), isNull(people.department)));
    }
  }
}

/** The second demo cohort, run by the demo facilitator, with practice history for its ready learners. */
export async function seedSecondCohort(
  db: Database,
  orgId: string,
  facilitatorId: string,
  now = new Date(),
) {
  await db
    .insert(cohorts)
    .values({
      orgId,
      name: SECOND_COHORT.name,
      description: SECOND_COHORT.description,
      createdBy: facilitatorId,
    })
    .onConflictDoNothing();
  const [cohort] = await db
    .select()
    .from(cohorts)
    .where(and(eq(cohorts.orgId, orgId), eq(cohorts.name, SECOND_COHORT.name)));
  const rows = [];
  for (const p of SUMMER) {
    const row = await upsertPerson(db, orgId, { name: p.name, email: p.email, role: 'learner' });
    if (!row.department)
      await db.update(people).set({ department: p.department }).where(eq(people.id, row.id));
    rows.push({ spec: p, row });
  }
  for (const { spec, row } of rows) {
    const manager = spec.lineManager && rows.find((r) => r.spec.email === spec.lineManager);
    if (manager && !row.lineManagerId)
      await db.update(people).set({ lineManagerId: manager.row.id }).where(eq(people.id, row.id));
  }
  await db
    .insert(cohortMembers)
    .values([
      { cohortId: cohort.id, personId: facilitatorId, orgId, role: 'facilitator' as const },
      ...rows.map(({ row }) => ({
        cohortId: cohort.id,
        personId: row.id,
        orgId,
        role: 'learner' as const,
      })),
    ])
    .onConflictDoNothing();
  for (const { spec, row } of rows)
    if (spec.scores) await seedPractice(db, orgId, row.id, spec.scores, now);
}

/** Three ended practice sessions with scorecards and ledger rows, unless the person has practised already. */
async function seedPractice(
  db: Database,
  orgId: string,
  personId: string,
  scores: number[],
  now: Date,
) {
  const [any] = await db
    .select({ id: sessions.id })
    .from(sessions)
    .where(and(eq(sessions.orgId, orgId), eq(sessions.personId, personId)))
    .limit(1);
  if (any) return;
  const card = getPartnerCard('new-manager-overwhelmed')!;
  for (let i = 0; i < 3; i++) {
    const endedAt = new Date(now.getTime() - (21 - i * 7) * 86_400_000);
    // a little growth from session to session, as practice gives
    const skills: SkillResult[] = SKILLS.map((skill, k) => {
      const score = Math.min(100, scores[k] - 6 + i * 3);
      return { skill, level: level(score), score, checks: [], evidence: [] };
    });
    const [s] = await db
      .insert(sessions)
      .values({
        orgId,
        personId,
        scenarioId: card.id,
        status: 'ended',
        seed: 1000 + i,
        partnerState: startPartner(card, 1000 + i).state,
        versions: { demo: 'seeded practice' },
        scorecard: {
          rubric: { id: LEARNING_PARTNER_CORE.id, version: LEARNING_PARTNER_CORE.version },
          skills,
          summary: 'Seeded demo practice.',
          metrics: {},
        },
        startedAt: new Date(endedAt.getTime() - 15 * 60_000),
        endedAt,
      })
      .returning({ id: sessions.id });
    await db.insert(skillResults).values(
      skills.map((r) => ({
        orgId,
        personId,
        sessionId: s.id,
        skill: r.skill,
        level: r.level,
        score: r.score,
        at: endedAt,
      })),
    );
  }
}

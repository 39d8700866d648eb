/**
 * @module test/access/fixtures
 * Objects the access table's requests name, in both demo organisations: the demo cohort, a drill,
 * the learners, a session, an API key. Helpers create fresh objects where a request consumes one
 * (a session to end, a member to remove, a drill to assign once).
 */
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { signToken } from '../../api/auth/index.js';
import { cohorts, drills, people } from '../../api/db/schema/index.js';
import { DEMO_COHORT, OTHER_COHORT } from '../../api/demo/seed.js';
import { createApiKey } from '../../api/routes/embed/embed.index.js';
import type { TestApp } from '../support/app.js';

export interface OrgFixtures {
  orgId: string;
  cohortId: string;
  drillId: string;
  learnerId: string;
  learner2Id: string;
  facilitatorId: string;
  apiKey: string;
}

export interface Fixtures {
  northwind: OrgFixtures;
  contoso: OrgFixtures;
  futureDue: string;
  /** a fresh active session of the Northwind learner */
  learnerSession(): Promise<string>;
  /** a fresh active session of the Contoso learner */
  contosoSession(): Promise<string>;
  /** a fresh learner in the Northwind demo cohort */
  freshCohortLearner(): Promise<string>;
  /** a fresh Northwind drill (assigning one twice would be a conflict) */
  freshNorthwindDrill(): Promise<string>;
  /** the app under test, for rows that must create their own objects first (LMS integration) */
  app: TestApp;
  /** a token for a fresh person with the role and organisation of `like` */
  throwawayToken(like: { id: string; orgId: string; role: 'learner' | 'facilitator' | 'admin' }): Promise<string>;
}

export async function buildFixtures(t: TestApp): Promise<Fixtures> {
  const { db, jwtSecret } = t.runtime.deps;
  const demo = t.runtime.demo!;
  const org = async (orgId: string, cohortName: string, learnerId: string, learner2Id: string, facilitatorId: string): Promise<OrgFixtures> => {
    const [cohort] = await db.select().from(cohorts).where(and(eq(cohorts.orgId, orgId), eq(cohorts.name, cohortName)));
    const [drill] = await db.select().from(drills).where(eq(drills.orgId, orgId)).limit(1);
    const { key } = await createApiKey(db, { orgId, name: 'access suite' });
    return { orgId, cohortId: cohort.id, drillId: drill.id, learnerId, learner2Id, facilitatorId, apiKey: key };
  };
  const northwind = await org(demo.learner.orgId, DEMO_COHORT.name, demo.learner.id, demo.learner2.id, demo.facilitator.id);
  const contoso = await org(demo.otherOrgLearner.orgId, OTHER_COHORT.name, demo.otherOrgLearner.id, demo.otherOrgLearner.id, demo.otherOrgFacilitator.id);
  const startAs = async (token: string) => {
    const r = await t.call('POST', '/api/sessions', { token, body: { scenarioId: 'new-manager-overwhelmed' } });
    if (r.status !== 201) throw new Error(`fixture session: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body.id as string;
  };
  return {
    app: t,
    northwind,
    contoso,
    futureDue: new Date(Date.now() + 30 * 86400e3).toISOString(),
    learnerSession: () => startAs(t.tokens.learner),
    contosoSession: () => startAs(t.tokens.otherOrgLearner),
    async freshCohortLearner() {
      const r = await t.call('POST', '/api/people', { token: t.tokens.admin, body: { name: 'Removable', email: `rm-${randomUUID().slice(0, 8)}@northwind.example`, cohortId: northwind.cohortId } });
      if (r.status !== 201) throw new Error(`fixture learner: ${r.status}`);
      return r.body.id as string;
    },
    async freshNorthwindDrill() {
      const r = await t.call('POST', '/api/drills', { token: t.tokens.admin, body: { title: `Fresh ${randomUUID().slice(0, 6)}`, scenarioId: 'new-manager-overwhelmed', focus: ['listening'], description: 'Reflect.', passChecks: ['no_unasked_advice'] } });
      if (r.status !== 201) throw new Error(`fixture drill: ${r.status}`);
      return r.body.id as string;
    },
    async throwawayToken(like) {
      const [p] = await db.insert(people).values({ orgId: like.orgId, name: 'Throwaway', email: `throwaway-${randomUUID()}@example.org`, role: like.role }).returning();
      return signToken(jwtSecret, { sub: p.id, org: p.orgId, role: p.role }, 600);
    },
  };
}

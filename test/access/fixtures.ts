/**
 * @module test/access/fixtures
 * Objects the access table's requests name, in both demo organisations: the demo cohort, a drill,
 * the learners, a session, an API key. Helpers create fresh objects where a request consumes one
 * (a session to end, a member to remove, a drill to assign once).
 */
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { signToken } from '../../api/auth/index.js';
import { cohorts, drills, partnerships, people } from '../../api/db/schema/index.js';
import { DEMO_COHORT, OTHER_COHORT } from '../../api/demo/seed.js';
import { createApiKey } from '../../api/routes/embed/embed.index.js';
import type { TestApp } from '../support/app.js';
import { newDrill as createDrill } from '../support/drills.js';
import { orgScenarioYaml, YAML_HEADERS } from '../support/org-scenario.js';

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
  /** a fresh Northwind learner in no cohort */
  freshLoneLearner(): Promise<string>;
  /** a fresh cohort run by the Northwind facilitator */
  freshCohort(): Promise<string>;
  /** a fresh assignment of the Northwind learner (a fresh drill) */
  freshAssignment(): Promise<string>;
  /** a fresh learner, cohort and assignment in Contoso, made by its facilitator */
  freshContoso(): Promise<{ learnerId: string; cohortId: string; assignmentId: string }>;
  /** a fresh scenario of the organisation, added by its facilitator; returns its id */
  freshOrgScenario(org: 'northwind' | 'contoso'): Promise<string>;
  /** the app under test, for rows that must create their own objects first (LMS integration) */
  app: TestApp;
  /**
   * A fresh partnership of the Northwind learner and learner2 (in a fresh cohort of the demo
   * facilitator, since a learner has one open partnership per cohort): `proposed`, with an agreement
   * written (`written`), `active`, active with a session (`session`), or `ended`.
   */
  freshPartnership(
    state: 'proposed' | 'written' | 'active' | 'session' | 'ended',
  ): Promise<{ id: string; sessionId?: string }>;
  /** a partnership of two Contoso learners (written straight to the database) */
  contosoPartnership(): Promise<string>;
  /** two fresh learners of the Northwind demo cohort in different departments */
  freshPairLearners(): Promise<[string, string]>;
  /** a token for a fresh person with the role and organisation of `like` */
  throwawayToken(
    like: { id: string; orgId: string; role: 'learner' | 'facilitator' | 'admin' },
    tokenRole?: 'learner' | 'facilitator' | 'admin',
  ): Promise<string>;
  /** an embed token for an existing person, minted with a narrower role than theirs */
  narrowedToken(personId: string, orgId: string, role: 'learner' | 'facilitator'): Promise<string>;
}

export async function buildFixtures(t: TestApp): Promise<Fixtures> {
  const { db, jwtSecret } = t.runtime.deps;
  const demo = t.runtime.demo!;
  const org = async (
    orgId: string,
    cohortName: string,
    learnerId: string,
    learner2Id: string,
    facilitatorId: string,
  ): Promise<OrgFixtures> => {
    const [cohort] = await db
      .select()
      .from(cohorts)
      .where(and(eq(cohorts.orgId, orgId), eq(cohorts.name, cohortName)));
    const [drill] = await db.select().from(drills).where(eq(drills.orgId, orgId)).limit(1);
    const { key } = await createApiKey(db, { orgId, name: 'access suite' });
    return {
      orgId,
      cohortId: cohort.id,
      drillId: drill.id,
      learnerId,
      learner2Id,
      facilitatorId,
      apiKey: key,
    };
  };
  const northwind = await org(
    demo.learner.orgId,
    DEMO_COHORT.name,
    demo.learner.id,
    demo.learner2.id,
    demo.facilitator.id,
  );
  const contoso = await org(
    demo.otherOrgLearner.orgId,
    OTHER_COHORT.name,
    demo.otherOrgLearner.id,
    demo.otherOrgLearner.id,
    demo.otherOrgFacilitator.id,
  );
  const startAs = async (token: string) => {
    const r = await t.call('POST', '/api/sessions', {
      token,
      body: { scenarioId: 'new-manager-overwhelmed' },
    });
    if (r.status !== 201) throw new Error(`fixture session: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body.id as string;
  };
  const futureDue = new Date(Date.now() + 30 * 86400e3).toISOString();
  const newDrill = (token: string) => createDrill(t, token, 'Fresh');
  const freshOrgScenario = async (which: 'northwind' | 'contoso') => {
    const token = which === 'northwind' ? t.tokens.facilitator : t.tokens.otherOrgFacilitator;
    const r = await t.call('POST', '/api/org/scenarios', {
      token,
      raw: orgScenarioYaml(),
      headers: YAML_HEADERS,
    });
    if (r.status !== 201)
      throw new Error(`fixture org scenario: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body.id as string;
  };
  const fixtures: Fixtures = {
    app: t,
    freshOrgScenario,
    northwind,
    contoso,
    futureDue,
    learnerSession: () => startAs(t.tokens.learner),
    contosoSession: () => startAs(t.tokens.otherOrgLearner),
    async freshCohortLearner() {
      const r = await t.call('POST', '/api/people', {
        token: t.tokens.admin,
        body: {
          name: 'Removable',
          email: `rm-${randomUUID().slice(0, 8)}@northwind.example`,
          cohortId: northwind.cohortId,
        },
      });
      if (r.status !== 201) throw new Error(`fixture learner: ${r.status}`);
      return r.body.id as string;
    },
    freshNorthwindDrill: () => newDrill(t.tokens.admin),
    async freshLoneLearner() {
      const r = await t.call('POST', '/api/people', {
        token: t.tokens.admin,
        body: { name: 'Lone', email: `lone-${randomUUID().slice(0, 8)}@northwind.example` },
      });
      if (r.status !== 201) throw new Error(`fixture person: ${r.status}`);
      return r.body.id as string;
    },
    async freshCohort() {
      const r = await t.call('POST', '/api/cohorts', {
        token: t.tokens.facilitator,
        body: { name: `Fresh ${randomUUID().slice(0, 8)}` },
      });
      if (r.status !== 201) throw new Error(`fixture cohort: ${r.status}`);
      return r.body.id as string;
    },
    async freshAssignment() {
      const r = await t.call('POST', '/api/assignments', {
        token: t.tokens.admin,
        body: {
          drillId: await newDrill(t.tokens.admin),
          learnerIds: [northwind.learnerId],
          dueAt: futureDue,
        },
      });
      if (r.status !== 201) throw new Error(`fixture assignment: ${r.status}`);
      return r.body.assignments[0].id as string;
    },
    async freshContoso() {
      const token = t.tokens.otherOrgFacilitator;
      const cohort = await t.call('POST', '/api/cohorts', {
        token,
        body: { name: `Contoso ${randomUUID().slice(0, 8)}` },
      });
      const learner = await t.call('POST', '/api/people', {
        token,
        body: {
          name: 'Contoso fresh',
          email: `c-${randomUUID().slice(0, 8)}@contoso.example`,
          cohortId: cohort.body.id,
        },
      });
      const assigned = await t.call('POST', '/api/assignments', {
        token,
        body: { drillId: await newDrill(token), cohortId: cohort.body.id, dueAt: futureDue },
      });
      if (assigned.status !== 201)
        throw new Error(`fixture contoso: ${cohort.status} ${learner.status} ${assigned.status}`);
      return {
        learnerId: learner.body.id as string,
        cohortId: cohort.body.id as string,
        assignmentId: assigned.body.assignments[0].id as string,
      };
    },
    async freshPartnership(state) {
      const fac = t.tokens.facilitator;
      const cohort = await t.call('POST', '/api/cohorts', {
        token: fac,
        body: { name: `Pairs ${randomUUID().slice(0, 8)}` },
      });
      await t.call('POST', `/api/cohorts/${cohort.body.id}/members`, {
        token: fac,
        body: { personIds: [northwind.learnerId, northwind.learner2Id] },
      });
      const p = await t.call('POST', '/api/partnerships', {
        token: fac,
        body: { learnerIds: [northwind.learnerId, northwind.learner2Id], cohortId: cohort.body.id },
      });
      if (p.status !== 201)
        throw new Error(`fixture partnership: ${p.status} ${JSON.stringify(p.body)}`);
      const id = p.body.id as string;
      if (state === 'proposed') return { id };
      const body = {
        outcomes: ['Learn together'],
        goals: {
          [northwind.learnerId]: 'Listen more',
          [northwind.learner2Id]: 'Ask better questions',
        },
        roles: {
          [northwind.learnerId]: ['Companion'],
          [northwind.learner2Id]: ['Thinking Partner'],
        },
        responsibilities: ['Turn up'],
        confidentiality: 'Between us.',
        cadence: 'weekly',
      };
      await t.call('PUT', `/api/partnerships/${id}/agreement`, { token: t.tokens.learner, body });
      if (state === 'written') return { id };
      for (const token of [t.tokens.learner, t.tokens.learner2])
        await t.call('POST', `/api/partnerships/${id}/agreement/confirm`, {
          token,
          body: { version: 1 },
        });
      if (state === 'ended') {
        await t.call('POST', `/api/partnerships/${id}/end`, { token: fac, body: {} });
        return { id };
      }
      if (state === 'active') return { id };
      const s = await t.call('POST', `/api/partnerships/${id}/sessions`, {
        token: t.tokens.learner,
        body: { heldOn: '2026-01-05', coachId: northwind.learnerId, topic: 'Access suite' },
      });
      if (s.status !== 201)
        throw new Error(`fixture session: ${s.status} ${JSON.stringify(s.body)}`);
      return { id, sessionId: s.body.sessions[0].id as string };
    },
    async contosoPartnership() {
      const c = await fixtures.freshContoso();
      const [p] = await db
        .insert(partnerships)
        .values({
          orgId: contoso.orgId,
          cohortId: c.cohortId,
          personA: contoso.learnerId,
          personB: c.learnerId,
        })
        .returning();
      return p.id;
    },
    async freshPairLearners() {
      const make = async (department: string) => {
        const r = await t.call('POST', '/api/people', {
          token: t.tokens.admin,
          body: {
            name: `Pair ${department}`,
            email: `pair-${randomUUID().slice(0, 8)}@northwind.example`,
            cohortId: northwind.cohortId,
            department,
          },
        });
        if (r.status !== 201) throw new Error(`fixture pair learner: ${r.status}`);
        return r.body.id as string;
      };
      return [await make('Estates'), await make('Pharmacy')];
    },
    async throwawayToken(like, tokenRole) {
      const [p] = await db
        .insert(people)
        .values({
          orgId: like.orgId,
          name: 'Throwaway',
          email: `throwaway-${randomUUID()}@example.org`,
          role: like.role,
        })
        .returning();
      return signToken(
        jwtSecret,
        {
          sub: p.id,
          org: p.orgId,
          role: tokenRole ?? p.role,
          kind: tokenRole ? 'embed' : 'session',
        },
        600,
      );
    },
    narrowedToken: (personId, orgId, role) =>
      signToken(jwtSecret, { sub: personId, org: orgId, role, kind: 'embed' }, 600),
  };
  return fixtures;
}

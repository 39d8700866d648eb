/**
 * @module store/partnership-report
 * The rows the programme report is computed from, for one organisation and (for a facilitator)
 * the cohorts they run: partnerships with their partners' departments, sessions, actions, reviews,
 * and the partners' skill results. Five queries whatever the size.
 */
import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Database } from '../db/index.js';
import {
  partnershipActions,
  partnershipReviews,
  partnerships,
  partnershipSessions,
  people,
  skillResults,
} from '../db/schema/index.js';
import type { ReportInput } from '../partnerships/report.js';

/** `cohortIds` null: every partnership of the organisation. */
export async function reportRows(
  db: Database,
  orgId: string,
  cohortIds: string[] | null,
): Promise<Omit<ReportInput, 'from' | 'to'>> {
  if (cohortIds && cohortIds.length === 0)
    return { partnerships: [], sessions: [], actions: [], reviews: [], results: [] };
  const scope: SQL = cohortIds
    ? and(eq(partnerships.orgId, orgId), inArray(partnerships.cohortId, cohortIds))!
    : eq(partnerships.orgId, orgId);
  const rows = await db
    .select({
      id: partnerships.id,
      createdAt: partnerships.createdAt,
      activatedAt: partnerships.activatedAt,
      endedAt: partnerships.endedAt,
      a: partnerships.personA,
      b: partnerships.personB,
      deptA: sql<
        string | null
      >`(select department from ${people} p where p.id = ${partnerships.personA})`,
      deptB: sql<
        string | null
      >`(select department from ${people} p where p.id = ${partnerships.personB})`,
    })
    .from(partnerships)
    .where(scope);
  const ids = rows.map((r) => r.id);
  const partners = [
    ...new Set(rows.flatMap((r) => [r.a, r.b]).filter((x): x is string => Boolean(x))),
  ];
  if (ids.length === 0)
    return { partnerships: [], sessions: [], actions: [], reviews: [], results: [] };
  const [sessions, actions, reviews, results] = await Promise.all([
    db
      .select({
        partnershipId: partnershipSessions.partnershipId,
        heldOn: partnershipSessions.heldOn,
      })
      .from(partnershipSessions)
      .where(
        and(eq(partnershipSessions.orgId, orgId), inArray(partnershipSessions.partnershipId, ids)),
      ),
    db
      .select({
        createdAt: partnershipActions.createdAt,
        updatedAt: partnershipActions.updatedAt,
        status: partnershipActions.status,
      })
      .from(partnershipActions)
      .where(
        and(eq(partnershipActions.orgId, orgId), inArray(partnershipActions.partnershipId, ids)),
      ),
    db
      .select({ rating: partnershipReviews.rating, createdAt: partnershipReviews.createdAt })
      .from(partnershipReviews)
      .where(
        and(eq(partnershipReviews.orgId, orgId), inArray(partnershipReviews.partnershipId, ids)),
      ),
    partners.length
      ? db
          .select({
            personId: skillResults.personId,
            skill: skillResults.skill,
            score: skillResults.score,
            at: skillResults.at,
          })
          .from(skillResults)
          .where(and(eq(skillResults.orgId, orgId), inArray(skillResults.personId, partners)))
      : Promise.resolve([]),
  ]);
  return {
    partnerships: rows.map((r) => ({
      id: r.id,
      createdAt: r.createdAt,
      activatedAt: r.activatedAt,
      endedAt: r.endedAt,
      departments: [r.deptA, r.deptB],
      partners: [r.a, r.b],
    })),
    sessions,
    actions,
    reviews,
    results,
  };
}

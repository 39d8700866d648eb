/**
 * @module store/progress
 * The progress ledger (`skill_results`) read back for one learner.
 */
import { and, asc, eq } from 'drizzle-orm';
import type { Database } from '../db/index.js';
import { skillResults } from '../db/schema/index.js';
import type { SkillResultRow } from '../practice/progress/index.js';

export async function skillRowsFor(
  db: Database,
  orgId: string,
  personId: string,
): Promise<SkillResultRow[]> {
  const rows = await db
    .select({
      sessionId: skillResults.sessionId,
      at: skillResults.at,
      skill: skillResults.skill,
      level: skillResults.level,
      score: skillResults.score,
    })
    .from(skillResults)
    .where(and(eq(skillResults.orgId, orgId), eq(skillResults.personId, personId)))
    .orderBy(asc(skillResults.at));
  return rows.map((r) => ({
    ...r,
    at: r.at.toISOString(),
    level: r.level as SkillResultRow['level'],
  }));
}

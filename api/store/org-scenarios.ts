/**
 * @module store/org-scenarios
 * An organisation's own scenarios. Every query is scoped by organisation; a scenario is edited in
 * place (its revision counts up) and retired rather than deleted, and a session keeps the card it
 * started with, so neither reaches a session already under way.
 */
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { Caller } from '../auth/index.js';
import type { Database } from '../db/index.js';
import { orgScenarios } from '../db/schema/index.js';
import type { PartnerCard } from '../practice/types.js';

export type OrgScenarioRow = typeof orgScenarios.$inferSelect;

export interface ScenarioSource {
  source: string;
  sourceFormat: 'yaml' | 'json';
  card: PartnerCard;
}

/** Every scenario of the organisation, retired ones included, by id. */
export async function listOrgScenarios(db: Database, orgId: string): Promise<OrgScenarioRow[]> {
  return db
    .select()
    .from(orgScenarios)
    .where(eq(orgScenarios.orgId, orgId))
    .orderBy(asc(orgScenarios.scenarioId));
}

/** The cards learners of the organisation may start (not retired). */
export async function activeOrgCards(db: Database, orgId: string): Promise<PartnerCard[]> {
  const rows = await db
    .select({ card: orgScenarios.card })
    .from(orgScenarios)
    .where(and(eq(orgScenarios.orgId, orgId), isNull(orgScenarios.retiredAt)))
    .orderBy(asc(orgScenarios.scenarioId));
  return rows.map((r) => r.card);
}

export async function findOrgScenario(
  db: Database,
  orgId: string,
  scenarioId: string,
): Promise<OrgScenarioRow | null> {
  const [row] = await db
    .select()
    .from(orgScenarios)
    .where(and(eq(orgScenarios.orgId, orgId), eq(orgScenarios.scenarioId, scenarioId)))
    .limit(1);
  return row ?? null;
}

/** The card of an active scenario of the organisation, for starting a session; null if none. */
export async function activeOrgCard(
  db: Database,
  orgId: string,
  scenarioId: string,
): Promise<{ card: PartnerCard; revision: number } | null> {
  const row = await findOrgScenario(db, orgId, scenarioId);
  return row && !row.retiredAt ? { card: row.card, revision: row.revision } : null;
}

/** Adds a scenario; null when the organisation already has one with this id (nothing written). */
export async function createOrgScenario(
  db: Database,
  caller: Caller,
  input: ScenarioSource,
): Promise<OrgScenarioRow | null> {
  const [row] = await db
    .insert(orgScenarios)
    .values({
      orgId: caller.orgId,
      scenarioId: input.card.id,
      ...input,
      createdBy: caller.personId,
      updatedBy: caller.personId,
    })
    .onConflictDoNothing()
    .returning();
  return row ?? null;
}

/** Replaces a scenario's text and card (revision + 1, un-retired); null when there is none. */
export async function updateOrgScenario(
  db: Database,
  caller: Caller,
  scenarioId: string,
  input: ScenarioSource,
): Promise<OrgScenarioRow | null> {
  const [row] = await db
    .update(orgScenarios)
    .set({
      ...input,
      revision: sql`${orgScenarios.revision} + 1`,
      updatedBy: caller.personId,
      updatedAt: sql`now()`,
      retiredAt: null,
    })
    .where(and(eq(orgScenarios.orgId, caller.orgId), eq(orgScenarios.scenarioId, scenarioId)))
    .returning();
  return row ?? null;
}

/** Retires a scenario (kept for the sessions that used it); null when there is none. */
export async function retireOrgScenario(
  db: Database,
  caller: Caller,
  scenarioId: string,
): Promise<OrgScenarioRow | null> {
  const [row] = await db
    .update(orgScenarios)
    .set({ retiredAt: sql`coalesce(${orgScenarios.retiredAt}, now())`, updatedBy: caller.personId })
    .where(and(eq(orgScenarios.orgId, caller.orgId), eq(orgScenarios.scenarioId, scenarioId)))
    .returning();
  return row ?? null;
}

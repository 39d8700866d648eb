/**
 * @module lti/platforms.store
 * Platform registrations, always scoped to the organisation that made them, plus the look-ups a
 * login needs (by issuer and client id, across organisations: the login comes from the LMS).
 */
import { and, eq } from 'drizzle-orm';
import type { Database } from '../db/index.js';
import { ltiPlatforms } from '../db/schema/index.js';

export type PlatformRow = typeof ltiPlatforms.$inferSelect;

export interface PlatformInput {
  name: string;
  issuer: string;
  clientId: string;
  deploymentIds: string[];
  authEndpoint: string;
  tokenEndpoint: string;
  jwksUrl: string;
  tokenAudience?: string | null;
  frameOrigins?: string[];
}

export class DuplicatePlatformError extends Error {
  constructor() {
    super('A platform with this issuer and client id is already registered.');
    this.name = 'DuplicatePlatformError';
  }
}

export async function createPlatform(
  db: Database,
  orgId: string,
  input: PlatformInput,
): Promise<PlatformRow> {
  const [row] = await db
    .insert(ltiPlatforms)
    .values({
      orgId,
      ...input,
      tokenAudience: input.tokenAudience ?? null,
      frameOrigins: input.frameOrigins ?? [],
    })
    .onConflictDoNothing()
    .returning();
  if (!row) throw new DuplicatePlatformError();
  return row;
}

export async function listPlatforms(db: Database, orgId: string): Promise<PlatformRow[]> {
  return db
    .select()
    .from(ltiPlatforms)
    .where(eq(ltiPlatforms.orgId, orgId))
    .orderBy(ltiPlatforms.createdAt);
}

export async function findPlatform(
  db: Database,
  orgId: string,
  id: string,
): Promise<PlatformRow | null> {
  const [row] = await db
    .select()
    .from(ltiPlatforms)
    .where(and(eq(ltiPlatforms.orgId, orgId), eq(ltiPlatforms.id, id)))
    .limit(1);
  return row ?? null;
}

export async function findPlatformById(db: Database, id: string): Promise<PlatformRow | null> {
  const [row] = await db.select().from(ltiPlatforms).where(eq(ltiPlatforms.id, id)).limit(1);
  return row ?? null;
}

/** Platforms with this issuer (and client id, when the login names one). */
export async function platformsForLogin(
  db: Database,
  issuer: string,
  clientId?: string,
): Promise<PlatformRow[]> {
  return db
    .select()
    .from(ltiPlatforms)
    .where(
      clientId
        ? and(eq(ltiPlatforms.issuer, issuer), eq(ltiPlatforms.clientId, clientId))
        : eq(ltiPlatforms.issuer, issuer),
    );
}

export async function updatePlatform(
  db: Database,
  orgId: string,
  id: string,
  patch: Partial<PlatformInput>,
): Promise<PlatformRow | null> {
  const [row] = await db
    .update(ltiPlatforms)
    .set(patch)
    .where(and(eq(ltiPlatforms.orgId, orgId), eq(ltiPlatforms.id, id)))
    .returning();
  return row ?? null;
}

export async function deletePlatform(db: Database, orgId: string, id: string): Promise<boolean> {
  const rows = await db
    .delete(ltiPlatforms)
    .where(and(eq(ltiPlatforms.orgId, orgId), eq(ltiPlatforms.id, id)))
    .returning({ id: ltiPlatforms.id });
  return rows.length > 0;
}

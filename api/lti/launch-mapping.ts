/**
 * @module lti/launch-mapping
 * What a validated launch means inside the organisation that registered the platform: the
 * platform user becomes a person (created on first launch), the course becomes a cohort they
 * join as the people rules allow (lti/course-membership), and the resource link names the drill
 * it opens and the line item its grades go to. The latest launch per link and person is kept:
 * that is where a finished session's grade is sent, with the role the LMS asked for and the one
 * the person acted in.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '../db/index.js';
import {
  cohorts,
  ltiContexts,
  ltiLaunches,
  ltiResourceLinks,
  ltiUsers,
  people,
  type Role,
} from '../db/schema/index.js';
import { findDrill } from '../store/drills.js';
import { AGS_SCOPE, type LaunchClaims } from './claims.js';
import { LaunchError } from './launch-error.js';
import type { PlatformRow } from './platforms.store.js';
import type { LaunchRole } from './roles.js';
import { placeInCourse, type HeldBack } from './course-membership.js';

export interface MappedLaunch {
  person: { id: string; orgId: string; role: Role; name: string };
  cohortId: string | null;
  /** the page to open (an instructor launch opens the learner view when the people rules say so) */
  view: LaunchRole;
  /** what the launch did not do that the LMS role asked for, and why */
  heldBack: HeldBack | null;
  resourceLink: { id: string; drillId: string | null; lineItemUrl: string | null } | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

async function shortHash(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest).slice(0, 6), (b) =>
    b.toString(16).padStart(2, '0'),
  ).join('');
}

/**
 * The person behind a platform user, created on first launch. The platform's email is used when no
 * one in the organisation has it yet; an existing person with that email is never taken over (any
 * LMS admin could otherwise claim an account by setting an email), so a placeholder is used instead.
 * A new person gets the launch's role; an existing one keeps theirs here (`placeInCourse` decides).
 */
async function personFor(
  db: Database,
  platform: PlatformRow,
  claims: LaunchClaims,
  role: LaunchRole,
) {
  const [linked] = await db
    .select({ id: people.id, orgId: people.orgId, role: people.role, name: people.name })
    .from(ltiUsers)
    .innerJoin(people, eq(people.id, ltiUsers.personId))
    .where(and(eq(ltiUsers.platformId, platform.id), eq(ltiUsers.sub, claims.sub)))
    .limit(1);
  if (linked) return linked;
  const placeholder = `lti-${await shortHash(`${platform.id} ${claims.sub}`)}@${new URL(platform.issuer).hostname}.lti.invalid`;
  const name = claims.name ?? 'LMS user';
  const email = claims.email?.toLowerCase();
  let [row] = email
    ? await db
        .insert(people)
        .values({ orgId: platform.orgId, name, email, role })
        .onConflictDoNothing()
        .returning()
    : [];
  row ??= (
    await db
      .insert(people)
      .values({ orgId: platform.orgId, name, email: placeholder, role })
      .onConflictDoNothing()
      .returning()
  )[0];
  row ??= (
    await db
      .select()
      .from(people)
      .where(and(eq(people.orgId, platform.orgId), eq(people.email, placeholder)))
  )[0];
  await db
    .insert(ltiUsers)
    .values({ platformId: platform.id, sub: claims.sub, personId: row.id })
    .onConflictDoNothing();
  // a concurrent first launch may have linked another row: the link that won is the person
  const [winner] = await db
    .select({ id: people.id, orgId: people.orgId, role: people.role, name: people.name })
    .from(ltiUsers)
    .innerJoin(people, eq(people.id, ltiUsers.personId))
    .where(and(eq(ltiUsers.platformId, platform.id), eq(ltiUsers.sub, claims.sub)));
  return winner;
}

/**
 * The person's department or team from the custom parameter `department`, where the platform gives
 * one (an LMS admin maps it from the user's profile, e.g. `department=$Person.org.department`): it
 * keeps pairing across departments right without anyone typing it again. Unset or blank: unchanged.
 */
async function departmentFromLaunch(
  db: Database,
  orgId: string,
  personId: string,
  claims: LaunchClaims,
) {
  const department = claims.custom.department?.trim();
  if (!department || department.length > 120 || department.startsWith('$')) return; // `$...`: a substitution the platform did not fill
  await db
    .update(people)
    .set({ department })
    .where(and(eq(people.orgId, orgId), eq(people.id, personId)));
}

/** The course's cohort (created on first launch). */
async function cohortFor(
  db: Database,
  platform: PlatformRow,
  claims: LaunchClaims,
): Promise<{ contextRowId: string; cohortId: string } | null> {
  const ctx = claims.context;
  if (!ctx) return null;
  const title = ctx.title ?? ctx.label ?? `Course ${ctx.id}`;
  await db
    .insert(ltiContexts)
    .values({ platformId: platform.id, orgId: platform.orgId, contextId: ctx.id, title })
    .onConflictDoNothing();
  const [context] = await db
    .select()
    .from(ltiContexts)
    .where(and(eq(ltiContexts.platformId, platform.id), eq(ltiContexts.contextId, ctx.id)));
  let cohortId = context.cohortId;
  if (!cohortId) {
    // cohort names are unique per organisation; an LMS course never adopts a cohort someone made by hand
    const name = `${title} (${platform.name} ${await shortHash(`${platform.id} ${ctx.id}`)})`;
    await db
      .insert(cohorts)
      .values({
        orgId: platform.orgId,
        name,
        description: `Created from an LTI course on ${platform.name}.`,
      })
      .onConflictDoNothing();
    const [cohort] = await db
      .select({ id: cohorts.id })
      .from(cohorts)
      .where(and(eq(cohorts.orgId, platform.orgId), eq(cohorts.name, name)));
    await db
      .update(ltiContexts)
      .set({ cohortId: cohort.id })
      .where(and(eq(ltiContexts.id, context.id), sql`${ltiContexts.cohortId} is null`));
    cohortId = (
      await db
        .select({ cohortId: ltiContexts.cohortId })
        .from(ltiContexts)
        .where(eq(ltiContexts.id, context.id))
    )[0].cohortId!;
  }
  return { contextRowId: context.id, cohortId };
}

/** The resource link with its drill (from the deep-linked `drill_id` custom parameter) and line item. */
async function linkedDrill(
  db: Database,
  platform: PlatformRow,
  claims: LaunchClaims,
): Promise<string | null> {
  const customDrill = claims.custom.drill_id;
  if (!customDrill) return null;
  if (!UUID.test(customDrill) || !(await findDrill(db, platform.orgId, customDrill)))
    throw new LaunchError('drill', 404);
  return customDrill;
}

async function resourceLinkFor(
  db: Database,
  platform: PlatformRow,
  claims: LaunchClaims,
  contextRowId: string | null,
  drillId: string | null,
) {
  const rl = claims.resourceLink;
  if (!rl) return null;
  const lineItemUrl =
    claims.ags?.lineitem && claims.ags.scope.includes(AGS_SCOPE.score) ? claims.ags.lineitem : null;
  const values = {
    platformId: platform.id,
    orgId: platform.orgId,
    resourceLinkId: rl.id,
    contextId: contextRowId,
    title: rl.title ?? null,
  };
  await db
    .insert(ltiResourceLinks)
    .values({ ...values, drillId, lineItemUrl })
    .onConflictDoNothing();
  const set: Partial<typeof ltiResourceLinks.$inferInsert> = { contextId: contextRowId };
  if (drillId) set.drillId = drillId;
  if (lineItemUrl) set.lineItemUrl = lineItemUrl;
  const [row] = await db
    .update(ltiResourceLinks)
    .set(set)
    .where(
      and(eq(ltiResourceLinks.platformId, platform.id), eq(ltiResourceLinks.resourceLinkId, rl.id)),
    )
    .returning();
  return { id: row.id, drillId: row.drillId, lineItemUrl: row.lineItemUrl };
}

/**
 * Maps a validated launch into the organisation and records it.
 * @throws LaunchError('drill') when the link names a drill the organisation does not have
 */
export async function mapLaunch(
  db: Database,
  platform: PlatformRow,
  claims: LaunchClaims,
  role: LaunchRole,
  now: Date,
): Promise<MappedLaunch> {
  // checked before anything is created: a broken link leaves no trace
  const drillId = await linkedDrill(db, platform, claims);
  const found = await personFor(db, platform, claims, role);
  await departmentFromLaunch(db, platform.orgId, found.id, claims);
  const cohort = await cohortFor(db, platform, claims);
  const place = await placeInCourse(db, platform.orgId, found.id, cohort?.cohortId ?? null, role);
  const person = { ...found, role: place.role };
  const link = await resourceLinkFor(db, platform, claims, cohort?.contextRowId ?? null, drillId);
  if (link) {
    await db
      .insert(ltiLaunches)
      .values({
        resourceLinkId: link.id,
        personId: person.id,
        userSub: claims.sub,
        role,
        actedAs: place.view,
        launchedAt: now,
      })
      .onConflictDoUpdate({
        target: [ltiLaunches.resourceLinkId, ltiLaunches.personId],
        set: { userSub: claims.sub, role, actedAs: place.view, launchedAt: now },
      });
  }
  return {
    person,
    cohortId: place.cohortId,
    view: place.view,
    heldBack: place.heldBack,
    resourceLink: link,
  };
}

/**
 * @module admin/first-run
 * What a newcomer needs on an empty database: an organisation, its first admin and an API key
 * for their LMS, created together (all or nothing), and a short-lived admin token to start with.
 * Used by `npm run admin` (./cli.ts); the key is returned in clear once and stored hashed.
 */
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { signToken } from '../auth/index.js';
import type { Database } from '../db/index.js';
import { organisations, people } from '../db/schema/index.js';
import { createApiKey } from '../routes/embed/api-keys.store.js';

export const NewOrganisation = z.object({
  name: z.string().trim().min(1, 'give the organisation a name').max(200),
  slug: z
    .string()
    .trim()
    .regex(
      /^[a-z0-9][a-z0-9-]{1,62}$/,
      'slug: 2-63 lower-case letters, digits and hyphens, starting with a letter or digit',
    ),
  adminName: z.string().trim().min(1, 'give the admin a name').max(200),
  adminEmail: z.string().trim().toLowerCase().email('admin email is not an email address'),
  keyName: z.string().trim().min(1).max(100).default('LMS'),
});
export type NewOrganisation = z.input<typeof NewOrganisation>;

export class AdminError extends Error {}

export interface CreatedOrganisation {
  orgId: string;
  adminId: string;
  apiKeyId: string;
  /** in clear: shown once, stored only as a hash */
  apiKey: string;
}

/** Creates the organisation, its first admin and an API key; refuses a slug already taken. */
export async function createOrganisation(
  db: Database,
  input: NewOrganisation,
): Promise<CreatedOrganisation> {
  const v = NewOrganisation.parse(input);
  const [taken] = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(eq(organisations.slug, v.slug));
  if (taken) throw new AdminError(`An organisation with the slug "${v.slug}" already exists.`);
  return db.transaction(async (tx) => {
    const [org] = await tx
      .insert(organisations)
      .values({ name: v.name, slug: v.slug })
      .returning({ id: organisations.id });
    const [admin] = await tx
      .insert(people)
      .values({ orgId: org.id, name: v.adminName, email: v.adminEmail, role: 'admin' })
      .returning({ id: people.id });
    const key = await createApiKey(tx as unknown as Database, { orgId: org.id, name: v.keyName });
    return { orgId: org.id, adminId: admin.id, apiKeyId: key.id, apiKey: key.key };
  });
}

/** A bearer token for an admin of the organisation with this slug (to make the first API calls). */
export async function adminToken(
  db: Database,
  secret: string,
  input: { slug: string; email: string; hours?: number },
): Promise<string> {
  const email = input.email.trim().toLowerCase();
  const [found] = await db
    .select({ id: people.id, orgId: people.orgId, role: people.role })
    .from(people)
    .innerJoin(organisations, eq(organisations.id, people.orgId))
    .where(and(eq(organisations.slug, input.slug), eq(people.email, email)));
  if (!found)
    throw new AdminError(`No person with the email ${email} in the organisation "${input.slug}".`);
  if (found.role !== 'admin') throw new AdminError(`${email} is not an admin of "${input.slug}".`);
  return signToken(
    secret,
    { sub: found.id, org: found.orgId, role: 'admin' },
    Math.round((input.hours ?? 8) * 3600),
  );
}

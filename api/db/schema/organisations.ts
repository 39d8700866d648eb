/**
 * @module db/schema/organisations
 * Tenants and the people in them. Every other table carries `org_id` so every query can be
 * scoped to one organisation.
 */
import {
  index,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';

export const organisations = pgTable('organisations', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  slug: text('slug').notNull().unique(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const ROLES = ['learner', 'facilitator', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** What a learner asks of pairing; both optional. */
export interface PairingPreferences {
  notWith?: string[];
  availability?: string[];
}

export const people = pgTable(
  'people',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    email: text('email').notNull(),
    role: text('role', { enum: ROLES }).notNull().default('learner'),
    /** department or team: Learning Partners are paired across departments, never within one */
    department: text('department'),
    /** their line manager, if on record: nobody is paired with their own line manager */
    lineManagerId: uuid('line_manager_id').references((): AnyPgColumn => people.id, {
      onDelete: 'set null',
    }),
    /** the person's own wishes for pairing: people not to be paired with, free slots ("mon-am") */
    pairingPreferences: jsonb('pairing_preferences')
      .$type<PairingPreferences>()
      .notNull()
      .default({}),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('people_org_email_uq').on(t.orgId, t.email),
    index('people_org_idx').on(t.orgId),
  ],
);

/** Instance-level secrets generated on first start when none is configured (dev and demo only). */
export const instanceSecrets = pgTable('instance_secrets', {
  name: text('name').primaryKey(),
  value: text('value').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * @module db/schema/embed
 * API keys an LMS integration holds to mint short-lived embed tokens for its learners. Only a
 * SHA-256 hash of each key is stored: a leaked database does not leak usable keys, and keys are
 * high-entropy random strings, so a plain (unsalted) hash is enough to look them up.
 */
import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { organisations } from './organisations.js';

export const apiKeys = pgTable(
  'api_keys',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    /** what the key is for ("Moodle production") */
    name: text('name').notNull(),
    /** hex SHA-256 of the whole key */
    keyHash: text('key_hash').notNull().unique(),
    /** the first characters of the key, to tell keys apart in a list without revealing them */
    prefix: text('prefix').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [index('api_keys_org_idx').on(t.orgId)],
);

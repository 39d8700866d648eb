/**
 * @module db/schema/scenarios
 * An organisation's own scenarios: the file as the facilitator wrote it (YAML or JSON), the card
 * it validated into, a revision counted up on every edit, and when it was retired. Sessions keep a
 * copy of the card they started with (`sessions.scenario_card`), so editing or retiring a scenario
 * never changes a session already under way.
 */
import { integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { PartnerCard } from '../../practice/types.js';
import { organisations, people } from './organisations.js';

export const orgScenarios = pgTable(
  'org_scenarios',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    /** the scenario's own id (its file's `id:`), unique within the organisation */
    scenarioId: text('scenario_id').notNull(),
    /** 1 when created, +1 on every edit */
    revision: integer('revision').notNull().default(1),
    /** the text as sent, so an author can fetch it back and edit it */
    source: text('source').notNull(),
    sourceFormat: text('source_format', { enum: ['yaml', 'json'] }).notNull(),
    card: jsonb('card').$type<PartnerCard>().notNull(),
    createdBy: uuid('created_by').references(() => people.id, { onDelete: 'set null' }),
    updatedBy: uuid('updated_by').references(() => people.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    /** retired scenarios can no longer be started; sessions on them carry on */
    retiredAt: timestamp('retired_at', { withTimezone: true }),
  },
  // the unique index also serves every read, all of which start from the organisation
  (t) => [uniqueIndex('org_scenarios_org_scenario_uq').on(t.orgId, t.scenarioId)],
);

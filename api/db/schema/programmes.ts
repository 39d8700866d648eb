/**
 * @module db/schema/programmes
 * Learning Partnership programmes: cohorts, who is in them (learners) and who runs them
 * (facilitators), and the drills assigned to each learner with their progress so far.
 * Every row carries `org_id` so each query stays inside one organisation, and everything hangs off
 * people with `on delete cascade`, so deleting an account removes its memberships and assignments.
 */
import {
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { LearnerSnapshot } from '../../programme/cohort-progress.js';
import type { Level, SkillId } from '../../practice/types.js';
import { organisations, people } from './organisations.js';
import { drills, sessions } from './practice.js';

/** How a cohort decides "ready to partner" (see `readinessToPartner`); absent fields use its defaults. */
export interface CohortReadinessRule {
  minSessions?: number;
  window?: number;
  skills?: SkillId[];
}

export const cohorts = pgTable(
  'cohorts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    readiness: jsonb('readiness').$type<CohortReadinessRule>().notNull().default({}),
    createdBy: uuid('created_by').references(() => people.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  // names are unique per organisation: the CSV import refers to cohorts by name
  (t) => [
    uniqueIndex('cohorts_org_name_uq').on(t.orgId, t.name),
    index('cohorts_org_idx').on(t.orgId),
  ],
);

export const MEMBERSHIP_ROLES = ['learner', 'facilitator'] as const;
export type MembershipRole = (typeof MEMBERSHIP_ROLES)[number];

/**
 * The key of a row about one person in one cohort (a membership, a removal): it goes with either.
 * A function, because each table needs its own column builders.
 */
const cohortPersonColumns = () => ({
  cohortId: uuid('cohort_id')
    .notNull()
    .references(() => cohorts.id, { onDelete: 'cascade' }),
  personId: uuid('person_id')
    .notNull()
    .references(() => people.id, { onDelete: 'cascade' }),
  orgId: uuid('org_id')
    .notNull()
    .references(() => organisations.id, { onDelete: 'cascade' }),
});

/** A person in a cohort: a learner practising in it, or a facilitator running it. */
export const cohortMembers = pgTable(
  'cohort_members',
  {
    ...cohortPersonColumns(),
    role: text('role', { enum: MEMBERSHIP_ROLES }).notNull().default('learner'),
    joinedAt: timestamp('joined_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.cohortId, t.personId] }),
    index('cohort_members_person_idx').on(t.orgId, t.personId),
  ],
);

/**
 * Someone taken out of a cohort by a facilitator or admin. LMS launches put course members into
 * the course's cohort; this row is how a launch knows not to undo a removal. Adding the person
 * back through the API deletes it; it goes with the cohort or the person.
 */
export const cohortRemovals = pgTable(
  'cohort_removals',
  {
    ...cohortPersonColumns(),
    removedAt: timestamp('removed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.cohortId, t.personId] }),
    index('cohort_removals_person_idx').on(t.orgId, t.personId),
  ],
);

/**
 * One drill assigned to one learner (a cohort assignment fans out to a row per learner, each with
 * the cohort it came from). The attempt counters are kept up to date when a drill session ends,
 * so reading a cohort's assignments never re-reads its sessions.
 */
export const assignments = pgTable(
  'assignments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    drillId: uuid('drill_id')
      .notNull()
      .references(() => drills.id, { onDelete: 'cascade' }),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    /** the cohort the assignment was made through, if any */
    cohortId: uuid('cohort_id').references(() => cohorts.id, { onDelete: 'set null' }),
    dueAt: timestamp('due_at', { withTimezone: true }).notNull(),
    assignedBy: uuid('assigned_by').references(() => people.id, { onDelete: 'set null' }),
    attempts: integer('attempts').notNull().default(0),
    passed: boolean('passed').notNull().default(false),
    passedAt: timestamp('passed_at', { withTimezone: true }),
    /** best level reached on the drill's focus skills (the lowest focus skill in the attempt) */
    bestLevel: text('best_level').$type<Level>(),
    lastSessionId: uuid('last_session_id').references(() => sessions.id, { onDelete: 'set null' }),
    lastAttemptAt: timestamp('last_attempt_at', { withTimezone: true }),
    /** plain-words reasons the last attempt did not pass */
    lastReasons: jsonb('last_reasons').$type<string[]>(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // one open assignment of a drill per learner: assigning it again is a conflict, not a duplicate
    uniqueIndex('assignments_person_drill_uq').on(t.personId, t.drillId),
    index('assignments_org_person_idx').on(t.orgId, t.personId),
    index('assignments_cohort_idx').on(t.cohortId),
  ],
);

/**
 * Each learner's progress snapshot (mastery per skill, readiness under the default rule, session
 * count), refreshed when one of their sessions ends. Cohort views read one small row per learner
 * instead of re-reading every result; `lastResultAt` says which ledger state it reflects, so a
 * snapshot that missed a session is noticed and recomputed rather than trusted.
 */
export const learnerProgress = pgTable(
  'learner_progress',
  {
    personId: uuid('person_id')
      .primaryKey()
      .references(() => people.id, { onDelete: 'cascade' }),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    /** newest `skill_results.at` the snapshot includes */
    lastResultAt: timestamp('last_result_at', { withTimezone: true }),
    snapshot: jsonb('snapshot').$type<LearnerSnapshot>().notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('learner_progress_org_idx').on(t.orgId)],
);

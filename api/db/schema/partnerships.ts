/**
 * @module db/schema/partnerships
 * Learning Partnerships: two learners of a cohort paired by a facilitator, the agreement they
 * write and confirm (versioned), the sessions they hold coaching each other, the actions each
 * coachee sets and follows up, and each partner's review when it ends. Every row carries `org_id`.
 * A partner who deletes their account leaves the partnership and the other partner's records in
 * place (person columns `set null`); their own actions and review go with them.
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
  uuid,
} from 'drizzle-orm/pg-core';
import type { AgreementBody } from '../../partnerships/agreement.js';
import { organisations, people } from './organisations.js';
import { cohorts } from './programmes.js';

export const PARTNERSHIP_STATUSES = ['proposed', 'active', 'ended'] as const;
export type PartnershipStatus = (typeof PARTNERSHIP_STATUSES)[number];
export const ACTION_STATUSES = ['open', 'done', 'partly', 'not_yet', 'dropped'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

const orgColumn = () =>
  uuid('org_id')
    .notNull()
    .references(() => organisations.id, { onDelete: 'cascade' });

export const partnerships = pgTable(
  'partnerships',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: orgColumn(),
    cohortId: uuid('cohort_id').references(() => cohorts.id, { onDelete: 'set null' }),
    /** the two partners; null once that partner deleted their account */
    personA: uuid('person_a').references(() => people.id, { onDelete: 'set null' }),
    personB: uuid('person_b').references(() => people.id, { onDelete: 'set null' }),
    status: text('status', { enum: PARTNERSHIP_STATUSES }).notNull().default('proposed'),
    /** latest agreement version written (0: none yet) and the latest both partners confirmed */
    agreementVersion: integer('agreement_version').notNull().default(0),
    agreedVersion: integer('agreed_version').notNull().default(0),
    /** who confirmed the latest version */
    confirmedBy: jsonb('confirmed_by').$type<string[]>().notNull().default([]),
    /** an open request for the facilitator's help */
    helpRequest: jsonb('help_request').$type<{ by: string; message: string; at: string } | null>(),
    createdBy: uuid('created_by').references(() => people.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    activatedAt: timestamp('activated_at', { withTimezone: true }),
    endedAt: timestamp('ended_at', { withTimezone: true }),
  },
  (t) => [
    index('partnerships_org_cohort_idx').on(t.orgId, t.cohortId),
    index('partnerships_person_a_idx').on(t.personA),
    index('partnerships_person_b_idx').on(t.personB),
  ],
);

/** Every version of a partnership's agreement, kept: a confirmation is always of one version. */
export const partnershipAgreements = pgTable(
  'partnership_agreements',
  {
    partnershipId: uuid('partnership_id')
      .notNull()
      .references(() => partnerships.id, { onDelete: 'cascade' }),
    orgId: orgColumn(),
    version: integer('version').notNull(),
    body: jsonb('body').$type<AgreementBody>().notNull(),
    authorId: uuid('author_id').references(() => people.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.partnershipId, t.version] })],
);

/** A session the partners held: who coached, the topic, and what the pair learned (private to them). */
export const partnershipSessions = pgTable(
  'partnership_sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: orgColumn(),
    partnershipId: uuid('partnership_id')
      .notNull()
      .references(() => partnerships.id, { onDelete: 'cascade' }),
    heldOn: text('held_on').notNull(),
    coachId: uuid('coach_id').references(() => people.id, { onDelete: 'set null' }),
    coacheeId: uuid('coachee_id').references(() => people.id, { onDelete: 'set null' }),
    topic: text('topic').notNull(),
    /** notes for the pair; the facilitator reads them only when both partners share them */
    learning: text('learning').notNull().default(''),
    loggedBy: uuid('logged_by').references(() => people.id, { onDelete: 'set null' }),
    /** partners who agreed to share these notes with the facilitator */
    sharedBy: jsonb('shared_by').$type<string[]>().notNull().default([]),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('partnership_sessions_pair_idx').on(t.partnershipId, t.heldOn)],
);

/** An action the coachee set in a session, followed up at the next one. */
export const partnershipActions = pgTable(
  'partnership_actions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: orgColumn(),
    partnershipId: uuid('partnership_id')
      .notNull()
      .references(() => partnerships.id, { onDelete: 'cascade' }),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => partnershipSessions.id, { onDelete: 'cascade' }),
    ownerId: uuid('owner_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    text: text('text').notNull(),
    dueOn: text('due_on'),
    status: text('status', { enum: ACTION_STATUSES }).notNull().default('open'),
    /** the session that followed it up last */
    followedUpIn: uuid('followed_up_in').references(() => partnershipSessions.id, {
      onDelete: 'set null',
    }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('partnership_actions_pair_idx').on(t.partnershipId),
    index('partnership_actions_owner_idx').on(t.orgId, t.ownerId),
  ],
);

/** Each partner's short review of the partnership when it ends: a 1-5 rating of its value and a few words. */
export const partnershipReviews = pgTable(
  'partnership_reviews',
  {
    partnershipId: uuid('partnership_id')
      .notNull()
      .references(() => partnerships.id, { onDelete: 'cascade' }),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    orgId: orgColumn(),
    rating: integer('rating').notNull(),
    valued: text('valued').notNull().default(''),
    wouldRecommend: boolean('would_recommend'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.partnershipId, t.personId] })],
);

/**
 * @module db/schema/practice
 * Practice sessions, their turns, drills, and per-skill results (the progress ledger).
 * Transcripts, codes, feedback, scorecards and the versions used are stored so a session can be
 * re-read and re-scored later.
 */
import { sql } from 'drizzle-orm';
import {
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  real,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type {
  CoachTurnCoding,
  DrillSpec,
  PartnerCard,
  PartnerDirective,
  PartnerState,
  Scorecard,
  TurnFeedback,
} from '../../practice/types.js';
import type { CoachRecord } from '../../practice/turn/index.js';
import { organisations, people } from './organisations.js';

export const drills = pgTable(
  'drills',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    /** the built-in drill this row was seeded from, if any */
    builtInKey: text('built_in_key'),
    title: text('title').notNull(),
    scenarioId: text('scenario_id').notNull(),
    spec: jsonb('spec').$type<Omit<DrillSpec, 'id'>>().notNull(),
    createdBy: uuid('created_by').references(() => people.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('drills_org_idx').on(t.orgId),
    uniqueIndex('drills_org_builtin_uq').on(t.orgId, t.builtInKey),
  ],
);

export const SESSION_STATUSES = ['active', 'ended'] as const;

export const sessions = pgTable(
  'sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    scenarioId: text('scenario_id').notNull(),
    drillId: uuid('drill_id').references(() => drills.id, { onDelete: 'set null' }),
    status: text('status', { enum: SESSION_STATUSES }).notNull().default('active'),
    seed: integer('seed').notNull(),
    partnerState: jsonb('partner_state').$type<PartnerState>().notNull(),
    /** what the coach has done so far (feedback reads it instead of the whole transcript); null before migration 0010 */
    coaching: jsonb('coaching').$type<CoachRecord>(),
    /** next free turn index */
    nextIndex: integer('next_index').notNull().default(0),
    /** engine, coder, rubric and prompt versions used */
    versions: jsonb('versions').$type<Record<string, string>>().notNull(),
    /**
     * the card an organisation's own scenario had when the session started (null for a built-in
     * scenario, whose card ships with the code): edits and retirement never reach a running session
     */
    scenarioCard: jsonb('scenario_card').$type<PartnerCard>(),
    scorecard: jsonb('scorecard').$type<Scorecard>(),
    drillResult: jsonb('drill_result').$type<{ passed: boolean; reasons: string[] }>(),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
    endedAt: timestamp('ended_at', { withTimezone: true }),
  },
  (t) => [index('sessions_person_idx').on(t.orgId, t.personId, t.startedAt)],
);

export const TURN_STATUSES = ['done', 'pending'] as const;

export const turns = pgTable(
  'turns',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => sessions.id, { onDelete: 'cascade' }),
    index: integer('index').notNull(),
    role: text('role', { enum: ['coach', 'partner'] }).notNull(),
    /** partner turns are 'pending' between the coach turn being stored and the reply */
    status: text('status', { enum: TURN_STATUSES }).notNull().default('done'),
    text: text('text').notNull().default(''),
    clientTurnId: text('client_turn_id'),
    coding: jsonb('coding').$type<CoachTurnCoding>(),
    feedback: jsonb('feedback').$type<TurnFeedback & { source?: string }>(),
    /** partner turns: the directive the engine decided and the scripted fallback text */
    directive: jsonb('directive').$type<PartnerDirective>(),
    fallbackText: text('fallback_text'),
    source: text('source'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('turns_session_index_uq').on(t.sessionId, t.index),
    // partial: partner turns have no clientTurnId, and a turn's window read must not be able to
    // pick this index over (session, index) when the planner has no statistics (PGlite never has)
    uniqueIndex('turns_session_client_uq')
      .on(t.sessionId, t.clientTurnId)
      .where(sql`${t.clientTurnId} is not null`),
  ],
);

/** One row per skill per ended session: the ledger progress and cohort views read. */
export const skillResults = pgTable(
  'skill_results',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => sessions.id, { onDelete: 'cascade' }),
    skill: text('skill').notNull(),
    level: text('level').notNull(),
    score: real('score').notNull(),
    passedDrill: boolean('passed_drill'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('skill_results_person_idx').on(t.orgId, t.personId, t.at),
    // a learner's latest points per skill, read when a session ends (store/cohort-progress): by this
    // index the read takes the last few rows of each skill instead of sorting the whole ledger
    index('skill_results_person_skill_idx').on(t.orgId, t.personId, t.skill, t.at),
  ],
);

/**
 * Per learner and skill, how many rows the ledger holds and the newest one's time: a session's end
 * reads a learner's session count here (their largest per-skill count) instead of counting their
 * whole ledger, so its cost does not grow with their history. Kept by triggers on `skill_results`
 * (migration 0014), whoever writes the ledger (an end, a seed) or deletes from it (an erasure's
 * cascade), and filled from the ledger when the table was added.
 */
export const skillResultCounts = pgTable(
  'skill_result_counts',
  {
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    skill: text('skill').notNull(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    results: integer('results').notNull(),
    lastAt: timestamp('last_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.personId, t.skill] })],
);

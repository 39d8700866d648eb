/**
 * @module db/schema/lti
 * LMS integration: LTI 1.3 platform registrations, the tool's own signing keys, one-time login
 * states, who and what a platform's ids map to (users, contexts, resource links, launches), the
 * grade outbox for Assignment and Grade Services, and the per-organisation xAPI LRS with its
 * statement outbox. Outboxes are retried with backoff so an LMS or LRS that is down loses nothing.
 */
import {
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  real,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { organisations, people } from './organisations.js';
import { drills, sessions } from './practice.js';
import { cohorts } from './programmes.js';

/** A platform (LMS) registered by an organisation's admin: the values the LMS shows when adding a tool. */
export const ltiPlatforms = pgTable(
  'lti_platforms',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    /** the `iss` of the platform's id_tokens */
    issuer: text('issuer').notNull(),
    /** the client id the platform gave this tool (the `aud` of its id_tokens) */
    clientId: text('client_id').notNull(),
    deploymentIds: jsonb('deployment_ids').$type<string[]>().notNull(),
    /** OIDC authorisation endpoint the login redirects to */
    authEndpoint: text('auth_endpoint').notNull(),
    /** OAuth2 token endpoint for AGS */
    tokenEndpoint: text('token_endpoint').notNull(),
    jwksUrl: text('jwks_url').notNull(),
    /** `aud` of the client assertion when the platform wants something other than the token endpoint */
    tokenAudience: text('token_audience'),
    /** extra origins allowed to frame the launch page (the LMS host when it differs from the issuer) */
    frameOrigins: jsonb('frame_origins').$type<string[]>().notNull().default([]),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('lti_platforms_iss_client_uq').on(t.issuer, t.clientId),
    index('lti_platforms_org_idx').on(t.orgId),
  ],
);

export const TOOL_KEY_STATUSES = ['active', 'previous', 'retired'] as const;

/**
 * The tool's RSA key pairs, one set per organisation (its admin rotates only its own); every
 * organisation's `active` and `previous` keys are published at the one JWKS URL. Keys made before
 * keys had an organisation have none: still published, no longer used to sign.
 */
export const ltiToolKeys = pgTable(
  'lti_tool_keys',
  {
    kid: text('kid').primaryKey(),
    orgId: uuid('org_id').references(() => organisations.id, { onDelete: 'cascade' }),
    publicJwk: jsonb('public_jwk').$type<Record<string, unknown>>().notNull(),
    privateJwk: jsonb('private_jwk').$type<Record<string, unknown>>().notNull(),
    status: text('status', { enum: TOOL_KEY_STATUSES }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    rotatedAt: timestamp('rotated_at', { withTimezone: true }),
  },
  (t) => [index('lti_tool_keys_org_status_idx').on(t.orgId, t.status)],
);

/**
 * OIDC login states, kept on the server because LMS iframes block third-party cookies. A state is
 * consumed (deleted) by the launch that presents it, which also makes its nonce single-use.
 */
export const ltiLoginStates = pgTable(
  'lti_login_states',
  {
    state: text('state').primaryKey(),
    nonce: text('nonce').notNull(),
    platformId: uuid('platform_id')
      .notNull()
      .references(() => ltiPlatforms.id, { onDelete: 'cascade' }),
    targetLinkUri: text('target_link_uri').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('lti_login_states_expiry_idx').on(t.expiresAt)],
);

/** A platform user (`sub`) and the person they are in the organisation. */
export const ltiUsers = pgTable(
  'lti_users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    platformId: uuid('platform_id')
      .notNull()
      .references(() => ltiPlatforms.id, { onDelete: 'cascade' }),
    sub: text('sub').notNull(),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('lti_users_platform_sub_uq').on(t.platformId, t.sub)],
);

/** A course (LTI context) and the cohort it became: course members join that cohort on launch. */
export const ltiContexts = pgTable(
  'lti_contexts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    platformId: uuid('platform_id')
      .notNull()
      .references(() => ltiPlatforms.id, { onDelete: 'cascade' }),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    contextId: text('context_id').notNull(),
    title: text('title'),
    /** indexed: every cohort read looks up whether the cohort came from a course (`lmsLinked`, store/cohorts) */
    cohortId: uuid('cohort_id').references(() => cohorts.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('lti_contexts_platform_ctx_uq').on(t.platformId, t.contextId),
    index('lti_contexts_cohort_idx').on(t.cohortId),
  ],
);

/** A placement in a course (LTI resource link) and the drill it opens; `lineItemUrl` when graded. */
export const ltiResourceLinks = pgTable(
  'lti_resource_links',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    platformId: uuid('platform_id')
      .notNull()
      .references(() => ltiPlatforms.id, { onDelete: 'cascade' }),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    resourceLinkId: text('resource_link_id').notNull(),
    contextId: uuid('context_id').references(() => ltiContexts.id, { onDelete: 'set null' }),
    drillId: uuid('drill_id').references(() => drills.id, { onDelete: 'set null' }),
    title: text('title'),
    lineItemUrl: text('line_item_url'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('lti_resource_links_platform_rl_uq').on(t.platformId, t.resourceLinkId)],
);

/** The latest launch of a resource link by a person: where a finished session's grade goes, and what the launch did. */
export const ltiLaunches = pgTable(
  'lti_launches',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    resourceLinkId: uuid('resource_link_id')
      .notNull()
      .references(() => ltiResourceLinks.id, { onDelete: 'cascade' }),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    /** the platform's id for the user, as AGS wants it in `userId` */
    userSub: text('user_sub').notNull(),
    /** the role the LMS launched them in (Instructor or Administrator: `facilitator`, else `learner`), as asked, before the people rules */
    role: text('role').notNull(),
    /**
     * the role they acted in after the people rules (lti/course-membership): the page the launch
     * opened, `facilitator` view or `learner` practice. It differs from `role` only when the rules
     * held an instructor launch back to practice (a learner still in a cohort, someone taken out of
     * the course's cohort). Null for launches recorded before it was kept.
     */
    actedAs: text('acted_as', { enum: ['learner', 'facilitator'] }),
    launchedAt: timestamp('launched_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('lti_launches_link_person_uq').on(t.resourceLinkId, t.personId),
    index('lti_launches_person_idx').on(t.personId, t.launchedAt),
  ],
);

export const OUTBOX_STATUSES = ['pending', 'sent', 'failed'] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

/**
 * The delivery state every outbox row carries, the same in both outboxes: `api/outbox` claims,
 * counts, retries and gives rows up through these columns alone.
 */
const deliveryColumns = () => ({
  status: text('status', { enum: OUTBOX_STATUSES }).notNull().default('pending'),
  /** delivery attempts, counted when a run claims the row, so a run cut off mid-delivery still counts */
  attempts: integer('attempts').notNull().default(0),
  nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
  /** a run holds the row until then; a run that never reports back simply lets it run out */
  lockedUntil: timestamp('locked_until', { withTimezone: true }),
  lastError: text('last_error'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  sentAt: timestamp('sent_at', { withTimezone: true }),
});

/** Grades waiting to reach (or delivered to) a platform's line item. One per session and line item. */
export const ltiGradeOutbox = pgTable(
  'lti_grade_outbox',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    platformId: uuid('platform_id')
      .notNull()
      .references(() => ltiPlatforms.id, { onDelete: 'cascade' }),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => sessions.id, { onDelete: 'cascade' }),
    lineItemUrl: text('line_item_url').notNull(),
    userSub: text('user_sub').notNull(),
    scoreGiven: real('score_given').notNull(),
    scoreMaximum: real('score_maximum').notNull(),
    comment: text('comment'),
    ...deliveryColumns(),
  },
  (t) => [
    uniqueIndex('lti_grade_outbox_session_li_uq').on(t.sessionId, t.lineItemUrl),
    index('lti_grade_outbox_due_idx').on(t.status, t.nextAttemptAt),
    index('lti_grade_outbox_org_idx').on(t.orgId, t.status),
  ],
);

/** An organisation's Learning Record Store (xAPI is optional per organisation). */
export const xapiLrs = pgTable('xapi_lrs', {
  orgId: uuid('org_id')
    .primaryKey()
    .references(() => organisations.id, { onDelete: 'cascade' }),
  endpoint: text('endpoint').notNull(),
  username: text('username').notNull(),
  password: text('password').notNull(),
  enabled: boolean('enabled').notNull().default(true),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** xAPI statements waiting for (or delivered to) the organisation's LRS. */
export const xapiOutbox = pgTable(
  'xapi_outbox',
  {
    /** the statement id, so a retried POST is idempotent at the LRS */
    id: uuid('id').primaryKey(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    sessionId: uuid('session_id').references(() => sessions.id, { onDelete: 'cascade' }),
    verb: text('verb').notNull(),
    statement: jsonb('statement').$type<Record<string, unknown>>().notNull(),
    ...deliveryColumns(),
  },
  (t) => [
    index('xapi_outbox_due_idx').on(t.status, t.nextAttemptAt),
    index('xapi_outbox_org_idx').on(t.orgId, t.status),
  ],
);

/**
 * @module routes/cohorts/schemas
 * Request and response schemas of the cohort routes (OpenAPI components).
 */
import { z } from '@hono/zod-openapi';
import { LEVELS, SKILLS, type SkillId } from '../../practice/types.js';

export const ReadinessRule = z
  .object({
    minSessions: z
      .number()
      .int()
      .min(1)
      .max(20)
      .optional()
      .openapi({ description: 'scored sessions each skill needs in the window (default 3)' }),
    window: z
      .number()
      .int()
      .min(1)
      .max(20)
      .optional()
      .openapi({ description: 'recent sessions looked at (default 3)' }),
    skills: z
      .array(z.enum(SKILLS))
      .min(1)
      .optional()
      .openapi({ description: 'skills that must be at least fair (default all six)' }),
  })
  .strict()
  .openapi('ReadinessRule');

const LmsLinked = z.boolean().openapi({
  description:
    'an LMS course (LTI 1.3) is linked to this cohort: the course created it, and its members join it when they launch from the course',
});

export const CohortSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    description: z.string(),
    readiness: ReadinessRule,
    learners: z.number().int(),
    lmsLinked: LmsLinked,
    createdAt: z.string(),
  })
  .openapi('Cohort');

/** The cohort as the progress view names it. */
export const CohortRef = z
  .object({ id: z.string(), name: z.string(), lmsLinked: LmsLinked })
  .openapi('CohortRef');

export const NewCohort = z
  .object({
    name: z.string().trim().min(1).max(120),
    description: z.string().max(2000).optional(),
    readiness: ReadinessRule.optional(),
    facilitatorIds: z
      .array(z.uuid())
      .max(20)
      .optional()
      .openapi({ description: 'admins only: facilitators who run it' }),
  })
  .strict()
  .openapi('NewCohort');

export const CohortPatch = z
  .object({
    name: z.string().trim().min(1).max(120).optional(),
    description: z.string().max(2000).optional(),
    readiness: ReadinessRule.optional(),
  })
  .strict()
  .refine(
    (patch) => Object.keys(patch).length > 0,
    'Send at least one field to change (name, description or readiness).',
  )
  .openapi('CohortPatch');

export const MembersBody = z
  .object({
    personIds: z.array(z.uuid()).min(1).max(1000),
    role: z
      .enum(['learner', 'facilitator'])
      .default('learner')
      .openapi({ description: 'facilitator: admins only' }),
  })
  .strict()
  .openapi('CohortMembers');

const Skill = z.object({
  level: z.enum(LEVELS),
  confidence: z.enum(['low', 'medium', 'high']),
  trend: z.enum(['improving', 'steady', 'declining', 'unknown']),
  estimate: z.number(),
  sessions: z.number().int(),
});

export const LearnerProgressSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    email: z.string(),
    skills: z
      .object(Object.fromEntries(SKILLS.map((k) => [k, Skill])) as Record<SkillId, typeof Skill>)
      .openapi({ description: 'each of the six skills' }),
    readyToPartner: z.boolean(),
    reasons: z.array(z.string()),
    assignments: z.array(
      z.object({
        id: z.string(),
        drillId: z.string(),
        cohortId: z.string().nullable().openapi({
          description:
            'the cohort it was assigned through (taking the learner out of that cohort cancels it); null: assigned directly',
        }),
        title: z.string(),
        status: z.enum(['not_started', 'in_progress', 'passed', 'not_passed', 'overdue']),
        dueAt: z.string(),
        attempts: z.number().int(),
        bestLevel: z.enum(LEVELS).nullable(),
      }),
    ),
    sessions: z.number().int(),
    lastSessionAt: z.string().nullable(),
  })
  .openapi('CohortLearnerProgress');

const Member = z
  .object({ id: z.string(), name: z.string(), email: z.string() })
  .openapi('CohortMember');

/** A cohort with who is in it (`GET /cohorts/{id}`): here `learners` lists them rather than counting them. */
export const CohortDetailSchema = CohortSchema.omit({ learners: true })
  .extend({ learners: z.array(Member), facilitators: z.array(Member) })
  .openapi('CohortDetail');

/** A session in a cohort learner's list; read it whole with `GET /sessions/{id}`. */
export const LearnerSessionSchema = z
  .object({
    id: z.string(),
    status: z.enum(['active', 'ended']),
    scenarioId: z.string(),
    drillId: z.string().nullable(),
    startedAt: z.string(),
    endedAt: z.string().nullable(),
    levels: z
      .record(z.string(), z.enum(LEVELS))
      .nullable()
      .openapi({ description: 'each scored skill’s level (by skill id) once the session ended' }),
    drillPassed: z.boolean().nullable(),
  })
  .openapi('LearnerSession');

/**
 * @module routes/sessions/schemas
 * Request and response schemas of the practice-session routes (the public contract).
 */
import { z } from '@hono/zod-openapi';
import { wellFormed } from '../../db/json-rows.js';
import { COACH_CODES, LEVELS, SKILLS, UTTERANCE_LABELS } from '../../practice/types.js';
import { ScenarioSchema } from '../scenarios/index.js';

export const StartSessionBody = z
  .object({
    scenarioId: z.string().min(1).max(100).optional(),
    drillId: z.string().uuid('drillId must be a UUID').optional(),
  })
  .strict()
  .refine((b) => b.scenarioId || b.drillId, {
    message: 'Give a scenarioId or a drillId',
    path: ['scenarioId'],
  })
  .openapi('StartSession');

export const TurnBody = z
  .object({
    clientTurnId: z
      .string()
      .regex(
        /^[A-Za-z0-9_-]{8,100}$/,
        'clientTurnId must be 8-100 letters, digits, - or _ (a UUID is ideal)',
      ),
    // PostgreSQL text cannot hold NUL; say so here rather than fail at the insert.
    // A lone surrogate (half an emoji) is stored as U+FFFD: normalised here, so a resend matches.
    text: z
      .string()
      .trim()
      .min(1, 'text must not be empty')
      .refine((s) => !s.includes('\u0000'), 'text must not contain NUL (\\u0000) characters')
      .transform(wellFormed),
  })
  .strict()
  .openapi('CoachTurn');

const Feedback = z
  .object({
    worked: z.string(),
    improve: z.string(),
    suggestion: z.string(),
    alternative: z.string(),
  })
  .openapi('TurnFeedback');

export const CoachTurnView = z
  .object({
    index: z.number().int(),
    role: z.literal('coach'),
    text: z.string(),
    codes: z.array(z.enum(COACH_CODES)),
    label: z.enum(UTTERANCE_LABELS),
    feedback: Feedback.optional(),
  })
  .openapi('CodedCoachTurn');
const PartnerTurnView = z.object({
  index: z.number().int(),
  role: z.literal('partner'),
  text: z.string(),
  pending: z.boolean().optional(),
});

const Check = z.object({
  id: z.string(),
  label: z.string(),
  passed: z.boolean(),
  detail: z.string(),
  evidence: z.array(z.number().int()),
});
export const ScorecardSchema = z
  .object({
    rubric: z.object({ id: z.string(), version: z.string() }),
    skills: z.array(
      z.object({
        skill: z.enum(SKILLS),
        level: z.enum(LEVELS),
        score: z.number(),
        /** `not_enough_evidence`: too few coach turns to judge; no level, kept out of progress */
        status: z.enum(['scored', 'not_enough_evidence']).optional(),
        checks: z.array(Check),
        evidence: z.array(z.number().int()),
      }),
    ),
    summary: z.string(),
    metrics: z.record(z.string(), z.number()),
    drill: z
      .object({ id: z.string(), passed: z.boolean(), reasons: z.array(z.string()) })
      .optional()
      .openapi({
        description: 'the outcome against the drill’s pass criteria, on a drill session',
      }),
  })
  .openapi('Scorecard');

export const SessionSchema = z
  .object({
    id: z.string().uuid(),
    status: z.enum(['active', 'ended']),
    scenario: ScenarioSchema,
    drillId: z.string().uuid().nullable(),
    startedAt: z.string(),
    endedAt: z.string().nullable(),
    versions: z.record(z.string(), z.string()),
    turns: z.array(z.union([CoachTurnView, PartnerTurnView])),
    scorecard: ScorecardSchema.optional(),
    drillResult: z.object({ passed: z.boolean(), reasons: z.array(z.string()) }).optional(),
  })
  .openapi('Session');

export const SessionListSchema = z
  .object({
    sessions: z.array(
      z.object({
        id: z.string().uuid(),
        status: z.enum(['active', 'ended']),
        scenario: ScenarioSchema,
        drillId: z.string().uuid().nullable(),
        startedAt: z.string(),
        endedAt: z.string().nullable(),
        levels: z.record(z.string(), z.enum(['not_yet', 'fair', 'good'])).nullable(),
      }),
    ),
  })
  .openapi('SessionList');

export const TurnResultSchema = z
  .object({
    turn: CoachTurnView.extend({ feedback: Feedback }),
    reply: z.object({ index: z.number().int(), text: z.string(), source: z.string() }),
  })
  .openapi('TurnResult');

export const EndResultSchema = z
  .object({
    scorecard: ScorecardSchema,
    drillResult: z.object({ passed: z.boolean(), reasons: z.array(z.string()) }).nullable(),
  })
  .openapi('SessionEnded');

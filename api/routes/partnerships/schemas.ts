/**
 * @module routes/partnerships/schemas
 * Request and response schemas of the Learning Partnership routes (zod, shown in the OpenAPI document).
 */
import { z } from '@hono/zod-openapi';
import { ACTION_STATUSES } from '../../store/partnerships.js';
import { CADENCES, PARTNER_ROLES } from '../../partnerships/agreement.js';

const text = (max: number) => z.string().trim().min(1).max(max);
const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD').refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)), 'not a real date');

export const ProposalBody = z
  .object({
    learnerIds: z.array(z.uuid()).min(1).max(2000).optional().openapi({ description: 'only these learners of the cohort (default: all of them)' }),
    allowNotReady: z.boolean().default(false).openapi({ description: 'include learners not yet ready to partner; each pair then says who was not ready' }),
  })
  .strict()
  .openapi('PairingRequest');

export const Proposal = z
  .object({
    pairs: z.array(z.object({ learnerIds: z.tuple([z.string(), z.string()]), score: z.number().int().openapi({ description: '0..100: how complementary the two skill profiles are' }), reasons: z.array(z.string()) })),
    unpaired: z.array(z.object({ learnerId: z.string(), reason: z.string() })),
  })
  .openapi('PairingProposal');

export const NewPartnership = z.object({ learnerIds: z.tuple([z.uuid(), z.uuid()]), cohortId: z.uuid() }).strict().openapi('NewPartnership');

export const Agreement = z
  .object({
    outcomes: z.array(text(500)).min(1).max(10),
    goals: z.record(z.uuid(), text(1000)).openapi({ description: 'each partner’s own goal, by their person id' }),
    roles: z.record(z.uuid(), z.array(z.enum(PARTNER_ROLES)).min(1).max(3)).openapi({ description: 'the roles each partner asks of the other, by the asking partner’s id' }),
    responsibilities: z.array(text(500)).min(1).max(10),
    confidentiality: text(1000),
    cadence: z.enum(CADENCES),
    firstCoachId: z.uuid().optional(),
  })
  .strict()
  .openapi('PartnershipAgreement');

export const Confirm = z.object({ version: z.number().int().min(1) }).strict().openapi('AgreementConfirmation');

export const NewSessionBody = z
  .object({
    heldOn: Day,
    coachId: z.uuid(),
    topic: text(300),
    actions: z.array(z.object({ ownerId: z.uuid().optional().openapi({ description: 'the coachee (actions are the coachee’s own)' }), text: text(500), dueOn: Day.optional() }).strict()).max(10).default([]),
    learning: z.string().trim().max(4000).default(''),
    followUp: z
      .array(z.object({ actionId: z.uuid(), status: z.enum(ACTION_STATUSES.filter((s) => s !== 'open') as ['done', 'partly', 'not_yet', 'dropped']) }).strict())
      .max(50)
      .default([])
      .openapi({ description: 'how last time’s actions went: done, partly, not yet or dropped' }),
  })
  .strict()
  .openapi('NewPartnershipSession');

export const ShareBody = z.object({ share: z.boolean() }).strict().openapi('ShareNotes');
export const HelpBody = z.object({ message: text(1000) }).strict().openapi('HelpRequest');
export const Review = z.object({ rating: z.number().int().min(1).max(5).openapi({ description: 'how valuable the partnership was, 1 (not at all) to 5 (very)' }), valued: z.string().trim().max(2000).default(''), wouldRecommend: z.boolean().optional() }).strict().openapi('PartnershipReview');
export const EndBody = z.object({ review: Review.optional() }).strict().openapi('EndPartnership');

export const Placement = z
  .object({ department: z.string().trim().min(1).max(120).nullable(), lineManagerId: z.uuid().nullable().optional() })
  .strict()
  .openapi('Placement');
export const Preferences = z
  .object({ notWith: z.array(z.uuid()).max(50).default([]), availability: z.array(z.string().regex(/^(mon|tue|wed|thu|fri|sat|sun)-(am|pm)$/, 'a slot such as mon-am')).max(14).default([]) })
  .strict()
  .openapi('PairingPreferences');

export const PartnershipSchema = z.object({ id: z.string(), status: z.enum(['proposed', 'active', 'ended']) }).passthrough().openapi('Partnership');

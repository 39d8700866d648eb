/**
 * @module routes/partnerships/schemas
 * Request and response schemas of the Learning Partnership routes (zod, shown in the OpenAPI document).
 */
import { z } from '@hono/zod-openapi';
import { ACTION_STATUSES } from '../../store/partnerships.js';
import { CADENCES, PARTNER_ROLES } from '../../partnerships/agreement.js';
import { SKILLS } from '../../practice/types.js';

const text = (max: number) => z.string().trim().min(1).max(max);
const Day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD')
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)), 'not a real date');

export const ProposalBody = z
  .object({
    learnerIds: z
      .array(z.uuid())
      .min(1)
      .max(2000)
      .optional()
      .openapi({ description: 'only these learners of the cohort (default: all of them)' }),
    allowNotReady: z.boolean().default(false).openapi({
      description:
        'include learners not yet ready to partner; each pair then says who was not ready',
    }),
  })
  .strict()
  .openapi('PairingRequest');

export const Proposal = z
  .object({
    pairs: z.array(
      z.object({
        learnerIds: z.tuple([z.string(), z.string()]),
        score: z
          .number()
          .int()
          .openapi({ description: '0..100: how complementary the two skill profiles are' }),
        reasons: z.array(z.string()),
      }),
    ),
    unpaired: z.array(z.object({ learnerId: z.string(), reason: z.string() })),
  })
  .openapi('PairingProposal');

export const NewPartnership = z
  .object({ learnerIds: z.tuple([z.uuid(), z.uuid()]), cohortId: z.uuid() })
  .strict()
  .openapi('NewPartnership');

export const Agreement = z
  .object({
    outcomes: z.array(text(500)).min(1).max(10),
    goals: z
      .record(z.uuid(), text(1000))
      .openapi({ description: 'each partner’s own goal, by their person id' }),
    roles: z.record(z.uuid(), z.array(z.enum(PARTNER_ROLES)).min(1).max(3)).openapi({
      description: 'the roles each partner asks of the other, by the asking partner’s id',
    }),
    responsibilities: z.array(text(500)).min(1).max(10),
    confidentiality: text(1000),
    cadence: z.enum(CADENCES),
    firstCoachId: z.uuid().optional(),
  })
  .strict()
  .openapi('PartnershipAgreement');

export const Confirm = z
  .object({ version: z.number().int().min(1) })
  .strict()
  .openapi('AgreementConfirmation');

export const NewSessionBody = z
  .object({
    heldOn: Day,
    coachId: z.uuid(),
    topic: text(300),
    actions: z
      .array(
        z
          .object({
            ownerId: z
              .uuid()
              .optional()
              .openapi({ description: 'the coachee (actions are the coachee’s own)' }),
            text: text(500),
            dueOn: Day.optional(),
          })
          .strict(),
      )
      .max(10)
      .default([]),
    learning: z.string().trim().max(4000).default(''),
    followUp: z
      .array(
        z
          .object({
            actionId: z.uuid(),
            status: z.enum(
              ACTION_STATUSES.filter((s) => s !== 'open') as [
                'done',
                'partly',
                'not_yet',
                'dropped',
              ],
            ),
          })
          .strict(),
      )
      .max(50)
      .default([])
      .openapi({ description: 'how last time’s actions went: done, partly, not yet or dropped' }),
  })
  .strict()
  .openapi('NewPartnershipSession');

export const ShareBody = z.object({ share: z.boolean() }).strict().openapi('ShareNotes');
export const HelpBody = z
  .object({ message: text(1000) })
  .strict()
  .openapi('HelpRequest');
export const Review = z
  .object({
    rating: z
      .number()
      .int()
      .min(1)
      .max(5)
      .openapi({ description: 'how valuable the partnership was, 1 (not at all) to 5 (very)' }),
    valued: z.string().trim().max(2000).default(''),
    wouldRecommend: z.boolean().optional(),
  })
  .strict()
  .openapi('PartnershipReview');
export const EndBody = z.object({ review: Review.optional() }).strict().openapi('EndPartnership');

export const Placement = z
  .object({
    department: z.string().trim().min(1).max(120).nullable(),
    lineManagerId: z.uuid().nullable().optional(),
  })
  .strict()
  .openapi('Placement');
export const Preferences = z
  .object({
    notWith: z.array(z.uuid()).max(50).default([]),
    availability: z
      .array(z.string().regex(/^(mon|tue|wed|thu|fri|sat|sun)-(am|pm)$/, 'a slot such as mon-am'))
      .max(14)
      .default([]),
  })
  .strict()
  .openapi('PairingPreferences');

const Status = z.enum(['proposed', 'active', 'ended']);
const Phase = z.enum(['none', 'awaiting', 'agreed']).openapi({
  description:
    'none: no agreement written; awaiting: a version waits for both confirmations; agreed: both confirmed',
});
const Partner = z.object({
  id: z.string().nullable().openapi({ description: 'null when the partner has since left' }),
  name: z.string(),
  department: z.string().nullable(),
});

export const ReciprocitySchema = z
  .object({
    coached: z
      .record(z.string(), z.number().int())
      .openapi({ description: 'sessions coached, by person id' }),
    lastCoachId: z.string().nullable(),
    streak: z
      .number()
      .int()
      .openapi({ description: 'consecutive sessions the last coach has coached' }),
    nextCoachId: z.string().nullable(),
    balance: z.number().openapi({ description: '0 (one-sided) .. 1 (even)' }),
    nudge: z.string().nullable(),
  })
  .openapi('Reciprocity');

const AgreementBodyView = z
  .object({
    outcomes: z.array(z.string()),
    goals: z.record(z.string(), z.string()),
    roles: z.record(z.string(), z.array(z.enum(PARTNER_ROLES))),
    responsibilities: z.array(z.string()),
    confidentiality: z.string(),
    cadence: z.enum(CADENCES),
    firstCoachId: z.string().optional(),
  })
  .openapi('PartnershipAgreementBody');

const ActionView = z.object({
  id: z.string(),
  sessionId: z.string(),
  ownerId: z.string().nullable(),
  text: z.string().optional().openapi({ description: 'partners only' }),
  dueOn: z.string().nullable(),
  status: z.enum(ACTION_STATUSES),
  followedUpIn: z.string().nullable(),
});

export const PartnershipSchema = z
  .object({
    id: z.string(),
    cohortId: z.string().nullable(),
    status: Status,
    partners: z.array(Partner),
    createdAt: z.string(),
    activatedAt: z.string().nullable(),
    endedAt: z.string().nullable(),
    agreement: z.object({
      phase: Phase,
      version: z.number().int(),
      agreedVersion: z.number().int(),
      confirmedBy: z.array(z.string()),
      body: AgreementBodyView.optional().openapi({
        description: 'partners only: the agreement’s words',
      }),
      cadence: z.enum(CADENCES).optional(),
    }),
    sessions: z.array(
      z.object({
        id: z.string(),
        heldOn: z.string(),
        coachId: z.string().nullable(),
        coacheeId: z.string().nullable(),
        topic: z.string().optional().openapi({ description: 'partners only' }),
        learning: z
          .string()
          .optional()
          .openapi({ description: 'partners, or staff when both partners shared the notes' }),
        sharedBy: z.array(z.string()),
        sharedWithFacilitator: z.boolean(),
      }),
    ),
    actions: z.array(ActionView),
    toFollowUp: z
      .array(ActionView)
      .openapi({ description: 'actions still to follow up at the next session' }),
    lastSessionOn: z.string().nullable(),
    reciprocity: ReciprocitySchema,
    helpRequest: z
      .object({ byId: z.string(), by: z.string(), message: z.string(), at: z.string() })
      .nullable(),
    reviews: z.array(
      z.object({
        personId: z.string().nullable(),
        rating: z.number().int(),
        valued: z.string().optional(),
        wouldRecommend: z.boolean().nullable(),
      }),
    ),
    you: z
      .string()
      .nullable()
      .openapi({ description: 'the caller’s person id when they are a partner' }),
    suggestedDrill: z
      .object({ skill: z.enum(SKILLS), drillId: z.string(), title: z.string(), why: z.string() })
      .nullable()
      .optional()
      .openapi({
        description: 'partners of an open partnership: a drill for their least practised skill',
      }),
  })
  .openapi('Partnership');

/** One partnership in a facilitator's series: its state without the partners' words. */
export const SeriesEntrySchema = z
  .object({
    id: z.string(),
    status: Status,
    partners: z.array(Partner),
    agreement: z.object({
      phase: Phase,
      version: z.number().int(),
      agreedVersion: z.number().int(),
      cadence: z.enum(CADENCES).nullable(),
    }),
    sessions: z.object({
      held: z.number().int(),
      expected: z
        .number()
        .int()
        .nullable()
        .openapi({ description: 'sessions the agreed cadence expects by now' }),
    }),
    daysSinceLastSession: z.number().int().nullable(),
    reciprocity: ReciprocitySchema,
    actions: z.object({ agreed: z.number().int(), completed: z.number().int() }),
    helpRequested: z.boolean(),
    attention: z
      .array(z.string())
      .openapi({ description: 'what needs the facilitator’s attention, in plain words' }),
  })
  .openapi('PartnershipSeriesEntry');

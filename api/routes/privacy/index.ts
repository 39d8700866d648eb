/**
 * @module routes/privacy
 * A person's own data: `GET /api/me/export` (everything, as JSON) and `DELETE /api/me` (the account
 * and all its sessions, transcripts and progress, for real). Any signed-in role may use them.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { requireAuth } from '../../auth/index.js';
import { Problem } from '../../problems/index.js';
import { deletePerson, exportPersonData } from '../../store/privacy.js';
import { bearer, createRouter, json, problems } from '../openapi.js';

/**
 * Every record kept about the person, each with the columns the store exports and no other: the
 * objects are strict, so a column the store starts to send is caught by the contract check until
 * it is named here. Stored JSON (transcripts' codes, scorecards, agreements) is passed as it is.
 */
const record = <T extends z.ZodRawShape>(shape: T) => z.strictObject(shape);
const stored = z.unknown().openapi({ description: 'stored JSON, as it is' });
const id = z.string();
const when = z.string();
const PersonalDataExport = z
  .strictObject({
    exportedAt: when,
    person: record({
      id,
      name: z.string(),
      email: z.string(),
      role: z.enum(['learner', 'facilitator', 'admin']),
      department: z.string().nullable(),
      lineManagerId: id.nullable(),
      pairingPreferences: z.strictObject({
        notWith: z.array(z.string()).optional(),
        availability: z.array(z.string()).optional(),
      }),
      createdAt: when,
    }),
    cohorts: z.array(
      record({
        cohortId: id,
        cohort: z.string(),
        role: z.enum(['learner', 'facilitator']),
        joinedAt: when,
      }),
    ),
    removedFromCohorts: z.array(record({ cohortId: id, cohort: z.string(), removedAt: when })),
    assignments: z.array(
      record({
        id,
        drillId: id,
        personId: id,
        cohortId: id.nullable(),
        dueAt: when,
        assignedBy: id.nullable(),
        attempts: z.number().int(),
        passed: z.boolean(),
        passedAt: when.nullable(),
        bestLevel: z.string().nullable(),
        lastSessionId: id.nullable(),
        lastAttemptAt: when.nullable(),
        lastReasons: z.array(z.string()).nullable(),
        createdAt: when,
      }),
    ),
    sessions: z.array(
      record({
        id,
        personId: id,
        scenarioId: z.string(),
        drillId: id.nullable(),
        status: z.enum(['active', 'ended']),
        coaching: stored.nullable(),
        nextIndex: z.number().int(),
        versions: z.record(z.string(), z.string()),
        scenarioCard: stored.nullable(),
        scorecard: stored.nullable(),
        drillResult: stored.nullable(),
        startedAt: when,
        endedAt: when.nullable(),
        turns: z.array(
          record({
            index: z.number().int(),
            role: z.enum(['coach', 'partner']),
            text: z.string(),
            coding: stored.nullable(),
            feedback: stored.nullable(),
            createdAt: when,
          }),
        ),
      }),
    ),
    skillResults: z.array(
      record({
        id,
        sessionId: id,
        skill: z.string(),
        level: z.string(),
        score: z.number(),
        passedDrill: z.boolean().nullable(),
        at: when,
      }),
    ),
    partnerships: z.array(
      record({
        id,
        cohortId: id.nullable(),
        personA: id.nullable(),
        personB: id.nullable(),
        status: z.enum(['proposed', 'active', 'ended']),
        agreementVersion: z.number().int(),
        agreedVersion: z.number().int(),
        confirmedBy: z.array(z.string()),
        helpRequest: stored.nullable(),
        createdBy: id.nullable(),
        createdAt: when,
        activatedAt: when.nullable(),
        endedAt: when.nullable(),
        agreements: z.array(
          record({
            partnershipId: id,
            version: z.number().int(),
            body: stored,
            authorId: id.nullable(),
            createdAt: when,
          }),
        ),
        sessions: z.array(
          record({
            id,
            partnershipId: id,
            heldOn: z.string(),
            coachId: id.nullable(),
            coacheeId: id.nullable(),
            topic: z.string(),
            learning: z.string(),
            loggedBy: id.nullable(),
            sharedBy: z.array(z.string()),
            createdAt: when,
          }),
        ),
        actions: z.array(
          record({
            id,
            partnershipId: id,
            sessionId: id,
            ownerId: id,
            text: z.string(),
            dueOn: z.string().nullable(),
            status: z.string(),
            followedUpIn: id.nullable(),
            createdAt: when,
            updatedAt: when,
          }),
        ),
        reviews: z.array(
          record({
            partnershipId: id,
            personId: id,
            rating: z.number().int(),
            valued: z.string(),
            wouldRecommend: z.boolean().nullable(),
            createdAt: when,
          }),
        ),
      }),
    ),
  })
  .openapi('PersonalDataExport');

const exportRoute = createRoute({
  security: bearer,
  tags: ['privacy'],
  middleware: [requireAuth],
  method: 'get',
  path: '/me/export',
  summary:
    'Download all your data (profile, cohorts, assignments, sessions with transcripts, progress ledger)',
  responses: {
    200: {
      description: 'Your data',
      content: json(PersonalDataExport),
    },
    ...problems(401),
  },
});

const deleteRoute = createRoute({
  security: bearer,
  tags: ['privacy'],
  middleware: [requireAuth],
  method: 'delete',
  path: '/me',
  summary: 'Delete your account, sessions and transcripts (cannot be undone)',
  responses: { 204: { description: 'Deleted' }, ...problems(401, 404, 409) },
});

export const privacyRoutes = createRouter()
  .openapi(exportRoute, async (c) => {
    const data = await exportPersonData(c.var.deps.db, c.var.caller);
    return c.json(data, 200, {
      'content-disposition': 'attachment; filename="sounding-board-export.json"',
      'cache-control': 'no-store',
    });
  })
  .openapi(deleteRoute, async (c) => {
    const { orgId, personId } = c.var.caller;
    if (!(await deletePerson(c.var.deps.db, orgId, personId)))
      throw Problem.notFound('Your account');
    return c.body(null, 204);
  });

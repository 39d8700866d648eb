/**
 * @module routes/partnerships
 * Learning Partnerships over HTTP: a facilitator proposes pairs for a cohort and confirms them; the
 * two partners write and confirm their agreement, log the sessions where they coach each other with
 * the coachee's actions and last time's follow-up, share notes only when both choose to, ask the
 * facilitator for help, and end with a short review each. The facilitator follows the series.
 * A partnership is visible to its partners, its cohort's facilitators and admins; to anyone else it
 * is not found. Only the partners write to it (staff may end it).
 */
import { createRoute, z } from '@hono/zod-openapi';
import { requireAuth, requireRole } from '../../auth/index.js';
import type { Caller } from '../../auth/index.js';
import { runInBackground, type AppDeps } from '../../app-env.js';
import { agreementProblems, type AgreementBody } from '../../partnerships/agreement.js';
import { partnershipAttention } from '../../partnerships/attention.js';
import { pairingBlock, proposePairs, type PairingCandidate } from '../../partnerships/pairing.js';
import {
  actionStatement,
  agreedStatement,
  sessionStatements,
} from '../../partnerships/statements.js';
import { Problem } from '../../problems/index.js';
import { SKILLS, type SkillId } from '../../practice/types.js';
import { readCohortProgress, computeSnapshots } from '../../store/cohort-progress.js';
import { findManagedCohort } from '../../store/cohorts.js';
import { listDrills } from '../../store/drills-catalogue.js';
import { drillSpecOf } from '../../store/drills.js';
import {
  agreementVersion,
  alreadyPartnered,
  cohortLearnerIds,
  cohortPartnerships,
  confirmAgreement,
  endPartnership,
  findPartnership,
  insertPartnership,
  insertSession,
  partnersOf,
  partnershipRecords,
  partnershipsOf,
  partnershipView,
  peopleById,
  reviseAgreement,
  saveReview,
  setHelpRequest,
  setNotesShared,
  type PartnershipRow,
} from '../../store/partnerships.js';
import { findLrs, enqueueStatements, deliverDueStatements } from '../../xapi/index.js';
import type { Statement } from '../../xapi/index.js';
import { bearer, createRouter, IdParams, json, jsonBody, problems, UuidParam } from '../openapi.js';
import {
  Agreement,
  Confirm,
  EndBody,
  HelpBody,
  NewPartnership,
  NewSessionBody,
  PartnershipSchema,
  Proposal,
  ProposalBody,
  Review,
  SeriesEntrySchema,
  ShareBody,
} from './schemas.js';

const signedIn = { security: bearer, tags: ['partnerships'], middleware: [requireAuth] };
const staff = {
  security: bearer,
  tags: ['partnerships'],
  middleware: [requireAuth, requireRole('facilitator', 'admin')],
};
const SessionParams = z.object({ id: UuidParam('id'), sessionId: UuidParam('sessionId') });
const View = json(PartnershipSchema);

const proposals = createRoute({
  ...staff,
  method: 'post',
  path: '/cohorts/{id}/pairings/proposals',
  summary: 'Propose Learning Partnership pairs for a cohort (nothing is saved)',
  description:
    'An optimal matching (maximum weight on a general graph) of the cohort’s learners who are ready to partner: never two people of the same department, never someone with their line manager, never against a “not with” wish, only where availability overlaps; complementary skill profiles preferred. Each pair says why; each learner left out says why (the odd one out is named). The same learners always give the same proposal. Confirm a pair with `POST /api/partnerships`.',
  request: { params: IdParams, body: { content: json(ProposalBody), required: false } },
  responses: {
    200: { description: 'The proposal', content: json(Proposal) },
    ...problems(400, 401, 403, 404),
  },
});
const series = createRoute({
  ...staff,
  method: 'get',
  path: '/cohorts/{id}/partnerships',
  summary: 'The facilitator’s series: every partnership of the cohort and what needs attention',
  description:
    'Per partnership: status, agreement state, sessions held against the agreed cadence, days since the last session, reciprocity, actions completed, and attention reasons in plain words. Never the partners’ private notes, goals or action words.',
  request: { params: IdParams },
  responses: {
    200: {
      description: 'The series',
      content: json(z.object({ partnerships: z.array(SeriesEntrySchema) })),
    },
    ...problems(400, 401, 403, 404),
  },
});
const create = createRoute({
  ...staff,
  method: 'post',
  path: '/partnerships',
  summary:
    'Pair two learners of a cohort you run (status proposed until both confirm an agreement)',
  description:
    'Refused (409) when the two share a department, one is the other’s line manager, one asked not to be paired with the other, or either is already in an open partnership in the cohort.',
  request: { body: jsonBody(NewPartnership) },
  responses: {
    201: { description: 'Created', content: View },
    ...problems(400, 401, 403, 404, 409),
  },
});
const mine = createRoute({
  ...signedIn,
  method: 'get',
  path: '/me/partnerships',
  summary: 'Your Learning Partnerships',
  responses: {
    200: {
      description: 'Yours',
      content: json(z.object({ partnerships: z.array(PartnershipSchema) })),
    },
    ...problems(401),
  },
});
const read = createRoute({
  ...signedIn,
  method: 'get',
  path: '/partnerships/{id}',
  summary: 'A partnership: agreement, sessions, actions to follow up, reciprocity',
  description:
    'Partners see everything of the pair, and a drill suggested for their weakest skill before the next session. Facilitators and admins see the state without private notes unless both partners shared them.',
  request: { params: IdParams },
  responses: { 200: { description: 'The partnership', content: View }, ...problems(400, 401, 404) },
});
const putAgreement = createRoute({
  ...signedIn,
  method: 'put',
  path: '/partnerships/{id}/agreement',
  summary: 'Write the agreement (a new version; both partners confirm it again)',
  request: { params: IdParams, body: jsonBody(Agreement) },
  responses: {
    200: { description: 'The partnership with the new version', content: View },
    ...problems(400, 401, 403, 404, 409),
  },
});
const confirm = createRoute({
  ...signedIn,
  method: 'post',
  path: '/partnerships/{id}/agreement/confirm',
  summary: 'Confirm the agreement version you read; active once both confirmed the same version',
  request: { params: IdParams, body: jsonBody(Confirm) },
  responses: {
    200: { description: 'The partnership', content: View },
    ...problems(400, 401, 403, 404, 409),
  },
});
const logSession = createRoute({
  ...signedIn,
  method: 'post',
  path: '/partnerships/{id}/sessions',
  summary:
    'Log a session: who coached, the topic, the coachee’s actions, how last time’s actions went',
  request: { params: IdParams, body: jsonBody(NewSessionBody) },
  responses: {
    201: { description: 'The partnership with the session', content: View },
    ...problems(400, 401, 403, 404, 409),
  },
});
const share = createRoute({
  ...signedIn,
  method: 'put',
  path: '/partnerships/{id}/sessions/{sessionId}/sharing',
  summary:
    'Share (or stop sharing) a session’s notes with the facilitator; they see them only when both share',
  request: { params: SessionParams, body: jsonBody(ShareBody) },
  responses: {
    200: { description: 'The partnership', content: View },
    ...problems(400, 401, 403, 404),
  },
});
const help = createRoute({
  ...signedIn,
  method: 'post',
  path: '/partnerships/{id}/help',
  summary:
    'Ask the facilitator for help (shows in their series until the partnership ends or help is withdrawn)',
  request: { params: IdParams, body: jsonBody(HelpBody) },
  responses: {
    200: { description: 'The partnership', content: View },
    ...problems(400, 401, 403, 404, 409),
  },
});
const end = createRoute({
  ...signedIn,
  method: 'post',
  path: '/partnerships/{id}/end',
  summary: 'End the partnership (a partner, with their review, or its facilitator)',
  request: { params: IdParams, body: { content: json(EndBody), required: false } },
  responses: {
    200: { description: 'The ended partnership', content: View },
    ...problems(400, 401, 404, 409),
  },
});
const review = createRoute({
  ...signedIn,
  method: 'put',
  path: '/partnerships/{id}/review',
  summary:
    'Your short review of an ended partnership: how valuable it was (1-5) and what you valued',
  request: { params: IdParams, body: jsonBody(Review) },
  responses: {
    200: { description: 'The partnership', content: View },
    ...problems(400, 401, 403, 404, 409),
  },
});

async function partnershipOr404(deps: AppDeps, caller: Caller, id: string) {
  const found = await findPartnership(deps.db, caller, id);
  if (!found) throw Problem.notFound('The partnership');
  return found;
}

async function asPartner(deps: AppDeps, caller: Caller, id: string, what: string) {
  const found = await partnershipOr404(deps, caller, id);
  if (found.standing !== 'partner') throw Problem.forbidden(`Only the two partners ${what}.`);
  return found.row;
}

/** The partnership as the caller may see it, with a drill suggestion for a partner. */
async function viewFor(
  deps: AppDeps,
  caller: Caller,
  row: PartnershipRow,
  standing: 'partner' | 'staff',
) {
  const [records, names, agreement] = await Promise.all([
    partnershipRecords(deps.db, caller.orgId, [row.id]),
    peopleById(deps.db, caller.orgId, partnersOf(row)),
    agreementVersion(deps.db, caller.orgId, row.id, row.agreementVersion),
  ]);
  const view = partnershipView(row, records, names, standing, agreement, caller.personId);
  return standing === 'partner' && row.status !== 'ended'
    ? { ...view, suggestedDrill: await drillSuggestion(deps, caller) }
    : view;
}

/** Practice one click away: a drill for the skill the partner is weakest in, before their next session. */
async function drillSuggestion(deps: AppDeps, caller: Caller) {
  const [snap] = [
    ...(await computeSnapshots(deps.db, caller.orgId, [caller.personId], {})).values(),
  ];
  const practised = snap ? SKILLS.filter((s) => snap.skills[s].sessions > 0) : [];
  if (practised.length === 0) return null;
  const weakest = practised.reduce((a, b) =>
    snap!.skills[b].estimate < snap!.skills[a].estimate ? b : a,
  ) as SkillId;
  const drill = (await listDrills(deps.db, caller.orgId))
    .map(drillSpecOf)
    .find((d) => d.focus.includes(weakest));
  return drill
    ? {
        skill: weakest,
        drillId: drill.id,
        title: drill.title,
        why: `Your ${weakest.replace('_', '-')} is your least practised strength so far; a short drill before your next session keeps it fresh.`,
      }
    : null;
}

/** Queues xAPI statements if the organisation has an LRS, and tries to send them at once. */
async function sendStatements(deps: AppDeps, orgId: string, make: (base: string) => Statement[]) {
  const lrs = await findLrs(deps.db, orgId);
  if (!lrs?.enabled) return;
  const base = (deps.config.publicUrl ?? 'urn:sounding-board').replace(/\/$/, '');
  await enqueueStatements(deps.db, orgId, null, make(base), deps.now());
  const delivery = deliverDueStatements(deps.db, {
    now: () => deps.now(),
    logger: deps.logger,
    orgId,
    dataKey: deps.dataKey,
    allowHosts: deps.config.allowPrivateHosts,
  });
  runInBackground(
    deps,
    delivery.catch((err) =>
      deps.logger.warn('xAPI delivery failed; statements stay queued', { error: err }),
    ),
  );
}

const toCandidate = (
  p: {
    id: string;
    name: string;
    department: string | null;
    lineManagerId: string | null;
    pairingPreferences: { notWith?: string[]; availability?: string[] };
  },
  extra: Partial<PairingCandidate> = {},
): PairingCandidate => ({
  id: p.id,
  name: p.name,
  department: p.department,
  lineManagerId: p.lineManagerId,
  ready: true,
  notReadyReasons: [],
  skills: {},
  notWith: p.pairingPreferences.notWith ?? [],
  availability: p.pairingPreferences.availability ?? [],
  ...extra,
});

const DAY = 86_400_000;

export const partnershipRoutes = createRouter()
  .openapi(proposals, async (c) => {
    const { id } = c.req.valid('param');
    const body = c.req.valid('json') ?? { allowNotReady: false };
    const { db } = c.var.deps;
    const caller = c.var.caller;
    const progress = await readCohortProgress(db, caller, id, c.var.deps.now());
    if (!progress) throw Problem.notFound('The cohort');
    let learners = progress.learners;
    if (body.learnerIds) {
      const inCohort = new Set(learners.map((l) => l.id));
      const missing = body.learnerIds.filter((x) => !inCohort.has(x));
      if (missing.length)
        throw new Problem(
          404,
          'Not found',
          'Some learnerIds are not learners of this cohort.',
          missing.map((x) => ({
            path: `learnerIds.${body.learnerIds!.indexOf(x)}`,
            message: 'not a learner of this cohort',
          })),
        );
      const wanted = new Set(body.learnerIds);
      learners = learners.filter((l) => wanted.has(l.id));
    }
    const partnered = new Set(
      await alreadyPartnered(
        db,
        caller.orgId,
        id,
        learners.map((l) => l.id),
      ),
    );
    const info = await peopleById(
      db,
      caller.orgId,
      learners.map((l) => l.id),
    );
    const candidates = learners
      .filter((l) => !partnered.has(l.id))
      .map((l) =>
        toCandidate(info.get(l.id)!, {
          name: l.name,
          ready: l.readyToPartner,
          notReadyReasons: l.reasons,
          skills: Object.fromEntries(
            SKILLS.filter((s) => l.skills[s].sessions > 0).map((s) => [s, l.skills[s].estimate]),
          ),
        }),
      );
    const proposal = proposePairs(candidates, { allowNotReady: body.allowNotReady });
    const already = [...partnered].sort().map((learnerId) => ({
      learnerId,
      reason: 'Already in a Learning Partnership in this cohort.',
    }));
    return c.json({ pairs: proposal.pairs, unpaired: [...proposal.unpaired, ...already] }, 200);
  })
  .openapi(series, async (c) => {
    const { id } = c.req.valid('param');
    const { db } = c.var.deps;
    const caller = c.var.caller;
    const now = c.var.deps.now();
    if (!(await findManagedCohort(db, caller, id))) throw Problem.notFound('The cohort');
    const rows = await cohortPartnerships(db, caller.orgId, id);
    const ids = rows.map((r) => r.id);
    const [records, names, agreements] = await Promise.all([
      partnershipRecords(db, caller.orgId, ids),
      peopleById(db, caller.orgId, rows.flatMap(partnersOf)),
      Promise.all(
        rows.map((r) =>
          agreementVersion(db, caller.orgId, r.id, r.agreedVersion || r.agreementVersion),
        ),
      ),
    ]);
    const out = rows.map((row, i) => {
      const v = partnershipView(row, records, names, 'staff', agreements[i], caller.personId);
      const cadence = row.agreedVersion && agreements[i] ? agreements[i]!.body.cadence : null;
      const since = row.activatedAt
        ? Math.max(1, Math.ceil((now.getTime() - row.activatedAt.getTime()) / DAY))
        : 0;
      const cadenceDays = cadence ? { weekly: 7, fortnightly: 14, monthly: 30 }[cadence] : null;
      const nameOf = (pid: string | null) =>
        v.partners.find((p) => p.id === pid)?.name ?? 'A former colleague';
      const attention = partnershipAttention(
        {
          status: row.status,
          createdAt: row.createdAt,
          activatedAt: row.activatedAt,
          cadence,
          lastSessionOn: v.lastSessionOn ? new Date(`${v.lastSessionOn}T00:00:00Z`) : null,
          sessions: v.sessions.length,
          coachedBy: Object.entries(v.reciprocity.coached).map(([pid, count]) => ({
            name: nameOf(pid),
            count,
          })),
          streak: v.reciprocity.lastCoachId
            ? { name: nameOf(v.reciprocity.lastCoachId), count: v.reciprocity.streak }
            : null,
          helpRequest: v.helpRequest
            ? { name: v.helpRequest.by, message: v.helpRequest.message }
            : null,
        },
        now,
      );
      return {
        id: row.id,
        status: row.status,
        partners: v.partners,
        agreement: {
          phase: v.agreement.phase,
          version: v.agreement.version,
          agreedVersion: v.agreement.agreedVersion,
          cadence,
        },
        sessions: {
          held: v.sessions.length,
          expected: cadenceDays ? Math.max(1, Math.floor(since / cadenceDays)) : null,
        },
        daysSinceLastSession: v.lastSessionOn
          ? Math.floor((now.getTime() - Date.parse(`${v.lastSessionOn}T00:00:00Z`)) / DAY)
          : null,
        reciprocity: v.reciprocity,
        actions: {
          agreed: v.actions.length,
          completed: v.actions.filter((a) => a.status === 'done').length,
        },
        helpRequested: Boolean(v.helpRequest),
        attention,
      };
    });
    return c.json({ partnerships: out }, 200);
  })
  .openapi(create, async (c) => {
    const { learnerIds, cohortId } = c.req.valid('json');
    const { db } = c.var.deps;
    const caller = c.var.caller;
    if (!(await findManagedCohort(db, caller, cohortId))) throw Problem.notFound('The cohort');
    const [a, b] = learnerIds;
    if (a === b)
      throw Problem.badRequest('A partnership needs two different people.', [
        { path: 'learnerIds.1', message: 'the same person twice' },
      ]);
    const members = await cohortLearnerIds(db, caller.orgId, cohortId);
    const missing = learnerIds.filter((x) => !members.has(x));
    if (missing.length)
      throw new Problem(
        404,
        'Not found',
        'Both partners must be learners of this cohort.',
        missing.map((x) => ({
          path: `learnerIds.${learnerIds.indexOf(x)}`,
          message: 'not a learner of this cohort',
        })),
      );
    const info = await peopleById(db, caller.orgId, learnerIds);
    const block = pairingBlock(toCandidate(info.get(a)!), toCandidate(info.get(b)!));
    if (block) throw Problem.conflict(`These two cannot be Learning Partners: ${block}.`);
    const row = await insertPartnership(db, caller, cohortId, [a, b]);
    if (!row)
      throw Problem.conflict(
        'One of them is already in a Learning Partnership in this cohort; end it first.',
      );
    return c.json(await viewFor(c.var.deps, caller, row, 'staff'), 201);
  })
  .openapi(mine, async (c) => {
    const caller = c.var.caller;
    const rows = await partnershipsOf(c.var.deps.db, caller.orgId, caller.personId);
    const [records, names, agreements] = await Promise.all([
      partnershipRecords(
        c.var.deps.db,
        caller.orgId,
        rows.map((r) => r.id),
      ),
      peopleById(c.var.deps.db, caller.orgId, rows.flatMap(partnersOf)),
      Promise.all(
        rows.map((r) => agreementVersion(c.var.deps.db, caller.orgId, r.id, r.agreementVersion)),
      ),
    ]);
    return c.json(
      {
        partnerships: rows.map((r, i) =>
          partnershipView(r, records, names, 'partner', agreements[i], caller.personId),
        ),
      },
      200,
    );
  })
  .openapi(read, async (c) => {
    const { id } = c.req.valid('param');
    const { row, standing } = await partnershipOr404(c.var.deps, c.var.caller, id);
    return c.json(await viewFor(c.var.deps, c.var.caller, row, standing), 200);
  })
  .openapi(putAgreement, async (c) => {
    const { id } = c.req.valid('param');
    const body = c.req.valid('json') as AgreementBody;
    const caller = c.var.caller;
    const row = await asPartner(c.var.deps, caller, id, 'write their agreement');
    const pair = partnersOf(row);
    if (pair.length < 2)
      throw Problem.conflict('Your partner has left, so there is no one to agree with.');
    const errors = agreementProblems(body, pair as [string, string]);
    if (errors.length) throw Problem.badRequest('The agreement is not complete.', errors);
    const updated = await reviseAgreement(c.var.deps.db, caller.orgId, id, caller.personId, body);
    return c.json(await viewFor(c.var.deps, caller, updated, 'partner'), 200);
  })
  .openapi(confirm, async (c) => {
    const { id } = c.req.valid('param');
    const { version } = c.req.valid('json');
    const caller = c.var.caller;
    await asPartner(c.var.deps, caller, id, 'confirm their agreement');
    const now = c.var.deps.now();
    const { row } = await confirmAgreement(
      c.var.deps.db,
      caller.orgId,
      id,
      caller.personId,
      version,
      now,
    );
    await sendStatements(c.var.deps, caller.orgId, (base) => [
      agreedStatement(
        { base, partnershipId: id, at: now },
        { id: caller.personId, name: caller.name },
        version,
      ),
    ]);
    return c.json(await viewFor(c.var.deps, caller, row, 'partner'), 200);
  })
  .openapi(logSession, async (c) => {
    const { id } = c.req.valid('param');
    const body = c.req.valid('json');
    const caller = c.var.caller;
    const deps = c.var.deps;
    const row = await asPartner(deps, caller, id, 'log their sessions');
    const pair = partnersOf(row);
    if (pair.length < 2)
      throw Problem.conflict(
        'Your partner has left; the partnership can be read but not added to.',
      );
    if (!pair.includes(body.coachId))
      throw Problem.badRequest('The coach is one of the two partners.', [
        { path: 'coachId', message: 'not one of the partners' },
      ]);
    const coacheeId = pair.find((p) => p !== body.coachId)!;
    const wrongOwner = body.actions.findIndex((a) => a.ownerId && a.ownerId !== coacheeId);
    if (wrongOwner >= 0)
      throw Problem.badRequest(
        'Actions are the coachee’s own: the partner who was coached sets them.',
        [{ path: `actions.${wrongOwner}.ownerId`, message: 'must be the coachee' }],
      );
    const now = deps.now();
    if (Date.parse(`${body.heldOn}T00:00:00Z`) > now.getTime() + DAY)
      throw Problem.badRequest('A session is logged once it has been held.', [
        { path: 'heldOn', message: 'in the future' },
      ]);
    const saved = await insertSession(
      deps.db,
      caller.orgId,
      id,
      {
        heldOn: body.heldOn,
        coachId: body.coachId,
        coacheeId,
        topic: body.topic,
        learning: body.learning,
        loggedBy: caller.personId,
        actions: body.actions,
        followUp: body.followUp,
      },
      now,
    );
    const names = await peopleById(deps.db, caller.orgId, pair);
    const who = (pid: string) => ({ id: pid, name: names.get(pid)?.name ?? '' });
    await sendStatements(deps, caller.orgId, (base) => {
      const e = { base, partnershipId: id, at: now };
      return [
        ...sessionStatements(e, saved.session.id, who(body.coachId), who(coacheeId)),
        ...saved.actions.map((a) => actionStatement(e, who(a.ownerId), a.id, 'open')),
        ...saved.followed.map((a) => actionStatement(e, who(a.ownerId), a.id, a.status)),
      ];
    });
    const [fresh] = [(await findPartnership(deps.db, caller, id))!.row];
    return c.json(await viewFor(deps, caller, fresh, 'partner'), 201);
  })
  .openapi(share, async (c) => {
    const { id, sessionId } = c.req.valid('param');
    const caller = c.var.caller;
    const row = await asPartner(c.var.deps, caller, id, 'decide who reads their notes');
    if (
      !(await setNotesShared(
        c.var.deps.db,
        caller.orgId,
        id,
        sessionId,
        caller.personId,
        c.req.valid('json').share,
      ))
    )
      throw Problem.notFound('The session');
    return c.json(await viewFor(c.var.deps, caller, row, 'partner'), 200);
  })
  .openapi(help, async (c) => {
    const { id } = c.req.valid('param');
    const caller = c.var.caller;
    const row = await asPartner(c.var.deps, caller, id, 'ask for help with it');
    if (row.status === 'ended') throw Problem.conflict('This partnership has ended.');
    const updated = await setHelpRequest(c.var.deps.db, caller.orgId, id, {
      by: caller.personId,
      message: c.req.valid('json').message,
      at: c.var.deps.now().toISOString(),
    });
    return c.json(await viewFor(c.var.deps, caller, updated!, 'partner'), 200);
  })
  .openapi(end, async (c) => {
    const { id } = c.req.valid('param');
    const caller = c.var.caller;
    const body = c.req.valid('json') ?? {};
    const { standing } = await partnershipOr404(c.var.deps, caller, id);
    if (body.review && standing !== 'partner')
      throw Problem.badRequest('Only a partner reviews the partnership.', [
        { path: 'review', message: 'leave out: you are not a partner' },
      ]);
    const row = await endPartnership(c.var.deps.db, caller.orgId, id, c.var.deps.now());
    if (!row) throw Problem.conflict('This partnership has already ended.');
    if (body.review)
      await saveReview(c.var.deps.db, caller.orgId, id, caller.personId, body.review);
    return c.json(await viewFor(c.var.deps, caller, row, standing), 200);
  })
  .openapi(review, async (c) => {
    const { id } = c.req.valid('param');
    const caller = c.var.caller;
    const row = await asPartner(c.var.deps, caller, id, 'review it');
    if (row.status !== 'ended')
      throw Problem.conflict('Reviews are written when the partnership ends.');
    await saveReview(c.var.deps.db, caller.orgId, id, caller.personId, c.req.valid('json'));
    return c.json(await viewFor(c.var.deps, caller, row, 'partner'), 200);
  });

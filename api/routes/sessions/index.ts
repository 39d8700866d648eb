/**
 * @module routes/sessions
 * Practice sessions over HTTP: start, take a turn (JSON or Server-Sent Events), end, read.
 * Handlers validate, then call the session flow; they never touch tables themselves.
 */
import { createRoute, z } from '@hono/zod-openapi';
import type { TypedResponse } from 'hono';
import { streamSSE } from 'hono/streaming';
import { admitCaller, requireAuth, requireToken } from '../../auth/index.js';
import { Problem } from '../../problems/index.js';
import { endSession, type OnSessionEnded } from '../../session-flow/end.js';
import { startSession } from '../../session-flow/start.js';
import { collectTurn, turnEvents, type TurnEvent } from '../../session-flow/take-turn.js';
import { sessionViewJson, scenarioView } from '../../session-flow/view.js';
import { listOwnSessions, readReadableSession } from '../../store/sessions.js';
import { bearer, createRouter, IdParams, json, jsonBody, problems } from '../openapi.js';
import {
  EndResultSchema,
  SessionListSchema,
  SessionSchema,
  StartSessionBody,
  TurnBody,
  TurnResultSchema,
} from './schemas.js';
import { isScored } from '../../practice/standing/index.js';

const auth = { security: bearer, middleware: [requireAuth], tags: ['practice'] };
// the hottest routes read the caller's person in their own first statement (auth requireToken)
const tokenAuth = { ...auth, middleware: [requireToken] };

const start = createRoute({
  ...auth,
  method: 'post',
  path: '/sessions',
  summary: 'Start a practice session on a scenario or a drill',
  request: { body: jsonBody(StartSessionBody) },
  responses: {
    201: { description: 'Started; the partner may open', content: json(SessionSchema) },
    ...problems(400, 401, 404),
  },
});

const list = createRoute({
  ...auth,
  method: 'get',
  path: '/sessions',
  summary: 'Your sessions, newest first',
  responses: {
    200: { description: 'Sessions', content: json(SessionListSchema) },
    ...problems(401),
  },
});

const read = createRoute({
  ...tokenAuth,
  method: 'get',
  path: '/sessions/{id}',
  summary: 'A session: transcript with codes and feedback, scorecard when ended',
  request: { params: IdParams },
  responses: {
    200: { description: 'The session', content: json(SessionSchema) },
    ...problems(400, 401, 404),
  },
});

const turn = createRoute({
  ...tokenAuth,
  method: 'post',
  path: '/sessions/{id}/turns',
  summary: 'Say something as the coach; get codes, feedback and the partner’s reply',
  description:
    'Idempotent by `clientTurnId`. With `Accept: text/event-stream` the answer streams as Server-Sent Events: `turn` (the coded coach turn), `token` ({text}) as the partner speaks, `reply` ({index,text}), `feedback`, `done`; `problem` on failure.',
  request: { params: IdParams, body: jsonBody(TurnBody) },
  responses: {
    200: {
      description: 'The coded turn and the reply',
      content: { ...json(TurnResultSchema), 'text/event-stream': { schema: z.string() } },
    },
    ...problems(400, 401, 404, 409, 413),
  },
});

const end = createRoute({
  ...tokenAuth,
  method: 'post',
  path: '/sessions/{id}/end',
  summary: 'End the session and get its scorecard',
  request: { params: IdParams },
  responses: {
    200: { description: 'The scorecard', content: json(EndResultSchema) },
    ...problems(400, 401, 404),
  },
});

/** An event's data as the stream sends it: the reply's source stays in the JSON answer. */
const sseData = (e: TurnEvent) =>
  e.event === 'reply' ? { index: e.data.index, text: e.data.text } : e.data;

const problemBody = (err: unknown) =>
  (err instanceof Problem
    ? err
    : Problem.internal('Something went wrong; send the same clientTurnId again.')
  ).toBody();

/** Session routes; `onEnded` hooks let other features react to an ended session. */
export function sessionRoutes(onEnded: OnSessionEnded[] = []) {
  return createRouter()
    .openapi(start, async (c) => {
      const body = c.req.valid('json');
      return c.json(await startSession(c.var.deps, c.var.caller, body), 201);
    })
    .openapi(list, async (c) => {
      const rows = await listOwnSessions(c.var.deps.db, c.var.caller);
      return c.json(
        {
          sessions: rows.map((r) => ({
            id: r.id,
            status: r.status,
            scenario: scenarioView(r.scenarioId),
            drillId: r.drillId,
            startedAt: r.startedAt.toISOString(),
            endedAt: r.endedAt?.toISOString() ?? null,
            levels: r.scorecard
              ? Object.fromEntries(
                  r.scorecard.skills.filter(isScored).map((s) => [s.skill, s.level]),
                )
              : null,
          })),
        },
        200,
      );
    })
    .openapi(read, async (c) => {
      const { id } = c.req.valid('param');
      const { deps, token } = c.var;
      const found = await readReadableSession(deps.db, token, id, (person) =>
        admitCaller(deps, token, person),
      );
      if (!found) throw Problem.notFound('The session');
      // the transcript and scorecard spliced in as the database wrote them (session-flow/view)
      return c.body(sessionViewJson(found.session, found.turnsJson), 200, {
        'content-type': 'application/json',
      }) as unknown as TypedResponse<z.infer<typeof SessionSchema>, 200, 'json'>;
    })
    .openapi(turn, async (c) => {
      const { id } = c.req.valid('param');
      const body = c.req.valid('json');
      const max = c.var.deps.config.maxTurnChars;
      if (body.text.length > max)
        throw Problem.badRequest(`text is ${body.text.length} characters; the limit is ${max}.`, [
          { path: 'text', message: `at most ${max} characters` },
        ]);
      const { deps, token } = c.var;
      const abort = new AbortController();
      c.req.raw.signal?.addEventListener('abort', () => abort.abort());
      const events = turnEvents(deps, token, id, body, { signal: abort.signal });
      if (!(c.req.header('accept') ?? '').includes('text/event-stream'))
        return c.json(await collectTurn(events), 200);
      // The first event (the recorded, coded coach turn) is awaited before the stream starts:
      // anything refused before it (unknown or ended session, clientTurnId reused) answers with
      // its own 4xx status like the JSON answer; only later failures travel as a `problem` event.
      const first = await events.next();
      return streamSSE(c, async (stream) => {
        stream.onAbort(() => abort.abort());
        const send = (e: TurnEvent) =>
          stream.writeSSE({ event: e.event, data: JSON.stringify(sseData(e)) });
        try {
          if (!first.done) await send(first.value);
          for (let next = await events.next(); !next.done; next = await events.next())
            await send(next.value);
        } catch (err) {
          if (abort.signal.aborted) return;
          if (!(err instanceof Problem))
            deps.logger.error('turn stream failed', { sessionId: id, error: err });
          await stream.writeSSE({ event: 'problem', data: JSON.stringify(problemBody(err)) });
        }
      });
    })
    .openapi(end, async (c) => {
      const { id } = c.req.valid('param');
      return c.json(await endSession(c.var.deps, c.var.token, id, onEnded), 200);
    });
}

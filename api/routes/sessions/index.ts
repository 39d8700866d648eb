/**
 * @module routes/sessions
 * Practice sessions over HTTP: start, take a turn (JSON or Server-Sent Events), end, read.
 * Handlers validate, then call the session flow; they never touch tables themselves.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { streamSSE } from 'hono/streaming';
import { requireAuth } from '../../auth/index.js';
import { Problem } from '../../problems/index.js';
import { endSession, type OnSessionEnded } from '../../session-flow/end.js';
import { startSession } from '../../session-flow/start.js';
import { takeTurn } from '../../session-flow/take-turn.js';
import { sessionView, scenarioView } from '../../session-flow/view.js';
import { listOwnSessions, readReadableSession } from '../../store/sessions.js';
import { bearer, createRouter, problems, UuidParam } from '../openapi.js';
import { EndResultSchema, SessionSchema, StartSessionBody, TurnBody, TurnResultSchema } from './schemas.js';

const json = <T>(schema: T) => ({ 'application/json': { schema } });
const auth = { security: bearer, middleware: [requireAuth], tags: ['practice'] };
const IdParams = z.object({ id: UuidParam('id') });

const start = createRoute({
  ...auth,
  method: 'post',
  path: '/sessions',
  summary: 'Start a practice session on a scenario or a drill',
  request: { body: { content: json(StartSessionBody), required: true } },
  responses: { 201: { description: 'Started; the partner may open', content: json(SessionSchema) }, ...problems(400, 401, 404) },
});

const list = createRoute({
  ...auth,
  method: 'get',
  path: '/sessions',
  summary: 'Your sessions, newest first',
  responses: { 200: { description: 'Sessions', content: json(z.object({ sessions: z.array(z.any()) })) }, ...problems(401) },
});

const read = createRoute({
  ...auth,
  method: 'get',
  path: '/sessions/{id}',
  summary: 'A session: transcript with codes and feedback, scorecard when ended',
  request: { params: IdParams },
  responses: { 200: { description: 'The session', content: json(SessionSchema) }, ...problems(400, 401, 404) },
});

const turn = createRoute({
  ...auth,
  method: 'post',
  path: '/sessions/{id}/turns',
  summary: 'Say something as the coach; get codes, feedback and the partner’s reply',
  description:
    'Idempotent by `clientTurnId`. With `Accept: text/event-stream` the answer streams as Server-Sent Events: `turn` (the coded coach turn), `token` ({text}) as the partner speaks, `reply` ({index,text}), `feedback`, `done`; `problem` on failure.',
  request: { params: IdParams, body: { content: json(TurnBody), required: true } },
  responses: {
    200: { description: 'The coded turn and the reply', content: { ...json(TurnResultSchema), 'text/event-stream': { schema: z.string() } } },
    ...problems(400, 401, 404, 409, 413),
  },
});

const end = createRoute({
  ...auth,
  method: 'post',
  path: '/sessions/{id}/end',
  summary: 'End the session and get its scorecard',
  request: { params: IdParams },
  responses: { 200: { description: 'The scorecard', content: json(EndResultSchema) }, ...problems(400, 401, 404) },
});

/** Session routes; `onEnded` hooks let other features react to an ended session. */
export function sessionRoutes(onEnded: OnSessionEnded[] = []) {
  return createRouter()
    .openapi(start, async (c) => {
      const body = c.req.valid('json');
      return c.json((await startSession(c.var.deps, c.var.caller, body)) as never, 201);
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
            levels: r.scorecard ? Object.fromEntries(r.scorecard.skills.map((s) => [s.skill, s.level])) : null,
          })),
        } as never,
        200,
      );
    })
    .openapi(read, async (c) => {
      const { id } = c.req.valid('param');
      const found = await readReadableSession(c.var.deps.db, c.var.caller, id);
      if (!found) throw Problem.notFound('The session');
      return c.json(sessionView(found.session, found.turns) as never, 200);
    })
    .openapi(turn, async (c) => {
      const { id } = c.req.valid('param');
      const body = c.req.valid('json');
      const max = c.var.deps.config.maxTurnChars;
      if (body.text.length > max) throw Problem.badRequest(`text is ${body.text.length} characters; the limit is ${max}.`, [{ path: 'text', message: `at most ${max} characters` }]);
      const { deps, caller } = c.var;
      if (!(c.req.header('accept') ?? '').includes('text/event-stream')) {
        return c.json(await takeTurn(deps, caller, id, body, { signal: c.req.raw.signal }), 200);
      }
      // The turn starts before the stream does: anything refused before the coach turn is
      // recorded and coded (unknown or ended session, clientTurnId reused) answers with its own
      // 4xx status like the JSON route; only later failures travel as a `problem` event.
      const abort = new AbortController();
      c.req.raw.signal?.addEventListener('abort', () => abort.abort());
      const early: [string, unknown][] = [];
      let sink: ((event: string, data: unknown) => void) | null = null;
      const emit = (event: string, data: unknown) => (sink ? sink(event, data) : early.push([event, data]));
      let coded!: () => void;
      const recorded = new Promise<void>((resolve) => (coded = resolve));
      const run = takeTurn(deps, caller, id, body, {
        signal: abort.signal,
        events: { onCoded: (t) => (emit('turn', t), coded()), onToken: (delta) => emit('token', { text: delta }) },
      });
      run.catch(() => {}); // handled where the stream awaits it; this only marks it observed
      await Promise.race([recorded, run]);
      return streamSSE(c, async (stream) => {
        stream.onAbort(() => abort.abort());
        const send = (event: string, data: unknown) => stream.writeSSE({ event, data: JSON.stringify(data) });
        for (const [event, data] of early.splice(0)) await send(event, data);
        sink = (event, data) => void send(event, data);
        try {
          const result = await run;
          await send('reply', { index: result.reply.index, text: result.reply.text });
          await send('feedback', result.turn.feedback);
          await send('done', {});
        } catch (err) {
          if (abort.signal.aborted) return;
          const body = err instanceof Problem ? err.toBody() : { type: 'https://sounding-board.dev/problems/internal', title: 'Internal error', status: 500, detail: 'Something went wrong; send the same clientTurnId again.' };
          if (!(err instanceof Problem)) deps.logger.error('turn stream failed', { sessionId: id, error: String(err) });
          await send('problem', body);
        }
      }) as never;
    })
    .openapi(end, async (c) => {
      const { id } = c.req.valid('param');
      return c.json(await endSession(c.var.deps, c.var.caller, id, onEnded), 200);
    });
}

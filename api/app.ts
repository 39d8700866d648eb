/**
 * @module app
 * `createApp(deps)` builds the whole HTTP app from its dependencies; the Node server, the
 * Workers entry and the tests all call it, so there are no module-level singletons. It starts
 * nothing: the outbox timer is the Node server's (api/server.ts), the cron trigger the Workers'.
 */
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { secureHeaders } from 'hono/secure-headers';
import type { Context } from 'hono';
import type { AppDeps, AppEnv } from './app-env.js';
import { Problem, problemResponse, toProblemResponse } from './problems/index.js';
import { apiCors, createEmbedRoutes } from './routes/embed/embed.index.js';
import { createApiRouter, OPENAPI_DOCUMENT } from './routes/api-router.js';
import { ltiToolRoutes } from './routes/lti/index.js';
import { DOCS_PAGE, DOCS_POLICY, DOCS_SCRIPT, DOCS_STYLE } from './routes/docs/page.js';
import type { OnSessionEnded } from './session-flow/end.js';
import { recordDrillAttempt } from './store/assignments.js';
import { refreshProgressOnSessionEnd } from './store/cohort-progress.js';
import { gradePassback } from './lti/index.js';
import { xapiStatements } from './xapi/index.js';
import { wellFormedJsonBodies } from './well-formed-json.js';
import { requestDeadline } from './request-deadline.js';
import { ipRateLimit } from './limits/rate-limit.js';

export type { AppDeps } from './app-env.js';

/** Body limit for the JSON API; a coach turn is at most a few thousand characters. */
const API_BODY_LIMIT = 64 * 1024;
/** Methods whose request always has a body stream on Node (a TRACE has none, so the middleware lets it by). */
const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function createApp(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  // an ended drill session counts as an attempt on the learner's assignment
  const onSessionEnded: OnSessionEnded[] = [recordDrillAttempt, refreshProgressOnSessionEnd];
  onSessionEnded.push(gradePassback); // LTI grade passback (api/lti)
  onSessionEnded.push(xapiStatements); // xAPI statements to the organisation's LRS, if configured (api/xapi)

  app.use('*', async (c, next) => {
    c.set('deps', deps);
    await next();
  });
  app.use('/api/*', apiCors());
  // the same security headers everywhere under /api; the docs page's policy adds its own script and styles
  const apiHeaders = { crossOriginResourcePolicy: 'same-site', xFrameOptions: 'DENY' } as const;
  const apiSecure = secureHeaders({
    ...apiHeaders,
    contentSecurityPolicy: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] },
  });
  const docsSecure = secureHeaders({ ...apiHeaders, contentSecurityPolicy: DOCS_POLICY });
  app.use('/api/*', (c, next) =>
    c.req.path === '/api/docs' ? docsSecure(c, next) : apiSecure(c, next),
  );
  // Connection: close, because the unread rest of the body makes the connection unusable: a
  // client that reused it would see its next request fail ("other side closed").
  const tooLarge = (c: Context<AppEnv>) =>
    problemResponse(
      c,
      new Problem(
        413,
        'Payload too large',
        `The request body is larger than ${API_BODY_LIMIT / 1024} KB.`,
      ).toBody(),
      { connection: 'close' },
    );
  const apiBodyLimit = bodyLimit({ maxSize: API_BODY_LIMIT, onError: tooLarge });
  // A GET or HEAD has no body to limit. Any other request asks the middleware for
  // `c.req.raw.body`, which makes the Node adapter build a whole web Request and a stream for a
  // body the routes then read straight from the socket: about a tenth of what a coach turn
  // allocates (bench/alloc.bench.ts). A body that states its length is decided from the header
  // alone, as the middleware decides it; only a chunked one is counted by the middleware.
  app.use('/api/*', async (c, next) => {
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    const headers = c.req.raw.headers;
    if (
      BODY_METHODS.has(c.req.method) &&
      headers.has('content-length') &&
      !headers.has('transfer-encoding')
    )
      return parseInt(headers.get('content-length') || '0', 10) > API_BODY_LIMIT
        ? tooLarge(c)
        : next();
    return apiBodyLimit(c, next);
  });

  app.use('/api/*', ipRateLimit);
  app.use('/lti/*', ipRateLimit);
  app.use('/api/*', wellFormedJsonBodies);
  app.use('/api/*', requestDeadline);

  const api = createApiRouter(onSessionEnded);
  api.doc31('/openapi.json', OPENAPI_DOCUMENT);
  api.get('/docs', (c) => c.html(DOCS_PAGE, 200));
  api.get('/docs/docs.js', (c) =>
    c.body(DOCS_SCRIPT, 200, { 'content-type': 'text/javascript; charset=utf-8' }),
  );
  api.get('/docs/docs.css', (c) =>
    c.body(DOCS_STYLE, 200, { 'content-type': 'text/css; charset=utf-8' }),
  );
  app.route('/api', api);
  app.route('/', createEmbedRoutes());
  app.route('/', ltiToolRoutes);

  app.notFound((c) =>
    problemResponse(c, Problem.notFound(`${c.req.method} ${c.req.path}`).toBody()),
  );
  app.onError((err, c) => toProblemResponse(err, c, (msg, meta) => deps.logger.error(msg, meta)));
  return app;
}

export type App = ReturnType<typeof createApp>;

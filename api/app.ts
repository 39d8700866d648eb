/**
 * @module app
 * `createApp(deps)` builds the whole HTTP app from its dependencies; the Node server, the
 * Workers entry and the tests all call it, so there are no module-level singletons. It starts
 * nothing: the outbox timer is the Node server's (api/server.ts), the cron trigger the Workers'.
 */
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { secureHeaders } from 'hono/secure-headers';
import type { AppDeps, AppEnv } from './app-env.js';
import { Problem, problemResponse, toProblemResponse } from './problems/index.js';
import { demoRoutes } from './routes/demo/index.js';
import { apiCors, createEmbedRoutes, embedTokenRoutes } from './routes/embed/embed.index.js';
import { DOCS_PAGE, DOCS_POLICY, DOCS_SCRIPT, DOCS_STYLE } from './routes/docs/page.js';
import { healthRoutes } from './routes/health/index.js';
import { meRoutes } from './routes/me/index.js';
import { createRouter } from './routes/openapi.js';
import { scenarioRoutes } from './routes/scenarios/index.js';
import { sessionRoutes } from './routes/sessions/index.js';
import type { OnSessionEnded } from './session-flow/end.js';
import { assignmentRoutes } from './routes/assignments/index.js';
import { cohortRoutes } from './routes/cohorts/index.js';
import { drillRoutes } from './routes/drills/index.js';
import { peopleRoutes } from './routes/people/index.js';
import { placementRoutes } from './routes/people/placement.js';
import { partnershipRoutes } from './routes/partnerships/index.js';
import { programmeReportRoutes } from './routes/partnerships/report.js';
import { privacyRoutes } from './routes/privacy/index.js';
import { recordDrillAttempt } from './store/assignments.js';
import { refreshProgressOnSessionEnd } from './store/cohort-progress.js';
import { gradePassback } from './lti/index.js';
import { ltiAdminRoutes, ltiToolRoutes } from './routes/lti/index.js';
import { scormRoutes } from './routes/scorm/index.js';
import { xapiRoutes } from './routes/xapi/index.js';
import { registerXapiOutbox, xapiStatements } from './xapi/index.js';
import { wellFormedJsonBodies } from './well-formed-json.js';
import { requestDeadline } from './request-deadline.js';
import { ipRateLimit } from './limits/rate-limit.js';

export type { AppDeps } from './app-env.js';

/** Body limit for the JSON API; a coach turn is at most a few thousand characters. */
const API_BODY_LIMIT = 64 * 1024;

export function createApp(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  // an ended drill session counts as an attempt on the learner's assignment
  const onSessionEnded: OnSessionEnded[] = [recordDrillAttempt, refreshProgressOnSessionEnd];
  onSessionEnded.push(gradePassback); // LTI grade passback (api/lti)
  onSessionEnded.push(xapiStatements); // xAPI statements to the organisation's LRS, if configured (api/xapi)
  registerXapiOutbox(deps); // the LMS outbox runs drain xAPI too (no timer starts here: see api/server.ts)

  app.use('*', async (c, next) => {
    c.set('deps', deps);
    await next();
  });
  app.use('/api/*', apiCors());
  // the same security headers everywhere under /api; the docs page's policy adds its own script and styles
  const apiHeaders = { crossOriginResourcePolicy: 'same-site', xFrameOptions: 'DENY' } as const;
  const apiSecure = secureHeaders({ ...apiHeaders, contentSecurityPolicy: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] } });
  const docsSecure = secureHeaders({ ...apiHeaders, contentSecurityPolicy: DOCS_POLICY });
  app.use('/api/*', (c, next) => (c.req.path === '/api/docs' ? docsSecure(c, next) : apiSecure(c, next)));
  app.use(
    '/api/*',
    bodyLimit({
      maxSize: API_BODY_LIMIT,
      // Connection: close, because the unread rest of the body makes the connection unusable: a
      // client that reused it would see its next request fail ("other side closed").
      onError: (c) => problemResponse(c, new Problem(413, 'Payload too large', `The request body is larger than ${API_BODY_LIMIT / 1024} KB.`).toBody(), { connection: 'close' }),
    }),
  );

  app.use('/api/*', ipRateLimit);
  app.use('/lti/*', ipRateLimit);
  app.use('/api/*', wellFormedJsonBodies);
  app.use('/api/*', requestDeadline);

  const api = createRouter();
  api.openAPIRegistry.registerComponent('securitySchemes', 'bearerAuth', { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' });
  api.route('/', healthRoutes);
  api.route('/', demoRoutes);
  api.route('/', scenarioRoutes);
  api.route('/', sessionRoutes(onSessionEnded));
  api.route('/', meRoutes);
  // feature routers mount here (one line each)
  api.route('/', drillRoutes);
  api.route('/', cohortRoutes);
  api.route('/', peopleRoutes);
  api.route('/', placementRoutes);
  api.route('/', partnershipRoutes);
  api.route('/', programmeReportRoutes);
  api.route('/', assignmentRoutes);
  api.route('/', privacyRoutes);
  api.route('/', embedTokenRoutes);
  api.route('/', ltiAdminRoutes);
  api.route('/', scormRoutes);
  api.route('/', xapiRoutes);

  api.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: { title: 'Sounding Board API', version: '0.1.0', description: 'Practise Learning Partnership coaching with an AI learning partner; coded turns, feedback, scorecards and progress.' },
    servers: [{ url: '/api' }],
  });
  api.get('/docs', (c) => c.html(DOCS_PAGE, 200));
  api.get('/docs/docs.js', (c) => c.body(DOCS_SCRIPT, 200, { 'content-type': 'text/javascript; charset=utf-8' }));
  api.get('/docs/docs.css', (c) => c.body(DOCS_STYLE, 200, { 'content-type': 'text/css; charset=utf-8' }));
  app.route('/api', api);
  app.route('/', createEmbedRoutes());
  app.route('/', ltiToolRoutes);

  app.notFound((c) => problemResponse(c, Problem.notFound(`${c.req.method} ${c.req.path}`).toBody()));
  app.onError((err, c) => toProblemResponse(err, c, (msg, meta) => deps.logger.error(msg, meta)));
  return app;
}

export type App = ReturnType<typeof createApp>;

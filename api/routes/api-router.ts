/**
 * @module routes/api-router
 * The JSON API under `/api`: every feature router mounted on one OpenAPIHono, and the document
 * it describes itself with. Building it needs no dependencies (handlers read them from the
 * context), so `npm run api:types` makes the OpenAPI document without a database or a server.
 */
import type { OnSessionEnded } from '../session-flow/end.js';
import { assignmentRoutes } from './assignments/index.js';
import { cohortRoutes } from './cohorts/index.js';
import { demoRoutes } from './demo/index.js';
import { registerPages } from './docs/pages.js';
import { drillRoutes } from './drills/index.js';
import { embedTokenRoutes } from './embed/embed.index.js';
import { healthRoutes } from './health/index.js';
import { ltiAdminRoutes } from './lti/index.js';
import { meRoutes } from './me/index.js';
import { createRouter, declareAppProblems } from './openapi.js';
import { partnershipRoutes } from './partnerships/index.js';
import { programmeReportRoutes } from './partnerships/report.js';
import { peopleRoutes } from './people/index.js';
import { placementRoutes } from './people/placement.js';
import { privacyRoutes } from './privacy/index.js';
import { scenarioRoutes } from './scenarios/index.js';
import { scormRoutes } from './scorm/index.js';
import { sessionRoutes } from './sessions/index.js';
import { xapiRoutes } from './xapi/index.js';

/** What `/api/openapi.json` says about itself (the paths come from the routes). */
export const OPENAPI_DOCUMENT = {
  openapi: '3.1.0',
  info: {
    title: 'Sounding Board API',
    version: '0.1.0',
    description:
      'Practise Learning Partnership coaching with an AI learning partner; coded turns, feedback, scorecards and progress.',
  },
  servers: [{ url: '/api' }],
};

/** The API router; `onSessionEnded` hooks let other features react to an ended session. */
export function createApiRouter(onSessionEnded: OnSessionEnded[] = []) {
  const api = createRouter();
  api.openAPIRegistry.registerComponent('securitySchemes', 'bearerAuth', {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
  });
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
  // the pages, the bundle and the LTI endpoints: served by app.ts, described here
  registerPages(api.openAPIRegistry);
  declareAppProblems(api.openAPIRegistry.definitions);
  return api;
}

/** The OpenAPI 3.1 document of the API, as `/api/openapi.json` serves it. */
export function openApiDocument() {
  return createApiRouter().getOpenAPI31Document(OPENAPI_DOCUMENT);
}

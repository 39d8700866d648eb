/**
 * @module routes/lti
 * LTI routes: the tool endpoints at `/lti/*` and the admin API at `/api/lti/*`.
 */
export { ltiToolRoutes } from './lti.tool.js';
export { ltiAdminRoutes } from './lti.admin.js';

/**
 * @module routes/lti
 * LTI routes: the tool endpoints at `/lti/*` and the admin API at `/api/lti/*`.
 */
export { ltiToolRoutes, toolBase, LAUNCH_TOKEN_TTL_S } from './lti.tool.js';
export { ltiAdminRoutes } from './lti.admin.js';

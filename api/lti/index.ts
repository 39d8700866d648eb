/**
 * @module lti
 * LTI 1.3 tool: platform registrations, OIDC login and launch validation, mapping launches into the
 * organisation, deep linking, tool keys, and grade passback through an outbox (AGS).
 */
export * from './claims.js';
export { LaunchError } from './launch-error.js';
export { launchRoleOf, type LaunchRole } from './roles.js';
export { activeSigningKey, publicKeySet, rotateToolKeys } from './tool-keys.js';
export * from './platforms.store.js';
export { startLogin } from './login.js';
export { validateLaunch } from './launch.js';
export { mapLaunch, type MappedLaunch } from './launch-mapping.js';
export {
  drillContentItem,
  readDeepLinkTicket,
  signDeepLinkTicket,
  signDeepLinkingResponse,
} from './deep-linking.js';
export { AccessTokens } from './ags/access-token.js';
export {
  deliverDueGrades,
  enqueueGrade,
  findGrade,
  listGrades,
  retryGrade,
  type GradeRow,
} from './ags/grade-outbox.js';
export { sessionGrade } from './session-grade.js';
export { gradePassback } from './grade-passback.js';
export { ltiRuntimeOf } from './runtime.js';
export { listOrgDrills } from './drill-choices.js';
export { platformFrameOrigins } from './frame-origins.js';
export { platformUrlRefusals } from './platform-urls.js';
export * from './pages.js';

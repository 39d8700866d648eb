/**
 * @module lti
 * LTI 1.3 tool: platform registrations, OIDC login and launch validation, mapping launches into the
 * organisation, deep linking, tool keys, and grade passback through an outbox (AGS).
 */
export * from './claims.js';
export { LAUNCH_FAILURES, LaunchError, type LaunchFailure } from './launch-error.js';
export { launchRoleOf, type LaunchRole } from './roles.js';
export { PlatformJwks, JwksFetchError } from './platform-jwks.js';
export { activeSigningKey, publicKeySet, rotateToolKeys, type SigningKey } from './tool-keys.js';
export * from './platforms.store.js';
export { startLogin, LOGIN_STATE_TTL_MS, type LoginRequest } from './login.js';
export { validateLaunch, MAX_ID_TOKEN_AGE_S, type ValidLaunch } from './launch.js';
export { mapLaunch, type MappedLaunch } from './launch-mapping.js';
export type { HeldBack } from './course-membership.js';
export { drillContentItem, readDeepLinkTicket, signDeepLinkTicket, signDeepLinkingResponse, type DeepLinkTicket } from './deep-linking.js';
export { AccessTokens, PlatformRequestError } from './ags/access-token.js';
export { deliverDueGrades, enqueueGrade, findGrade, listGrades, retryGrade, scoresUrl, type GradeRow, type DeliveryReport } from './ags/grade-outbox.js';
export { retryDelayMs, MAX_ATTEMPTS } from '../outbox/index.js';
export { sessionGrade, type SessionGrade } from './session-grade.js';
export { gradePassback } from './grade-passback.js';
export { LtiRuntime, ltiRuntimeOf, startLmsOutboxes } from './runtime.js';
export { listOrgDrills } from './drill-choices.js';
export { platformFrameOrigins } from './frame-origins.js';
export { platformUrlRefusals } from './platform-urls.js';
export * from './pages.js';

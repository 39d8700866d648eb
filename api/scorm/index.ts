/**
 * @module scorm
 * SCORM 1.2 / 2004 packages of a drill: the zip, its package token and the learners it creates.
 */
export { buildScormPackage, packageFileName, type ScormPackageInput } from './package.js';
export { scormManifest, PACKAGE_FILES, type ScormVersion } from './manifest.js';
export { scormLaunchPage } from './launch-page.js';
export { SCORM_BRIDGE_JS } from './bridge-script.js';
export { signPackageToken, readPackageToken, PACKAGE_TOKEN_TTL_S, type PackageClaims } from './package-token.js';
export { scormLearner } from './learners.js';

/**
 * @module scorm
 * SCORM 1.2 / 2004 packages of a drill: the zip, its package token and the learners it creates.
 */
export { buildScormPackage, packageFileName } from './package.js';
export { signPackageToken, readPackageToken } from './package-token.js';
export { scormLearner } from './learners.js';

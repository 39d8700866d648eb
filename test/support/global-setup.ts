/**
 * @module test/support/global-setup
 * Runs once before any test file: builds the embed bundle (when missing or older than its
 * sources), since every browser-driven test (components, LTI iframe, SCORM package) loads
 * /embed/sounding-board.js and a fresh clone has no dist/.
 */
import { ensureBundle } from '../../web-components/build.js';

export default async function setup() {
  await ensureBundle();
}

/**
 * @module practice/coder
 * Codes a coach turn: its coaching codes (open/closed, stacked, leading, goal, incisive and
 * action questions; simple/complex reflections and summaries; affirmation; advice with and
 * without permission; information; judgement; other) and its one MITI-style label. Pure: the
 * trained model is a JSON file imported at build time, so it runs on Node and on Workers alike.
 *
 * @example
 * import { codeUtterance } from './practice/coder/index.js';
 * codeUtterance('So you feel stuck between your old team and the new role.').label // 'complex_reflection'
 */
import type { CoachTurnCoding, CoderContext } from '../types.js';
import { createCoder } from './coder.js';
import type { LinearModel } from './linear-model.js';
import shippedModel from './coder-model.json' with { type: 'json' };

const MODEL = shippedModel as unknown as LinearModel;

/** Version of the coder: rules revision + trained model version. Stored on every coding. */
export const CODER_VERSION: string = `coder-6+${MODEL.version}`;

const shippedCoder = createCoder(MODEL, CODER_VERSION);

/**
 * Code one coach turn. `ctx.prevPartner` is what the partner said just before (helps tell a
 * reflection from information); `ctx.permissionGranted` turns a suggestion into advice with
 * permission.
 */
export function codeUtterance(text: string, ctx?: CoderContext): CoachTurnCoding {
  return shippedCoder(text, ctx);
}

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
export const CODER_VERSION: string = `coder-8+${MODEL.version}`;

const shippedCoder = createCoder(MODEL, CODER_VERSION);

/**
 * Code one coach turn. `ctx.prevPartner` is what the partner said just before (helps tell a
 * reflection from information); `ctx.permissionGranted` turns a suggestion into advice with
 * permission.
 */
export function codeUtterance(text: string, ctx?: CoderContext): CoachTurnCoding {
  return shippedCoder(text, ctx);
}

/**
 * Codings of fixed words against one partner line: the alternative replies feedback weighs (an
 * authored model move, a reflection built from the partner's words) are the same few texts after
 * the same partner lines in session after session, and each was coded twice a turn. Bounded; a
 * coding is the same object for every caller, frozen so none can change it for the next.
 */
const AFTER_MEMO_SIZE = 4000;
/**
 * by partner line, then by words: the two strings are looked up as they are (each hashes once),
 * never joined into a fresh key string to hash at every look-up; cleared when full, as a
 * practice/memo is
 */
const codedAfter = new Map<string | null, Map<string, Readonly<CoachTurnCoding>>>();
let codedAfterSize = 0;

/**
 * `codeUtterance(text, { prevPartner })`, remembered: for words coded with nothing else of the
 * session (no earlier partner lines, no permission), so the same two strings code the same way.
 * @example codeUtteranceAfter('It sounds like the deadline is weighing on you.', "The deadline's on Friday.").label
 */
export function codeUtteranceAfter(
  text: string,
  prevPartner: string | null | undefined,
): Readonly<CoachTurnCoding> {
  const prev = prevPartner ?? null;
  let byText = codedAfter.get(prev);
  const known = byText?.get(text);
  if (known !== undefined) return known;
  const coding = codeUtterance(text, { prevPartner: prev });
  Object.freeze(coding.codes);
  Object.freeze(coding);
  if (codedAfterSize >= AFTER_MEMO_SIZE) {
    codedAfter.clear();
    codedAfterSize = 0;
    byText = undefined;
  }
  if (!byText) codedAfter.set(prev, (byText = new Map()));
  byText.set(text, coding);
  codedAfterSize++;
  return coding;
}

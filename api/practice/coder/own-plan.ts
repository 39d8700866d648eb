/**
 * @module practice/coder/own-plan
 * The partner's own step given back: "So you'll raise one idea on Thursday and talk to Mei first."
 * opens with "you'll", as advice does, but the partner said it first ("On Thursday I'll bring one
 * half-formed idea... And I'll tell Mei beforehand"): a reflection or summary of their plan, which
 * leaves the plan with them, not the coach's plan handed over.
 */
import type { CoachCode, CoderContext, UtteranceLabel } from '../types.js';
import type { MoveCues } from './coaching-moves.js';
import { stemEcho } from './reflection-depth.js';

/** a sentence in which the partner says what they will do */
const OWN_STEP = /\bI(?:'ll| will|'m going to| am going to| plan to|'m planning to)\b/i;
/** the coach saying what the partner will do */
const THEIR_STEP = /\byou(?:'ll| will|'re going to| are going to)\b|\byour plan\b/i;
/**
 * words that make a statement advice of the coach's own, whatever it gives back ("you should",
 * "you'll need to", "try..."); an imperative alone ("...then tell the team on Friday") can be
 * the partner's own step said back to them
 */
const ADVISING =
  /\b(?:should|ought|suggest|recommend|why not|why don't|try|need to|needs to|have to|has to|must|could|might want|make sure you|don't forget|remember to)\b/i;
/** a frame that says a summary is a check, up to its colon or comma */
const CHECK_FRAME =
  /^\s*(?:(?:let me|just to|to|so,? just to)\s+(?:just\s+)?(?:check|make sure|be sure|see if)|if i've (?:got|understood|heard))\b[^:,;]{0,40}[:,;]\s*/i;
/** how many partner lines back a step may have been said (a plan is given back soon after) */
const LOOK_BACK = 6;

/** The partner's recent sentences that state a step of their own, as one text. */
function partnerSteps(ctx: CoderContext): string {
  return [...(ctx.earlierPartner ?? []).slice(-LOOK_BACK), ctx.prevPartner ?? '']
    .flatMap((line) => line.split(/(?<=[.!?])\s+/))
    .filter((s) => OWN_STEP.test(s))
    .join(' ');
}

/**
 * True when `said` tells the partner what they will do, mostly in the words of a step they said
 * themselves: two in five of its content words or more are theirs, not counting a check in front ("Let me check I've got it:").
 */
export function givesBackOwnPlan(said: string, ctx: CoderContext): boolean {
  if (!THEIR_STEP.test(said)) return false;
  const steps = partnerSteps(ctx);
  // the check in front ("Let me make sure I've understood:") is the coach's, not the step
  return steps.length > 0 && stemEcho(said.replace(CHECK_FRAME, ''), steps) >= 0.4;
}

/**
 * A turn coded as advice that gives back the partner's own step (`givesBackOwnPlan`), asks
 * nothing and adds no advice of its own (no "you should", "I'd suggest", "try"): recoded as the
 * reflection or summary it is. Advice asked for (with permission) and
 * advice of the coach's own beside it stay advice.
 */
export function asOwnPlanGivenBack(
  text: string,
  ctx: CoderContext,
  cues: Pick<MoveCues, 'questions' | 'adviceQuestion' | 'adviceStatement' | 'adviceOffer'>,
  coded: { label: UtteranceLabel; codes: CoachCode[] },
  reflectionKind: () => 'simple_reflection' | 'complex_reflection',
): { label: UtteranceLabel; codes: CoachCode[] } {
  if (
    !coded.codes.includes('advice') ||
    cues.questions > 0 ||
    cues.adviceQuestion ||
    cues.adviceOffer ||
    (cues.adviceStatement && ADVISING.test(text)) ||
    !givesBackOwnPlan(text, ctx)
  )
    return coded;
  const kind = reflectionKind();
  const codes = coded.codes.filter((c) => c !== 'advice');
  if (!codes.includes('simple_reflection') && !codes.includes('complex_reflection'))
    codes.push(kind);
  return { label: kind, codes };
}

/**
 * @module practice/coder/encourager
 * Minimal encouragers: a turn made only of prompts to carry on ("Go on.", "Say more.", "Mm, and
 * then?", "Keep going, I'm listening.", "Take your time.") names nothing and steers nowhere; it
 * hands the floor back (Kline's Attention and Encouragement; ICF 6.6, letting the client finish).
 * Not advice though imperative in form, not a closed question though short; feedback praises it
 * lightly as a listening move, never faults it for neither reflecting nor asking.
 */
import { normalise } from './text.js';

/** Sounds and words that only show the coach is following ("Mm.", "Uh-huh.", "Right.", "I see."). */
const BACKCHANNEL =
  /^(?:m+|m+-?h+m+|hm+|mhm|uh-?huh|ah|oh|ok(?:ay)?|right|yes|yeah|sure|i see|got it|i hear you|i'm here|please|if you (?:like|want|'d like|can))$/;

/** Continuers: the start of a question the partner finishes ("And?", "And then?", "What else?"). */
const CONTINUER =
  /^(?:and|so|and so|and then|so then|then|and then what|then what|what then|and after that|(?:and (?:then )?|then )what happened(?: next| then)?|what happened (?:next|then)|what next|and what else|what else|anything else|what more|and what happened)$/;

/** Invitations to carry on, with an optional "about that" and "please" ("Tell me a bit more about that, please."). */
const INVITATION =
  /^(?:(?:please|do|so|and|well|right|ok(?:ay)?)\s+)*(?:go on|go ahead|carry on|keep going|continue|say (?:(?:a (?:bit|little) |some(?:thing)? )?more|a bit more)|tell me (?:(?:a (?:bit|little) |some(?:thing)? )?more|a bit more)|keep talking|don't stop|i'm (?:still )?(?:listening|with you|all ears)|take your time|(?:there's )?no rush)(?:\s+(?:about|on) (?:that|it|this|them|him|her|those))?(?:\s+(?:then|please|if you like|if you want|if you'd like))*$/;

/** The most words a minimal encourager runs to. */
const MAX_WORDS = 12;

/**
 * Whether the whole turn is a minimal encourager (every part a backchannel, a continuer or an
 * invitation to carry on).
 * @example isMinimalEncourager('Mm, and then?') // true
 * @example isMinimalEncourager('Go on, tell her tomorrow.') // false: a plan in it
 */
export function isMinimalEncourager(text: string): boolean {
  const norm = normalise(text ?? '')
    .replace(/\.{2,}|…/g, ',')
    .trim();
  if (!norm || norm.split(/\s+/).length > MAX_WORDS) return false;
  const parts = norm
    .split(/\s*[,.!?;:]+\s*|\s+-+\s+/)
    .map((p) => p.trim())
    .filter(Boolean);
  return (
    parts.length > 0 &&
    parts.every((p) => BACKCHANNEL.test(p) || CONTINUER.test(p) || INVITATION.test(p)) &&
    // "Okay." or "Right." alone is acknowledgement, not an invitation: one part must invite
    parts.some(
      (p) => CONTINUER.test(p) || INVITATION.test(p) || /^(?:m+|m+-?h+m+|mhm|uh-?huh)$/.test(p),
    )
  );
}

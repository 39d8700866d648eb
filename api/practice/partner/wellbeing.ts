/**
 * @module practice/partner/wellbeing
 * "How are you sleeping?", "How are you looking after yourself?": a question about the partner,
 * not their situation. They answer from what the card says of their evenings, nights and home
 * life, in their own words, else with how they are (the card's feeling lines); never a line about
 * the work that only happens to share a word.
 */
import type { Known } from './knowledge.js';

/** Lines that say how the partner is living with it: nights, evenings, rest, home. */
const LIVING =
  /\b(sleep|sleeping|slept|awake|insomnia|night|nights|tonight|evening|evenings|bed|tired|exhausted|knackered|shattered|weekend|weekends|home|kids|children|family|partner|husband|wife|lunch|eat|eating|gym|swim|holiday|holidays|day off|days off|breaks|rest|laptop|switch off|3am|4am|ten at night|wine|headache|health|doctor)\b/i;
/** A line in which the partner speaks of themselves. */
const FIRST_PERSON = /\b(I|I'm|I've|I'd|me|my|myself)\b/;

/**
 * The partner's lines about how they are living with it, those sharing a word with the question
 * first (asked about sleep, the line about nights); never a session goal, and deeper lines only
 * once they have opened up.
 */
export function wellbeingPools(
  known: readonly Known[],
  score: (k: Known) => number,
  opened: boolean,
): string[][] {
  const lines = known.filter(
    (k) =>
      k.source !== 'goal' &&
      (opened || k.source !== 'elaborate') &&
      LIVING.test(k.text) &&
      FIRST_PERSON.test(k.text),
  );
  const near = lines.filter((k) => score(k) >= 1).sort((a, b) => score(b) - score(a));
  return [near.map((k) => k.text), lines.filter((k) => score(k) < 1).map((k) => k.text)];
}

/** A feeling line that says how they are in body as well as mood ("Tired, ha."), first for wellbeing. */
export function saysHowTheyAre(text: string): boolean {
  return LIVING.test(text);
}

/**
 * @module practice/rubric/commitment
 * Reads a commitment from words (GROW Will): a specific step stated as the speaker's own future
 * action, with a when. The partner's "I'll ask Sam on Monday" is one; "I don't know yet" or
 * "I'd just be saying something to have an answer" is not. The same reading finds a plan the
 * coach wrote for the partner ("So you'll set up a rota on Monday, okay?"), and tells it from a
 * reflection of a plan the partner had already named (most of its words came from them).
 */

const norm = (t: string) => (t ?? '').toLowerCase().replace(/[\u2018\u2019]/g, "'");

/** A time or occasion the step is tied to. */
const WHEN =
  /\b(?:today|tonight|tomorrow|this (?:morning|afternoon|evening|week|month|weekend|friday|monday|tuesday|wednesday|thursday)|next (?:week|month|monday|tuesday|wednesday|thursday|friday|one-to-one|meeting|stand-?up)|(?:on |by |before |after |from )?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)s?|by (?:the )?(?:end of|close of|friday|tomorrow|then)|end of (?:the )?(?:day|week|month)|at (?:\d{1,2}(?::\d\d)?|stand-?up|the (?:next|weekly|team) [a-z-]+)|before (?:the|my|our|next|i)\b|first thing|in the morning|within (?:a|the|two|three|\d+) (?:days?|weeks?)|after (?:lunch|the meeting|stand-?up)|this (?:sprint|quarter))\b/;

/** The speaker's own future step: "I'll", "I will", "I'm going to", "my first step is". */
const FIRST_PERSON_STEP =
  /\b(?:i'll|i will|i'm going to|i am going to|i'm gonna|i plan to|i've decided to|i'm booking|i'm asking|my first step (?:is|will be)|first,? i'll|we'll|we will)\s+(?!(?:just )?(?:think|see|try to think|wait and see|maybe|probably not|have to think)\b)/;

/** Hedges and refusals that undo a step ("I don't know yet", "just to have an answer"). */
const NOT_A_STEP =
  /\b(?:i don't know|i do not know|not sure|no idea|just (?:be )?saying (?:something|it)|to have an answer|i'd have to think|maybe|might|if i(?:'m| am) honest,? i won't|i won't|i can't|probably not|who knows)\b/;

/** The coach stating the partner's plan for them ("you'll", "you will", "you're going to"). */
const SECOND_PERSON_STEP =
  /\b(?:you'll|you will|you're going to|you are going to|you need to|you should|you must|you could)\s+/;

/** Whether the partner's words hold a commitment of their own, with a when. */
export function statesCommitment(text: string): boolean {
  const t = norm(text);
  if (!WHEN.test(t)) return false;
  // a hedge in the same sentence as the step undoes it; elsewhere it may be about something else
  return stepSentences(t, FIRST_PERSON_STEP).some((s) => !NOT_A_STEP.test(s));
}

/** Whether a coach turn lays out a step for the partner, with a when. */
export function statesPlanForPartner(text: string): boolean {
  const t = norm(text);
  return SECOND_PERSON_STEP.test(t) && WHEN.test(t);
}

function stepSentences(t: string, re: RegExp): string[] {
  return (t.match(/[^.?!]+[.?!]*/g) ?? [t]).filter((s) => re.test(s));
}

const STOP = new Set(
  'i you we me my your our the a an to and or of on in at by for with it that this so will ll going just then be is are was do okay ok right yes'.split(
    ' ',
  ),
);

/** Content words, for telling whose plan it is. */
export function contentWords(text: string): Set<string> {
  return new Set(
    (norm(text).match(/[a-z]+(?:'[a-z]+)?/g) ?? [])
      .map((w) => w.replace(/'.*$/, ''))
      .filter((w) => w.length > 2 && !STOP.has(w)),
  );
}

/** Share of `a`'s content words that appear in `b` (0 when `a` has none). */
export function overlap(a: Set<string>, b: Set<string>): number {
  if (a.size === 0) return 0;
  let n = 0;
  for (const w of a) if (b.has(w)) n++;
  return n / a.size;
}

/** Most of the words came from the other speaker: a reflection or an echo, not a new plan. */
export const ECHO_SHARE = 0.6;

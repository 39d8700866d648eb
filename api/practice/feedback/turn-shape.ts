/**
 * @module practice/feedback/turn-shape
 * What feedback reads in the shape of a reflection, beyond its codes: whether the coach already
 * checked it with the partner ("Have I got that right?"), whether it was offered tentatively ("It
 * sounds like...", "I wonder if..."), and whether it states as fact a condition or cause the
 * partner never gave ("So you freeze when the room gets loud."): an interpretation, not an
 * accurate reflection, and no reason to praise its tentativeness.
 */
import { wordFamily } from '../coder/engagement.js';
import { normalise, words } from '../coder/text.js';
import { knownTo, vocabularyOf } from '../named-things.js';

/**
 * A question that checks the coach's understanding with the partner: "Have I got that right?",
 * "Is that fair?", "Did I hear that right?", "Does that sound about right?", "Am I close?",
 * "Correct me if I'm wrong."; or a frame that says the summary is a check: "Let me check I've got it:",
 * "Just to make sure I've understood...", "If I've understood you right, ...".
 */
const CHECKS =
  /(?:\b(?:have|did|do) i (?:got|get|understood?|hear|heard|read|catch|caught|miss|missed|capture|captured|sum|summed)\b[^.?!]{0,40}\?|\b(?:is|was) (?:that|this|it) (?:fair|right|accurate|close|about right|a fair (?:summary|reading|picture|description)|how (?:it is|you see it|it feels))\b[^.?!]{0,25}\?|\b(?:does|do|did) (?:that|this|it|any of that|all that) (?:sound|seem|feel|ring|fit|capture|match|land|make sense)\b[^.?!]{0,30}\?|\bam i (?:close|right|on the right (?:track|lines)|warm|getting (?:it|that|this|warm)|reading (?:that|this|it|you) right|understanding (?:that|this|it|you) (?:right|correctly))\b[^.?!]{0,20}\?|\b(?:how (?:close|accurate) is that|what have i missed|what did i miss|what would you add|anything i've missed|what's missing)\b[^.?!]{0,25}\?|\bcorrect me if\b|\b(?:let me (?:just )?(?:check|make sure|see if)|(?:just )?to (?:check|make sure|be sure)) (?:that )?i'?ve (?:got|understood|heard|caught)\b|\bif i'?ve (?:got|understood|heard) (?:you|that|this|it|all that) (?:right|correctly)\b|\btell me if i'?ve? (?:got|misread|misunderstood)|\bis that (?:it|the gist)\b\??)/;

/** Whether the turn checks its reflection or summary with the partner. */
export function checksUnderstanding(text: string): boolean {
  return CHECKS.test(normalise(text ?? ''));
}

/**
 * Words that offer a reflection as a guess the partner may correct: "it sounds like", "I wonder
 * if", "maybe", "perhaps", "I'm guessing", "it seems", "a bit like", "might", or a check after it.
 */
const TENTATIVE =
  /\b(?:(?:it |that )?sounds? (?:like|as if|as though)|i (?:wonder|guess|imagine|suspect|sense|get the sense|get the feeling|get the impression)|i'm (?:guessing|wondering|sensing|hearing|getting the sense)|(?:it |that )?(?:seems|feels) (?:like|as if|as though)|(?:it |that )?seems?|maybe|perhaps|possibly|might|may be|could be|kind of|sort of|a bit like|almost as if|if i'm hearing|i'm not sure (?:if|whether)|tell me if|correct me)\b/;

/** Whether a reflection is offered tentatively (or checked), so the partner can correct it. */
export function isTentative(text: string): boolean {
  const norm = normalise(text ?? '');
  return TENTATIVE.test(norm) || /\?\s*$/.test(norm) || checksUnderstanding(norm);
}

/**
 * Words that open a clause of condition or cause: what the reflection says makes it happen (not
 * "when" or "if" as a question word: "you disagree on when to take the risk", "not sure if").
 */
const CONDITION =
  /(?<!\b(?:on|about|of|over|know|knew|sure|unsure|decide|decided|deciding|wonder|wondering|ask|asked|asking|agree|disagree|idea|clear|say|tell|see|check|whether|matter|question)\s)\b(when|whenever|because|'cause|cos|every time|each time|as soon as|any time|if)\b\s+([^.,;?!]+)/g;
/** Clauses of cause: a reason the partner gave is said back mostly in their words. */
const CAUSE = /^(?:because|'cause|cos)$/;

/** Words of grammar and the ordinary words any situation has: never evidence of new content. */
const PLAIN = new Set(
  (
    'the a an and or but so to of in on at for with about is are was were be been being am do does did you your yours they them ' +
    'their he she him her his it its this that these those there here what who how get gets got getting go goes going went come comes ' +
    'came really just very too more most much some any all gets keep keeps kept one ones someone something anything everything ' +
    'people person thing things way time times never always ever whole feel feels felt say says said tell told ask asks asked make makes made have has had ' +
    "don't doesn't didn't can't won't isn't aren't it's that's you're they're can could would should will might may also even still"
  ).split(/\s+/),
);

/** Words that characterise people: a cause built on one the partner never used is the coach's verdict. */
const CHARACTERISING = new Set(
  (
    'lazy useless incompetent selfish jealous threatened insecure careless rude arrogant hopeless weak stupid ' +
    'unreliable disorganised difficult controlling petty spiteful bitter resentful entitled naive defensive'
  ).split(' '),
);

/**
 * The clause of condition or cause a reflection adds that takes up nothing the partner said ("when
 * the room gets loud" after "I froze when the director asked me a question"), if any: the coach's
 * reading stated as the partner's experience.
 * @example unsaidCondition('So you freeze when the room gets loud.', ['I froze when the director asked me a question.']) // 'when the room gets loud'
 */
export function unsaidCondition(
  text: string,
  partnerTexts: readonly (string | null | undefined)[],
): string | null {
  const said = partnerTexts.filter((t): t is string => !!t && !!t.trim());
  if (!said.length) return null;
  const known = knownTo(vocabularyOf(said, wordFamily), wordFamily);
  const norm = normalise(text ?? '');
  for (const m of norm.matchAll(CONDITION)) {
    const content = words(m[2]).filter((w) => w.length > 2 && !PLAIN.has(w));
    const theirs = content.filter(known).length;
    // a verdict on someone the partner never gave ("because the night staff are lazy")
    const verdict = content.some((w) => CHARACTERISING.has(w) && !known(w));
    // said of the partner ("you freeze when...", "So the handover fails because..."), not a
    // general frame ("When effort goes unrewarded, it's hard...") that re-words their situation
    const before =
      norm
        .slice(0, m.index)
        .split(/[.?!;]/)
        .pop() ?? '';
    if (!verdict && !/\byou(?:'re|'ve|'d|'ll)?\b|^\s*so\b/.test(before)) continue;
    // a moment they named may be said in other words ("when the director put you on the spot"),
    // so a condition is unsaid only when it takes up none of theirs; a cause they never gave is
    // unsaid unless more than half of it is theirs
    const unsaid =
      verdict ||
      (CAUSE.test(m[1])
        ? content.length >= 2 && theirs * 2 <= content.length
        : content.length >= 2 && theirs === 0);
    if (unsaid) return m[0].trim();
  }
  return null;
}

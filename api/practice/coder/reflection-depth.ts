/**
 * @module practice/coder/reflection-depth
 * How far a reflection goes beyond the partner's words (MITI 4.2.1): a simple reflection gives
 * back what was said, adding little or nothing; a complex one adds meaning or emphasis. The
 * markers of "adds" follow the manual's list: a feeling the partner did not name, a metaphor or
 * image, a double-sided reflection, continuing the paragraph (saying the next sentence for the
 * partner), amplifying or understating, and naming what something means or matters. Read on the
 * reflection sentences only, against the partner's words just before (stems and word families,
 * as `engaged` reads them).
 */
import { stem, wordFamily } from './engagement.js';
import { normalise, words } from './text.js';

/** Words that carry no content of their own, for the echo by stem. */
const FUNCTION_WORDS = new Set(
  (
    'a an the and or but so to of in on at for with about is are was were be been am do does did i you he she it we they me my your ' +
    'his her its our their this that these those not no yes yeah okay ok um uh like just really very have has had what how why ' +
    'when where who which if then than there here as by from up out get got going go can could would should will know think ' +
    "it's that's you're you've you'd i'm there's what's they're she's he's don't didn't can't won't isn't"
  ).split(' '),
);

/**
 * Share of a sentence's content words that the partner used (same stem or word family), 0 when
 * it has none: "Reapplying for your own job." after "I have to reapply" echoes "reapply" and "job".
 */
export function stemEcho(text: string, partner: string | null | undefined): number {
  if (!partner) return 0;
  const theirs = new Set<string>();
  for (const w of words(normalise(partner))) {
    theirs.add(stem(w));
    const f = wordFamily(w);
    if (f !== undefined) theirs.add(`#${f}`);
  }
  let content = 0;
  let hit = 0;
  for (const w of words(normalise(text))) {
    if (FUNCTION_WORDS.has(w) || /^\d+$/.test(w)) continue;
    content++;
    const f = wordFamily(w);
    if (theirs.has(stem(w)) || (f !== undefined && theirs.has(`#${f}`))) hit++;
  }
  return content === 0 ? 0 : hit / content;
}

/**
 * Words of a sentence that say one of the partner's words another way: the same word family, a
 * different stem ("handing over" for "delegate", "drift away" for "dropping out"). A coach who
 * re-words the partner's own thing is reflecting it in their own words.
 * @example paraphrasedWords('People drift away within two weeks.', 'Our volunteers keep dropping out.') // ['drift']
 */
export function paraphrasedWords(text: string, partner: string | null | undefined): string[] {
  if (!partner) return [];
  const stems = new Set<string>();
  const families = new Set<string>();
  for (const w of words(normalise(partner))) {
    stems.add(stem(w));
    const f = wordFamily(w);
    if (f !== undefined) families.add(f);
  }
  return words(normalise(text)).filter((w) => {
    if (FUNCTION_WORDS.has(w) || stems.has(stem(w))) return false;
    const f = wordFamily(w);
    return f !== undefined && families.has(f);
  });
}

/** Feelings and states a coach may name ("that stings", "wearing", "relentless", "scared"). */
const FEELING =
  /\b(?:stings?|stung|hurts?|hurting|wearing|wears? you|draining|drained|exhausting|exhausted|relentless|frighten(?:s|ing|ed)?|scar(?:es|y|ed)|afraid|fear|terrif(?:ies|ying|ied)|anxious|nervous|worr(?:y|ies|ied|ying)|dread(?:ing)?|upset(?:ting)?|angry|anger|furious|frustrat(?:ed|ing|ion)|resent(?:ment|ful)?|guilt(?:y)?|ashamed|shame|embarrass(?:ed|ing)|humiliat(?:ed|ing)|lonely|alone|isolated|sad|sadness|grief|griev(?:e|ing)|lost|loss|gutted|devastated|hopeless|helpless|powerless|trapped|stuck|overwhelm(?:ed|ing)|torn|conflicted|uneasy|unsettl(?:ed|ing)|rattled|shaken|proud|pride|relie(?:f|ved)|excit(?:ed|ing)|hope(?:ful)?|lit you up|thrill(?:ed|ing)|maddening|infuriating|insulting|unfair|bruis(?:ed|ing)|raw|heavy|weigh(?:s|ing|t)|sore|tender|fragile|exposed|vulnerable|invisible|unseen|unheard|undermined|betrayed|let down|taken for granted|on edge)\b/;

/**
 * Images and figures of speech: the partner's situation said as something else ("refereeing",
 * "a game of pass the blame", "on the scales", "running on empty", "hit your limit").
 */
const IMAGE =
  /\b(?:carry(?:ing)?|carried|weight|load|on your shoulders|on the scales|running on empty|hit (?:your|a) (?:limit|wall)|at the end of your tether|knot|tug of war|caught (?:in the middle|between)|in the middle|piggy in the middle|referee(?:ing)?|firefighting|juggling|spinning plates|treading water|drowning|sinking|uphill|a game of|language|a hard place|rock and a hard place|sit with|sitting with|lit (?:you )?up|run(?:s)? out of|the (?:real )?knot|front line|in the firing line|in the neck|taking the (?:hit|heat|anger|blame|flak)|wall|bubble|cliff|minefield|tightrope|balancing act|pulling (?:you|in) (?:two|different) (?:ways|directions)|a lot on the|the scales|shadow|haunt(?:s|ing)?|still with you|very present|with you still)\b/;

/** Both sides of the partner's ambivalence, or what they say against what they feel. */
const DOUBLE_SIDED =
  /\b(?:on (?:the )?one hand|on the other(?: hand)?|part of you|and yet|at the same time|both [a-z]+ and|some of (?:it|them) [a-z' ]+ and some|some [a-z]+ and some|less about [^.,]+ (?:and )?more about|more (?:than|about) [^.,]+ (?:than|rather)|rather than|not (?:just|only|so much) [^.,]+,? (?:but|it's|more)|even (?:though|with|as|when)|while (?:you|the|it|they|she|he)|and still|but still|and you're (?:the one|also|still)|excited and (?:terrified|scared|nervous)|(?:want|wanting|wish) [^.,]+ (?:and|but) (?:also |you )?(?:don't|can't|also|worry|fear|dread))\b/;

/**
 * Naming what something means or is worth to the partner, or continuing their paragraph: "that's
 * what really stings", "what you loved was...", "so it's X that Y", "which made it sting more",
 * "that says a lot about...", "is still with you".
 */
const MEANING =
  /^(?:(?:and|so|but)[, ]+)?(?:what (?:you (?:loved|miss|value|want|need|care about|really want)|really (?:stings|hurts|matters|bothers you|gets to you)|matters (?:most|here)|makes it)|it's (?:the|not|less|more|about|that)\b[^.]* that (?!you said)|that's what (?:really )?(?:stings|hurts|matters|gets to you|bothers you)|this is (?:about|really about))|\b(?:which (?:made|makes) it|what (?:really )?(?:stings|hurts)|is what (?:really )?(?:stings|hurts|matters)|says (?:a lot|something) about|(?:really|so much|deeply) (?:matters?|means?)|(?:is|are) (?:very |really |so )?(?:present|real) for you)\b/;

/** Emphasis beyond the partner's words: amplified or understated ("at the worst possible time", "a bit"). */
const AMPLIFY =
  /\b(?:at the worst possible time|the worst possible|day after day|every single|all the time|over and over|again and again|relentless|constantly|nothing but|completely|utterly|totally|absolutely|a little (?:bit )?(?:uneasy|unsure|annoyed|bothered)|a bit (?:bothered|put out|annoyed|miffed))\b/;

/** What marks a reflection as adding to the partner's words, by MITI's list; empty when none. */
export function complexMarkers(reflection: string, partner: string | null | undefined): string[] {
  // "beyond what was said" needs something said: with no partner turn there is nothing to add to
  if (!partner || !partner.trim()) return [];
  const s = normalise(reflection);
  const theirs = normalise(partner);
  const out: string[] = [];
  const feeling = FEELING.exec(s);
  // a feeling counts as added only when the partner did not name it (by stem or family)
  if (feeling && stemEcho(feeling[0], theirs) < 1) out.push('feeling');
  if (IMAGE.test(s) && !IMAGE.test(theirs)) out.push('image');
  if (DOUBLE_SIDED.test(s)) out.push('double-sided');
  if (MEANING.test(s)) out.push('meaning');
  if (AMPLIFY.test(s) && !AMPLIFY.test(theirs)) out.push('emphasis');
  return out;
}

/**
 * @module practice/coder/partner-experience
 * Two shapes of reflection the trained model, learnt on spoken therapy sessions, misreads in typed
 * coaching: a statement of what the partner lives through ("So in the review you find it hard to
 * get a word in.", "It's hard for you to speak up there."), which it takes for advice because
 * "you" opens it, and a reflection said with a rising tone ("It sounds like you're fed up?"),
 * which it takes for a closed question because of the question mark. MITI codes both as
 * reflections: the first recommends nothing, the second is a statement offered for checking.
 */

/** Openers a reflection may carry before its subject ("so", "and", "in the review"). */
const LEAD = `^(?:(?:so|and|but|then|right|okay|ok|yeah|also|now)[, ]+)*(?:(?:in|at|with|when|during|on|by|after|before|around) [a-z0-9' -]{1,40}?,? )?`;

/**
 * The partner as the subject of a verb of experience, in the indicative: "you find it hard",
 * "you end up", "you keep getting", "you freeze", "you'd stayed quiet", "you can't get a word in".
 * Not a modal of advice ("you should", "you could try") nor "you need to / have to".
 */
const EXPERIENCE = new RegExp(
  [
    `${LEAD}you(?:'d| had|'ve| have)? (?:(?:often|always|usually|sometimes|still|just|really|also|then|never|rarely|hardly|even|both|already) )*(?:find (?:it|yourself|that|this|them|him|her|there's|there is)|found (?:it|yourself|that|this)|feel|felt|end(?:ed)? up|struggle|struggled|keep [a-z]+ing|kept [a-z]+ing|get (?:stuck|lost|talked|cut|interrupted|overlooked|ignored|passed|drowned|shut|spoken|left|pulled|dragged|caught)|got (?:stuck|lost|talked|cut|interrupted|overlooked|ignored|passed|drowned|shut|spoken|left|pulled|dragged|caught)|freeze|froze|go (?:quiet|silent|blank)|went (?:quiet|silent|blank)|stay(?:ed)? (?:quiet|silent)|hold(?:ing)? back|held back|sit on|sat on|hang back|hung back|lose|lost|miss|missed|dread|dreaded|hate|hated|wonder|wondered|worry|worried|doubt|doubted|second-guess|second-guessed|swallow|swallowed|bite your tongue|bit your tongue)\\b`,
    `${LEAD}you (?:can't|cannot|couldn't|don't|didn't|never) (?:quite |really |always |ever )?(?:get a word in|find (?:a|the) (?:gap|moment|way|space|words)|get heard|speak up|say (?:it|anything|much)|switch off|let (?:it|go)|see (?:a|the) way|bring yourself)\\b`,
    // "it's hard for you to ...", "it's not easy for you to ...", "it gets hard to ..."
    `${LEAD}(?:it's|it is|it was|it gets|it got|it feels|it felt|that's|that was) (?:(?:really|so|quite|pretty|a bit|not|never|always) )*(?:hard|difficult|tough|a struggle|a battle|easy|awkward|uncomfortable|impossible|a stretch) (?:for you )?(?:to|when)\\b`,
  ].join('|'),
);

/** Whether a statement gives back what the partner lives through (not a recommendation). */
export function describesPartnerExperience(s: string): boolean {
  return EXPERIENCE.test(s);
}

/**
 * A reflective statement with a question mark: a frame that gives the partner's world back
 * ("it sounds like", "so you're", "you sound", "part of you") followed by no interrogative of
 * its own. Tag checks ("..., right?", "..., is that it?") stay closed questions: they ask the
 * partner to confirm rather than offer the reflection.
 */
const RISING_FRAME =
  /^(?:(?:so|and|but|then|right|okay|ok|yeah|also|now)[, ]+)*(?:(?:it )?sounds? like|it sounds as if|it seems(?: like| as if)?|seems like|i(?:'m| am) hearing|i get the sense|i sense|part of you|(?:and |so )?that (?:must|sounds)|it must|you(?:'re| are|'ve| have|'d| would| were| feel| felt| sound| seem| want| wanted| wish| think| thought| care| miss| worry| hate| find| found| keep| kept| end(?:ed)? up| can't| couldn't| don't| didn't| never| still| really| just| also| both)\b)/;
/**
 * An interrogative of its own after the frame (a clause opening with a wh-word, or one left at
 * the end: "you felt what?"), or a tag asking for confirmation. A relative "who" or an embedded
 * "what to do" belongs to the statement.
 */
const ASKS =
  /(?:^|,\s*(?:(?:and|but|so|or) )?)(?:what|how|why|where|who|which|when)\b[^,]*\?$|\b(?:what|how|why|where|who|which|when)(?:,? (?:exactly|then))?\?$|,\s*(?:(?:is that|was that|am i|have i got (?:that|it)) (?:right|it|fair|close|true)|right|yes|no|true|fair|correct|isn't it|aren't you|don't you|didn't you|wasn't it|do you|are you|or not|or is it [a-z ]+|or [a-z ]+)\?$|\b(?:you know|or what|or not)\?$|^you (?:know|mean|think|want) (?:what|how|why|if|whether|that)\b/;

/** Whether a question sentence is a reflection said with a rising tone. */
export function isRisingReflection(questionSentence: string): boolean {
  const s = questionSentence.trim();
  return /\?$/.test(s) && RISING_FRAME.test(s) && !ASKS.test(s);
}

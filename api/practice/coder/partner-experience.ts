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
    // "it's hard for you to ...", "it's not easy for you to ..." (the partner named: "it is so
    // hard to start" may be the coach's own view before a suggestion)
    `${LEAD}(?:it's|it is|it was|it gets|it got|it feels|it felt|that's|that was) (?:(?:really|so|quite|pretty|a bit|not|never|always) )*(?:hard|difficult|tough|a struggle|a battle|easy|awkward|uncomfortable|impossible|a stretch) for you (?:to|when)\\b`,
  ].join('|'),
);

/** Whether a statement gives back what the partner lives through (not a recommendation). */
export function describesPartnerExperience(s: string): boolean {
  return EXPERIENCE.test(s);
}

/**
 * A reflective statement with a question mark: a frame that gives the partner's world back ("it
 * sounds like", "it seems", "you sound", "part of you"), or the partner's feeling or experience
 * with "you" as its subject ("you're fed up with...", "you end up carrying..."), followed by no
 * interrogative of its own. Tag checks ("..., right?", "..., is that it?") and short checks of a
 * fact ("You were surprised?", "You've heard of it?") stay closed questions: annotators of
 * spoken sessions (AnnoMI) code those as questions, and they ask for a yes or no.
 */
const FRAME =
  /^(?:(?:so|and|but|then|right|okay|ok|yeah|also|now)[, ]+)*(?:(?:it )?sounds? like|it sounds as if|it seems(?: like| as if)?|seems like|i(?:'m| am) hearing|i get the sense|i sense|part of you|that (?:must|sounds)|it must)\b/;
/** Words of feeling or strain a rising reflection names of the partner. */
const FEELING = `(?:fed up|sick of|tired|worn|drained|exhausted|frustrated|annoyed|angry|cross|furious|upset|worried|anxious|nervous|scared|afraid|stuck|torn|hurt|disappointed|relieved|proud|embarrassed|ashamed|guilty|overwhelmed|stretched|resentful|unsure|uncertain|lonely|isolated|invisible|unheard|ignored|overlooked|undervalued|trapped|confused|uneasy|unsettled|burnt out|demotivated|done with|dreading|struggling|carrying|juggling|holding|caught|pulled|left)`;
const YOU_EXPERIENCE = new RegExp(
  `^(?:(?:so|and|but|then|right|okay|ok|yeah|also|now)[, ]+)*(?:you(?:'re| are|'ve been| have been| were| feel| felt| sound| seem)(?: (?:really|pretty|quite|so|a bit|a little|rather|still|just|also|both|kind of|sort of|feeling|getting|left))* ${FEELING}\\b|you (?:end(?:ed)? up|keep [a-z]+ing|kept [a-z]+ing|find yourself|found yourself|can't|couldn't|never) [a-z]|you (?:feel|felt|sound|seem) (?:like|as if|as though)\\b)`,
);
/**
 * An interrogative of its own after the frame (a clause opening with a wh-word, an auxiliary or
 * "anything else" after a comma, a dash or a semicolon; one left at the end: "you felt what?";
 * an open-ended "or?"), or a tag asking for confirmation. A relative "who" or an embedded "what
 * to do" belongs to the statement.
 */
const ASKS = new RegExp(
  [
    `(?:^|[,;]\\s*|\\s-+\\s*|-{2,}\\s*)(?:(?:and|but|so|or|then|um|uh)[, ]+)*(?:what|how|why|where|who|which|when|do|does|did|is|are|was|were|can|could|would|will|have|has|had|should|shall|may|might|am|any|anything|is there)\\b[^,;]*\\?$`,
    `\\b(?:what|how|why|where|who|which|when)(?:,? (?:exactly|then))?\\?$`,
    `,\\s*(?:(?:is that|was that|am i|have i got (?:that|it)) (?:right|it|fair|close|true)|right|yes|no|true|fair|correct|isn't it|aren't you|don't you|didn't you|wasn't it|or not|or is it [a-z ]+|or [a-z ]+)\\?$`,
    `\\b(?:you know|or what|or not|or)\\?$`,
  ].join('|'),
);

/** Whether a question sentence is a reflection said with a rising tone. */
export function isRisingReflection(questionSentence: string): boolean {
  const s = questionSentence.trim();
  if (!/\?$/.test(s) || ASKS.test(s)) return false;
  return FRAME.test(s) || (YOU_EXPERIENCE.test(s) && s.split(/\s+/).length >= 5);
}

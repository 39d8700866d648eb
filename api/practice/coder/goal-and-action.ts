/**
 * @module practice/coder/goal-and-action
 * The kinds of goal and action question feedback must tell apart (GROW; ICF 3 and 8), beside the
 * patterns of move-grammar.ts: contracting for the session ("What would be most useful to talk
 * about today?"), an outcome the partner wants in their situation ("What would you like to be
 * different by the end of the year?"), a step the partner could take ("What's one small step you
 * could take at Thursday's review?") and what could block it ("What might get in the way?"). The
 * coder codes the first two `goal_question` and the last two `action_question` (the moves set's
 * guidelines); feedback reads the kind to say something apt about each.
 */

/** What the session is for: the words that tie a question to this conversation. */
const THIS_TIME = `(?:today|this session|our session|this conversation|our conversation|this time|our time|(?:the )?(?:next|this) (?:half hour|hour|\\d+ minutes|few minutes|[a-z]+ minutes)|now|here|this morning|this afternoon|us)`;

/**
 * Contracting for the session: what the partner wants to talk about, focus on, leave with or start
 * from, or what would make the time worthwhile.
 */
const SESSION_GOAL = new RegExp(
  [
    // what would be (most / really) useful / helpful / worthwhile to talk about / focus on ...
    `\\bwhat (?:would|might|will|could) be (?:the )?(?:most |really |particularly |especially |more )?(?:useful|helpful|valuable|worthwhile|good|best|important) (?:(?:for (?:us|you|me) )?to (?:talk|think|focus|look|work|start|begin|cover|explore|get|leave|come away|walk away|spend|use|bring|go)|(?:for|from|about) ${THIS_TIME})\\b`,
    `\\bwhat(?:'s| is| would be) the (?:most )?(?:useful|helpful|valuable|important|pressing) (?:thing|place|question|topic) (?:to|for us to|we could|you'd like to|you want to)\\b`,
    // what do you want / would you like / are you hoping to get out of / leave with / focus on
    `\\bwhat (?:do|would|did) you (?:want|like|hope|need) to (?:get out of|leave (?:here |today )?with|take away|come away with|walk away with|go away with|focus on|talk about|talk through|think about|start with|begin with|bring|use (?:this|our|the) time)\\b`,
    `\\bwhat (?:are|were) you hoping (?:to (?:get|leave|take|come away|walk away|focus|talk|cover|explore)|for|from|we)\\b`,
    `\\bwhat (?:do|would) you (?:want|like|need|hope for) (?:from|out of) (?:${THIS_TIME}|me|this|our|the next)\\b`,
    // where would you like to start / where shall we begin
    // "where shall we start?" after the partner's list picks among their things: only with a
    // word of the session ("where shall we start today?")
    `\\bwhere (?:would|do) you (?:like|want|wish) (?:us |me )?to (?:start|begin|go first)\\b|\\bwhere (?:shall|should|could|might|do) we (?:start|begin)\\b[^?]*\\b${THIS_TIME}\\b`,
    `\\bwhat (?:shall|should|could|can|would) we (?:focus on|talk about|start with|begin with|look at|work on|cover|use (?:this|our|the) time (?:for|on)|spend (?:this|our|the) time on)\\b`,
    // how can we make the most of this time / make this time worthwhile
    `\\bhow (?:can|could|shall|should|might|would you like to|do you want to) (?:we|us) (?:best )?(?:make (?:the most|best use|good use) of|use|spend) (?:this|our|the|today's) (?:time|session|hour|half hour|conversation)\\b`,
    `\\bwhat would make (?:this|our|today's|the next|the) (?:time|session|hour|half hour|conversation|meeting)\\b[^?]*\\b(?:worthwhile|worth it|worth your while|useful|helpful|count|a good use)\\b`,
    `\\bwhat(?:'s| is) (?:on your mind|top of (?:your|the) list|most pressing|the priority) (?:for )?${THIS_TIME}\\b|\\bwhat would you like to bring\\b|\\bwhat (?:brings|brought) you (?:here|today|to this)\\b`,
  ].join('|'),
);

/**
 * An outcome in the partner's situation rather than for the session: what they want to be
 * different, by a time beyond today, or what it would look like when it works.
 */
const OUTCOME = new RegExp(
  [
    `\\b(?:be|look|feel|happen) different(?:ly)?\\b`,
    `\\bby (?:the end of (?:the|this|next) (?:year|month|quarter|term|project|week)|(?:next|this) (?:year|month|quarter|spring|summer|autumn|winter)|christmas|the summer)\\b|\\bin (?:a|six|three|two|twelve|\\d+) (?:months?|years?|weeks?)(?:'s time)?\\b|\\ba year from now\\b`,
    `\\b(?:ideally|if (?:it|this|things) (?:went|worked|goes|were going) (?:well|right|the way you want))\\b|\\bwhat would (?:success|good|better|it) look like\\b|\\bwhat do you want (?:to happen|your [a-z]+ to)\\b|\\bpicture\\b|\\bimagine\\b`,
  ].join('|'),
);

/** A question about what the partner wants from this session (contracting for the conversation). */
export function isSessionGoalQuestion(s: string): boolean {
  return SESSION_GOAL.test(s);
}

/**
 * What the partner wants things to be like: "what do you want the review to look like?", "what
 * would you like it to feel like?", "what would you like to change?" is left out (labellers read
 * it as a plain question).
 */
const WANTED_OUTCOME =
  /\bwhat (?:do|would) you (?:want|like|hope) (?:(?:it|things|this|that|them|(?:the|your|those|these|our) [a-z]+(?: [a-z]+)?) )?to (?:look like|be like|feel like|sound like|be different|become)\b/;

/** A question asking what the partner wants things to be like (coded `goal_question`). */
export function isOutcomeGoalQuestion(s: string): boolean {
  return WANTED_OUTCOME.test(s);
}

/** A goal question about an outcome in the partner's situation, not the session. */
export function isOutcomeQuestion(s: string): boolean {
  return OUTCOME.test(s) && !SESSION_GOAL.test(s);
}

/** When and where the step would be taken ("at Thursday's review", "this week", "first"). */
const WHEN_OR_WHERE = `(?:at|in|on|before|by|after|during|when|this|next|tomorrow|tonight|today|first|differently|monday|tuesday|wednesday|thursday|friday|saturday|sunday|[a-z]+'s)`;

/**
 * A step the partner could take or commit to: "what's one small step you could take", "what could
 * you try at Thursday's review?", "what are you willing to commit to?", "what's the first thing
 * you'll do?". "What could you do?" alone asks for options and stays an open question.
 */
const STEP = new RegExp(
  [
    `\\bwhat(?:'s| is| would be| might be| could be| will be) (?:one|a|the|your|one more|another) (?:(?:small|first|next|single|concrete|practical|tiny|realistic|possible|simple|little|doable|manageable|useful) )*(?:step|thing|action|move|change|experiment)s? (?:that )?(?:you(?:'d|'ll| could| can| might| will| would| are going to|'re going to| want to| feel able to| feel ready to)?|to (?:take|do|try))\\b`,
    // not "what would you do...": the conditional is Kline's "if you knew..., what would you do?"
    `\\bwhat (?:could|can|might|will) you (?:do|try|take|say|change|test|commit to)\\b[^?]*\\b${WHEN_OR_WHERE}\\b`,
    `\\bwhat are you (?:willing|prepared|ready|going) to (?:do|try|commit|take|say|change)\\b|\\bwhat (?:will|would|can|could) you commit to\\b|\\bwhat (?:do|would) you (?:need|want) to do (?:first|next)\\b`,
    `\\bhow (?:will|would|could|can) you (?:take|make) (?:that|the|this|a) (?:first )?step\\b|\\bwhich (?:one|of (?:those|these|them|the)(?: [a-z]+)?|option|idea) (?:will|would|could) you (?:try|do|start|pick|choose|take) (?:first|on)\\b`,
  ].join('|'),
);

/** A question asking which step the partner will take or commit to (GROW Will). */
export function isStepQuestion(s: string): boolean {
  return STEP.test(s);
}

/**
 * What could block the plan: "what might get in the way?", "what could stop you?", "what could go
 * wrong?", "what obstacles do you see?". Apt once there is a plan to test.
 */
const OBSTACLE =
  /\bwhat(?:'s| is)? (?:(?:most |more )?likely to |(?:might|could|would|will|can) )?(?:get in the way|stop you|stand in (?:the|your) way|trip you up|hold you back|go wrong|derail|block)\b|\bwhat (?:obstacles|barriers|blockers|risks)\b|\bwhat (?:might|could|would) make (?:it|that|this) (?:hard|harder|difficult|tricky)\b/;

/** A question about what could block the partner's plan. */
export function isObstacleQuestion(s: string): boolean {
  return OBSTACLE.test(s);
}

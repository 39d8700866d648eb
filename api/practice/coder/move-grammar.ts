/**
 * @module practice/coder/move-grammar
 * The grammar of the moves coaching is about, one pattern set per move: judgement, reassurance,
 * affirmation, contracting, return to the goal, Kline's incisive questions, action questions,
 * summaries and offers with autonomy. Each pattern describes the shape of the move (who is the
 * subject, what verb, what it evaluates), not a list of example sentences, so it generalises to
 * turns nobody wrote down. Patterns run on one normalised sentence (lower case, straight quotes)
 * with leading filler stripped. The move catalogue (move-catalogue.ts) defines each move.
 */

// ---------------------------------------------------------------------------------------------
// Judgement: evaluating, labelling or blaming the person (MITI 4.2.1 Confront)

/** Words that evaluate a person or their conduct negatively. */
const FAULT =
  '(?:overreacting|overthinking|over-thinking|too (?:sensitive|emotional|soft|negative|touchy|precious|defensive)|oversensitive|paranoid|dramatic|naive|lazy|disorganised|disorganized|unprofessional|incompetent|careless|selfish|childish|immature|unreasonable|irrational|irresponsible|negative|precious|daft|silly|stupid|foolish|ridiculous|rude|useless|hopeless at|a pushover|soft on|out of line|in the wrong|to blame|wrong (?:to|about)|making excuses|making a (?:big deal|fuss|drama|mountain)|taking (?:it|this|that|things|everything) (?:(?:far|way|much|a bit|rather|all) )?too personally)';

/**
 * Statements that evaluate or blame the partner: "you're being a bit paranoid", "that's a rookie
 * error", "that's what happens when you...", "you only have yourself to blame", "you clearly
 * missed something", "you should know that by now".
 */
const JUDGEMENT_STATEMENT = new RegExp(
  [
    // sarcasm: praise said as a statement with a tag ("Well, that's a great start, isn't it."),
    // or "just" praise after a lapse ("Oh, that's just brilliant."): a verdict dressed as praise
    `^(?:(?:well|oh|so|right)[, ]+)?(?:that's|that is|that was) (?:just |really )?(?:a |an )?(?:great|brilliant|fantastic|lovely|marvellous|perfect|wonderful|nice|good|clever|smart) ?[a-z ]*, (?:isn't it|wasn't it|isn't that|wasn't that)[.!]*$`,
    `^(?:well|oh)[, ]+(?:that's|that is|that was) just (?:great|brilliant|fantastic|lovely|marvellous|perfect|wonderful)\\b`,
    // a verdict on what the partner expects or wants, however hedged ("It's a bit unreasonable to
    // expect everything to be waiting for you"), not their own doubt reported back ("You're less
    // sure it's unreasonable to want these things")
    `(?<!\\b(?:sure|think|thinks|feel|feels|felt|believe|believes|worry|worried|wonder|whether|if|that|said|says|told|less|more|doubt)\\s)\\b(?:it's|it is|it was|that's|that is|that was|it seems|it sounds) (?:(?:a bit|a little|rather|quite|pretty|really|very|slightly|perhaps|maybe|probably|just|somewhat) )*(?:${FAULT}|unrealistic|too much) to (?:expect|think|want|assume|believe|ask|hope|feel)\\b`,
    // you are / were / have been (being) / sound / seem / come across as [degree] FAULT
    // (a hedge does not soften the verdict: "you might be overreacting a bit")
    `\\b(?:you(?:'re| are| were|'ve been| have been| sound| seem| come across as| (?:might|may|could|must|can) be| (?:might|may|could|must) have been)|you two were|you were both|you're both) (?:(?:just|being|totally|completely|way|far|much|clearly|really|honestly|a bit|a little|rather|quite|so|probably|both|all|simply|basically|obviously|frankly|kind of|sort of) )*${FAULT}`,
    // you're worrying / reading / making too much
    `\\byou(?:'re| are) (?:just |really |honestly )?(?:worrying|reading|making|thinking|stressing|fussing) (?:way |far |a bit |rather )?too much\\b`,
    // that's / that was a (basic / rookie / silly ...) mistake / error; that was careless (of you)
    `\\b(?:that|this|it)(?:'s| is| was| were| sounds like| seems like| looks like)? (?:a |an )?(?:(?:fairly|pretty|really|very|bit|bit of a|rather|quite|such a|classic|real) )*(?:basic|rookie|schoolboy|silly|stupid|daft|careless|naive|avoidable|obvious|amateur|beginner's) (?:mistake|error|blunder)\\b`,
    `\\b(?:that|this|it)(?:'s| is| was) (?:a |an )?(?:bit |rather |pretty |really |very |quite |fairly )?(?:careless|naive|daft|silly|stupid|reckless|rash|thoughtless|sloppy) thing to (?:do|say)\\b`,
    `\\b(?:that|this|it)(?:'s| is| was) (?:a bit |rather |pretty |really |very |quite |fairly )?(?:careless|naive|daft|silly|stupid|unprofessional|irresponsible|selfish|childish|lazy|sloppy|rude|unacceptable|never acceptable|not acceptable|not very professional|your own fault|your fault|on you)\\b(?! (?:to hear|for you))`,
    // the partner's difficulty labelled as a flaw of theirs: "that sounds like a confidence problem"
    `\\b(?:that|this|it)(?:'s| is| was| sounds like| seems like| looks like) (?:a |an |your )?(?:bit of an? )?(?:confidence|attitude|motivation|personality|character|mindset|work ethic|you|people skills|communication) (?:problem|issue|thing|failing)\\b|^(?:(?:honestly|frankly|look|well|but|and|so|to be honest)[, ]+)*(?:the|your) (?:real )?problem (?:is|here is) (?:that )?you(?:'re| are)?\\b`,
    // a choice of theirs called a mistake and pinned on them: "handing it over was a mistake on your part"
    `\\b(?:was|is|were|that's|it's) (?:a |an )?(?:(?:bit of a|big|real|clear|serious) )?(?:mistake|error|misjudgement|bad (?:call|idea|move|decision)) (?:on your part|of yours|by you)\\b`,
    // taking the other side against the partner's account: "To be fair, they probably have their
    // reasons", "In her defence, ...", "They must have had a good reason" (MITI Confront: disagreeing)
    `^(?:(?:well|but|and|honestly|look)[, ]+)*(?:to be fair(?: to (?:them|her|him|jo))?|in (?:fairness|(?:their|her|his) defen[cs]e)|playing devil's advocate|to play devil's advocate),? (?!(?:to )?you(?:rself)?\\b)[a-z]`,
    `\\b(?:they|she|he)(?:'ve| have|'d| had)? (?:probably|must|surely|no doubt) (?:have )?(?:had |got )?(?:their |her |his |a |some )?(?:own |good |perfectly good |valid )?reasons?\\b`,
    // consequences pinned on the person
    `\\bthat's what (?:happens|you get) (?:when|if|for)\\b`,
    `\\byou (?:only have yourself to blame|brought (?:it|this|that) on yourself|asked for (?:it|that)|had it coming)\\b`,
    `\\bif you'd (?:had|done|planned|checked|listened|been|kept|sent|asked)\\b[^.?!]*\\byou (?:wouldn't|would not) be\\b`,
    `\\byou (?:clearly|obviously) (?:missed|dropped|messed up|got (?:it|that) wrong|didn't)\\b|\\byou didn't (?:exactly|really) (?:keep|do|handle|manage|think)\\b`,
    `\\b(?:the team|you|they) took (?:its|your|their) eye off the ball\\b`,
    `\\byou should (?:really )?(?:know|have known|have (?:checked|seen|thought|asked|realised|realized|noticed))\\b`,
    `\\bmaybe you (?:didn't|don't) (?:want|try|care)\\b`,
    `\\b(?:something's|something is) wrong with (?:how|the way) you\\b`,
    `\\b(?:does|do|did) (?:look|sound|seem) (?:a bit |rather |pretty |really )?(?:incompetent|lazy|unprofessional|careless|disorganised|bad)\\b`,
    `\\b(?:is|are|was) (?:never|not) (?:acceptable|professional)\\b`,
    // orders about the partner's character: toughen up, grow a thicker skin, lighten up
    `^(?:(?:oh|well|come on|honestly|just|you just need to|you need to|she needs to|he needs to|they need to)[, ]+)*(?:toughen up|grow (?:a thicker skin|up)|lighten up|man up|get over it|stop (?:being (?:such )?(?:a|so)|complaining|whining|moaning|making excuses))\\b`,
    `\\b(?:needs? to|need to) (?:toughen up|grow a thicker skin|grow up|get a grip)\\b|, (?:just )?(?:toughen up|lighten up|man up|grow up|get over it)\\b`,
    `\\bstop being such a\\b`,
    `^(?:oh |come on[, ]+)?don't be (?:silly|ridiculous|daft|so dramatic|such a)\\b`,
    // sarcasm: mock sympathy or mock praise
    `^(?:oh[, ]+)?(?:poor you|poor thing|how awful for you|what a hardship|boo hoo|diddums|oh brilliant|oh great|well done you|nice one)\\b`,
    `^typical\\b`,
    `^(?:frankly|honestly|to be (?:fair|honest))[, ]+(?:that|you|it)\\b[^.?!]*\\b(?:eye off|fault|mistake|excuse|blame|should have|your own)\\b`,
    `\\b(?:oh |well )?come on[, ]+(?:she's|he's|they're|it's|you're|that's)\\b[^.?!]*\\b(?:too much|nothing|over nothing)\\b`,
  ].join('|'),
);

/** Openers a blaming question may carry before its "why" / "how" ("so", "honestly", "come on"). */
const Q_LEAD = `^(?:(?:so|but|and|well|then|honestly|seriously|really|come on|i mean|look|ok|okay|uh|um|oh)[, ]+)*`;
/** Intensifiers that turn a question into a reproach ("why on earth", "why the hell", "why ever"). */
const Q_INTENSIFIER = `(?:on earth|the hell|in god's name|in heaven's name|ever)`;
/** The person as the subject of the question, the partner or the people they answer for. */
const Q_SUBJECT = `(?:you|you two|your team|they|she|he|anyone|anybody|someone|people)`;

/**
 * Questions that blame rather than ask (MITI 4.2.1 Confront: a question can confront). Read by
 * the grammar of the reproach, not by example sentences: "why" with a negated auxiliary and the
 * partner as subject ("why didn't you...?", "why haven't you...?", "why can't you just...?"), the
 * partner letting or allowing ("why do you let them...?"), a "why would you even / ever / bother"
 * that says the answer is obvious, the intensifiers ("why on earth"), "how could you...?", "what
 * were you thinking?", "what did you expect?", rhetorical "is it really that hard?" and a "why"
 * with "always / keep / never" of the person. A curious "why" stays a question: "why does that
 * matter to you?", "why now?", "why did you choose that one?".
 */
const JUDGEMENT_QUESTION = new RegExp(
  [
    // why didn't / haven't / can't / won't / wouldn't you...? (not "why don't you tell me", which
    // invites, and not a rating: "why didn't you pick a lower number?")
    `${Q_LEAD}why (?:${Q_INTENSIFIER} |exactly |again )?(?:didn't|haven't|hadn't|wouldn't|couldn't|weren't|aren't|won't|isn't|wasn't|doesn't|hasn't|shouldn't) ${Q_SUBJECT}\\b(?! (?:(?:pick|choose)(?! up)|rate|give (?:it|yourself) a|say (?:a )?(?:higher|lower)|put (?:a )?(?:higher|lower)|go (?:lower|higher))\\b)`,
    // "why can't you just...?" (a curious "why can't you sleep?" asks about a constraint)
    `${Q_LEAD}why (?:${Q_INTENSIFIER} )?can't ${Q_SUBJECT} (?:just|simply|even|ever|at least)\\b`,
    // why don't you even / just...? why do you let / allow / put up with...?
    `${Q_LEAD}why (?:${Q_INTENSIFIER} )?(?:don't|do|does|did|would|are|were|will) ${Q_SUBJECT} (?:(?:just|really|honestly|seriously|actually|then|still) )*(?:even|ever|always|keep|keeps|kept|keep on|constantly|never|bother|bothered|let|lets|letting|allow|allowed|allowing|put up with|stand for|tolerate|tolerated|fall for)\\b`,
    `${Q_LEAD}why (?:${Q_INTENSIFIER} )?(?:would|did|are|were) you (?:just )?(?:agree|say yes|defend|write|send|leave|wait so long|sit on)\\b`,
    `${Q_LEAD}why (?:${Q_INTENSIFIER})\\b|${Q_LEAD}why (?:even )?bother\\b|${Q_LEAD}why (?:would|do|did|does) anyone\\b`,
    // how could you / how can you (not, possibly, ever, even, let)...?
    `${Q_LEAD}how (?:could|can) (?:you|they|anyone) (?:not |possibly |ever |even |seriously |honestly |just )*(?:forget|let|allow|do that|do this|miss|say that|say this|ignore|leave|lose|think that|think this|agree|not (?:see|know|notice|check|ask|realise|realize))\\b|${Q_LEAD}how did you (?:manage to |not )?(?:miss|forget|let|not)\\b`,
    `${Q_LEAD}how (?:could|can) you (?:not|possibly|ever|even|seriously)\\b|${Q_LEAD}how (?:on earth|the hell) (?:did|do|could|can|would) you\\b`,
    // what were you thinking / what did you expect / what's wrong with you / what possessed you
    `\\bwhat (?:on earth |the hell |exactly )?(?:were|was) (?:you|they) thinking\\b|\\bwhat (?:else )?did you (?:expect|think would happen)\\b|\\bwhat(?:'s| is) wrong with (?:you|them|your team)\\b|\\bwhat possessed you\\b|\\bwhat (?:did|do) you (?:think|expect) you were doing\\b`,
    // rhetorical: "is it really that hard?", "was that so difficult?", "who does that?", "seriously?"
    `\\b(?:is|was|can) (?:it|that|this) (?:really |honestly |seriously )?(?:that|so) (?:hard|difficult|complicated|much to ask)\\b|\\bhow hard (?:can|could|is) it (?:really )?(?:be|to)\\b|\\bwho (?:even )?does that\\b|\\bdid you (?:really|honestly|seriously) (?:think|expect|believe)\\b|\\bdo you (?:seriously|honestly) (?:think|expect|believe)\\b`,
    // sarcasm: mock interest in how a choice turned out, mock praise with a tag
    `\\bhow(?:'s| is| did| has) (?:that|this|it) (?:been )?(?:working|worked|work) out for you\\b|\\b(?:that|it) (?:went|worked out|worked) (?:well|great|brilliantly),? did(?:n't)? it\\?|^(?:oh[, ]+)?(?:great|brilliant|genius|lovely|nice|smart|clever) (?:plan|move|idea|one|work|thinking)\\b[^?]*,? (?:wasn't it|was it|isn't it|eh)\\?`,
    // a "why" that points out a contradiction: "why did you take the job if you weren't ready?"
    `${Q_LEAD}why (?:${Q_INTENSIFIER} )?(?:did|would|do) you\\b[^?]*\\b(?:if|when|knowing) (?:you|it|that|they)(?: (?:weren't|didn't|don't|couldn't|can't|aren't|hadn't|knew|was|were))?\\b(?:[^?]*\\b(?:weren't|didn't|don't|couldn't|can't|aren't|hadn't|wasn't|not|never)\\b)`,
    `\\bwho else would (?:they|he|she|anyone) blame\\b`,
    `\\b(?:surely|obviously) you (?:can see|know|realise|realize)\\b`,
  ].join('|'),
);

/** "..., isn't it?" after an evaluation: a judgement with a question mark. */
const EVALUATIVE_TAG = new RegExp(
  `\\b(?:${FAULT}|mistake|error|failure|mess|fault|planning failure|daft|silly|naive|basic)\\b[^?]*,? (?:isn't it|wasn't it|aren't you|weren't you|shouldn't you|don't you|doesn't it)\\?$`,
);

/** A sentence that evaluates or blames the partner. */
export function isJudgement(s: string, question: boolean): boolean {
  if (question)
    return JUDGEMENT_QUESTION.test(s) || EVALUATIVE_TAG.test(s) || JUDGEMENT_STATEMENT.test(s);
  return JUDGEMENT_STATEMENT.test(s);
}

// ---------------------------------------------------------------------------------------------
// Reassurance / rescuing: soothing, minimising, predicting a good outcome (not an affirmation)

const REASSURANCE_PATTERNS = new RegExp(
  [
    // don't worry / try not to stress / don't beat yourself up / don't take it personally
    `^(?:(?:oh|well|but|and|so|please|honestly|look|just|now)[, ]+)*(?:don't|do not|try not to|no need to|you (?:shouldn't|should not|don't need to|mustn't)) (?:(?:be|feel) (?:so |too )?(?:hard on|harsh on|down on|bad|guilty|silly|embarrassed|ashamed|worried|stressed|upset|like a fraud)|worry|stress|fret|panic|dwell|beat yourself up|blame yourself|take it (?:personally|to heart)|let (?:it|them|that|this) get to you|give it (?:another|a second) thought|lose sleep|feel (?:so |too )?(?:bad|guilty|like a fraud|like that))`,
    // telling the partner how to see themselves: "you're being a bit hard on yourself" disputes
    // their view of themselves, as "don't be so hard on yourself" does
    `\\byou(?:'re| are) (?:being )?(?:a (?:bit|little) |too |so |very |really |quite |far too |way too )?(?:hard|harsh|tough) on yourself\\b`,
    // a bare denial of the partner's fear ("What if they reject it?" "They won't, ...")
    `^(?:(?:oh|no|well|honestly)[, ]+)*(?:they|it|he|she|that|you) (?:won't|will not|wouldn't|would not|can't|couldn't)(?: (?:do that|happen|be))?[,.!]`,
    // the future will be fine: you'll be fine / get there / bounce back; it'll pass / work out
    `\\byou(?:'ll| will| are going to|'re going to| should) (?:be (?:just )?(?:fine|ok|okay|alright|all right|great|right as rain|snapped up)|get there|bounce back|sail through|smash it|nail it|win them over|be back on your feet|land on your feet|get through (?:it|this))\\b`,
    `\\b(?:it|this|that|things|everything|it all|they|these things)(?:'ll| will| is going to|'s going to| are going to| always| usually| generally)? (?:all )?(?:be (?:fine|ok|okay|alright|all right)|(?:work|turn|sort itself|sort themselves) out|pass|blow over|come (?:together|good|right|to nothing)|balance out|settle down|get better|be forgotten)\\b`,
    `\\b(?:it's|it is) bound to (?:go|work|be)\\b`,
    `\\b(?:your (?:turn|time|chance)) will come\\b`,
    `\\bi(?:'m| am) (?:sure|certain|confident) (?:it|you|he|she|they|things|everything|that|the|your)\\b[^.?!]*\\b(?:fine|ok|okay|alright|all right|work out|pass|love|mean|get over|come|sail|well|nothing serious|good hands|right)\\b`,
    `\\b(?:he|she|they)(?:'ll| will) (?:get over it|come round|be fine|understand)\\b`,
    `\\b(?:he|she|it)(?:'s| is) (?:probably )?in good hands\\b`,
    `\\bnobody (?:will|is going to) (?:even )?(?:remember|notice|care)\\b`,
    `\\bnobody cares about (?:that|it)\\b`,
    `\\b(?:you've|you have) got nothing to worry about\\b|\\bnothing to worry about\\b`,
    `\\bthey(?:'d| would) never let (?:someone|anyone) like you go\\b`,
    `\\bthey don't keep people on\\b`,
    // minimising: it's only..., not the end of the world, no big deal, at least..., look on the bright side
    `\\b(?:it's|it is|that's|that is) (?:only|just) (?:a |an |one |two |three |four |a couple of |the )?[a-z]+(?: [a-z]+){0,3}(?:,|[.!]?$)`,
    `^(?:(?:oh|well|but|and|so|honestly)[, ]+)*(?:it's|it is|that's|this is) (?:only|just) (?:a |an )?[a-z]+(?: [a-z]+)?[.!]?$`,
    `\\b(?:it's|it is|that's) not the end of the world\\b|\\bno big deal\\b|\\bnot as bad as (?:it|you|they)\\b|\\bnothing personal\\b`,
    `^(?:(?:oh|well|but)[, ]+)*at least\\b`,
    `\\blook on the bright side\\b|\\bchin up\\b|\\bcheer up\\b|\\bstay positive\\b|\\bthink positive\\b|\\boh well\\b|\\bthere's always next time\\b|\\bgood things come to\\b|\\bthese things (?:take time|happen)\\b|\\bgive it time\\b|\\bhappens to the best of us\\b|\\bpeople are replaceable\\b|\\btake it one day at a time\\b`,
    // normalising to dismiss: everyone feels / has / gets / makes...; we all have off days
    `\\b(?:everyone|everybody|we all|all of us|lots of people|most people|loads of people)(?: on [a-z]+)? (?:feels?|has|have|gets?|makes?|goes through|go through|finds?|struggles?|is like that|gets there)\\b[^.?!]*\\b(?:like that|sometimes|at some point|in the end|off days?|mistakes|this|that|imposter syndrome|those rules confusing|there)\\b`,
    `\\b(?:it's|it is|that's|that is) (?:totally|completely|perfectly) (?:normal|natural|common)\\b[^.?!]*[.!]?$`,
    // "Forms are just part of the job, everyone has them.": the partner's burden made ordinary
    `\\b(?:just|only|simply) (?:a |an )?part of (?:the|your) (?:job|role|work|territory)\\b|\\b(?:everyone|everybody|we all) (?:has|have|gets?|does|do|puts? up with) (?:them|it|that|those|these)[.!]?$`,
    // contradicting the partner's harsh word for themselves: "you're not a rubbish mum", "crying isn't weak"
    `^(?:(?:oh|but|and|honestly|look)[, ]+)*you(?:'re| are) not (?:a |an )?(?:rubbish|hopeless|useless|weak|a failure|a fraud|stupid|bad|terrible|lazy|an imposter)\\b`,
    `\\b(?:isn't|is not|doesn't make you|does not make you) (?:weak|a failure|stupid|useless|hopeless)\\b`,
    // encouragement that pats rather than listens
    `^(?:(?:just|and|so|please|but)[, ]+)*(?:stay (?:strong|positive)|hang in there|keep your chin up|you(?:'ve| have) got this|you can do (?:it|this)|i believe in you)\\b`,
  ].join('|'),
);

/** A sentence that soothes, minimises or predicts a good outcome instead of listening. */
export function isReassurance(s: string, question: boolean): boolean {
  return !question && REASSURANCE_PATTERNS.test(s);
}

// ---------------------------------------------------------------------------------------------
// Affirmation: a specific strength, effort, value or achievement of the partner (MITI 4.2.1)

/** Qualities a coach may name in the partner. */
const QUALITY =
  '(?:courage|nerve|guts|backbone|bravery|strength|discipline|persistence|determination|resilience|honesty|integrity|care|commitment|patience|skill|thought|effort|work|organising|self-awareness|insight|initiative|leadership|generosity|openness|focus|grit)';

const AFFIRMATION_PATTERNS = new RegExp(
  [
    // that took / takes real courage; it takes something to admit...
    `\\b(?:that|this|which|doing that|saying that|saying no) (?:took|takes|must have taken) (?:real |a lot of |some |great |a kind of |genuine )?(?:${QUALITY}|something|guts)\\b|\\b(?:that|it) (?:shows|showed) (?:how (?:much|seriously)|real|a lot|what a)\\b|\\bthat shows[.!]?$`,
    `\\bit (?:takes|took) (?:real |a lot of |some |great |genuine )?(?:${QUALITY}|something) to\\b`,
    // you + an achievement or strength: you kept going, you led..., you've put in so much, you did it anyway
    `(?:^|[,;] )(?:(?:and|so|but) )?you(?:'ve| have)? (?:(?:really|clearly|still|already|actually) )?(?:kept (?:going|them|the|your|at)|held (?:your ground|it together|firm)|stuck (?:with|at) it|did it anyway|did that|did it|went in prepared|got what you asked|led (?:a|the|them|your)|put (?:a (?:huge|lot|great)|so much|in so much|a huge amount)|took a risk|raised it early|spotted|noticed that pattern|closed a deal|modernised|built|protected|handled|managed to keep|found a (?:slot|way)|carried two|turned off|said no|thought this through|shown|made real progress)\\b`,
    // evaluation of what the partner did or is: "that's real progress", "that's considerate", "careful work"
    `^(?:(?:and|so|but|well)[, ]+)*(?:that's|that is|that was|those are|which is|it was) (?:a |an )?(?:(?:really|real|genuinely|such a|truly|very|so|quite|no small|huge|big) )*(?:progress|achievements?|result|shift|discipline|courage|considerate|thoughtful|generous|careful work|insightful|impressive)\\b[^?]*$`,
    `^(?:(?:and|so|but|well)[, ]+)*(?:that's|that is|that was|which is|it was) (?:a |an )?(?:really |genuinely |such a |truly )*(?:real|big|brave|bold|huge|great) (?:step|move|change|thing to (?:say|do|admit|notice))\\b`,
    `\\bthat(?:'s| is| was) (?:really |very |so )?(?:honest|brave|considerate|thoughtful|generous|insightful|courageous|wise|impressive) of you\\b`,
    `\\b(?:that's|that is|which is) (?:a )?(?:really |real |genuinely )?(?:honest|brave|bold|big|impressive|generous) (?:thing to (?:say|do|notice|admit)|move|step)\\b`,
    `\\bwhich is no small thing\\b|\\bno small thing\\b|\\bthat shows[.!]?$|\\bthat's exactly what a good\\b`,
    `\\b(?:says|said|tells me) (?:a lot|something|so much) about (?:you|what you|the kind of|how)\\b`,
    `\\bwell done\\b(?! you)|(?:^|[,.!] )good for you\\b|\\bi (?:really )?(?:admire|respect) (?:how|that|your|the way)\\b|\\bi'm (?:really |so )?impressed\\b|\\byou should be proud\\b`,
    `\\bthat(?:'s| is) (?:a )?real (?:achievement|progress|shift|result|change|discipline)\\b`,
    `\\byou (?:were|are) (?:shaking|scared|nervous|terrified) and (?:you )?(?:did|went|said|spoke)\\b`,
    // a quality of the partner's shown in the session: "you've been really honest with yourself",
    // "you were brave to look at it", "you've worked hard at this today"
    `\\byou(?:'ve| have) been (?:(?:really|very|so|remarkably|incredibly|genuinely|brutally) )?(?:honest|brave|candid|frank|generous|courageous|persistent|resilient)\\b`,
    `\\byou (?:were|are) (?:(?:really|very|so) )?(?:brave|courageous|honest|generous|bold) (?:to|enough to)\\b`,
    `\\byou(?:'ve| have) (?:worked|thought) (?:(?:really|so|very|incredibly) )?(?:hard|carefully|deeply|honestly) (?:at|on|about|through) (?:this|that|it|all this|all of this)\\b|\\byou(?:'ve| have) done (?:some )?(?:real|hard|serious|a lot of) (?:work|thinking)\\b`,
  ].join('|'),
);

/**
 * Strengths said as what the partner is or cares about ("you're clearly someone who...", "you
 * care a great deal about..."): an affirmation that is also a reflection of the partner.
 */
const ATTRIBUTIVE_AFFIRMATION = new RegExp(
  [
    // you're clearly someone who...; you're really tuned in; you care a great deal about
    `\\byou(?:'re| are) (?:clearly |really |obviously |very )?(?:someone who|the kind of|a (?:caring|thoughtful|careful|committed|brave|good|strong|fair) (?:person|manager|leader|colleague|friend|mum|dad|parent|listener|boss)|really tuned in|tuned in|committed to|thinking about every|careful to)\\b`,
    `\\byou(?:'ve| have) been careful to\\b`,
    // the partner as the subject of the sentence or of a clause ("you care about..."), not a
    // relative clause ("the people you care about")
    `(?:^|[,;] |\\b(?:and|but|so|clearly|obviously|tells me|told me|shows|showed|says|means|suggests|(?:it's|it is) (?:clear|obvious|plain)) (?:that )?)you (?:clearly |really |obviously |genuinely |do )?(?:care|cared) (?:a lot |a great deal |deeply |so much |about|for|how)\\b`,
  ].join('|'),
);

/** Praise of the partner's plan as a whole sentence ("That sounds like a great idea!"). */
const APPROVAL_OF_PLAN =
  /^(?:(?:oh|wow|yes|yeah|ok|okay|well|aw|ah)[,.! ]+)*(?:that|this|it) (?:sounds|seems|is|'s|looks) (?:like )?(?:a |an )?(?:really |very |so |such a |super |absolutely )*(?:great|good|wonderful|brilliant|excellent|smart|wise|sensible|fantastic)(?: (?:idea|plan|step|start|choice|decision|approach|way|option|goal))?[\s.!]*$/;

/**
 * Whether a sentence names a strength, effort, value or achievement of the partner: 'evaluative'
 * when the coach evaluates ("that took courage", "that's real progress"), 'attributive' when it
 * says what the partner is or cares about (a reflection too), null when neither.
 */
export function affirmationKind(s: string, question: boolean): 'evaluative' | 'attributive' | null {
  if (question) return null;
  if (AFFIRMATION_PATTERNS.test(s) || APPROVAL_OF_PLAN.test(s)) return 'evaluative';
  return ATTRIBUTIVE_AFFIRMATION.test(s) ? 'attributive' : null;
}

// ---------------------------------------------------------------------------------------------
// Contracting: agreeing how we work (ICF competency 3, Establishes and Maintains Agreements)

const CONTRACTING_PATTERNS = new RegExp(
  [
    // confidentiality
    `\\b(?:stays?|stay|kept|keep (?:it|this|that|what you say|what you tell me)|remains?) (?:between (?:us|the two of us|you and me)|here|with me|confidential|on the walk|in this room)\\b`,
    `\\b(?:this|it|what you say|what you share|everything|our conversations?|these sessions|anything you say) (?:is|are|stays?|remains?|will (?:be|stay)) (?:completely |strictly )?confidential\\b|\\bconfidentiality\\b`,
    `\\b(?:isn't|is not|won't be|will not be|never) (?:shared|passed on|reported)\\b|\\bi won't (?:report|pass|share|tell)\\b[^.?!]*\\b(?:manager|anyone|programme|hr)\\b`,
    `\\bwhat (?:you say|you share|we say|we discuss|you tell me|'s said)\\b[^.?!]*\\b(?:stays|isn't|won't|between)\\b`,
    // roles
    `\\bmy role\\b|\\bi(?:'m| am) (?:not )?here (?:as|to|so you)\\b|\\bi(?:'m| am) not here to\\b`,
    `\\bi(?:'ll| will) (?:mostly |just )?(?:ask (?:questions|and)|listen|do that|push|check|jot|give you the notes|flag)\\b`,
    `\\bi won't (?:tell you what|give advice|judge|fix)\\b|\\bi don't give advice\\b|\\bi(?:'ll| will) check it's what you want\\b`,
    `\\bhow would you like (?:me|us) to (?:be|help|work|approach|follow|use|do)\\b|\\bwhat you'd like from me\\b|\\bhow you'd like me to\\b|\\bsounding board\\b|\\bmore (?:questions|challenge), or\\b`,
    `\\bshall i (?:just )?(?:listen|check how|push|flag|stop)\\b`,
    // how we work: agree, ground rules, time, frequency, notes, feedback on the sessions
    `\\b(?:can|could|shall|should) we (?:agree|spend a few minutes on how|keep it (?:short|to)|say that|take a couple|use it to|begin)\\b|\\blet's agree\\b|\\bhow about we agree\\b|\\bground rules\\b`,
    `\\bhow we(?:'ll| will)? (?:use|work|measure|do)\\b|\\bworking together\\b|\\bwork together\\b`,
    `\\b(?:we've|we have) got (?:about |around )?(?:\\d+|ten|fifteen|twenty|thirty|forty|forty-five|fifty|sixty|an|half an) (?:minutes|hour|more minutes)\\b|\\bwe said (?:fifty|forty|thirty|twenty|\\d+) minutes\\b`,
    `\\b(?:sessions?|meet) (?:monthly|weekly|fortnightly)\\b|\\bmeet monthly\\b|\\bwith a day's notice\\b|\\bthree sessions\\b|\\bwe(?:'ve| have) been going (?:\\d+|ten|fifteen|twenty|thirty|forty) minutes\\b`,
    `\\b(?:finish|stop) early\\b|\\buse the time differently\\b|\\bpick up next week\\b|\\bif you get called away\\b`,
    `\\b(?:how was|how did) (?:today|today's session|this session|the session|this)(?: (?:work|go))? for you\\b|\\bto check how it went for you\\b|\\banything you'd like me to do differently\\b`,
    `\\b(?:take|jot|write) (?:a few )?(?:notes|words)\\b|\\bwrite down\\?|\\bi didn't write down\\b`,
    `\\bif (?:i|we) (?:push too far|get called away|drift)\\b|\\bif at any point you want me to\\b|\\bpoint out when i notice\\b|\\bstart each session\\b|\\bthese sessions are yours\\b|\\bthat's your decision\\b`,
    `\\bhow would you like us to follow up\\b`,
  ].join('|'),
);

/** A sentence that agrees how the coaching works: confidentiality, roles, time, process. */
export function isContracting(s: string): boolean {
  return CONTRACTING_PATTERNS.test(s);
}

// ---------------------------------------------------------------------------------------------
// Giving the partner's world back: the boundary between a reflection and the moves above

/**
 * A sentence whose subject is the partner's own want, feeling, value or view: "you want...",
 * "you'd like...", "it sounds like X matters to you", "for you it's...", "you care about...". Its
 * words may touch contracting, reassurance or affirmation ("ground rules", "just a meeting"), but
 * it gives back what the partner said rather than proposing, soothing or praising.
 */
const GIVES_BACK = new RegExp(
  [
    `^(?:(?:so|and|but|then|it sounds like|sounds like|it seems|it seems like|seems like|i get the sense|i hear that|i'm hearing that|clearly)[, ]+)*you(?:'d| would)? (?:really |still |just |also |clearly |genuinely |do )?(?:want|wanted|wish|hope|need|like|prefer|care|value|feel|felt|think|believe|worry|fear|miss|mind|rather)\\b`,
    `^(?:(?:so|and|but|then)[, ]+)*(?:it sounds like|sounds like|it seems|it seems like|seems like|i get the sense|i sense|i hear)\\b[^.?!]*\\b(?:matters?|is important|are important|means? (?:a lot|so much|something)) to you\\b`,
    // the reflective frame itself gives the partner's view back ("it sounds like knowing how...")
    `^(?:(?:so|and|but|then)[, ]+)*(?:it sounds like|sounds like|it sounds as if|it seems|it seems like|seems like|i get the sense|i sense|i'm hearing|what i'm hearing is)\\b`,
    // a feeling or state of the partner's ("you're worried it's only going to get worse")
    `^(?:(?:so|and|but|then)[, ]+)*you(?:'re| are|'ve been| have been) (?:really |still |so |quite |a bit |a little )?(?:worried|afraid|scared|frightened|anxious|nervous|concerned|hoping|wondering|feeling|not sure|unsure|torn|dreading|thinking|wishing|relieved|angry|upset|fed up|tired|exhausted)\\b`,
    `^(?:(?:so|and|but|then)[, ]+)*(?:for you|to you|in your (?:eyes|view|mind)|from where you (?:sit|stand)|the way you see it|as you see it)\\b`,
    `^(?:(?:so|and|but|then)[, ]+)*[a-z' ]{1,40} (?:matters?|is important|means (?:a lot|so much)) to you\\b`,
  ].join('|'),
);

/** Contracting proper: the coach proposing or agreeing how we work, not the partner's wish for it. */
const PROPOSES_HOW_WE_WORK =
  /\b(?:shall we|let's|let us|(?:can|could|should) we (?:agree|keep|say|use|spend|take|begin|start)|we (?:should|could|can|might|need to) (?:agree|set|keep|start|begin|spend|use|talk about how)|how about we|i(?:'ll| will| won't| will not)|i(?:'m| am) (?:not )?here|my role|stays? (?:between|with me|here|confidential)|how would you like (?:me|us)|how you'd like me|would you like me)\b/;

/** Reassurance proper: soothing, predicting or normalising by the coach, even inside a reflection. */
const SOOTHES =
  /\b(?:don't worry|no need to worry|nothing to worry|(?:it|things|everything|that|this)(?:'ll| will) (?:all )?(?:be (?:fine|ok|okay|alright|all right)|work out|pass|blow over)|you(?:'ll| will) be (?:fine|ok|okay|alright)|everyone|everybody|we all|at least|not the end of the world|no big deal)\b/;

/** Whether a sentence gives back the partner's own wants, feelings, values or view. */
export function givesBack(s: string): boolean {
  return GIVES_BACK.test(s);
}

/** Contracting in a give-back sentence needs the coach proposing how we work. */
export function proposesHowWeWork(s: string): boolean {
  return PROPOSES_HOW_WE_WORK.test(s);
}

/** Reassurance in a give-back sentence needs the coach soothing, predicting or normalising. */
export function soothes(s: string): boolean {
  return SOOTHES.test(s);
}

/**
 * An affirmation that restates what the partner did, with the partner as the subject ("You built
 * most of the models", "You did what you said"): it affirms and reflects at once. Not praise said
 * about the act ("That took courage") nor a modal ("You should be proud").
 */
const RESTATES_ACT =
  /^(?:(?:so|and|but|well|look)[, ]+)*you(?:'ve| have)? (?:(?:really|clearly|still|already|actually|even|also) )?(?!(?:should|must|can|could|will|would|might|may|shall)\b)[a-z]+(?:ed|t|lt|ilt|ew|id|ept|ot|ok|ood|ade|ound|ave|ent|ught|ove)\b/;

/**
 * The coach's own verdict inside or beside a restatement: an evaluating adverb or noun ("you clearly
 * care", "real progress", "with a lot of grace") or a comment on the act ("and that preparation
 * will help", "which is no small thing"). Then the praise is the move, not the restatement.
 */
export const COACH_VERDICT =
  /\b(?:clearly|obviously|real progress|incredibl[ey]|grace|impressive|brilliant(?:ly)?|amazing(?:ly)?|so well|beautifully|superb(?:ly)?|(?:thought|worked) (?:(?:really|so|very) )?(?:hard|carefully|deeply)|(?:been|were) (?:(?:really|so|very) )?(?:honest|brave|candid|courageous|frank))\b|^(?:(?:and|but|so)[, ]+)?(?:that|this|which|it)(?: [a-z-]+){0,3}?(?:'s| is| was| will| would| took| takes| shows| says| must)\b/;

/** Whether an affirming sentence also gives the partner's act back (so it codes a reflection too). */
export function restatesAct(s: string): boolean {
  return RESTATES_ACT.test(s) || GIVES_BACK.test(s);
}

// ---------------------------------------------------------------------------------------------
// Goals: asking what the partner wants, and coming back to it (ICF 3; GROW Goal)

/** "What would you like from today?", "What would make this worthwhile?", "How will we know it's been useful?" */
export const GOAL_QUESTION = new RegExp(
  [
    `\\bwhat (?:would|do|did) you (?:like|want|hope|wish|need) (?:to (?:get|have|leave|walk away|take|achieve|come away|focus|work|explore|be different|happen|find out about|be able|change)|from|out of|us to (?:have )?achieve)\\b`,
    `\\bwhat would you (?:like|want) (?:to be different|your|the (?:team|staff|students|panel|residents))\\b`,
    `\\bwhat (?:do|would) you want (?:(?:your|the|those|them|her|him|people|residents|the staff|the team|the panel|the students|[a-z]+) )?(?:to (?:take away|hear|feel|understand|know|notice|see|get out of|be able|be different|happen))\\b`,
    `\\bwhat would (?:make|be) (?:this|our|today|the|a|even one|these)\\b[^?]*\\b(?:useful|worthwhile|worth|helpful|valuable|good outcome|useful outcome|helpful place)\\b`,
    `\\bwhat would (?:a |an )?(?:good|useful|great|successful|helpful) (?:outcome|result|one)\\b`,
    `\\bwhat would (?:success|a good (?:outcome|one)|(?:doing|putting|being|finding|getting|helping) [a-z ]{1,40}) look like\\b`,
    `\\bhow (?:will|would) (?:we|you) know\\b[^?]*\\b(?:useful|worked|ready|helped|been)\\b|\\bwhat would tell you\\b`,
    `\\bwhat(?:'s| is) the (?:one thing|goal|outcome)\\b[^?]*\\b(?:today|most|like|want)\\b`,
    `\\bwhat (?:would|do) you (?:like|want) (?:from|out of|to get out of) (?:our|this|the|today|these|me)\\b`,
    `\\bhow are you wanting to\\b|\\bwhat do you want to (?:be different|take|do with)\\b|\\bwhat would you like (?:to|us to) (?:have|focus|achieve|get)\\b|\\bwhat would you like to explore\\b`,
    `\\bwhat (?:would|do) you need (?:right now|from)\\b|\\bwhat do you need right now\\b|\\bwhat would help (?:you )?most\\b`,
    `\\bwhat would be (?:one |a )?sign\\b|\\bwhere would you like (?:to get|to be)\\b|\\bwhat would you like to (?:leave|walk out|be able)\\b`,
    // the want itself, asked bare ("So what do you want?", "What is it you really want here?",
    // "What are you hoping for?"): nothing after it but where or for whom
    `\\bwhat (?:is it (?:that )?you|do you|would you|are you) (?:really |actually |most |truly |ultimately |honestly )?(?:want|wanting|need|needing|hoping for|after|looking for)(?: most| most of all| for yourself| (?:in|from|out of) (?:all )?(?:this|it|that|here)| here| now| today| in the end| ultimately)*\\?`,
    `\\bif you could design\\b|\\bwhat do you want (?:from|out of)\\b|\\bwhat would you want to be true\\b|\\bwhat did you want (?:the|it|this)\\b`,
  ].join('|'),
);

/**
 * Coming back to what the partner wanted: "coming back to what you wanted today...", "you said at
 * the start you wanted...", "is that still the focus?", "how close are we?". Not a follow-up of
 * an action ("you said you'd email her").
 */
const RETURN_TO_GOAL = new RegExp(
  [
    `\\b(?:coming|going|come|go|get|bring(?:ing)? us|turn(?:ing)?) back to (?:what you (?:wanted|said|came)|your (?:goal|aim|question|one change|plan|focus)|the (?:question|plan|goal|secondment|complaint|focus|thing) you|the plan|how you|that\\?|it)\\b`,
    `\\b(?:shall|should|can) we (?:go back|come back|turn|bring us back|focus there|return)\\b|\\bbring us back to\\b|\\bgo back to the\\b`,
    `\\byou (?:came (?:in )?wanting|set out|started wanting|came here wanting)\\b|\\byou(?: said| told me| mentioned)? (?:at the start|earlier|last time|before we started|this morning)(?: that)?,? (?:you )?(?:wanted|were hoping|hoped|want)\\b|\\byou (?:said |told me )?(?:you )?want(?:ed)? (?:today|this session|from (?:today|this session|the programme|our sessions))\\b|\\byou wanted today\\b|\\byou wanted (?:a|an|to) [a-z ]{1,40} by the end of (?:today|the session|this)\\b`,
    `\\b(?:your|the) (?:goal|aim|focus|question)(?: for)? (?:today|was|of|for today|you came with)\\b|\\bwhat you wanted (?:today|from (?:today|the programme|this))\\b|\\bwhat you came (?:for|in for|with)\\b`,
    `\\byou (?:said|mentioned|told me) (?:at the start |earlier |last time )?(?:that )?(?:you wanted|the real thing|your goal|what you want)\\b`,
    `\\b(?:is|was) (?:that|this|it) still (?:the|your|what you)\\b|\\bare we still on\\b|\\bstill where you want to go\\b|\\bstill the (?:goal|focus|question)\\b`,
    `\\bhow close (?:are we|do you feel|does it feel)\\b|\\bwhere (?:are we|have we got to) (?:on|with) (?:that|it|this)\\b|\\blet's check where we are\\b|\\bhave we got there\\b|\\bdo you feel you have it\\b|\\bany closer\\b|\\bhow narrow does it feel\\b|\\bwhere has this got us\\b|\\bhave you got it\\b`,
    `\\bwhich would you like to spend\\b|\\bis this the part (?:of it )?you want\\b|\\bwe've (?:been talking about|spent a while on|wandered|drifted)\\b`,
  ].join('|'),
);

/** A sentence that brings the conversation back to the partner's goal or chosen focus. */
export function isReturnToGoal(s: string): boolean {
  return RETURN_TO_GOAL.test(s);
}

// ---------------------------------------------------------------------------------------------
// Incisive questions (Nancy Kline, Time to Think): naming an assumption or freeing the thinker from one

const INCISIVE_PATTERNS = new RegExp(
  [
    `\\bwhat (?:are|were|might) you (?:be )?assuming\\b|\\bwhat (?:assumptions?|beliefs?) (?:are|is|might be|could be)\\b|\\bwhat would you assume instead\\b`,
    // if you knew / assumed / believed / weren't afraid / trusted..., what would you...?
    `\\bif (?:you|we) (?:really |just |already )?(?:knew|know for certain|assumed|believed|trusted|were sure|were certain|weren't|were not|didn't have to|did not have to|didn't need to|had no|found out|could be sure|were to assume|were free|had permission|were allowed)\\b`,
    `\\bif (?:it|that|they|she|he|[a-z]+ing [a-z]+(?: [a-z]+)?) (?:was|were|wasn't|weren't|did|didn't|could|couldn't|would|wouldn't) (?:not )?(?:a risk|true|the case|possible|happy|delighted|fine|an option|already decided|decided|valued?|say yes|see it|take it|welcome|rate|want|think|know|mind|care|agree|support|back)\\b`,
    `\\bwhat would you (?:do|say|tell|choose|write|ask|try|decide|hand over|paint|change)\\b[^?]*\\bif (?:you|it|they|she|he|that|looking|being|nobody|no one|everyone|everybody|anyone|people|[a-z]+ing)\\b(?! could design)`,
    `\\bif you (?:knew|assumed|believed|weren't|were not)\\b`,
    `\\bis (?:that|it|this) (?:really )?true\\?$`,
    `\\bwhat would it mean about you\\b`,
  ].join('|'),
);

/** A question in one of Kline's incisive forms. */
export function isIncisive(s: string): boolean {
  return INCISIVE_PATTERNS.test(s);
}

// ---------------------------------------------------------------------------------------------
// Action and commitment questions (GROW Will; ICF 8, Facilitates Client Growth)

const ACTION_PATTERNS = new RegExp(
  [
    `\\bwhat (?:will|are) you (?:going to )?(?:do|say|tell|ask|try|propose|send|start|commit|change|book|take)\\b`,
    `\\bwhat(?:'s| is| would be) (?:your|the|a|one) (?:first|next|smallest|one|single) (?:small |concrete |real )?(?:step|thing|move|meeting|piece|action)\\b|\\bwhat's next\\b|\\bfirst step\\b|\\bwhat's your next\\b`,
    `\\bwhen (?:will|would|could|can|do|shall) you\\b(?! (?:have to|need to|usually|normally|tend to|find out|hear back|notice|feel)\\b)|\\bby when\\b|^when\\?$|^when tomorrow\\?$|\\bwhen could (?:it|the first|you)\\b|\\bwhen would the first\\b|\\bwhen's the\\b`,
    `\\bwho (?:could|would|will|can|might) (?:you )?(?:ask|talk|help|support|speak|go to|be the first|approach)\\b|\\bwho (?:could|would|will) you (?:ask|talk|approach)\\b|\\bwho's the first person\\b`,
    `\\bhow (?:sure|confident|committed|likely) are you\\b|\\bon a scale\\b|\\bfrom (?:one|1|zero|0) to (?:ten|10)\\b`,
    `\\bwhat (?:might|could|would|will) get in the way\\b|\\bwhat might stop you\\b`,
    `\\bhow will you (?:make sure|find|start|begin|know|get|do)\\b|\\bhow would you introduce\\b`,
    `\\bwhat (?:could|can|might) you (?:do|try|find out) (?:first|next|differently|this week|tomorrow|today|with)\\b|\\bwhat could a plan\\b|\\bwhat would you do with that\\b|\\bwhat would make it possible\\b`,
    `\\bwhat(?:'s| is) one (?:thing|step|meeting|conversation)\\b[^?]*\\b(?:this week|could|will|you)\\b`,
    `\\bwhat do you want to take (?:from|into)\\b|\\bwhich (?:region|option|one) would you (?:pick|choose|go with|start)\\b|\\bwho would you ask first\\b`,
    `\\bwhat (?:will|would) your (?:one line|opening|first)\\b|\\bhow would you like us to follow up\\b|\\bwhat's the next step you want\\b|\\bwhat will you ask\\b|\\bwhat will you tell\\b`,
  ].join('|'),
);

/** A question about what the partner will do, when, with whom, how committed. */
export function isActionQuestion(s: string): boolean {
  return ACTION_PATTERNS.test(s);
}

// ---------------------------------------------------------------------------------------------
// Summaries: gathering several things the partner said (MITI: a complex reflection)

const SUMMARY_OPENER =
  /^(?:(?:so|ok|okay|right|before we wrap up|you have|we have|before you tell me|sure)[, ]+)*(?:let me (?:check|see if|make sure|summari[sz]e|recap|sum|pull|try to sum|try to pull|gather|just check|see if i can)|(?:i (?:just |only )?(?:want(?:ed)?|'d like|would like|need) to|can i|could i|may i|just) (?:check|make sure|see if|be sure) (?:that )?i(?:'ve| have)? (?:understood|got|heard|followed)|(?:just )?checking (?:that )?i(?:'ve| have)? (?:understood|got|heard)|let's check where we are|to (?:summari[sz]e|sum up|recap)|(?:if i|have i|let me see if i)(?:'ve)? (?:got|understood|heard) (?:this|that|you|it)|in summary|pulling (?:it|this|that|all that) together|here's what i(?:'ve| have)? (?:got|heard)|what i(?:'m| am) hearing (?:is|so far)|so (?:three|two|four) things|you've (?:told me|said|mentioned) (?:a few|several|three|two|some) things|so far)\b/;
/** "so there's X and there's Y", a two-sided gathering. */
const GATHERING =
  /^(?:so |and )?there's (?:the |her |his |their |your |at least )?[a-z' ]{2,40},? and (?:there's |then there's |now |also )/;
/**
 * Three or more things listed in one statement about the partner ("the trains, the meetings, and
 * your manager"; British lists have no comma before "and": "the rota, the cover and the audit").
 */
const LIST =
  /(?:[^,;:]+[,;]){2,}[^,;:]*\band\b|^(?:the |your |a )?[^,;:]{2,40}, (?:the |your |a )?[^,;:]{2,40} and (?:the |your |a )?[^,;:.]{2,60}/;

/** Marks of speech transcribed: fillers, hedges and false starts ("that-that-that"). */
const SPOKEN = /\b(?:uh|um|erm|you know|sort of|kind of|kinda)\b|\b([a-z']+)-\1\b/;

/** Things counted and then listed ("two things: the nerves and being cut off", "three things so far: ..."). */
const COUNTED =
  /^(?:there (?:are|were|seem to be) )?(?:two|three|four|a few|several) (?:things|strands|threads|parts|pulls|sides)(?: (?:so far|here|going on|at play|in this))?(?::| - )/;

/** A sentence that gathers what the partner said; `listAllowed` when it speaks of the partner. */
export function isSummary(
  s: string,
  partnerFocused: boolean,
  opensWithSo = /^so\b/.test(s),
): boolean {
  if (SUMMARY_OPENER.test(s) || GATHERING.test(s) || COUNTED.test(s)) return true;
  // "So more sick days, no Friday drinks, and short tempers.": three of their things listed back
  // typed and concise: a long spoken turn full of commas and false starts is not a list
  return (
    opensWithSo &&
    LIST.test(s) &&
    s.split(' ').length <= 30 &&
    !SPOKEN.test(s) &&
    !/\b(?:i|i'm|i've|me|my|we|us|our)\b/.test(s)
  );
}

// ---------------------------------------------------------------------------------------------
// Offers with autonomy (MITI 4.2.1 Persuade with Permission; Emphasize Autonomy)

/** A suggestion framed as what others do or as one option among others. */
export const OFFER_FRAME =
  /\b(?:one (?:idea|option|thing|approach|way|possibility)(?: (?:some|i've|people|that|which)[a-z' ]{0,30})? (?:is|might|could|would|people|some|i've)|(?:an|one|another) option (?:might|could|would|is)|some (?:people|teams|managers|owners|organisers|supervisors|facilitators|project leads|new managers|nursery managers|heads of year|pms|[a-z]+s) (?:in [a-z ]+ )?(?:find|have found|do|start|use|try|ask|put|send|run|give|check|book|say|spend|stagger|have|keep|swap|rotate|post|draft|write|begin|cut|agree|meet)|others? (?:do|ask|use|put|begin|write|keep|give|trial|agree|say|post|run|start|book|check)|here's one thought|here are two|what worked for me was|one thing (?:i've seen|that's worked|some people|that has worked)|in one team i worked with|for me, [a-z]+ing|one way (?:people|some people|is)|you could (?:run|write|try)|another is)\b/;

/**
 * Handing the choice back: "you'll know better", "it's your call", "it might not suit you", or
 * asking what the partner makes of the idea just offered ("What do you make of that?").
 */
export const AUTONOMY_FRAME =
  /\b(?:take it or leave it|feel free to (?:bin|ignore|drop)|you're free to (?:drop|ignore|bin)|you can ignore it|for what it's worth|it's just (?:a thought|one way|one option)|(?:it's|it is) (?:just )?one (?:option|way|view|idea)|only if (?:it's|it is|they're|that's|it) (?:useful|helpful|fits?|helps)|only if they fit|(?:it|that|either|neither|this)(?: one)? (?:might|may) not (?:suit|fit|work for)|neither may suit|neither is the answer|(?:might|may) or may not (?:suit|fit)|you(?:'ll| will)? (?:know|judge) (?:better|best|which|whether)|you know (?:them|her|him|your [a-z]+|this [a-z]+|that world) (?:best|better)|you know (?:your|the) [a-z]+ though|(?:it's|that's|is) (?:your|for you to) (?:call|judge|choice|decide)|(?:it's|is) up to you|whether (?:that|either|it) fits (?:you )?is (?:your call|for you)|see what you think|what do you make of (?:that|it|this|either|those)|how does (?:that|it|this) (?:sound|land|fit)(?: (?:to|for|with) you)?|what(?:'s| is) your (?:take|view) on (?:that|it|this)|what do you think of (?:that|it|this|either)|(?:would|does|could|might) (?:that|it|either|any of that) (?:fit|work|suit) (?:for )?you|but that's me|both are just options|either could be a starting point|either might help|you might (?:find neither|have better ideas))\b/;

/** The partner asking for a suggestion, which grants permission for the next one. */
export const PARTNER_ASKS_FOR_IDEAS =
  /\b(?:(?:any|some|your) (?:ideas|tips|thoughts|suggestions|advice|steer|view)|what would you do|what have you seen work|(?:i'd|i would) (?:like|love|welcome|value) (?:your|some|a) (?:ideas?|thoughts?|view|steer|suggestion|advice)|give me some ideas|how would you approach|tell me honestly|yes,? (?:please|go on|go for it)|go on then|i'd like to hear|i'd like a suggestion|tell me\.?$|just tell me|what do you think\?$|ideas(?:,)? please|please\.?$)/;

/**
 * @module practice/coder/coaching-moves
 * Recognises the coaching moves the human-labelled data sets do not label (goal/agreement,
 * incisive, action, stacked and leading questions, permission requests, summaries, judgement,
 * affirmation, self-disclosure) and the phrasings of advice that a statistical model trained on
 * therapy transcripts misses ("why don't you...", "have you tried...?"). Plain regular
 * expressions over normalised sentences: explicit, testable, fast.
 */
import {
  AUTONOMY_FRAME,
  COACH_VERDICT,
  GOAL_QUESTION,
  OFFER_FRAME,
  isActionQuestion,
  affirmationKind,
  isContracting,
  isIncisive,
  isJudgement,
  isReassurance,
  isReturnToGoal,
  isSummary,
  givesBack,
  proposesHowWeWork,
  restatesAct,
  soothes,
} from './move-grammar.js';
import {
  isObstacleQuestion,
  isOutcomeGoalQuestion,
  isSessionGoalQuestion,
  isStepQuestion,
} from './goal-and-action.js';
import { describesPartnerExperience, isRisingReflection } from './partner-experience.js';
import { isQuestionSentence, stripFiller, words } from './text.js';

/** What the cues found in one coach turn. */
export interface MoveCues {
  questions: number;
  /** question sentences judged open / closed by how they begin */
  open: number;
  closed: number;
  goal: boolean;
  incisive: boolean;
  action: boolean;
  leading: boolean;
  /** advice phrased as a question ("have you tried...?", "why don't you...?") */
  adviceQuestion: boolean;
  /** advice stated outright ("you should", "I'd suggest", an imperative) */
  adviceStatement: boolean;
  /** advice offered as one option among others, after asking ("one idea might be...") */
  adviceOffer: boolean;
  permissionRequest: boolean;
  /** hands the decision back ("it's your call", "only if it fits") */
  autonomy: boolean;
  summary: boolean;
  reflectionOpener: boolean;
  /** a specific strength, effort or value of the partner named (move-grammar) */
  affirmation: boolean;
  /**
   * support of any kind: affirmation, reassurance, encouragement, sympathy (the data sets label
   * all of it affirmation or other; kept apart from `affirmation` so the label decision is unchanged)
   */
  support: boolean;
  /** the coach's own evaluation of the partner's act or quality ("that took courage") */
  evaluativeAffirmation: boolean;
  /** soothing, minimising, predicting a good outcome (not an affirmation) */
  reassurance: boolean;
  /** agreeing how we work: confidentiality, roles, time, process */
  contracting: boolean;
  /** brings the conversation back to the partner's goal or chosen focus */
  returnToGoal: boolean;
  judgement: boolean;
  selfDisclosure: boolean;
  /** statement sentences that give the partner's words or meaning back (not another move) */
  reflectionSentences: string[];
  /** sentences that are something other than a reflection (advice, support, contracting, ...) */
  otherStatements: number;
  /** greetings, thanks, apologies and repairs ("sorry, that was unfair") */
  socialStatements: number;
  /** questions that are neither advice nor a judgement in question form, and whether the last is open */
  plainQuestions: number;
  lastPlainOpen: boolean;
  /** the last question asks for a time, an amount, a rating or a choice ("when will you...?", "which of those...?") */
  lastClosedByForm: boolean;
  /** the last question of the turn is open by its form */
  lastOpen: boolean;
  /** every sentence is a greeting, thanks or send-off */
  pleasantry: boolean;
  /** the turn ends on a question (MITI codes the question; the data sets label by it) */
  endsWithQuestion: boolean;
  /** a statement about the partner: a reflection opener, or "you"/"your" as its subject */
  partnerFocused: boolean;
  /** names what the partner feels or lives through */
  feelingReflection: boolean;
  /** the turn speaks to or about the partner ("you", "your") */
  secondPerson: boolean;
  words: number;
  /** gives the partner's own observation back ("you noticed...", "you're seeing...") */
  noticing: boolean;
  /** gives the partner time to think ("Take your time.", "Take as long as you need."): not advice */
  holdsSpace: boolean;
  /**
   * an affirmation that also gives the partner's act, want or value back ("You built most of the
   * models", "You care about the users"): it codes a reflection beside the affirmation
   */
  affirmationReflects: boolean;
  /** a reflection said with a question mark ("It sounds like you're fed up?"): a reflection, not a question */
  risingReflection: boolean;
  /** a statement of what the partner lives through ("you find it hard to...", "it's hard for you to...") */
  partnerExperience: boolean;
  /**
   * a statement that opens with "so" (after an acknowledgement: "Okay, so the team leans on you.")
   * and gives the partner's situation back: the way a typed reflection most often begins
   */
  soGivesBack: boolean;
}

const SECOND_PERSON = /\b(?:you|you're|your|yourself|you've|you'd|you'll|yours|u|ur)\b/;

const OPEN_START =
  /^(?:what|what's|how|how's|why|where|who|which|tell me|describe|say more|talk me through|walk me through|in what way|to what extent|anything else|what else|(?:can|could|would|will) you (?:just )?(?:tell|say|describe|share|talk|walk|explain|help me understand|give me (?:an|some) (?:idea|example|sense))|i'm (?:curious|wondering) (?:about|what|how|why)|i wonder (?:what|how|why))\b/;
const CLOSED_START =
  /^(?:do|does|did|is|isn't|are|aren't|was|wasn't|were|can|could|would|will|won't|have|has|had|should|shall|may|might|am|don't|doesn't|didn't|haven't|wouldn't|couldn't|shouldn't|any|anything|anyone|anybody|so you|you)\b/;
/**
 * A time or a choice between named options asked for ("when will you...?", "which of those...?"):
 * closed whatever the model says. Counts and ratings ("how many", "how confident") are left to
 * the model as well, since AnnoMI's annotators mostly call them open.
 */
const CLOSED_BY_FORM =
  /^(?:when(?:'s| (?:will|would|could|can|do|shall) you)|when\?|which(?: one)?(?: of| first|,))/;
/** Questions about a count or a time are closed even when they start with what/how. */
const CLOSED_WH =
  /^(?:how (?:many|much|often|long|old|far|sure|confident|likely|committed)|what time|when(?:'s| (?:did|was|is|will|would|could|can|do|shall))|when\?|which(?: one)?(?: of| first|,)|who (?:is|was) (?:it|that))\b/;

const GOAL =
  /\b(?:what (?:would|do) you (?:like|want|hope) (?:to get )?(?:out of|from) (?:our|this|the|today)|what would make (?:this|our|today)[a-z ]{0,30}(?:useful|worthwhile|helpful|valuable)|what would you like to (?:focus on|work on|talk about|explore|achieve)|what do you want to (?:focus on|work on|achieve|get to)|how (?:shall|should|would you like|do you want) (?:we|us to) (?:work|use (?:our|this|the) time)|what (?:outcome|result) (?:would|do) you|where would you like to (?:start|begin|be by)|what would success look like|how will (?:we|you) know (?:we|this|it)(?:'ve| have| has)? (?:been|worked|got)|what(?:'s| is) the (?:goal|outcome) (?:for|of) (?:today|this|our)|what(?:'s| is) most important (?:for you )?to (?:cover|get|talk)|what do you need from me|how can i (?:best )?(?:help|support) you (?:today|in this|here|with this)|what should we (?:agree|focus))/;
const INCISIVE =
  /\b(?:if you knew|if you were to assume|if you (?:didn't|did not) (?:have to|need to|believe|think)|what are you assuming|what (?:assumption|belief)s? (?:are|is|might be|could be)|is (?:that|it|this) (?:really )?true\?|what would you do if you (?:weren't|were not|knew|could|had)|what could you (?:assume|believe) instead|what would you assume instead|how (?:do|would) you know (?:that|it) (?:is )?(?:true|so)|if (?:you|it) (?:could|were to) (?:not fail|work perfectly|be any way)|what would (?:it|that) (?:take|mean) if|what(?:'s| is) the (?:real|underlying) (?:question|issue|fear)|what are you afraid (?:of|would happen)|what if (?:you|that|it|they) (?:weren't|were|didn't|did|could))/;
/** A statement that opens by giving the partner's world back ("so you'd...", "it sounds like..."). */
const GIVES_BACK_LEAD =
  /^(?:(?:so|and|right|okay|ok)[, ]+)*(?:you(?:'d|'re|'ve| would| are| have| feel| think)|it sounds|sounds like|it seems|what i'm hearing|i'm hearing)\b/;
const ACTION =
  /\b(?:what will you do|what(?:'s| is| would be) (?:your|the|a) (?:first|next|smallest|one) (?:small )?step|what(?:'s| is) your next (?:move|step)|by when|when will you|what (?:are you going to|will you) (?:do|try|commit|start|change)|what do you (?:commit|want to commit) to|how committed are you|who (?:will|could) (?:you )?(?:help|support|hold) you|what might get in the way|how will you (?:start|begin|make sure|know you)|on a scale of (?:1|one|0|zero) to (?:10|ten),? how (?:likely|committed|confident)|what (?:could|can|might) you do (?:first|next|differently|this week|tomorrow)|which (?:option|of these) (?:will|would|do) you (?:choose|go with|try|pick)|what would you like to do (?:next|about (?:it|that|this)))/;
const LEADING =
  /^(?:don't you think|do you not think|wouldn't it be|isn't it (?:better|true|time)|shouldn't you|can't you (?:just|simply)|surely|wouldn't you (?:agree|say)|don't you (?:agree|want|feel)|aren't you (?:worried|concerned)|isn't that|you (?:do|don't) (?:realise|realize|see|know) that)\b/;
const ADVICE_QUESTION =
  /^(?:why don't you(?! (?:start|begin|tell me|talk me|walk me|say more|share|fill|go ahead and tell))|why not(?! \?)|have you (?:tried|thought about|considered|thought of)(?! (?:who|what|how|whether|why|when|where|which)\b)|did you try|shouldn't you (?!think|feel|be (?:proud|pleased))|maybe you should|what about [a-z]{2,}ing\b|how about (?:you|trying|talking|asking|telling|speaking|going|getting|taking|doing|just)|could you (?:not )?(?:just|try|talk|ask|speak|tell|ring|call|email|pair|set)|can't you|couldn't you|would you (?:consider|think about|try)|wouldn't it be (?:better|easier|good|best) (?:to|if)|don't you think you (?:should|could|need|ought|might))\b/;
const ADVICE_STATEMENT =
  /(?:(?<!\b(?:that|what|when|if|feel|feel like|think|thinks|said|say|saying|says|told|tell|because|cause|'cause|where|how|whether|things|stuff|like|why|wonder|means|unless|until|worry|worried)\s)\byou (?:really |just |definitely |probably |might |may |seriously )?(?:should(?:n't)?(?! be proud)|must(?! (?:(?:be|feel|have been|have felt) (?:so |really |very |quite |pretty |absolutely |completely |utterly |a bit |a little |just )?(?:terrible|awful|dreadful|exhausted|tired|drained|shattered|knackered|worn (?:out|down)|frustrated|fed up|sick of|angry|furious|livid|cross|annoyed|upset|worried|anxious|nervous|scared|frightened|gutted|devastated|crushed|overwhelmed|stressed|hurt|disappointed|let down|lonely|isolated|invisible|relieved|proud|torn|stuck|confused|embarrassed|ashamed|guilty|miserable|sad|low|lost|deflated|demoralised|shaken|rattled|on edge|wondering|worrying|dreading|feeling|thinking|hoping)\b|feel (?:like|as if|as though|that)\b))|ought to|have got to|gotta|might want to|may want to|could try|can try|might try|might consider|could consider)\b|^(?:(?:and|but|so|then|maybe|i think|i feel|honestly|really|now),? )*you (?:really |just |definitely |probably )?(?:need to|have to)\b|\bi (?:would |'d |really |strongly |definitely )?(?:suggest|recommend|advise|encourage|urge) (?:you|that you|trying|talking|getting|going|seeking|reaching|taking|to)\b|\bi would (?:try|talk|speak|go|tell|ask|just)\b|\bi'd (?:try|talk|speak|go|tell|ask|just)\b|\bi (?:really |honestly |do |still |personally )?(?:think|believe|feel) (?:that )?you (?:should|need to|must|ought to|have to)\b|\bif i were you\b|\bmy (?:advice|suggestion|recommendation) (?:is|would be)\b|\b(?:the )?(?:best|only) (?:thing|way) (?:to do |for you )?(?:is|would be) (?:to )?|\b(?:it's|it is|now is|now's) (?:probably |maybe |perhaps |really )?(?:time to|important (?:that you|to)|crucial to|essential to|vital to)\b|\bit (?:would|might|could) be (?:a good idea|best|better|wise|worth) (?:for you )?(?:to|if you)\b|\bit's (?:a good idea|best|better|worth) (?:to|if you)\b|^(?:and |so |just |please )?make sure (?:you|that you)\b|\bdon't (?:be afraid|hesitate|give up|beat yourself)\b|^(?:so |then |maybe |and )?just (?:tell|talk to|ask|go|do|try|say|focus|ignore|let)\b)/;
/**
 * Suggestions in hedged, typed phrasing that MITI still codes as advice (recommending an action
 * to the partner): "I'd recommend...", "you could also ask...", "maybe keeping Fridays free would
 * help", "it might help to...", "it would be worth asking...".
 */
const HEDGED_SUGGESTION =
  /(?:\bi(?: would|'d)? (?:also |really |strongly |highly |definitely |personally )*(?:suggest|recommend|encourage|advise)\b(?! (?:that )?(?:it|this|that) (?:is|was))|\b(?:if (?:it|that) (?:was|were) me|if i were in your (?:shoes|position)),? i(?:'d| would)\b|^(?:(?:and|or|so|then|maybe|perhaps|also|alternatively|otherwise)[, ]+)*you (?:could|might) (?!(?:(?:also|perhaps|maybe|always|even) )?(?:be|feel|have|find|think|want|need|lose|get|end|see|notice|not|know|say|mean|like|hear|wonder|worry|struggle|fail|go through|experience|already|never|still|just|learn|do (?:it|this|that)|kind|sort|envision|imagine|well|tell (?:that|she|he|they|it|from|how|by|what))\b)(?:(?:also|perhaps|maybe|always|even) )?[a-z]+\b|^(?:maybe |perhaps )?[a-z]+ing\b[^,]{0,80}\b(?:would|could|might|may) (?:really |also |actually )?(?:help|be (?:useful|helpful|worth|a good idea|good for you))\b|\bit (?:would|might|could|may) (?:also |really )?(?:help|be (?:helpful|useful|worth|worthwhile)) (?:you )?(?:to|if you|[a-z]+ing)\b|\b(?:my|the) best advice\b|^(?:it's |it is )?(?:probably |maybe )?best to\b)/;
/**
 * A whole sentence that gives the partner time to think (holding the silence, Kline's attention):
 * "Take your time.", "Take as long as you need.", "There's no rush.". It recommends no action.
 */
const HOLDS_SPACE =
  /^(?:(?:and|so|please|honestly|no)[, ]+)*(?:take (?:your time|(?:as long as|all the time|whatever time) you need|a (?:moment|minute|second|breath)(?: if you need (?:it|one|to))?)|there's no (?:rush|hurry)|no (?:rush|hurry))(?:[,;]? (?:there's no (?:rush|hurry)|no (?:rush|hurry)|i'm (?:here|listening|not going anywhere)))?[.!]?$/;
/**
 * The coach saying what they would do, as advice for the partner's situation ("I'd book a meeting
 * with Jo", "Personally I would email her first"): not their stance ("I'd say", "I'd imagine",
 * "I'd be curious", "I'd like to check").
 */
const IN_YOUR_PLACE =
  /^(?:(?:honestly|personally|frankly|well|so|and|but|me,|myself,)[, ]+)*i(?:'d| would)(?: (?:probably|just|definitely|honestly|personally|first))? (?!(?:like|love|hate|say|guess|imagine|think|wonder|be|have|want|need|prefer|rather|hope|feel|bet|agree|add|suggest|recommend|ask you|check|never|not|also like|really like|argue|call that|describe|put it|love to|value)\b)[a-z]+\b/;

/** Sentence openers that look imperative but invite the partner to talk or close the session. */
const NOT_IMPERATIVE =
  /^(?:feel free|let me|let's|tell me|talk me|talk to me|walk me|say more|go on|go ahead|take your time|take (?:as long as|all the time|whatever time) you need|take (?:a|a few|a minute|a moment|a second|a breath)(?: (?:moment|minute|second|breath)s?)?(?: if you need (?:it|one|to))?[.!]?$|take care|think about (?:all )?(?:of )?(?:it|that|this|what)|look,|look at (?:you|that|this|what)|keep going|stop me|give me|get (?:back|in touch)|make yourself|be well|use (?:your|the) (?:time|words))/;

/** Imperatives that open a sentence: the coach telling the partner what to do. */
const IMPERATIVE =
  /^(?:(?:please|just|maybe|perhaps|so|then|also|basically|honestly|seriously|definitely|first|firstly|secondly|finally|and|step \d+:?|\d+[.)])[, ]+)*(?:try|talk|speak|tell|ask|go|take|seek|find|consider|get|give|keep|stop|start|reach out|contact|look|make|write|call|set|focus|remember|think about|spend|avoid|let|put|stay|be (?:honest|kind|patient|open|gentle|careful|yourself)|don't|do not|never|always|treat|practice|practise|allow|join|use|check out|schedule|book|delegate|push back|prioriti[sz]e|explain|share|see if|note|notice|imagine|pay attention|learn|work on|listen to|read|watch|breathe|sleep|exercise|pick|choose|ignore|forgive|accept|trust|remind yourself|surround|reach|slow down|hold|enjoy|embrace|focus on|apply|seek out|cut|limit|journal|meditate|unplug|say no|rest|check|log off|switch off|turn off|wear|write down|go for|create|break(?![ -]?ups?\b)|wait(?! (?:a|one) (?:second|sec|minute|moment)\b)|replace|leave|own up|ditch|buy|drink|eat|concentrate|reflect|show|express|plan|prepare|figure|identify|list|move|search|google|research|visit|invite|reward|celebrate|build|develop|organi[sz]e|remove|reduce|increase|drop|quit|walk|sign up|volunteer|distract|communicate|discuss|be (?:sure|prepared|aware|mindful|clear|assertive|direct)|text|message|email|send|ring|clean|cook|stretch)\b/;
/** "Exercise is great", "walking helps": the first word is the subject of a statement, not an imperative. */
const NOUN_SUBJECT =
  /^(?:(?:please|just|maybe|perhaps|so|then|also|and)[, ]+)*[a-z]+(?:ing)? (?:is|are|was|were|can|could|will|would|may|might|has|have|had|helps|helped|works|worked|seems|sounds|makes|made|does|did|shows|showed|suggests|says|means|'s)\b/;
const OFFER =
  /\b(?:one (?:idea|option|thing (?:you|some people)|possibility) (?:might|could|would|is)|some people (?:find|have found)|(?:an|one|another) option (?:might|could|would) be|you (?:could|might) (?:perhaps )?(?:try|consider|think about)|something (?:that|which) (?:has )?(?:worked|helped) for (?:others|some people|me))/;
/** Handing the decision back with a suggestion: what makes it an offer rather than an instruction. */
const AUTONOMY =
  /\b(?:take it or leave it|see what (?:you think|fits)|(?:it's|it is|that's|that is|this is|this one's) (?:completely |entirely |totally |ultimately |really |all |always )?(?:your (?:own )?(?:call|choice|decision|to make|to decide)|up to you)|(?:the )?(?:choice|decision|call) is (?:completely |entirely |ultimately )?(?:yours|up to you)|only if (?:it|that) (?:fits|helps|feels right|works for you)|if (?:that|it) (?:feels right|fits|suits you|works for you)|however suits you|you know (?:best|yourself best|your (?:team|situation|own [a-z]+) (?:best|better than))|only you can (?:decide|choose|know)|you(?:'re| are) (?:the (?:expert|best judge)|in (?:charge|control|the driver's seat))|whatever you (?:decide|choose)|you(?:'ll| will| get to) (?:decide|choose) (?:what|whether|if|how|which)|i trust you to)/;
const PERMISSION =
  /\b(?:would (?:it|that) (?:be )?(?:useful|helpful|help|ok|okay|alright|all right) (?:you )?(?:if|for me to|to hear)|(?:can|could|may|might|shall) i (?:share|offer|suggest|give you|tell you|make a suggestion|add|ask you)|would you (?:like|want|be open to|mind if i) (?:me to |to hear |some |a |my |an? )?(?:share|offer|suggest|idea|ideas|suggestion|thought|thoughts|perspective|observation|hear)|do you want (?:to hear )?(?:my|some|an?) (?:idea|ideas|thoughts|suggestion|perspective|view)|is it (?:ok|okay|alright|all right) (?:if|for me to|with you if) i (?:share|offer|suggest|give|tell|make)|i have (?:an idea|a thought|a suggestion|some ideas)[a-z ,]{0,20}(?:would|do) you (?:like|want)|mind if i (?:share|offer|suggest))/;
/**
 * Asking whether the partner wants to hear something from the coach, whatever follows the verb
 * ("Would you like to hear what worked for me?", "Do you fancy hearing how another team did it?",
 * "Would you like me to tell you what I noticed?", "Would an idea or two help?"): MITI's asking
 * permission before giving information or advice. The partner sharing ("Would you like to share
 * more?") is an invitation, not this.
 */
const ASKS_TO_BE_HEARD =
  /\b(?:(?:would|do|did) you (?:like|want|fancy|be open|be interested|be up for|be open to|mind)(?: to)? (?:hear|hearing|know what i (?:think|noticed|saw|did|tried|found))\b(?! (?:what|how|whether|if|back|from) (?:[a-z']+ ){0,3}(?:says?|thinks?|decides?|answers?|replies|responds?|wants?|feels?)\b)|(?:would|do) you (?:like|want) me to (?:share|tell you|say what|offer|suggest|give you|pass on|walk you through|describe|explain)\b|(?:would|do) you (?:like|want|fancy|mind) me (?:sharing|telling you|offering|suggesting|passing on)\b|would you mind if i (?:share|shared|offer|offered|suggest|suggested|tell|told)\b|would (?:an?|some|one|a couple of|a few) (?:idea|ideas|thought|thoughts|suggestion|suggestions|tips?|observation|example|pointers?|options?)(?: or two)?(?: (?:from me|of mine))? (?:help|be (?:useful|helpful|welcome|of use))\b|are you open to (?:hearing|an idea|a suggestion|some (?:ideas|thoughts|suggestions))\b|how would you feel (?:if i|about me) (?:shared|offered|suggested|sharing|offering|suggesting)\b|(?:is|would) (?:now|this) (?:be )?(?:a good|the right) (?:time|moment)\b(?: (?:for (?:an? |some )?(?:idea|ideas|thought|thoughts|suggestion)|to (?:share|offer|hear)))?\?)/;
/**
 * The coach offering to share on a condition the partner decides ("I can share what I've seen,
 * if you'd like.", "I could tell you how one team did it, if it would help?"): a permission
 * request in statement form.
 */
const CONDITIONAL_OFFER =
  /\bi(?:'m| am|'d be| would be)? (?:can |could |happy to |glad to )(?:share|offer|tell you|suggest|pass on|describe|give you)\b[^.?!]*\b(?:if (?:you'd like|you would like|you like|you want|you're interested|it(?:'d| would)? help|it helps|(?:it's|that's|it would be|that would be) (?:useful|helpful))|only if you want)\b/;
/** A check after an offer to share: "Is that OK?", "Would that help?", "OK?" */
const OFFER_CHECK =
  /^(?:(?:is|would) (?:that|it) (?:be )?(?:ok|okay|alright|all right|useful|helpful|of use)|would (?:that|it) help|ok|okay|want me to|shall i|would you like that|does that (?:sound|work))\b[^.?!]*\?$/;
/** The coach offering to share something of theirs, the first half of asking permission. */
const OFFER_TO_SHARE =
  /\bi(?:'m| am|'d be| would be)? (?:can |could |happy to |glad to )(?:share|offer|tell you|suggest|pass on|describe|give you)\b/;
const SUMMARY =
  /^(?:let me (?:check|see if|make sure|summari[sz]e|recap|just check)|to (?:summari[sz]e|sum up|recap)|so (?:far|let me)|(?:if i|have i|let me see if i)(?:'ve)? (?:got|understood|heard) (?:this|that|you|it) right|in summary|so to summari[sz]e|what i(?:'m| am) hearing (?:is|so far)|you've (?:told me|said|mentioned) (?:a few|several|three|two|some) things)/;
/** Greetings, thanks and send-offs: social talk, never advice ("keep safe!", "good luck"). */
const PLEASANTRY =
  /^(?:(?:hi|hello|hey|good (?:morning|afternoon|evening))\b|(?:thank you|thanks|you're welcome|you are welcome|no problem|my pleasure|good luck|best of luck|all the best|best wishes|take care|keep safe|stay safe|be safe|have a (?:great|good|nice|lovely|wonderful|happy|safe)|happy (?:holidays|new year|christmas|birthday)|merry christmas|make the most of|enjoy (?:your|the) (?:day|evening|weekend|holiday)|bye|goodbye|see you|nice (?:talking|chatting|to meet)|it was (?:nice|great|good|a pleasure) (?:talking|chatting|to)|glad (?:i could|to) help))/;

/**
 * "So ..." opening a statement, after an acknowledgement or not ("So ...", "Okay, so ...", "Right.
 * So ..."): the filler is stripped before a sentence is read, so the opener is read from the raw one.
 */
const SO_OPENER =
  /^(?:(?:ok(?:ay)?|right|alright|all right|yeah|yes|mm+|hmm+|i see|got it|sure|and|but)[,.! ]+)*so\b(?! (?:far|let|let's|anyway|then,)\b)/;
/** What follows "so" when it is the coach's own business, not the partner's world ("so I think", "so that's"). */
const SO_NOT_GIVING_BACK = /^(?:i|we|let|let's|that's|this is|anyway|shall|can|could|would)\b/;

/** A statement whose subject is the partner, or that frames what follows as the partner's. */
const PARTNER_SUBJECT =
  /^[-\s]*(?:(?:and|but|so|or|because|like|maybe|perhaps|almost|and yet|yet|still|now|also|then|it's like|kind of|sort of|that|just|really|exactly)[, -]+)*(?:you|your|you're|you've|you'd|you'll|yourself|sounds|it sounds|seems|it seems|it feels|feels like|part of you|on (?:the )?one hand|on the other|i(?:'m| am) hearing|what i(?:'m| am) hearing|i get the sense|i sense|i can (?:hear|see)|it must|that must|that sounds|not (?:sure|ready|yet)|nobody|no one|everyone|both|neither)\b/;
/** Reflective framing anywhere in a sentence ("..., it sounds like you...", "I get the sense that..."). */
const REFLECTIVE_FRAME =
  /\b(?:(?:it )?sounds? like|it seems|seems like|i(?:'m| am)? hear(?:ing)?|i get (?:the|a) (?:feeling|sense)|i sense|it strikes me|i(?:'m| am) (?:guessing|wondering if you)|for you\b|to you\b|you(?:'re| are| feel| felt|'ve| have| want| wanna| don't| do| know| think| were| need|'d| would| can't| can| might| said| mentioned| see))/;
/** Encouragement in the imperative ("stay strong", "keep going"): support, not advice. */
const ENCOURAGEMENT =
  /^(?:(?:just|and|so|please|but|always)[, ]+)*(?:stay (?:strong|positive|motivated|safe|warm|well|healthy|hopeful|focused)|keep (?:pushing|going|your (?:head|chin) up|it up|smiling|fighting|strong|safe|the faith)|hang in there|be (?:strong|proud|kind to yourself|gentle with yourself|patient with yourself|as you)|don't give up|never give up|believe in yourself|chin up|hold on|take care of yourself|look after yourself|have faith|cheer up)\b/;

/**
 * Reassurance about the partner's feelings toward themselves ("don't worry", "don't be so hard on
 * yourself", "you should be fine"): support, not a recommended action, so never advice.
 */
const REASSURANCE =
  /^(?:(?:but|and|so|please|oh|just|well)[, ]+)*(?:(?:don't|do not|try not to) (?:worry|stress|panic|fret|be (?:so |too )?(?:hard on|harsh (?:on|with)|down on) yourself|beat yourself up|blame yourself|feel (?:so |too )?(?:bad|guilty|ashamed|sorry for yourself))(?: (?:about|over) (?:it|that|this|them|him|her))?(?: too much)?|take heart|you(?:'ll| will| should) be (?:just )?(?:fine|ok|okay|alright|all right)|you (?:shouldn't|should not) (?:be|feel) (?:too |so )?(?:worried|bad|guilty|ashamed|embarrassed))[\s,.!;-]*/;
/**
 * The coach's own approval of the partner's plan or news ("That sounds like a great idea!",
 * "That is smart."): an affirmation or social talk, not a reflection, since nothing of the
 * partner's meaning is given back. Only when it is the whole sentence.
 */
const APPROVAL =
  /^(?:(?:oh|wow|yes|yeah|ok|okay|well|aw|ah)[,.! ]+)*(?:that|this|it|which) (?:sounds|seems|is|'s|looks) (?:like )?(?:a |an )?(?:really |very |so |pretty |such a |super |absolutely |truly |quite )*(?:great|good|fun|wonderful|lovely|nice|awesome|amazing|fantastic|excellent|brilliant|exciting|cool|perfect|smart|wise|positive|helpful|healthy|reasonable|sensible|fair)(?: (?:idea|plan|thing|step|start|choice|decision|approach|way|option|hobby|goal|thing to do))?(?: to (?:hear|know))?[\s.!:)(-]*$/;
/** Naming what the partner feels ("I can see how that would make you anxious", "that sounds exhausting"). */
const FEELING_REFLECTION =
  /\b(?:i (?:can |totally |completely |really |fully )?(?:see|understand|imagine|tell|hear|feel|sense) (?:how|why|that|what|just how|you(?:'re| are| feel| must))|(?:(?:that|this|it) (?:sounds|must be|must have been|seems|sounds like it was|would be)|(?<!\bi )must (?:be|have been|feel|have felt)) (?:so |really |very |incredibly |quite |pretty |extremely )?(?:hard|difficult|tough|awful|painful|frustrating|exhausting|stressful|scary|overwhelming|upsetting|lonely|confusing|draining|heartbreaking|sad|unfair|worrying|disappointing|hurtful|rough)|(?:it )?(?:sounds|seems) (?:like )?(?:you(?:'re| are| feel| have| were|'ve)|it's been|it has been|this has been))/;

/**
 * What something would feel like to the partner, said of it as a gerund ("Hearing a no would feel
 * like a verdict on you", "Being passed over again must feel like proof you're not valued"): a
 * reflection of the feeling under their words, not information.
 */
const HYPOTHETICAL_FEELING =
  /^(?:(?:and|but|so) )?[a-z]+ing\b[^.?!;]{0,60}\b(?:would|must|might|could) (?:feel|seem)(?: like| as if| as though)?\b[^.?!]*\byou(?:r|'re)?\b/;

/**
 * A guess at what the partner feels, stated as a certainty ("I bet it feels strange", "I'm sure
 * that was hard", "It must feel odd being back"): a reflection of the feeling under their words
 * (MITI codes the guess, not the "I bet"), though one they cannot easily correct. Never about how
 * things will turn out ("I'm sure it'll be fine" is reassurance).
 */
const CERTAIN_FEELING_GUESS =
  /^(?:(?:and|but|so|well)[, ]+)?(?:i bet|i'd bet|i'm sure|i am sure|no doubt|surely|i expect|it must|that must|this must)(?: that)?(?: (?:it|that|this|you|coming back|being back|going back))?(?:'s| is| was| feels?| felt| must (?:feel|be|have (?:felt|been))| feel| (?:has|'s) been| must)? (?:(?:really|so|a bit|a little|quite|very|pretty|rather|all|kind of|sort of) )?(?:strange|odd|weird|surreal|unsettling|disorienting|disorientating|daunting|hard|tough|difficult|lonely|scary|painful|awkward|raw|bittersweet|unnerving|overwhelming|frustrating|exhausting|hurtful|disappointing|deflating|galling|maddening|like)\b/;

/** Whether a sentence guesses the partner's feeling as a certainty ("I bet it feels strange"). */
export function guessesFeelingAsCertain(text: string): boolean {
  return (
    text
      .toLowerCase()
      .replace(/[\u2018\u2019]/g, "'")
      .match(/[^.?!]+[.?!]*/g) ?? []
  ).some((s) => CERTAIN_FEELING_GUESS.test(s.trim()));
}

/** A one-word check that ends a turn ("Right?", "Fair?"). */
const TAG_QUESTION = /^(?:right|yes|ok|okay|fair|yeah|correct|true)\?$/;

/** Clauses of a sentence: split at commas, semicolons and dashes. */
function clauses(s: string): string[] {
  return s.split(/\s*(?:,|;| - )\s*/).filter((x) => x.length > 0);
}

/** A clause that suggests an action and is not itself reassurance or a judgement. */
function isSuggestion(clause: string): boolean {
  if (isReassurance(clause, false) || isJudgement(clause, false) || REASSURANCE.test(clause))
    return false;
  return (
    (IMPERATIVE.test(clause) && !NOT_IMPERATIVE.test(clause) && !NOUN_SUBJECT.test(clause)) ||
    ADVICE_STATEMENT.test(clause) ||
    HEDGED_SUGGESTION.test(clause)
  );
}

/** The coach apologising or repairing ("sorry, that was unfair"): social talk, not a reflection. */
const APOLOGY =
  /^(?:(?:oh|ah|ok|okay)[, ]+)*(?:sorry|i'm sorry|i apologise|my apologies|fair (?:enough|point)|you're right|no, you're right|that (?:came out wrong|was (?:unfair|unkind|wrong|dismissive|glib))|noted|good question|no problem|no need to apologise|of course|happy to|my pleasure|thank you|thanks|i'm glad you said|nervous is fine|that's fine|that's ok(?:ay)?|sounds good|good night|night night|congratulations|congrats|that's a (?:huge |big |real )?(?:blow|shame|pity))\b[^,.!?]*[.!]?$/;

/**
 * The coach taking back what they just said, as a sentence of its own: "Sorry, I brushed that
 * off.", "I'm sorry, I was too quick there.", "You're right, that was too easy a thing to say.",
 * "That was unkind, I'm sorry." A repair, not a reflection: what follows it is read on its own.
 */
const REPAIR =
  /^(?:(?:oh|ah|ok|okay)[, ]+)*(?:(?:(?:i'm |i am |so |really )?sorry|my apologies|i apologise|you're right|fair point|fair enough)(?:[, ]+(?:(?:i'm |i am )?sorry|you're right|that (?:was|came out|sounded|wasn't)\b[^.!?]*|i (?:was|brushed|jumped|rushed|didn't|went|got|moved|skipped|missed|shouldn't|should)\b[^.!?]*))*|that (?:was|came out|sounded) (?:a bit |rather |too |really |very |quite )?(?:unkind|unfair|glib|dismissive|wrong|quick|easy|harsh|flip|flippant|careless|rushed|clumsy|thoughtless|unhelpful)\b[^.!?]*)[.!]?$/;

const NOTICING =
  /^(?:so |and )?you(?: (?:really|just|also|even))? (?:noticed|realised|realized|saw|found|discovered|learned|learnt|(?:'re|are) (?:seeing|noticing|realising|realizing|finding|learning))\b/;
const REFLECTION_OPENER =
  /^(?:so you(?:'re| are| feel| felt|'ve| have| want| don't| think| were|'d| would)?|sounds like|it sounds like|that sounds|it seems|seems like|you feel|you're feeling|you felt|you're|you are|you sound|it feels like|part of you|on (?:the )?one hand|you (?:really )?(?:want|wish|hope|worry|wonder|think|believe|don't want)|you've been|you're not sure|i(?:'m| am) hearing|what i(?:'m| am) hearing|i get the sense|i sense|i can (?:hear|see) (?:that|how)|it must be|that must be)\b/;
const AFFIRMATION =
  /\b(?:(?:that's|that is|it's|it is|what) (?:a )?(?:great|brilliant|impressive|fantastic|excellent|wonderful|courageous|brave|really good|good|huge|big) (?:step|insight|idea|progress|effort|achievement|thing to|job|work|of you|point|question|observation|start)|you(?:'ve| have) (?:done|made|shown|worked|put|come|achieved|handled|managed) (?:a lot|so much|really|great|well|huge|real|a great|an amazing|impressive|some)|(?:well done|good for you|kudos|bravo|nice work|good job|great job|that takes (?:courage|guts|strength)|i (?:really )?(?:admire|respect|appreciate) (?:how|that|your|the way)|you're (?:clearly |really |very |so )?(?:brave|strong|resilient|determined|committed|thoughtful|resourceful|capable|valid|worth|a (?:caring|good|great|thoughtful|strong)|doing (?:great|well|a great|the right)|not alone|on the right track)|you (?:clearly|really) (?:care|know|have)|you are (?:not alone|valid|worth|strong|brave|doing (?:great|well|the right))|(?:that|it|this) (?:takes|took) (?:real |a lot of |some |great )?(?:courage|guts|strength|bravery|honesty)|you should be proud|i'm (?:so |really )?(?:proud|impressed)|(?:it|things|everything) (?:will|is going to|'ll) (?:be (?:ok|okay|alright|all right|fine|better)|get better|work out)|i(?:'m| am) sure (?:you|it|things|that|everything|they)|hang in there|stay strong|good luck|you can do (?:it|this)|you(?:'ve)? got this|i believe in you|i(?:'m| am) (?:so |really |very )?sorry (?:to hear|that|you|for)|(?:i hope|hopefully) (?:you|things|it|this|that|everything)|congratulations|congrats|(?:it's|it is|that's|that is) (?:so |really |very )?(?:great|good|wonderful|awesome|amazing|brilliant) (?:that you|to (?:see|hear) (?:that )?you)|feel free to (?:message|reach out|talk|chat|contact|come back|get in touch)|i(?:'m| am) (?:always |still )?here (?:for you|if you)|if you (?:ever )?need (?:someone|anyone|a friend|an ear) to talk to)\b)/;
/**
 * A further wh-question joined in one sentence: ", and who's been...", "and what have you...". A
 * "when" or a "will/would you" joined to an action question ("What's your first step, and when
 * will you take it?", "What might get in the way, and how will you handle it?") asks about the
 * same step: one question (GROW's Will).
 */
const JOINED_QUESTION =
  /,? (?:and|or) (?:what|who|how|why|where)(?:'s| (?:is|are|was|were|do|does|did|have|has|had|could|can|might|should)) [a-z]/g;
const JUDGEMENT =
  /\b(?:(?:that|this|it) (?:was|is|sounds like) (?:a (?:big |huge |real )?mistake|(?:really |pretty |a bit )?(?:stupid|silly|wrong|unprofessional|ridiculous|selfish|lazy|naive|childish|irresponsible|unacceptable|your (?:own )?fault))|you(?:'re| are| were) (?:just |being |totally |completely |way |clearly |really )*(?:overreacting|too (?:sensitive|emotional)|wrong|lazy|selfish|naive|dramatic|unreasonable|paranoid|irrational|making (?:excuses|a big deal|a mountain)|the problem|to blame|rude|immature|childish)|you (?:shouldn't|should not) (?:have|feel|be (?:so|upset|angry|worried))|you (?:made|make) (?:a|the) (?:mistake|wrong)|(?:what|why) (?:on earth |the hell )?(?:were|was) you thinking|you only have yourself to blame|that's (?:not|no) (?:an )?excuse|grow up|get over it|man up|(?:^|\byou (?:just |really )?(?:need to |have to |should |must |could )?|\bjust )stop (?:complaining|whining|moaning|being)|your fault)\b/;
const SELF_DISCLOSURE_ANYWHERE =
  /\bi (?:felt|feel|went through|had|experienced) (?:the same|exactly the same|something similar|a similar)\b/;
/**
 * The coach telling their own story: "I" as the subject of a lived-experience verb ("I went
 * through...", "I am now doing...", "I prefer studying alone myself"), not of the coach's stance
 * ("I think", "I hope", "I understand") or role ("I've got a leaflet", "I was wanting to ask").
 */
const OWN_STORY =
  /^(?:(?:and|but|so|also|personally|honestly|actually|now|meanwhile|well)[, ]+)*i(?:'ve| have| had)? (?:also |too |once |now |still |personally |actually |really |just )?(?:went|had|was (?!wanting|wondering|thinking|going to|hoping|just)|were|did (?:that|the same|it|this)|lost|took|found|made|grew|became|began|started|left|came|sit|am now|'m now|prefer|struggled|struggle|have been|'ve been|used to|tried|live|lived|worked|spent|quit|moved|dropped|failed|survived|suffered|battled|dealt|overcame|decided|broke|ended|stopped|gave up|kept|ate|slept|cried|joined|changed|relapsed|tend to|never)\b/;
const JUDGEMENT_STATEMENT =
  /^(?:but |and |well,? )?(?:you always|you never|you just (?:don't|won't|can't) (?:listen|try|learn))\b/;
/** The "always" or "never" of a coach's sentence was the partner's own word about themselves. */
const OWN_WORD = {
  always: /\bi(?:'ve|'m)? (?:[a-z]+ )?always\b/,
  never: /\bi(?:'ve|'m)? (?:[a-z]+ )?never\b/,
} as const;
function ownGeneralisation(s: string, partnerSaid: string | null): boolean {
  const word = /\byou (always|never)\b/.exec(s)?.[1] as keyof typeof OWN_WORD | undefined;
  return word !== undefined && partnerSaid !== null && OWN_WORD[word].test(partnerSaid);
}
const SELF_DISCLOSURE =
  /^(?:i (?:had|have had|went|remember when i|used to|once|also|too|felt|feel the same|know how you feel|was in|was (?:also |once )?(?:in|at|a|the|going|having|really|so)|have been in|have a similar|have (?:also )?(?:been|felt|had|gone|struggled|dealt)|'ve (?:also )?(?:been|felt|had|gone|struggled|dealt)|'m (?:also|the same|in the same)|lost (?:my|everything|a lot|someone)|'ve lost|did the same|struggled|dealt|happened to|grew up|remember (?:when|feeling|being)|went through)|me too|same here|when i (?:was|changed|moved|started|joined|left|lost|went|had|became)|in my (?:experience|last job|old team|case|own)|my (?:own |last |old )?(?:experience|manager|boss|team|husband|wife|partner|mom|mum|dad|family|friend|son|daughter|brother|sister|dog|cat|job|kids|children)\b|the same (?:thing )?happened to me|i've (?:had|been|done|felt|gone) (?:the same|a similar|something similar|through))/;
/**
 * A sentence that only acknowledges ("Okay.", "Right.", "I see.", "Got it."): a listener's
 * token, not a reflection, however it sits beside a question ("Okay. So what do you want?").
 */
const ACKNOWLEDGEMENT =
  /^(?:ok(?:ay)?|right|sure|i see|mm+|m+hm+|hmm+|yes|yeah|yep|alright|all right|got it|fair enough|understood|cool|fine|good|great)[.!,]*$/;

/**
 * Cues of every coaching move in a turn, from its normalised sentences.
 * @example moveCues(sentences(normalise('What will you do first, and by when?'))).action // true
 */
export function moveCues(sents: readonly string[], partnerSaid: string | null = null): MoveCues {
  const c: MoveCues = {
    questions: 0,
    open: 0,
    closed: 0,
    goal: false,
    incisive: false,
    action: false,
    leading: false,
    adviceQuestion: false,
    adviceStatement: false,
    adviceOffer: false,
    permissionRequest: false,
    autonomy: false,
    summary: false,
    reflectionOpener: false,
    affirmation: false,
    evaluativeAffirmation: false,
    support: false,
    reassurance: false,
    contracting: false,
    returnToGoal: false,
    judgement: false,
    selfDisclosure: false,
    reflectionSentences: [],
    otherStatements: 0,
    socialStatements: 0,
    plainQuestions: 0,
    lastPlainOpen: false,
    lastClosedByForm: false,
    endsWithQuestion: sents.length > 0 && isQuestionSentence(sents[sents.length - 1]),
    secondPerson: false,
    partnerFocused: false,
    noticing: false,
    holdsSpace: false,
    feelingReflection: false,
    words: 0,
    pleasantry: sents.length > 0,
    lastOpen: false,
    affirmationReflects: false,
    risingReflection: false,
    partnerExperience: false,
    soGivesBack: false,
  };
  let praised = false;
  let restated = false;
  // an offer to share said before a check ("I'm happy to share what I learned. Is that OK?")
  let offeredToShare = false;
  for (const raw of sents) {
    let s = stripFiller(raw);
    // a reflection offered with a rising tone is read as the statement it is (partner-experience.ts)
    const rising = isQuestionSentence(raw) && isRisingReflection(s);
    if (rising) c.risingReflection = true;
    const question = isQuestionSentence(raw) && !rising;
    c.words += words(raw).length;
    // the moves of the coaching grammar (move-grammar.ts), sentence by sentence
    const judged = isJudgement(s, question);
    // a sentence that gives back the partner's own want, feeling, value or view is a reflection
    // though its words touch another move: contracting needs the coach proposing how we work,
    // reassurance needs the coach soothing; "ground rules" or "just a meeting" alone do not
    const given = !question && givesBack(s);
    const reassured = isReassurance(s, question) && !(given && !soothes(s));
    const affirmKind = affirmationKind(s, question);
    const affirmed = affirmKind !== null;
    if (affirmKind === 'evaluative') c.evaluativeAffirmation = true;
    // an affirmation that restates the partner's act or value reflects it too, unless the coach's
    // own praise is said beside it ("..., which is no small thing", "That took courage."): then
    // the praise is the move (labellers code the turn an affirmation alone)
    if (affirmed) {
      const parts = clauses(s);
      if (
        COACH_VERDICT.test(s) ||
        parts.some(
          (x) => !restatesAct(x) && (affirmationKind(x, false) !== null || COACH_VERDICT.test(x)),
        )
      )
        praised = true;
      else if (restatesAct(s)) restated = true;
    }
    // "I'd book a meeting with Jo and set some ground rules" is what the coach would do in the
    // partner's place (advice), not an agreement about how the two of them work
    const contracted =
      isContracting(s) &&
      !(given && !proposesHowWeWork(s)) &&
      !(!question && IN_YOUR_PLACE.test(s));
    const returned = isReturnToGoal(s);
    if (judged) c.judgement = true;
    if (reassured) c.reassurance = c.support = true;
    if (affirmed) c.affirmation = c.support = true;
    if (contracted) c.contracting = true;
    if (returned) c.returnToGoal = true;
    if (!question && HOLDS_SPACE.test(s)) {
      c.holdsSpace = true;
      c.otherStatements++;
      continue;
    }
    if (ENCOURAGEMENT.test(s)) {
      c.support = true;
      c.otherStatements++;
      continue;
    }
    if (APPROVAL.test(s)) {
      c.support = true;
      c.pleasantry = false;
      c.otherStatements++;
      continue;
    }
    // reassurance ("don't worry, ...") is not advice; what follows it in the sentence is still read
    const soothing = question || (given && !soothes(s)) ? null : REASSURANCE.exec(s);
    if (soothing) {
      c.support = c.reassurance = true;
      s = s.slice(soothing[0].length);
      if (words(s).length === 0) {
        c.otherStatements++;
        continue;
      }
    }
    if (!c.secondPerson && SECOND_PERSON.test(raw)) c.secondPerson = true;
    if (!PLEASANTRY.test(s) && !PLEASANTRY.test(raw)) c.pleasantry = false;
    let advised = false;
    // "Right?", "Fair?", "Yes?" after a summary: a closed check, though filler by its words
    if (question && words(s).length === 0 && TAG_QUESTION.test(raw)) {
      c.questions++;
      c.closed++;
      c.plainQuestions++;
      c.lastOpen = c.lastPlainOpen = false;
      c.pleasantry = false;
      continue;
    }
    if (question && words(s).length > 0) {
      // each further question joined in the same sentence ("What's been hardest, and who's been
      // affected, and what have you tried?") is a question of its own: stacked (ICF 7.6)
      c.questions += 1 + (s.match(JOINED_QUESTION) ?? []).length;
      if (LEADING.test(s)) c.leading = true;
      if (ADVICE_QUESTION.test(s)) c.adviceQuestion = true;
      if (CLOSED_WH.test(s)) {
        c.closed++;
        c.lastOpen = false;
        c.lastClosedByForm = CLOSED_BY_FORM.test(s);
      } else if (OPEN_START.test(s) || (/\b(?:what|how|why)\b/.test(s) && !CLOSED_START.test(s))) {
        c.lastClosedByForm = false;
        c.open++;
        c.lastOpen = true;
      } else {
        c.closed++;
        c.lastOpen = false;
        c.lastClosedByForm = false;
      }
      if (!ADVICE_QUESTION.test(s) && !judged) {
        c.plainQuestions++;
        c.lastPlainOpen = c.lastOpen;
      }
    } else {
      let advisedHere = false;
      let adviceQ = false;
      if (
        ADVICE_QUESTION.test(s) &&
        /^(?:why don't you(?! (?:start|begin|tell me|talk me|walk me|say more|share|fill|go ahead and tell))|why not(?! \?)|how about)/.test(
          s,
        )
      )
        adviceQ = advisedHere = true;
      if (IMPERATIVE.test(s) && !NOT_IMPERATIVE.test(s) && !NOUN_SUBJECT.test(s))
        advisedHere = true;
      else {
        // "for example, take time to notice...", "if it's about trust, consider asking...": an
        // imperative after an opening clause
        const comma = s.indexOf(', ');
        if (comma > 0 && comma < 90) {
          const rest = s.slice(comma + 2);
          if (
            IMPERATIVE.test(rest) &&
            !NOT_IMPERATIVE.test(rest) &&
            !NOUN_SUBJECT.test(rest) &&
            !/^(?:so |then )?(?:you|i|we|it|that|this|they)\b/.test(rest)
          )
            advisedHere = true;
        }
      }
      // "So part of the yes is about what other people expect of you.": a turn that opens with
      // "so" and speaks of the partner anywhere in the sentence gives their situation back
      const focused =
        PARTNER_SUBJECT.test(s) ||
        REFLECTIVE_FRAME.test(s) ||
        (SO_OPENER.test(raw) &&
          /\byou(?:r|rs|rself|'re|'ve|'d)?\b/.test(s) &&
          !/\b(?:i|me|my|we|us|our)\b/.test(s));
      if (focused) c.partnerFocused = true;
      if (
        FEELING_REFLECTION.test(s) ||
        HYPOTHETICAL_FEELING.test(s) ||
        CERTAIN_FEELING_GUESS.test(s)
      ) {
        c.feelingReflection = c.partnerFocused = true;
        // "Covering two roles must be exhausting": a gerund subject is not an imperative
        advisedHere = false;
      }
      if (ADVICE_STATEMENT.test(s) || HEDGED_SUGGESTION.test(s) || IN_YOUR_PLACE.test(s))
        advisedHere = true;
      // "don't dwell on it", "toughen up", "stop being such a perfectionist": the imperative is the
      // reassurance or the judgement, not advice; a suggestion in another clause still counts
      if (advisedHere && (judged || reassured || soothing) && !clauses(s).some(isSuggestion))
        advisedHere = false;
      advised = advisedHere;
      if (advisedHere) {
        if (adviceQ) c.adviceQuestion = true;
        else c.adviceStatement = true;
      }
      if (SUMMARY.test(s) || isSummary(s, focused, SO_OPENER.test(raw))) c.summary = true;
      if (REFLECTION_OPENER.test(s)) c.reflectionOpener = true;
      if (NOTICING.test(stripFiller(s))) c.noticing = true;
      if (describesPartnerExperience(s)) c.partnerExperience = true;
      const disclosed =
        SELF_DISCLOSURE.test(s) || SELF_DISCLOSURE_ANYWHERE.test(s) || OWN_STORY.test(s);
      if (disclosed) c.selfDisclosure = true;
      // "you never ..." accuses, unless it gives the partner's own "never" back ("I never seem to
      // hand anything over." "So you never hand anything over.")
      if (JUDGEMENT_STATEMENT.test(s) && !ownGeneralisation(s, partnerSaid)) c.judgement = true;
      // a statement that gives the partner's world back: not advice, support, contracting or social talk
      const social = PLEASANTRY.test(s) || APOLOGY.test(s) || REPAIR.test(s);
      const elsewhere =
        advised ||
        judged ||
        reassured ||
        affirmed ||
        contracted ||
        returned ||
        disclosed ||
        OFFER.test(s) ||
        OFFER_FRAME.test(s) ||
        OFFER_TO_SHARE.test(s);
      if (elsewhere) c.otherStatements++;
      else if (social) c.socialStatements++;
      else if (words(s).length > 0) {
        c.reflectionSentences.push(s);
        if (SO_OPENER.test(raw) && !SO_NOT_GIVING_BACK.test(s)) c.soGivesBack = true;
      }
    }
    if (OFFER.test(s) || OFFER_FRAME.test(s)) c.adviceOffer = true;
    if (AUTONOMY.test(s) || AUTONOMY_FRAME.test(s)) c.autonomy = true;
    if (
      PERMISSION.test(s) ||
      ASKS_TO_BE_HEARD.test(s) ||
      CONDITIONAL_OFFER.test(s) ||
      (question && offeredToShare && OFFER_CHECK.test(s))
    )
      c.permissionRequest = true;
    if (!question && OFFER_TO_SHARE.test(s)) offeredToShare = true;
    if (
      question &&
      (GOAL.test(s) ||
        GOAL_QUESTION.test(s) ||
        isSessionGoalQuestion(s) ||
        isOutcomeGoalQuestion(s))
    )
      c.goal = true;
    // "So you'd feel settled if you knew where you fitted." gives the partner's condition back: a
    // reflection, not Kline's "If you knew..., what would you...?" (a question, or an "imagine")
    if ((INCISIVE.test(s) && (question || !GIVES_BACK_LEAD.test(s))) || (question && isIncisive(s)))
      c.incisive = true;
    if (
      ACTION.test(s) ||
      (question && (isActionQuestion(s) || isStepQuestion(s) || isObstacleQuestion(s)))
    )
      c.action = true;
    if (AFFIRMATION.test(s)) c.support = true;
    if (JUDGEMENT.test(s)) c.judgement = true;
    if (question && !c.summary && isSummary(s, false)) c.summary = true;
  }
  c.affirmationReflects = restated && !praised;
  if (c.risingReflection && c.endsWithQuestion)
    c.endsWithQuestion = !isRisingReflection(stripFiller(sents[sents.length - 1]));
  // "Is that true?" alone is Kline's second incisive step, not a closed fact question
  if (c.permissionRequest) c.adviceQuestion = false;
  // beside a question, a bare acknowledgement ("Okay. So what do you want?") reflects nothing
  if (c.questions > 0)
    c.reflectionSentences = c.reflectionSentences.filter((s) => !ACKNOWLEDGEMENT.test(s));
  return c;
}

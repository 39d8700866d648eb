/**
 * @module practice/partner/ask
 * What the coach asked, read from the grammar of their words: the kind of answer a colleague
 * would give (a number, a time, a person, yes or no, a scale, a clarification, a confirmation, a
 * goodbye) and the words the answer should be about. Reads the question the turn ends on, as a
 * listener answers the last thing asked. Pure and rule-based, so it behaves the same on questions
 * it has never seen: it reads the shape of the question, not a list of examples.
 */
import type { AskKind, CoachAsk } from '../types.js';
import { asksInnerExperience, asksWhatToTalkAbout, scaleStepOf } from './follow-ups.js';
import { intentOf } from './knowledge.js';
import { contentWords } from './words.js';

/** Strong closers: with no question after them, the coach is ending the conversation. */
const CLOSING =
  /\b(good ?luck|glad (i|we) could help|take care\b(?! of)|all the best( with| for|[.!,]|$)|good ?bye|bye( for now)?|see you (soon|later|next|then|around|on)|^see you|see you[.!]?$|speak (to you )?soon|talk (to you )?(soon|later|next time)|until next time|(that's|that is) (all|it) for (today|now)|all we have time for|time's up|(let's|we'll|we can) (leave it|stop|end) (there|here)|(we're|we are|we've|we have) (run )?out of time|let's (stop|leave it|finish|wrap (it )?up)( there| here| for today)?|(thanks|thank you) (so much |very much )?for (your time|today|coming|talking|the (chat|conversation|session))|have a (good|great|nice|lovely) (day|evening|weekend|week|one)|best of luck|hope it goes well|(i'll|i will|i should|i'd better|let me) let you (go|get on|get back)|i'll leave you to it)\b/;

/** "Take care of yourself" closes a turn as a goodbye; mid-sentence it is something else. */
const CLOSING_CARE =
  /(^|[.!,] ?)take care of yourself( this week| today| over the weekend)?[.!]?\s*$/;

/** A turn that opens with a greeting ("Hi Dana, thanks for coming."): a welcome, unless it also parts. */
const WELCOME =
  /^(hi|hello|hey|hiya|morning|afternoon|good (morning|afternoon|evening)|welcome|(nice|great|lovely|good) to (see|meet) you)\b/;
/** Words that part, whatever came before them ("Hi again. Right, good luck with it."). */
const PARTING =
  /\b(good ?bye|bye|see you|good ?luck|best of luck|take care|all the best|until next time|speak (to you )?soon|talk (to you )?(soon|later)|leave it (there|here)|out of time|wrap (it |this )?up|(that's|that is) (all|it) for|time's up|let you (go|get on|get back))\b/;

/** Thanks that open a session as well as close one ("Thanks for coming", "Thanks for your time"). */
const THANKS_FOR_COMING =
  /\b(thanks|thank you) (so much |very much )?for (your time|today|coming( in)?|making (the )?time|fitting (me|this) in|talking|the (chat|conversation|session))\b/g;

/**
 * The name the coach addresses the partner by: after a greeting or thanks ("Hi Priya", "Thanks,
 * Priya."), or on its own at the start or end of the turn ("Priya, what...", "..., Priya?").
 */
const ADDRESSED = [
  /^(?:hi|hello|hey|hiya|morning|good (?:morning|afternoon|evening)|welcome|thanks|thank you|cheers)\b,? ([A-Z][a-z]+)\b(?! [a-z])/,
  /^(?:okay|ok|right|so|well|sorry|and),? ([A-Z][a-z]+),/,
  /^([A-Z][a-z]+), /,
  /[^,]+, ([A-Z][a-z]+)[.?!]*$/,
];
/** Capitalised words that follow a greeting without being anyone's name. */
const NOT_A_NAME =
  /^(There|All|Everyone|Again|Both|Team|Folks|Guys|Mate|Thanks|Okay|Right|So|Well|Yes|No|Sorry|Please|Today|Then|Now|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)$/;
function addressedName(plain: string): string | undefined {
  // the greeting in lower case, the name as said ("Hi Priya" -> "hi Priya")
  const said = plain.trim().replace(/^[A-Za-z]+/, (w) => w.toLowerCase());
  for (const re of ADDRESSED) {
    const m = re.exec(said);
    // "I", "What" and other words that start a question are not names
    if (m && !NOT_A_NAME.test(m[1]) && !AUX_OR_WH.test(m[1].toLowerCase())) return m[1];
  }
  return undefined;
}
const AUX_OR_WH =
  /^(i|what|why|how|who|when|where|which|is|are|do|does|did|can|could|would|will|should|have|has|it|that|this|you|we|they|he|she|and|but|or|if|just|maybe|perhaps|tell|let|go)$/;

/** Who could help or back them up ("Who else could support you?", "Is there anyone you could lean on?"). */
const HELPERS =
  /\b(who|whom|anyone|anybody|someone|somebody|people|person|allies|ally)\b.*\b(help|helps|helping|support|supports|supporting|back you up|lean on|rely on|turn to|go to|ask for help|in your corner|on your side|share the load|(been )?there for you|by your side|(had|got|has) your back|looked out for you|(give|lend) you a hand|a hand with|pitch in|chip in|step in|on board|take (some|any|part) of|take (it|this|that|them) on|take over|delegate|hand (it|this|that|some|them) (over|to)|cover|ally|allies)\b|\b(help|support)\b.*\b(from|who|whom)\b\??$/;

/** How they are looking after themselves: sleep, rest, food, time off (not how they feel about the situation). */
const WELLBEING =
  /\b(sleep|sleeping|slept|eating|eat properly|looking after yourself|look after yourself|looked after yourself|taking care of yourself|take care of yourself|self-care|switch(ing)? off|unwind(ing)?|wind(ing)? down|time for yourself|time to yourself|time off|days? off|holidays?|any breaks?|a break|taking breaks|lunch break|exercis\w*|the gym|resting|(much|enough|any|some|proper|a good) (rest|sleep)|your health|energy levels?|your energy|keeping well|burn(ing|t)? out|burnout|running on empty)\b/;

/**
 * Questions about the partner's private life, each with the words a line of theirs about it would
 * hold ("Do you have kids?": a line about "the kids", "my daughter"); age has none.
 */
const PERSONAL: [RegExp, string[]][] = [
  [
    /\b(do you have|have you got|got any) (kids|children|a family|little ones)\b|\bhow old are (your|the) (kids|children)\b|\bare you a (mum|dad|parent)\b/,
    ['kids', 'children', 'child', 'daughter', 'son', 'baby', 'nursery', 'school'],
  ],
  [
    /\b(are you|you) (married|single|seeing anyone)\b|\bdo you have a (partner|husband|wife|boyfriend|girlfriend)\b/,
    ['husband', 'wife', 'partner', 'married'],
  ],
  [
    /\bwhere do you live\b|\bwhere are you from\b|\bwhere('s| is) home\b/,
    ['live', 'home', 'commute', 'moved'],
  ],
  [/\bhow old are you\b|\bwhat('s| is) your age\b|\bwhen were you born\b/, []],
  [
    /\bhow much do you (earn|make|get paid)\b|\bwhat('s| is) your salary\b/,
    ['salary', 'pay', 'money'],
  ],
  [/\b(are you religious|do you go to church|who do you vote|your religion)\b/, []],
];
function personalOf(question: string): string[] | undefined {
  return PERSONAL.find(([re]) => re.test(question))?.[1];
}

/** Soothing or rescuing instead of listening ("don't worry, you'll be fine"). */
const SOOTHING =
  /\b(don't worry|do not worry|no need to worry|try not to worry|you'll be (fine|okay|ok|alright|great)|you will be (fine|okay|alright)|it'll (all )?(be|work out) (fine|okay|ok|alright)|it will (all )?(be|work out) (fine|okay|alright)|(i'm|i am) sure (it|you|they|everything)|everything will (be|work)|it's not your fault|it wasn't your fault|these things happen|you've got this|it's not (that|so) bad|could be worse|happens to everyone|i'm sure it's fine)\b/;

const SCALE =
  /\b(one|1) (to|and|-|through|out of) (ten|10)\b|\b1 ?- ?10\b|\bon a scale\b|\bscale of\b|\bout of (ten|10)\b/;

const CLARIFY =
  /\b(what do you mean|what did you mean|what you mean|what you meant|what do you mean by|mean by (that|this|it)|meant by|what's that mean|what does that mean|in what sense|can you (explain|clarify|unpack)|could you (explain|clarify|unpack)|i didn't (quite )?(follow|understand|get)|not sure (what|that) i follow|not sure i follow|say that again|what (is|are|was|were) ([a-z']+ ){0,3}exactly|meaning what|how do you mean)\b/;

/** The end of a checked summary ("..., is that right?"). */
const CONFIRM_TAG =
  /\b((is|was) (that|this|it) (right|correct|fair|it|accurate|about right|true)|have i got (that|it|this) (right|about right)|did i (get|hear) (that|it|this|you) right|do i have (that|it|this) right|am i (right|close|on the right track)|does that (sound|seem) (right|fair|accurate|about right)|is that a fair (summary|description|way to put it)|is that what you('re| are) saying|is that (it|how it is|how it feels)|would that be (fair|right)|right|yes|no)\?$/;

/** A summary or reflection offered for checking ("so you..., is that right?"). */
const SUMMARY_START =
  /^(so|it sounds like|it sounds as if|sounds like|let me check|if i've understood|if i understand|what i'm hearing|i'm hearing|so what i'm hearing|you're saying|you said|you feel|you're|you've)\b/;
/** A reflection said with a rising tone ("so you feel stuck?"): checks rather than asks. */
const REFLECTION_ASKED =
  /^((so|okay|ok|right|and)[, ]+)*(it sounds like|it sounds as if|sounds like|what i'm hearing is|i'm hearing|you're saying|you said|you feel|you felt|you're|you've|you'd|you were|you have|you want|you need)\b/;

const AUX =
  /^(do|does|did|is|are|was|were|have|has|had|can|could|would|will|should|shall|may|might|must|am|isn't|aren't|don't|doesn't|didn't|haven't|hasn't|wouldn't|couldn't|won't|shouldn't|wasn't|weren't)\b/;

/** Invitations phrased as yes/no ("could you tell me more?") want an account, not a yes. */
const INVITATION =
  /^(can|could|would|will) you (tell|say|describe|explain|talk|walk|share|give|paint|help me understand)\b/;

/** "Who have you told / talked to / asked?": whom the partner has spoken to about it. */
const TOLD_WHO =
  /^who\b.*\b(have|did|had) you\b.*\b(told|tell|talked|talk|spoken|spoke|speak|mentioned|mention|asked|ask|confided|shared|discussed|gone to|turned to|gone to|run it past|run this past)\b|^who (else )?(knows|know|has heard|is aware)\b/;

/**
 * The coach taking back their own words ("Sorry, that came out wrong.", "I'm sorry, I shouldn't
 * have said that."): a repair, met as a person would, by accepting it. Not sympathy ("sorry to
 * hear that") nor a request to repeat ("sorry, what do you mean?").
 */
const REPAIR =
  /^((i'm |i am |so )?sorry|apologies|i apologise|i apologize)\b(?! to hear| about (your|the|that))[^?]*$/;
/**
 * What the coach is taking back: their own words or manner ("Sorry, that was clumsy", "Sorry, I
 * was rushing you"), not sympathy for the partner ("Sorry, that sounds hard").
 */
const REPAIR_OBJECT =
  /^((i'm |i am |so )?sorry|apologies|i apologise|i apologize),? (about that|for (that|saying|asking|the|my|being|jumping|rushing|interrupting)|that( came out| sounded| was)|i( was|'m|'ve| shouldn't| should not| didn't| did not| got| jumped)|let me|my)\b/;
const SYMPATHY =
  /\bthat (must|sounds|seems|'s|is) (be |been )?(hard|tough|awful|difficult|rough|a lot|horrible)\b/;

/** Turns that only ask the partner to carry on ("Go on.", "Take your time.", "..."): a silence held open. */
const GO_ON =
  /^(go on|carry on|keep going|take your time|take as long as you (need|like)|no rush|there's no rush|i'm listening|and\??|mm+|hmm+|mhm|uh-huh|yes\?|right\?|okay\?|ok\?|\.{2,}|\u2026)[.!]*$/;

/** "What would Mei say?", "What would your sister think?": a question about another person's view. */
const OTHERS_VIEW =
  /^what (would|will|might|could|does|did|do) (your |my |the |his |her )?[a-z]+( [a-z]+)? (say|think|make of|tell you|reckon|want|expect)\b/;
/** A question offering two answers to choose from ("Is it the meetings or the managing?"). */
const EITHER_OR = /\b\w+\b.*\bor\b(?! (not|something|so|anything|what|no)\b)[^?]*\?$/;

/** A what/which question that weighs two things ("which is harder", "what bothers you more"). */
const COMPARES =
  /^which\b|\b(more|most|less|least|harder|worse|better|bigger|rather|easier|first)\b/;

/** Words that end an option as a listener hears it, walking back from "or": "Is it [the people]". */
const OPTION_STOP = new Set(
  "is are was were do does did would could will should can it it's that that's this there they say more mostly rather about with of to for by from in on at over than between maybe perhaps really just because".split(
    ' ',
  ),
);
/** Where the second option ends: a clause about it ("...or the review that weighs on you?"). */
const OPTION_END =
  /\s+(that|which|who|when|where|because|for you|to you|on you|in you|more|most|most of all|the most|right now|at the moment|these days)\b.*$/;

/**
 * The choice and the two options as the coach put them ("the people", "the setting"), each of at
 * most three words; the options are left out when either cannot be read cleanly.
 */
function choiceOf(body: string, said: string): { choice: true; options?: [string, string] } {
  const m = /^(.*?)\s+or\s+(?!(not|something|so|anything|what|no)\b)(.+?)\s*\?*$/.exec(body);
  if (!m) return { choice: true };
  const before = m[1].replace(/[,;:]+$/, '').split(/\s+/);
  const first: string[] = [];
  for (let i = before.length - 1; i >= 0; i--) {
    const w = before[i];
    if (/[,;:]$/.test(w) || OPTION_STOP.has(w) || AUX.test(w)) break;
    first.unshift(w);
  }
  const second = m[3]
    .replace(OPTION_END, '')
    .replace(/^(about|with|of|to|for|by|from|in|on|at|over)\s+/, '')
    .replace(/[,;:.]+$/, '')
    .split(/\s+/);
  const quotable = (ws: string[]) =>
    ws.length >= 1 && ws.length <= 3 && ws.every((w) => /^[a-z][a-z'-]*$/.test(w));
  if (!quotable(first) || !quotable(second)) return { choice: true };
  // as said, so a name keeps its capital ("Jo")
  const cased = (phrase: string) => {
    const at = said.toLowerCase().indexOf(phrase);
    return at >= 0 ? said.slice(at, at + phrase.length) : phrase;
  };
  return { choice: true, options: [cased(first.join(' ')), cased(second.join(' '))] };
}

/** A question about how things should be later on: an outcome, not today's agenda. */
const FUTURE =
  /\b(in (a|one|two|three|six|twelve|a few|\d+) (weeks?|months?|years?)( time)?|(a|one|six|twelve|\d+) (weeks?|months?|years?) from now|by (the )?(summer|spring|autumn|winter|christmas|new year|end of|next)|next year|in (the )?future|ideal(ly)?|if (this|it|that|things|everything) (was|were|went|got) (sorted|solved|better|fixed|resolved|right)|(be|look|feel) like (when|if|once|afterwards)|what would (be )?different|how would you like (it|things|that|this|the [a-z]+) to (be|look|feel|go)|where would you like to be|where do you want to be)\b/;

/** Leading words a question may start with before its real first word. */
const LEAD_IN =
  /^((and|so|okay|ok|right|then|well|now|also|but|and so|just|i'm curious|i wonder|i'm wondering|out of interest|tell me|do you know|do you remember|can you remember|any idea|have you any idea|do you have any idea)[, ]+)+/;

/**
 * Reads one coach turn.
 *
 * @example readAsk('How many people are on your team now?').kind // 'how_many'
 * @example readAsk('Okay, good luck with it').kind               // 'goodbye'
 */
export function readAsk(text: string, context: { opening?: boolean } = {}): CoachAsk {
  const plain = text
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/\s+/g, ' ')
    .trim();
  const lower = plain.toLowerCase();
  const sentences = plain.split(/(?<=[.!?])\s+/).filter((s) => s.trim());
  const questions = sentences.filter((s) => s.trim().endsWith('?'));
  const focus = questions.at(-1) ?? sentences.at(-1) ?? '';
  const soothes = SOOTHING.test(lower) || undefined;
  const ask = (kind: AskKind, about = focus): CoachAsk => {
    const out: CoachAsk = { kind, words: contentWords(about), names: namesIn(about) };
    const setting = settingOf(about);
    if (setting.length) out.setting = setting;
    if (soothes) out.soothes = true;
    // "What happens for you...?" asks how it is inside them, as a feeling question does
    const inner = asksInnerExperience(about);
    const intent = inner ? 'feels' : intentOf(about);
    if (intent) out.intent = intent;
    if (inner) out.inner = true;
    const step = scaleStepOf(about);
    if (step) out.scaleStep = step;
    if (FUTURE.test(about.toLowerCase())) out.future = true;
    const aboutLower = about.toLowerCase();
    if (HELPERS.test(aboutLower)) out.helpers = true;
    if (WELLBEING.test(aboutLower) && !CLOSING_CARE.test(aboutLower)) out.wellbeing = true;
    if (addressed) out.addressed = addressed;
    const personal = personalOf(aboutLower);
    if (personal) out.personal = personal;
    return out;
  };
  const addressed = addressedName(plain);

  // "Hi Dana, thanks for coming.", or thanks on the first turn: a welcome, unless it also parts
  const welcome =
    (WELCOME.test(lower) || context.opening === true) &&
    !PARTING.test(lower) &&
    !CLOSING.test(lower.replace(THANKS_FOR_COMING, ''));
  if (questions.length === 0 && !welcome && (CLOSING.test(lower) || CLOSING_CARE.test(lower)))
    return ask('goodbye', '');
  // A repair ("Sorry, that came out wrong. ...") is accepted, then what follows is answered.
  const first = (sentences[0] ?? '').toLowerCase();
  const repair = REPAIR.test(first) && REPAIR_OBJECT.test(first) && !SYMPATHY.test(first);
  if (repair) {
    const rest = sentences.slice(1).join(' ');
    const out = rest.trim() ? readAsk(rest) : ask('none', '');
    return { ...out, repair: true };
  }
  if (GO_ON.test(lower)) return { ...ask('none', ''), goOn: true };
  if (SCALE.test(lower)) return ask('scale');
  if (CLARIFY.test(lower)) return ask('clarify', plain);
  if (questions.length === 0) {
    // Declarative requests still ask for an answer ("Tell me more about Sam.").
    if (
      /^(tell me|say more|talk me through|describe|walk me through|help me understand)\b/i.test(
        focus.trim(),
      )
    )
      return ask('what');
    // "So there are twelve of you.": a reflection, which a partner puts right if it is wrong
    if (SUMMARY_START.test(lower)) return { ...ask('none', plain), summary: plain };
    return ask('none', plain);
  }
  const q = focus.toLowerCase().replace(/^[^a-z0-9']+/, '');
  if (
    CONFIRM_TAG.test(q) &&
    (SUMMARY_START.test(q) || sentences.length > 1 || q.split(' ').length > 6)
  )
    return { ...ask('confirm_summary', plain), summary: plain };
  if (SUMMARY_START.test(q) && /\b(right|correct|fair)\?$/.test(q))
    return { ...ask('confirm_summary', plain), summary: plain };
  if (REFLECTION_ASKED.test(q)) return { ...ask('confirm_summary', plain), summary: plain };
  const body = q.replace(LEAD_IN, '');
  // "Where would you like to start today?": the topic they came with, not a place
  if (asksWhatToTalkAbout(body)) return { ...ask('what'), intent: 'wants' };
  if (/\bhow (many|much|big|old|far)\b|\bwhat (number|percentage|proportion|size)\b/.test(body))
    return ask('how_many');
  if (
    /^(when|since when|by when|until when)\b|\bhow (long|often|soon|late|early)\b|\bwhat (time|day|date|month|year)\b|\bwhich (day|week|month|year)\b/.test(
      body,
    )
  )
    return ask('when');
  if (
    /^(who|whom|whose)\b|\bwho (else|would|did|do|does|is|was|are|were|could|might|can|will)\b|\bwhich (person|people|colleague|one of them)\b/.test(
      body,
    )
  ) {
    const out = ask('who');
    if (TOLD_WHO.test(body)) out.toldWho = true;
    return out;
  }
  // "Where are you with it?" asks how things stand, not for a place.
  if (/^where (are|am|is|do) (you|i|we|it|things|you stand)\b.*\b(with|at|now|stand)\b/.test(body))
    return ask('how');
  if (/^where\b/.test(body)) return ask('where');
  // "What would Mei say?": answered with the person and what they would think, as a who-question.
  if (
    OTHERS_VIEW.test(body) &&
    !/^what (would|will|might|could|does|did|do) (you|i|we)\b/.test(body)
  )
    return ask('who');
  if (
    /^(why|how come)\b|\bwhat (makes|made|stops|stopped|keeps|kept|gets|got) (you|it|that|this)\b|\bwhat('s| is| was)? (got|gets|getting|get) in the way\b|\bwhat('s| is) stopping\b|\bwhat's the reason\b|\bwhat is the reason\b|\bwhy\b/.test(
      body,
    )
  )
    return ask('why');
  // "Is it the meetings or the managing?", "Would you say it's the money or the people?": a
  // choice wants one of the two, not a yes or a no.
  if (AUX.test(body) && EITHER_OR.test(body)) return { ...ask('what'), ...choiceOf(body, focus) };
  if (INVITATION.test(body)) return ask('what');
  // "Which is harder, the people or the setting?", "What bothers you more: Jo or the deadline?"
  if (/^(what|which)\b/.test(body) && COMPARES.test(body) && EITHER_OR.test(body))
    return { ...ask('what'), ...choiceOf(body, focus) };
  if (AUX.test(body)) return ask('yes_no');
  if (/^how\b/.test(body)) return ask('how');
  if (/^(what|which)\b|\bwhat\b|\bwhich\b/.test(body)) return ask('what');
  if (/^how\b|\bhow\b/.test(body)) return ask('how');
  // "And the team?", "What about Sam?": the rest of a question already asked.
  if (/^(and|what about|how about) [^?]{1,40}\?$/.test(q) && q.split(/\s+/).length <= 6)
    return ask('what');
  // "So Daniel runs the review?": a summary said with a rising tone, checked like any summary.
  if (/^so\b/.test(q)) return { ...ask('confirm_summary', plain), summary: plain };
  // "You told Sam?": a statement asked as a question wants a yes or a no.
  return ask('yes_no');
}

/**
 * A clause after the question's main clause that sets the scene ("What happened with the refresh
 * while you were on leave?"): its content words, when the main clause has content of its own
 * ("What happened when you told Sam?" is about telling Sam: no setting).
 */
const SETTING_CLAUSE =
  /\s(while|whilst|during|since|after|before|until|once|now that|as soon as|when)\s/i;
function settingOf(sentence: string): string[] {
  const q = sentence.replace(/\?+\s*$/, '');
  const m = SETTING_CLAUSE.exec(q);
  if (!m || m.index === 0) return [];
  const main = contentWords(q.slice(0, m.index)).filter(
    (w) => !/^(happen|happened|happening|go|went|going)$/.test(w),
  );
  return main.length ? contentWords(q.slice(m.index)) : [];
}

/** Capitalised words that are not the start of a sentence or "I": names, days, months. */
function namesIn(text: string): string[] {
  const out: string[] = [];
  // each sentence's first word is capitalised whoever it is ("... Is that right?")
  for (const sentence of text.split(/(?<=[.!?])\s+/)) {
    const tokens = sentence
      .replace(/[^A-Za-z' -]/g, ' ')
      .split(/\s+/)
      .filter(Boolean);
    for (let i = 1; i < tokens.length; i++) {
      const t = tokens[i].replace(/'s$/, '');
      if (/^[A-Z][a-z]+$/.test(t) && !/^I('|$)/.test(t) && !out.includes(t)) out.push(t);
    }
  }
  return out;
}

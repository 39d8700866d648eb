/**
 * @module evals/partner/questions
 * The labelled question set of the partner eval: for every built-in scenario, coach questions of
 * each kind a partner must answer (how many, when, who, what, why, yes/no, a scale, a request to
 * clarify, a summary to confirm, a goodbye), each with what an answer must hold, and the rules
 * that judge a reply. Rules, not examples: a reply passes on its shape and its words, so the
 * same rules judge any card's answers.
 *
 * Judging rules (case-insensitive; "about" words are matched as word prefixes):
 * - how_many: holds a number (digits or a number word, "a few", "a couple", "half").
 * - when: holds a time (a day, month, season, "last", "next", "ago", "since", "weeks", a clock time).
 * - who: holds an "about" word when given, else names a person (a capitalised word after the
 *   first, or a person word such as "manager" or "she").
 * - scale: holds a number from one to ten.
 * - yes_no: the first sentence opens with yes, no, maybe, probably, possibly, perhaps, not,
 *   "I think", "I don't", "I'm not sure", "I haven't" or "I have", and the reply goes on past
 *   that word (at least four words in all: "Kind of." alone does not answer).
 * - confirm_summary: opens by confirming or correcting (yes, that's it, exactly, more or less,
 *   pretty much, broadly, partly, not quite, about right, fair, no), or says yes in its first sentence.
 * - clarify: says what was meant ("I mean", "I meant", "what I mean"), says one of the card's own
 *   clarification lines (`voice.clarify`), or holds an "about" word.
 * - goodbye: a farewell (thanks, thank you, bye, cheers, see you, take care, next time, let you
 *   know, same time, speak soon, "this was lovely/useful") in at most three sentences and 25 words, with nothing newly revealed and no trust gained.
 * - what / why / how / where: holds at least one "about" word.
 * - every kind but scale: the reply is not only neutral acknowledgements ("Mm.", "Okay.").
 */
import type { AskKind } from '../../api/practice/types.js';

export interface LabelledQuestion {
  /** `{other}` stands for the card's main other person (`script.other`), so a card may rename them */
  text: string;
  kind: AskKind;
  /** words (prefixes) an answer must hold, any one of them, for kinds that need them */
  about?: string[];
}

/** Words a reply about wants and values may use. */
const WANTS = [
  'want',
  'like',
  'matter',
  'need',
  'care',
  'hope',
  'stop',
  'clear',
  'plan',
  'understand',
  'leave',
  'settle',
  'think',
  'differen',
  'better',
  'less',
  'way',
];

export const QUESTIONS: Record<string, LabelledQuestion[]> = {
  'new-manager-overwhelmed': [
    { text: 'How many people are on your team now?', kind: 'how_many' },
    { text: 'When did you take over the team?', kind: 'when' },
    { text: 'What do you imagine {other} would say?', kind: 'who', about: ['{other}'] },
    { text: 'Do you think you could talk to your manager?', kind: 'yes_no' },
    { text: 'How confident are you, from one to ten?', kind: 'scale' },
    { text: 'What matters most to you now?', kind: 'what', about: WANTS },
    {
      text: 'What do you mean by the stuff you used to do?',
      kind: 'clarify',
      about: ['escalation', 'ticket', 'agent', 'old job'],
    },
    {
      text: 'So you are doing two jobs at once and the evenings are paying for it. Is that right?',
      kind: 'confirm_summary',
    },
    { text: 'How late are you usually working?', kind: 'when' },
    { text: 'Who do you go to for support?', kind: 'who' },
    {
      text: 'What has the queue been like since the price change?',
      kind: 'what',
      about: ['queue', 'ticket', 'double', 'hundred'],
    },
    { text: 'Okay, good luck with it', kind: 'goodbye' },
  ],
  'returning-after-leave': [
    { text: 'How long have you been back?', kind: 'when' },
    { text: 'How many days a week are you working now?', kind: 'how_many' },
    { text: 'Who covered for you while you were away?', kind: 'who', about: ['{other}'] },
    { text: 'What would Hannah say if you asked her?', kind: 'who', about: ['hannah'] },
    { text: 'Is the brand refresh still running?', kind: 'yes_no' },
    { text: 'On a scale of one to ten, how settled do you feel?', kind: 'scale' },
    { text: 'What are you hoping to get from these sessions?', kind: 'what', about: WANTS },
    {
      text: 'What do you mean when you say you are still finding your feet?',
      kind: 'clarify',
      about: ['mean', 'visitor', 'guest', 'mine'],
    },
    {
      text: "So it's been lovely and also a bit unsettling, have I got that right?",
      kind: 'confirm_summary',
    },
    { text: 'How old is your daughter now?', kind: 'how_many' },
    {
      text: 'What happened with the refresh while you were on leave?',
      kind: 'what',
      about: ['refresh', 'leo', 'pitch', 'spring', 'idea'],
    },
    { text: 'Great, glad I could help', kind: 'goodbye' },
  ],
  'career-crossroads': [
    { text: 'How many people would you be managing?', kind: 'how_many' },
    { text: 'When do you need to give them an answer?', kind: 'when' },
    { text: 'Who have you talked to about it so far?', kind: 'who' },
    { text: 'What do you think {other} is expecting you to say?', kind: 'who', about: ['{other}'] },
    { text: 'Do you want the job?', kind: 'yes_no' },
    { text: 'How sure are you about it, out of ten?', kind: 'scale' },
    {
      text: 'Why did you make a spreadsheet?',
      kind: 'why',
      about: ['pros', 'cons', 'decision', 'data', 'spreadsheet', 'reason', 'tidy', 'think'],
    },
    {
      text: 'What do you enjoy most about the work you do now?',
      kind: 'what',
      about: ['model', 'forecast', 'work', 'detail', 'depth'],
    },
    { text: 'Sorry, what do you mean by that?', kind: 'clarify' },
    {
      text: 'So on paper it all adds up, and yet something is holding you back. Is that a fair summary?',
      kind: 'confirm_summary',
    },
    { text: 'How long have you worked there?', kind: 'when' },
    { text: 'Thanks for your time today, all the best with the decision.', kind: 'goodbye' },
  ],
  'hesitating-to-speak-up': [
    { text: 'How many people come to the review?', kind: 'how_many' },
    { text: 'When is the next architecture review?', kind: 'when' },
    { text: 'Who runs the meeting?', kind: 'who', about: ['{other}'] },
    { text: 'What is {other} like to work with?', kind: 'who', about: ['{other}'] },
    { text: 'Did you say anything in last week’s meeting?', kind: 'yes_no' },
    { text: 'From one to ten, how likely are you to speak up next time?', kind: 'scale' },
    {
      text: 'Why do you think the written reviews feel easier?',
      kind: 'why',
      about: ['writ', 'time', 'think', 'code', 'slow', 'fine', 'review'],
    },
    {
      text: 'What do you mean by "the moment passes"?',
      kind: 'clarify',
      about: ['mean', 'moment', 'topic', 'moved', 'slow'],
    },
    {
      text: 'So the meeting moves faster than you like to think, is that it?',
      kind: 'confirm_summary',
    },
    { text: 'How long have you been in the team?', kind: 'when' },
    { text: 'What do you want from today?', kind: 'what', about: WANTS },
    { text: 'Okay, we are out of time. Thanks for talking it through.', kind: 'goodbye' },
  ],
  'avoiding-difficult-feedback': [
    { text: 'How long have you been putting it off?', kind: 'when' },
    { text: 'How many nurses are new this year?', kind: 'how_many' },
    { text: 'Who is {other} to you?', kind: 'who', about: ['{other}'] },
    {
      text: 'What do you think the ward manager would say?',
      kind: 'who',
      about: ['manager', 'sick', 'nobody'],
    },
    { text: 'Have you spoken to anyone else about it?', kind: 'yes_no' },
    { text: 'How ready do you feel to talk to Pat, on a scale from 1 to 10?', kind: 'scale' },
    {
      text: 'What does your role as educator involve?',
      kind: 'what',
      about: ['teach', 'new', 'starter', 'handover', 'educator'],
    },
    { text: 'When do the handovers happen?', kind: 'when' },
    {
      text: 'Can you say what you mean by a ward thing?',
      kind: 'clarify',
      about: ['mean', 'handover', 'safety', 'pat'],
    },
    {
      text: 'So you love Pat and you are worried about the handovers, and both are true. Did I get that right?',
      kind: 'confirm_summary',
    },
    { text: 'What would make this conversation worth it for you?', kind: 'what', about: WANTS },
    { text: 'Good luck with it, take care.', kind: 'goodbye' },
  ],
  'friction-with-another-team': [
    { text: 'How often do you release?', kind: 'when' },
    { text: 'How many designers are there compared with engineers?', kind: 'how_many' },
    { text: 'Who leads the platform team?', kind: 'who', about: ['{other}'] },
    {
      text: 'What do you imagine {other} would say about all this?',
      kind: 'who',
      about: ['{other}'],
    },
    { text: 'Is your manager aware of it?', kind: 'yes_no' },
    { text: 'How frustrated are you, from one to ten?', kind: 'scale' },
    {
      text: 'What happened with the checkout?',
      kind: 'what',
      about: ['checkout', 'review', 'star', 'conversion', 'button'],
    },
    {
      text: 'Where does the platform team sit?',
      kind: 'where',
      about: ['floor', 'fifth', 'third'],
    },
    {
      text: 'What do you mean by the platform team problem?',
      kind: 'clarify',
      about: ['mean', 'change', 'screen', 'user', 'design'],
    },
    {
      text: "So it's less about the designs and more about not being asked, is that right?",
      kind: 'confirm_summary',
    },
    { text: 'How long have you been at the company?', kind: 'when' },
    { text: 'Right, I will let you go. Good luck with Jo.', kind: 'goodbye' },
  ],
  'setback-after-failed-project': [
    { text: 'How long did the outage last?', kind: 'when' },
    { text: 'How many people are on the programme team?', kind: 'how_many' },
    { text: 'Who is on the steering group?', kind: 'who' },
    { text: 'What did your director say?', kind: 'who', about: ['director', 'happen', 'decent'] },
    { text: 'Have you been sleeping?', kind: 'yes_no' },
    { text: 'How are you doing, out of ten?', kind: 'scale' },
    { text: 'When did it happen?', kind: 'when' },
    { text: 'What is the vendor saying?', kind: 'what', about: ['vendor', 'data', 'blame'] },
    {
      text: 'What do you mean, it is done?',
      kind: 'clarify',
      about: ['mean', 'quiet', 'project', 'over', 'done', 'rolled'],
    },
    {
      text: "So it's over, and it's not quite over for you. Is that fair?",
      kind: 'confirm_summary',
    },
    { text: 'How many years have you been managing projects?', kind: 'how_many' },
    { text: 'Thanks, that was useful. Take care.', kind: 'goodbye' },
  ],
  // The scenarios below arrive with the scenario data files; their questions wait here until then.
  'celebrating-a-win': [
    { text: 'When did you present it?', kind: 'when' },
    { text: 'How many people are in your team?', kind: 'how_many' },
    {
      text: 'What happened in the end?',
      kind: 'what',
      about: ['approv', 'pilot', 'yes', 'agreed'],
    },
    { text: 'What part did {other} play?', kind: 'who', about: ['{other}'] },
    { text: 'Were you nervous beforehand?', kind: 'yes_no' },
    { text: 'From one to ten, how pleased are you with how it went?', kind: 'scale' },
    {
      text: 'What do you mean by validation?',
      kind: 'clarify',
      about: ['mean', 'test', 'prov', 'right'],
    },
    {
      text: 'So it went well and you are not quite letting yourself enjoy it. Is that right?',
      kind: 'confirm_summary',
    },
    { text: 'What would you like to take from today?', kind: 'what', about: WANTS },
    { text: 'Who asked the hardest questions?', kind: 'who' },
    { text: 'Great, well done again, and good luck with the pilot.', kind: 'goodbye' },
  ],
  'first-partnership-session': [
    { text: 'How many people are in your team?', kind: 'how_many' },
    { text: 'How long have you been a manager?', kind: 'when' },
    { text: 'Who suggested you sign up?', kind: 'who', about: ['{other}', 'director'] },
    { text: 'How often could we meet?', kind: 'when' },
    { text: 'Have you had a learning partner before?', kind: 'yes_no' },
    { text: 'On a scale of one to ten, how useful do you expect this to be?', kind: 'scale' },
    { text: 'What would you like to get out of the partnership?', kind: 'what', about: WANTS },
    {
      text: 'What do you mean by service levels?',
      kind: 'clarify',
      about: ['mean', 'target', 'answer', 'fix'],
    },
    {
      text: 'So you are curious about this, and not yet sure what it is for. Is that fair?',
      kind: 'confirm_summary',
    },
    {
      text: 'What has the desk been like lately?',
      kind: 'what',
      about: ['busy', 'outage', 'desk', 'quarter'],
    },
    { text: "Thanks, Tariq. Let's leave it there for today.", kind: 'goodbye' },
  ],
  'fresh-view-on-strategy': [
    { text: 'How many shops are there?', kind: 'how_many' },
    { text: 'When does it all need to be done by?', kind: 'when' },
    { text: 'Who is {other}?', kind: 'who', about: ['{other}'] },
    {
      text: 'What did the pilot show?',
      kind: 'what',
      about: ['queue', 'pilot', 'complaint', 'staff', 'per cent', 'numbers'],
    },
    { text: 'Does the board know about the complaints?', kind: 'yes_no' },
    { text: 'How confident are you in the plan, out of ten?', kind: 'scale' },
    {
      text: 'Sorry, what do you mean by the tills?',
      kind: 'clarify',
      about: ['mean', 'self-service', 'scan', 'till'],
    },
    {
      text: 'So you believe in the idea and doubt the speed. Have I got that right?',
      kind: 'confirm_summary',
    },
    { text: 'What would make this session useful for you?', kind: 'what', about: WANTS },
    { text: 'How many of your customers are older?', kind: 'how_many' },
    { text: 'Okay, good luck on Thursday.', kind: 'goodbye' },
  ],
  'other-side-of-the-partnership': [
    { text: 'How many people are in your team?', kind: 'how_many' },
    { text: 'When do the conversations have to happen?', kind: 'when' },
    { text: 'Who is {other}?', kind: 'who', about: ['{other}'] },
    { text: 'Have you told your director how you feel?', kind: 'yes_no' },
    { text: 'From one to ten, how ready do you feel?', kind: 'scale' },
    {
      text: 'What have you been doing this week?',
      kind: 'what',
      about: ['manager', 'conversation', 'helping', 'week', 'plan'],
    },
    {
      text: 'What do you mean, her role is going?',
      kind: 'clarify',
      about: ['mean', 'role', 'job', 'apply'],
    },
    {
      text: 'So you know exactly how to do this, and it is different when it is your own team. Is that right?',
      kind: 'confirm_summary',
    },
    { text: 'What would you like from today?', kind: 'what', about: WANTS },
    { text: 'How long has {other} worked with you?', kind: 'when' },
    { text: 'Thanks, Maggie. Take care of yourself this week.', kind: 'goodbye' },
  ],
  'reviewing-last-action': [
    { text: 'When did you hand the reconciliations over?', kind: 'when' },
    { text: 'How many Fridays did you keep free?', kind: 'how_many' },
    { text: 'Who is {other}?', kind: 'who', about: ['{other}'] },
    {
      text: 'What was the mistake?',
      kind: 'what',
      about: ['error', 'pound', 'cost centre', 'coding', 'wrong'],
    },
    { text: 'Did you finish the forecast?', kind: 'yes_no' },
    { text: 'Out of ten, how well do you think the action went?', kind: 'scale' },
    {
      text: 'What do you mean by reconciliations?',
      kind: 'clarify',
      about: ['mean', 'ledger', 'match', 'bank'],
    },
    {
      text: 'So you did hand it over, and then part of you took it back. Is that fair?',
      kind: 'confirm_summary',
    },
    { text: 'How long does month-end take?', kind: 'when' },
    { text: 'What would you like to look at today?', kind: 'what', about: WANTS },
    { text: 'Great, glad I could help. See you next month.', kind: 'goodbye' },
  ],
};

const NUMBER =
  /\b(\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|hundred|dozen|half|couple|few)\b/i;
const SCALE = /\b(10|[1-9]|one|two|three|four|five|six|seven|eight|nine|ten)\b/i;
const TIME =
  /\b((mon|tues|wednes|thurs|fri|satur|sun)days?|week|weeks|month|months|year|years|day|days|ago|since|yesterday|today|tomorrow|tonight|morning|evening|night|nights|last|next|january|february|march|april|may|june|july|august|september|october|november|december|spring|summer|autumn|winter|o'clock|hour|hours|half (past|seven|six|eight|nine)|at (one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d))\b/i;
const PERSON =
  /\b(manager|boss|director|colleague|colleagues|team|sister|parents|nobody|no one|everyone|lead|people|engineers|friend|he|she|him|her|they)\b/i;
const POLARITY =
  /^(yes|yeah|no|nope|maybe|probably|possibly|perhaps|not|i think|i don't|i do|i'm not sure|i am not sure|i haven't|i have|i did|i didn't|sort of|kind of|a bit|partly|hardly|definitely|of course)\b/i;
const CONFIRM =
  /^(yes|yeah|yep|that's (it|right|about it|about right|accurate|fair|true)|about right|fair|exactly|precisely|more or less|pretty much|broadly|mostly|partly|not quite|no|right|hm\. yes|mm\. yes)\b/i;
const FAREWELL =
  /\b(thanks|thank you|bye|cheers|see you|take care|next time|let you know|report back|same time|speak soon|good to talk|this (was|has been) (lovely|useful|helpful|good)|that (was|has been) (lovely|useful|helpful|good))\b/i;

export interface Judged {
  answered: boolean;
  /** why a reply failed, in words */
  reason?: string;
}

/**
 * A reply read for judging, as both judges (labelled and held-out questions) read it: its
 * sentences, its text with straight apostrophes, a failure with its reason, and whether it names
 * any of the words a question is `about` (true when it has none).
 */
export function readReply(reply: string, about: readonly string[] | undefined) {
  const sentences = reply.split(/(?<=[.!?])\s+(?=[A-Z"'(])/).filter((s) => s.trim());
  const plain = reply.replace(/[\u2018\u2019]/g, "'");
  const fail = (reason: string): Judged => ({ answered: false, reason });
  const mentions = () =>
    !about ||
    about.some((w) =>
      new RegExp(`\\b${w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`, 'i').test(plain),
    );
  return { sentences, plain, fail, mentions };
}

/**
 * Judges a reply against its labelled question. `isNeutral` says whether a sentence is one of
 * the neutral lines; `opened` whether the turn revealed a layer or gained trust (goodbye only).
 */
export function judgeAnswer(
  q: LabelledQuestion,
  reply: string,
  isNeutral: (s: string) => boolean,
  opened: boolean,
  clarifications: readonly string[] = [],
): Judged {
  const { sentences, plain, fail, mentions: hasAbout } = readReply(reply, q.about);
  // A number on a scale is the whole answer even when it is worded as a neutral line ("About a four.").
  if (sentences.length === 0 || (q.kind !== 'scale' && sentences.every(isNeutral)))
    return fail('only neutral acknowledgements');
  switch (q.kind) {
    case 'how_many':
      return NUMBER.test(plain) ? ok(hasAbout()) : fail('no number');
    case 'when':
      return TIME.test(plain) || NUMBER.test(plain) ? ok(hasAbout()) : fail('no time');
    case 'who':
      if (q.about && hasAbout()) return ok(true);
      if (!(
        /\b[A-Z][a-z]+\b/.test(sentences.map((s) => s.split(' ').slice(1).join(' ')).join(' ')) ||
        PERSON.test(plain)
      ))
        return fail('no person');
      return ok(hasAbout());
    case 'scale':
      return SCALE.test(plain) ? ok(true) : fail('no number from one to ten');
    case 'yes_no':
      if (!POLARITY.test(sentences[0].trim())) return fail('does not open with yes, no or maybe');
      return plain.split(/\s+/).length >= 4 ? ok(true) : fail('a bare yes/no word');
    case 'confirm_summary':
      return CONFIRM.test(sentences[0].trim()) ||
        /\b(yes|exactly|that's it|that's right)\b/i.test(sentences[0])
        ? ok(true)
        : fail('neither confirms nor corrects');
    case 'clarify':
      return /\b(i mean|i meant|what i mean|i just mean|sorry, i mean)\b/i.test(plain) ||
        clarifications.some((c) => plain.includes(c)) ||
        (q.about !== undefined && hasAbout())
        ? ok(true)
        : fail('no clarification');
    case 'goodbye':
      if (!FAREWELL.test(plain)) return fail('no farewell');
      if (sentences.length > 3 || plain.split(/\s+/).length > 25)
        return fail('goes on after the goodbye');
      return opened ? fail('opened up after the goodbye') : ok(true);
    default:
      return ok(hasAbout());
  }
  function ok(about: boolean): Judged {
    return about
      ? { answered: true }
      : { answered: false, reason: `none of: ${q.about?.join(', ')}` };
  }
}

/** The question as asked of this card: `{other}` becomes the card's main other person. */
export function askedOf(q: LabelledQuestion, other: string | undefined): LabelledQuestion {
  const name = other && /^[A-Z]/.test(other) ? other : 'them';
  const fill = (t: string) => t.replaceAll('{other}', name);
  return { ...q, text: fill(q.text), about: q.about?.map((w) => fill(w).toLowerCase()) };
}

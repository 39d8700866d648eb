/**
 * @module evals/partner/held-out
 * The held-out question set of the partner eval: coach questions and moves written after the
 * engine's rules, never used to tune them against `questions.ts`, so its figure says how the
 * partner does on questions it has never seen. It covers kinds the labelled set does not (how a
 * partner feels, either/or, hypotheticals, "what would X say", stacked questions, repairs after a
 * judgement, silence-breakers, off-topic asides, "what should you do?") and is reported as its
 * own figure, so the labelled set's figure stays comparable across versions.
 *
 * Judging rules, beyond those of `judgeAnswer` (which judges every label that is an ask kind):
 * - feels: voices a feeling (a feeling word), and is not a bare fact or only neutral words.
 * - correct: a summary that does not fit; the reply corrects it ("Not quite", "No", "Partly")
 *   rather than agreeing.
 * - repair: after a judgement, the coach apologises; the reply accepts the apology first ("It's
 *   fine", "That's okay") and then says something more, holding an "about" word when given.
 * - any: not only neutral words, and an "about" word when given (silence-breakers, off-topic).
 */
import type { AskKind } from '../../api/practice/types.js';
import type { CoachTurn } from './scripted.js';
import { judgeAnswer, readReply, type Judged, type LabelledQuestion } from './questions.js';

/** What a held-out question tests, for the per-kind figure. */
export type HeldOutLabel =
  | 'why'
  | 'what'
  | 'who'
  | 'feels'
  | 'how_many'
  | 'when'
  | 'yes_no'
  | 'either_or'
  | 'confirm'
  | 'correct'
  | 'scale'
  | 'hypothetical'
  | 'would_say'
  | 'stacked'
  | 'repair'
  | 'silence'
  | 'off_topic'
  | 'advice';

export interface HeldOutQuestion {
  text: string;
  label: HeldOutLabel;
  /** the rule that judges the reply: an ask kind's rule, or one of the held-out rules */
  judge: AskKind | 'feels' | 'correct' | 'repair' | 'any';
  /** words (prefixes) an answer must hold, any one of them */
  about?: string[];
  /** coach turns said just before the question (a judgement before a repair) */
  before?: CoachTurn[];
}

const FEELS = [
  'feel',
  'felt',
  'sick',
  'dread',
  'scared',
  'afraid',
  'nervous',
  'worr',
  'anxious',
  'tired',
  'guilt',
  'proud',
  'relie',
  'glad',
  'angry',
  'fuming',
  'frustrat',
  'stuck',
  'heavy',
  'hard',
  'awful',
  'lonely',
  'overwhelm',
  'embarrass',
  'stomach',
  'sleep',
  'freez',
  'panic',
  'guest',
  'visitor',
  'silly',
  'happy',
  'pleased',
  'excit',
  'weird',
  'odd',
  'uneasy',
  'gutted',
  'annoy',
  'hate',
  'love',
  'enjoy',
  'drown',
  'frantic',
  'mortif',
  'rattled',
  'unsettl',
  'lost',
  'fraud',
  'worse',
  'thrill',
  'love',
];

/** A judgement the coach says before apologising for it (labelled, as the shipped coder may miss it). */
const JUDGED = (text: string): CoachTurn => ({ text, code: 'judgement' });

export const HELD_OUT: Record<string, HeldOutQuestion[]> = {
  'career-crossroads': [
    { text: 'Who else have you mentioned the offer to?', label: 'who', judge: 'who' },
    {
      text: 'How did you feel when Gareth put your name forward?',
      label: 'feels',
      judge: 'feels',
    },
    {
      text: 'Is it more the meetings or the managing that puts you off?',
      label: 'either_or',
      judge: 'what',
      about: ['meeting', 'manag', 'people', 'diary', 'model', 'both', 'neither', 'don', 'not sure'],
    },
    {
      text: 'If you could design your next role from scratch, what would it look like?',
      label: 'hypothetical',
      judge: 'what',
      about: ['model', 'forecast', 'depth', 'expert', 'detail', 'work', 'think', 'know', 'clear'],
    },
    {
      text: 'What would your sister say if she were here?',
      label: 'would_say',
      judge: 'who',
      about: ['sister', 'she', 'champagne', 'take it', 'thrilled', 'know'],
    },
    {
      text: 'So the money is what is really swinging it for you. Is that right?',
      label: 'correct',
      judge: 'correct',
    },
    {
      text: 'Sorry, that was clumsy of me. Saying yes seems to cost you something.',
      label: 'repair',
      judge: 'repair',
      before: [JUDGED("Honestly, you're overthinking it. Anyone would jump at this.")],
    },
    {
      text: 'What do you think you should do?',
      label: 'advice',
      judge: 'any',
    },
    { text: 'How much more would it pay?', label: 'how_many', judge: 'how_many' },
    {
      text: 'Did you catch any of the football at the weekend?',
      label: 'off_topic',
      judge: 'any',
    },
  ],
  'hesitating-to-speak-up': [
    {
      text: 'Why is writing it down easier than saying it out loud?',
      label: 'why',
      judge: 'why',
      about: ['writ', 'time', 'think', 'code', 'slow', 'fine', 'review', 'easy', 'down'],
    },
    {
      text: 'How does it feel when the meeting moves on without you?',
      label: 'feels',
      judge: 'feels',
    },
    {
      text: 'What would Mei say if you asked her about the review?',
      label: 'would_say',
      judge: 'who',
      about: ['mei', 'she', 'fair', 'notice'],
    },
    {
      text: 'Would you rather speak first or wait until the end?',
      label: 'either_or',
      judge: 'what',
      about: ['first', 'end', 'wait', 'start', 'don', 'not sure', 'think', 'maybe', 'neither'],
    },
    {
      text: 'How long does the review usually run?',
      label: 'when',
      judge: 'when',
    },
    { text: 'Take your time.', label: 'silence', judge: 'any' },
    {
      text: 'So you freeze in every meeting, whoever is there. Is that it?',
      label: 'correct',
      judge: 'correct',
    },
    {
      text: 'What happens to all those notes after the meeting?',
      label: 'what',
      judge: 'what',
      about: ['note', 'page', 'write', 'writ', 'nothing', 'never', 'keep', 'read', 'know'],
    },
    {
      text: 'If you knew they would listen, what would you say on Thursday?',
      label: 'hypothetical',
      judge: 'any',
    },
    {
      text: 'Sorry, I was rushing you there. What goes through your mind just before you speak?',
      label: 'repair',
      judge: 'repair',
      before: [JUDGED('You just need to be more confident, really.')],
    },
  ],
  'returning-after-leave': [
    {
      text: 'How does it feel sitting in the brand meetings now?',
      label: 'feels',
      judge: 'feels',
    },
    {
      text: 'Who have you got to know since you came back?',
      label: 'who',
      judge: 'who',
    },
    {
      text: 'How many of the team are new to you?',
      label: 'how_many',
      judge: 'how_many',
    },
    {
      text: 'Is it the work that has changed, or how you fit into it?',
      label: 'either_or',
      judge: 'what',
      about: ['work', 'fit', 'both', 'me', 'changed', 'know', 'not sure', 'place', 'role'],
    },
    {
      text: 'What do you think Leo would say about handing the refresh back?',
      label: 'would_say',
      judge: 'who',
      about: ['leo', 'he', 'him', 'know'],
    },
    {
      text: 'So you feel you have been pushed out for good. Is that right?',
      label: 'correct',
      judge: 'correct',
    },
    {
      text: 'What would you like from our sessions over the next few months?',
      label: 'what',
      judge: 'what',
      about: ['like', 'want', 'work out', 'clear', 'fit', 'settl', 'know', 'session', 'sure'],
    },
    {
      text: "Sorry, I shouldn't have said that. What's the hardest part of being back?",
      label: 'repair',
      judge: 'repair',
      before: [JUDGED("Well, you chose to take nine months off, so that's the price.")],
    },
    { text: 'Hmm.', label: 'silence', judge: 'any' },
    {
      text: 'When do you pick your daughter up from nursery?',
      label: 'when',
      judge: 'when',
    },
  ],
  'new-manager-overwhelmed': [
    {
      text: 'Why do you think you keep hold of the escalations?',
      label: 'why',
      judge: 'why',
      about: [
        'escalat',
        'quick',
        'faster',
        'know',
        'ticket',
        'think',
        'easier',
        'bother',
        'trust',
        'myself',
        'sure',
        'habit',
        'delegat',
        'scared',
        'friend',
        'agent',
      ],
    },
    {
      text: 'How do you feel on a Sunday evening?',
      label: 'feels',
      judge: 'feels',
    },
    {
      text: 'How many evenings did you work last week?',
      label: 'how_many',
      judge: 'how_many',
    },
    {
      text: 'Who would notice first if you stopped answering tickets?',
      label: 'who',
      judge: 'who',
    },
    {
      text: 'Is it the volume of work or the kind of work that wears you down?',
      label: 'either_or',
      judge: 'what',
      about: [
        'volume',
        'kind',
        'both',
        'queue',
        'ticket',
        'work',
        'know',
        'not sure',
        'everything',
        'all',
      ],
    },
    {
      text: 'What would Nadia say if she saw your evenings?',
      label: 'would_say',
      judge: 'who',
      about: ['nadia', 'she', 'her', 'know'],
    },
    {
      text: 'What should you do about the inbox, do you think?',
      label: 'advice',
      judge: 'any',
    },
    {
      text: 'How many people are in the team, and how are they coping, and what do they need from you?',
      label: 'stacked',
      judge: 'any',
    },
    {
      text: 'So the team is the problem and you are fine. Have I got that right?',
      label: 'correct',
      judge: 'correct',
    },
    {
      text: 'On a scale of one to ten, how tired are you?',
      label: 'scale',
      judge: 'scale',
    },
  ],
  'avoiding-difficult-feedback': [
    {
      text: 'Why has it been hard to raise it with Pat?',
      label: 'why',
      judge: 'why',
      about: [
        'pat',
        'love',
        'train',
        'twenty',
        'years',
        'know',
        'worse',
        'upset',
        'scared',
        'friend',
        'respect',
      ],
    },
    {
      text: 'How do you feel when you picture the conversation?',
      label: 'feels',
      judge: 'feels',
    },
    {
      text: 'When did the near miss happen?',
      label: 'when',
      judge: 'when',
    },
    {
      text: 'Who else saw the drug chart?',
      label: 'who',
      judge: 'who',
    },
    {
      text: 'What should I say to Pat, if I were you?',
      label: 'advice',
      judge: 'any',
    },
    {
      text: 'Would you rather talk to Pat on the ward or somewhere quieter?',
      label: 'either_or',
      judge: 'what',
      about: ['ward', 'quiet', 'somewhere', 'private', 'room', 'don', 'not sure', 'think', 'away'],
    },
    {
      text: 'What do you imagine Pat would say if you raised it?',
      label: 'would_say',
      judge: 'who',
      about: ['pat', 'she', 'her', 'know'],
    },
    {
      text: 'So the handover itself is fine, and this was a one-off. Is that right?',
      label: 'correct',
      judge: 'correct',
    },
    {
      text: 'Sorry, that was unfair of me. What matters most to you about Pat?',
      label: 'repair',
      judge: 'repair',
      before: [JUDGED("To be honest, it sounds like you're just avoiding your job.")],
    },
    { text: 'Go on.', label: 'silence', judge: 'any' },
  ],
  'celebrating-a-win': [
    {
      text: 'How did it feel when they approved it?',
      label: 'feels',
      judge: 'feels',
    },
    {
      text: 'Why do you think it went as well as it did?',
      label: 'why',
      judge: 'why',
      about: [
        'practi',
        'team',
        'slide',
        'helen',
        'answer',
        'luck',
        'prepar',
        'data',
        'question',
        'know',
        'sure',
      ],
    },
    {
      text: 'How many product lines will the pilot cover?',
      label: 'how_many',
      judge: 'how_many',
    },
    {
      text: 'Who helped you get ready for it?',
      label: 'who',
      judge: 'who',
      about: ['helen', 'team', 'she', 'they', 'technician'],
    },
    {
      text: 'Was it your preparation or your delivery that made the difference?',
      label: 'either_or',
      judge: 'what',
      about: ['prepar', 'deliver', 'practi', 'both', 'team', 'answer', 'know', 'not sure', 'luck'],
    },
    {
      text: 'What would Helen say you did well?',
      label: 'would_say',
      judge: 'who',
      about: ['helen', 'she', 'her', 'know'],
    },
    {
      text: 'So it was all down to luck and Helen’s slides. Is that fair?',
      label: 'correct',
      judge: 'correct',
    },
    {
      text: 'If you took full credit for one thing, what would it be?',
      label: 'hypothetical',
      judge: 'any',
    },
    {
      text: 'On a scale of one to ten, how proud of it are you?',
      label: 'scale',
      judge: 'scale',
    },
    {
      text: 'Lovely weather for it today, isn’t it?',
      label: 'off_topic',
      judge: 'any',
    },
  ],
  'first-partnership-session': [
    {
      text: 'What would make these sessions worth the time for you?',
      label: 'what',
      judge: 'what',
      about: [
        'like',
        'want',
        'agree',
        'meet',
        'know',
        'sure',
        'ground',
        'rule',
        'what this is',
        'for',
      ],
    },
    {
      text: 'Why did you sign up for the programme?',
      label: 'why',
      judge: 'why',
      about: ['dev', 'hint', 'know', 'anyone', 'outside', 'suggest', 'sign', 'said yes'],
    },
    {
      text: 'How often could we realistically meet?',
      label: 'when',
      judge: 'when',
    },
    {
      text: 'Who suggested you join?',
      label: 'who',
      judge: 'who',
    },
    {
      text: 'Would you prefer to meet in person or online?',
      label: 'either_or',
      judge: 'any',
    },
    {
      text: 'How do you feel about opening up to someone outside IT?',
      label: 'feels',
      judge: 'feels',
    },
    {
      text: 'What would Dev say the partnership is for?',
      label: 'would_say',
      judge: 'who',
      about: ['dev', 'he', 'him', 'hint', 'know'],
    },
    {
      text: 'So you have been sent here and would rather not be. Is that right?',
      label: 'correct',
      judge: 'correct',
    },
    {
      text: 'How many people are on the desk, and how long have you run it, and what keeps you up at night?',
      label: 'stacked',
      judge: 'any',
    },
    {
      text: 'Should we agree what stays between us?',
      label: 'yes_no',
      judge: 'yes_no',
    },
  ],
  'fresh-view-on-strategy': [
    {
      text: 'Why do the complaints worry you more than the queue numbers?',
      label: 'why',
      judge: 'why',
      about: [
        'complain',
        'older',
        'customer',
        'sixty',
        'half',
        'queue',
        'number',
        'shop',
        'know',
        'third',
      ],
    },
    {
      text: 'How many shops ran the pilot?',
      label: 'how_many',
      judge: 'how_many',
    },
    {
      text: 'When does the programme board next meet?',
      label: 'when',
      judge: 'when',
    },
    {
      text: 'What would you do, if you were me?',
      label: 'advice',
      judge: 'any',
    },
    {
      text: 'What would Colin say if you raised the complaints?',
      label: 'would_say',
      judge: 'who',
      about: ['colin', 'he', 'him', 'know'],
    },
    {
      text: 'Is it the timetable or the tills themselves that bothers you?',
      label: 'either_or',
      judge: 'what',
      about: [
        'timetable',
        'till',
        'both',
        'april',
        'older',
        'customer',
        'know',
        'not sure',
        'speed',
        'pace',
      ],
    },
    {
      text: 'How do you feel when you look at the pilot results?',
      label: 'feels',
      judge: 'feels',
    },
    {
      text: 'So the pilot failed and the plan should stop. Is that what you are saying?',
      label: 'correct',
      judge: 'correct',
    },
    {
      text: 'If you could change one thing about the roll-out, what would it be?',
      label: 'hypothetical',
      judge: 'any',
    },
    {
      text: 'Who on your team did the pilot analysis?',
      label: 'who',
      judge: 'who',
    },
  ],
  'friction-with-another-team': [
    {
      text: 'Why do you think the platform team decides without you?',
      label: 'why',
      judge: 'why',
      about: [
        'ticket',
        'floor',
        'planning',
        'room',
        'know',
        'asked',
        'friday',
        'talk',
        'engineer',
        'design',
      ],
    },
    {
      text: 'How do you feel on the last two days of a sprint?',
      label: 'feels',
      judge: 'feels',
    },
    {
      text: 'How many engineers are on the platform side?',
      label: 'how_many',
      judge: 'how_many',
    },
    {
      text: 'What would Jo say about the checkout flow?',
      label: 'would_say',
      judge: 'who',
      about: ['jo', 'she', 'he', 'they', 'her', 'know', 'asked'],
    },
    {
      text: 'Is it Jo, or the way the teams are set up?',
      label: 'either_or',
      judge: 'what',
      about: [
        'jo',
        'team',
        'set up',
        'both',
        'floor',
        'ticket',
        'way',
        'know',
        'not sure',
        'planning',
      ],
    },
    {
      text: 'So you would be happy never to work with the platform team again. Is that fair?',
      label: 'correct',
      judge: 'correct',
    },
    {
      text: 'Sorry, that was a cheap shot. What would a good fortnight look like?',
      label: 'repair',
      judge: 'repair',
      before: [JUDGED("Sounds like you're the one who needs to grow up a bit here.")],
    },
    {
      text: 'When did design stop being part of planning?',
      label: 'when',
      judge: 'when',
    },
    { text: '...', label: 'silence', judge: 'any' },
    {
      text: 'Have you ever sat down with Jo away from the tickets?',
      label: 'yes_no',
      judge: 'yes_no',
    },
  ],
  'other-side-of-the-partnership': [
    {
      text: 'How are you sleeping at the moment?',
      label: 'feels',
      judge: 'any',
      about: ['sleep', 'bad', 'badly', 'time of year', 'awake', 'not'],
    },
    {
      text: 'Why is it harder with Nina than with the other managers’ teams?',
      label: 'why',
      judge: 'why',
      about: ['nina', 'six', 'year', 'own', 'team', 'know', 'friend', 'case study', 'mine'],
    },
    {
      text: 'When do the conversations have to be done by?',
      label: 'when',
      judge: 'when',
    },
    {
      text: 'How long has Nina been with you?',
      label: 'when',
      judge: 'when',
    },
    {
      text: 'Who have you talked to about finding it hard?',
      label: 'who',
      judge: 'who',
    },
    {
      text: 'What would you say to a manager in your shoes?',
      label: 'hypothetical',
      judge: 'any',
    },
    {
      text: 'What would Sunil say if you told him?',
      label: 'would_say',
      judge: 'who',
      about: ['sunil', 'he', 'him', 'know', 'kind'],
    },
    {
      text: 'So you have already had the conversation and it went badly. Is that right?',
      label: 'correct',
      judge: 'correct',
    },
    {
      text: 'How do you feel about being on this side of the table today?',
      label: 'feels',
      judge: 'feels',
    },
    {
      text: 'Is it the news itself or telling Nina that you dread?',
      label: 'either_or',
      judge: 'what',
      about: ['news', 'nina', 'tell', 'both', 'know', 'not sure', 'her', 'six'],
    },
  ],
  'reviewing-last-action': [
    {
      text: 'Why do you think you took the reconciliations back?',
      label: 'why',
      judge: 'why',
      about: [
        'mistake',
        'error',
        'chloe',
        'myself',
        'quick',
        'faster',
        'know',
        'trust',
        'wrong',
        'safer',
        'sure',
        'found',
      ],
    },
    {
      text: 'How did you feel when you found the error?',
      label: 'feels',
      judge: 'feels',
    },
    {
      text: 'How many Fridays went on queries?',
      label: 'how_many',
      judge: 'how_many',
    },
    {
      text: 'When did Chloe join?',
      label: 'when',
      judge: 'when',
    },
    {
      text: 'What would Chloe say about how the handover went?',
      label: 'would_say',
      judge: 'who',
      about: ['chloe', 'she', 'her', 'know'],
    },
    {
      text: 'Was it the mistake or the auditors that made you step back in?',
      label: 'either_or',
      judge: 'what',
      about: ['mistake', 'error', 'auditor', 'both', 'know', 'not sure', 'month-end', 'me'],
    },
    {
      text: 'So you never handed anything over. Is that right?',
      label: 'correct',
      judge: 'correct',
    },
    {
      text: 'What should you do differently this month, do you think?',
      label: 'advice',
      judge: 'any',
    },
    {
      text: 'Sorry, that sounded like a telling-off. What did the free Friday give you?',
      label: 'repair',
      judge: 'repair',
      before: [JUDGED('So you just broke your own promise, then.')],
    },
    {
      text: 'Did you tell Chloe about the error?',
      label: 'yes_no',
      judge: 'yes_no',
    },
  ],
  'setback-after-failed-project': [
    {
      text: 'How long were the outages?',
      label: 'when',
      judge: 'when',
    },
    {
      text: 'Who chairs the steering group?',
      label: 'who',
      judge: 'who',
    },
    {
      text: 'How many times is your name in the report?',
      label: 'how_many',
      judge: 'how_many',
    },
    {
      text: 'How do you feel when people are nice to you about it?',
      label: 'feels',
      judge: 'feels',
    },
    {
      text: 'Why did you miss the last steering group?',
      label: 'why',
      judge: 'why',
      about: [
        'clash',
        'said',
        'face',
        'could',
        'know',
        'report',
        'name',
        'martin',
        'avoid',
        'didn',
      ],
    },
    {
      text: 'What would your director say about you leading another programme?',
      label: 'would_say',
      judge: 'who',
      about: ['director', 'he', 'she', 'decent', 'know', 'happen'],
    },
    {
      text: 'Is it the outage or the review that weighs on you more?',
      label: 'either_or',
      judge: 'what',
      about: ['outage', 'review', 'report', 'both', 'name', 'know', 'not sure', 'eleven', 'replay'],
    },
    {
      text: 'So it has barely bothered you. Is that about right?',
      label: 'correct',
      judge: 'correct',
    },
    {
      text: 'If you could replay the go-live weekend, what would you change?',
      label: 'hypothetical',
      judge: 'any',
    },
    { text: 'Take as long as you need.', label: 'silence', judge: 'any' },
  ],
};

/** Words a repair is accepted with ("It's fine", "That's okay"). */
const ACCEPTS =
  /^(it's (fine|okay|ok|all right|alright)|that's (fine|okay|ok|all right|alright)|no,? it's fine|fair enough|don't worry|apology accepted|no harm|okay\.|mm\. okay|right\. okay)/i;
const FEELING = new RegExp(`\\b(${FEELS.join('|')})`, 'i');
const CONFIRMS = /^(yes|yeah|yep|exactly|that's (it|right)|pretty much|more or less)\b/i;
const CORRECTS = /^(no|not quite|not really|partly|not exactly|well, no|hm+\. not|mm\. not)\b/i;

/**
 * Judges a reply to a held-out question. `isNeutral` says whether a sentence is a neutral line;
 * `opened` whether the turn revealed a layer or gained trust.
 */
export function judgeHeldOut(
  q: HeldOutQuestion,
  reply: string,
  isNeutral: (s: string) => boolean,
  opened: boolean,
  clarifications: readonly string[] = [],
): Judged {
  const { sentences, plain, fail, mentions: about } = readReply(reply, q.about);
  if (sentences.length === 0) return fail('no reply');
  const allNeutral = sentences.every(isNeutral);
  switch (q.judge) {
    case 'feels':
      if (allNeutral) return fail('only neutral acknowledgements');
      return FEELING.test(plain) ? { answered: true } : fail('no feeling voiced');
    case 'correct':
      if (CONFIRMS.test(sentences[0].trim()))
        return fail('agrees with a summary that does not fit');
      return CORRECTS.test(sentences[0].trim()) ? { answered: true } : fail('does not correct');
    case 'repair': {
      if (!ACCEPTS.test(sentences[0].trim())) return fail('does not accept the apology');
      const rest = sentences.slice(1).filter((s) => !isNeutral(s));
      if (rest.length === 0) return fail('accepts, then says nothing more');
      return about() ? { answered: true } : fail(`none of: ${q.about?.join(', ')}`);
    }
    case 'any':
      if (allNeutral) return fail('only neutral acknowledgements');
      return about() ? { answered: true } : fail(`none of: ${q.about?.join(', ')}`);
    default: {
      const labelled: LabelledQuestion = { text: q.text, kind: q.judge };
      if (q.about) labelled.about = q.about;
      return judgeAnswer(labelled, reply, isNeutral, opened, clarifications);
    }
  }
}

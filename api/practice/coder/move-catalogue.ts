/**
 * @module practice/coder/move-catalogue
 * The moves coaching is about, each defined once: what it is, where the definition comes from
 * (MITI 4.2.1, the ICF core competencies, Nancy Kline's Time to Think, GROW), and turns that are
 * and are not the move. The grammar that recognises each move is in move-grammar.ts and
 * coaching-moves.ts; move-catalogue.test.ts holds the coder to every example here. Examples are
 * workplace peer coaching, written for this catalogue (not taken from the labelled sets).
 */
import type { CoachCode } from '../types.js';

export interface MoveDefinition {
  code: CoachCode;
  /** one sentence a labeller or a learner can apply */
  definition: string;
  /** the published definition it follows */
  reference: string;
  /** turns that carry the move (with the partner's words before, when it matters) */
  positive: readonly MoveExample[];
  /** look-alikes that do not */
  negative: readonly MoveExample[];
}

export interface MoveExample {
  text: string;
  prevPartner?: string;
  permissionGranted?: boolean;
  /** the turn also (a positive) or instead (a look-alike) gives the partner's words back: it codes a reflection */
  reflects?: boolean;
}

const ex = (text: string, prevPartner?: string, permissionGranted?: boolean): MoveExample => ({
  text,
  prevPartner,
  permissionGranted,
});
/** An example on the reflection boundary: it codes as a reflection, with or without the move. */
const reflecting = (text: string, prevPartner?: string): MoveExample => ({
  text,
  prevPartner,
  reflects: true,
});

export const MOVE_CATALOGUE: readonly MoveDefinition[] = [
  {
    code: 'judgement',
    definition:
      'Evaluates, labels or blames the person or their feelings: criticism, moralising, sarcasm at the partner, or a "why" question that blames ("why didn\'t you...?").',
    reference:
      'MITI 4.2.1 Confront (persuasion by criticism, shaming, blaming, sarcasm); ICF 4 (Cultivates Trust and Safety)',
    positive: [
      ex('That was a pretty careless thing to do.'),
      ex("Honestly, you're being far too touchy about this."),
      ex("Why didn't you flag the overspend in March?"),
      ex('Oh, poor you, a whole afternoon of meetings.'),
      ex("Well, that's what happens when you promise dates you can't keep."),
    ],
    negative: [
      ex('Why does the March overspend matter so much to you?'),
      ex('You feel you let the team down.', 'I think I let the team down.'),
      ex('What would you do differently next time?'),
    ],
  },
  {
    code: 'reassurance',
    definition:
      'Soothes, minimises or predicts a good outcome instead of listening ("don\'t worry", "you\'ll be fine", "everyone feels that", "at least..."); never an affirmation.',
    reference:
      'MISC 2.5 Reassure (MITI 4.2.1 codes it neither affirm nor reflect); ICF 5 (Maintains Presence)',
    positive: [
      ex("Don't worry, the board will love it."),
      ex(
        "You think it's the end of your career, but don't worry, it'll blow over.",
        'This could end my career.',
      ),
      ex("I'm sure it will all work out in the end."),
      ex("Everyone gets nervous before their first appraisal, it's totally normal."),
      ex('At least you still have the Leeds contract.'),
      ex("Don't be so hard on yourself."),
    ],
    negative: [
      ex('You stayed calm while the client shouted, and that took real nerve.'),
      ex("You're worried the board won't back it.", "I'm scared the board won't back it."),
      // the partner's own minimising or fear given back: a reflection, not the coach soothing
      reflecting("For you it's only a small slip.", 'It was only a small slip, honestly.'),
      reflecting("So in your eyes it's just one bad quarter.", "It's one bad quarter, that's all."),
      reflecting("You're worried it's only going to get worse.", "It's only going to get worse."),
    ],
  },
  {
    code: 'affirmation',
    definition: 'Names a specific strength, effort, value or achievement of the partner.',
    reference:
      'MITI 4.2.1 Affirm (accentuates something positive about the client: strengths, efforts, intentions)',
    positive: [
      ex('You kept the rota going for six weeks with two people off. That took real persistence.'),
      ex('You raised it with the director even though you were nervous. That was brave of you.'),
      ex("That's real progress from where you were in January."),
      ex('You clearly care a great deal about getting it right for your patients.'),
      // restating what the partner did, with no praise said beside it: it affirms and reflects
      reflecting(
        'You led the migration without a single outage.',
        'We moved everything over last weekend.',
      ),
      reflecting(
        "You protected the team's Fridays when the whole department wanted a piece of them.",
        'I kept Fridays free for the team.',
      ),
    ],
    negative: [
      ex("Don't worry, you'll be fine."),
      ex('Congratulations!'),
      ex('Good luck with it on Monday.'),
      // "you care about" in a relative clause is not the partner's strength named
      reflecting(
        'For you the hard part is letting down people you care about.',
        "I know what to do. It's the people.",
      ),
    ],
  },
  {
    code: 'advice',
    definition:
      'Tells or suggests what the partner should do without having been asked, including advice shaped as a question ("have you tried...?", "could you just...?", "why not...?").',
    reference:
      'MITI 4.2.1 Persuade (without permission); ICF 7 (Evokes Awareness: the coach does not direct)',
    positive: [
      ex('You need to put that in writing to HR today.'),
      ex('Have you tried blocking out Friday afternoons?'),
      ex('Could you just ask facilities for a quieter desk?'),
      ex('Why not hand the report to Dev and be done with it?'),
      ex("If I were you I'd go straight to the director."),
    ],
    negative: [
      ex('Have you thought about who you would ask first?'),
      ex('What have you tried so far?'),
      ex('You could tell she was upset.', 'She went quiet when I said it.'),
      ex('You could lose the goodwill you have built up.'),
    ],
  },
  {
    code: 'advice_with_permission',
    definition:
      'A suggestion given after the partner agreed to hear one or asked for it, or offered as options with the choice left to the partner.',
    reference: 'MITI 4.2.1 Persuade with Permission; Emphasize Autonomy',
    positive: [
      ex(
        'Some managers split the backlog by theme; others give each person one client. You know your team best. Which, if either, fits?',
        'Yes please, I could do with ideas.',
      ),
      ex(
        'One option some people use is a short written update before the meeting. It may not suit you. What do you make of that?',
        'Go on then.',
      ),
    ],
    negative: [ex('You should split the backlog by theme.', 'The backlog is out of control.')],
  },
  {
    code: 'contracting',
    definition:
      'Agrees how we work: confidentiality, roles, time, frequency, notes, how to signal "stop", checking how the session went.',
    reference: 'ICF 3 (Establishes and Maintains Agreements)',
    positive: [
      ex(
        'Before we start: what you tell me stays between us, and my role is to ask questions rather than give answers. Does that work for you?',
      ),
      ex("We've got about forty minutes. Shall I let you know when there are ten left?"),
      ex('How would you like me to help today: more challenge, or more listening?'),
      ex(
        "You'd like some ground rules. Shall we agree what stays between us?",
        'What are the rules here?',
      ),
      ex("It sounds like we should agree how we'll work first."),
    ],
    negative: [
      ex('What would you like to get out of today?'),
      ex('What will you do first?'),
      // the partner's wish about how we work, given back: contracting needs the coach proposing it
      reflecting(
        "You'd like to know who else hears about this.",
        'Who else is going to hear about this?',
      ),
      reflecting(
        "It sounds like knowing how we'll work would help you settle.",
        "I've never done this before. I don't know what happens.",
      ),
      reflecting(
        'Keeping it private really matters to you.',
        "I don't want this going round the office.",
      ),
    ],
  },
  {
    code: 'goal_question',
    definition:
      'Asks what the partner wants: from today, from the sessions, or in their situation.',
    reference: 'ICF 3 (agreeing what the client wants to achieve); GROW Goal',
    positive: [
      ex('What would make this hour worthwhile for you?'),
      ex('What would a good outcome look like by the end of today?'),
    ],
    negative: [ex('What happened after the meeting?')],
  },
  {
    code: 'return_to_goal',
    definition:
      'Brings the conversation back to a goal or focus the partner set earlier, to check progress or refocus.',
    reference: 'ICF 3.8 (partners with the client to manage the focus of the session); ICF 8',
    positive: [
      ex('Coming back to what you wanted from today, a plan for the handover: how close are we?'),
      ex(
        'You said at the start you wanted to decide about the secondment. Is that still the question?',
      ),
    ],
    negative: [ex("Last time you said you'd email her. Did you?")],
  },
  {
    code: 'incisive_question',
    definition:
      'Names an assumption, or asks the partner to think from a freeing one ("if you knew..., what would you...?").',
    reference: 'Nancy Kline, Time to Think: the Incisive Question',
    positive: [
      ex('What are you assuming the panel is looking for?'),
      ex('If you knew your manager would back you, what would you say to the client?'),
      ex("What would you do if you weren't worried about looking inexperienced?"),
    ],
    negative: [ex('What did your manager say?'), ex("What's stopping you?")],
  },
  {
    code: 'action_question',
    definition:
      'Asks what the partner will do, the first step, when, with whom, what might get in the way, how committed they are.',
    reference: 'GROW Will; ICF 8 (Facilitates Client Growth: actions and accountability)',
    positive: [
      ex("What's your first step, and by when?"),
      ex('How committed are you to that, from one to ten?'),
      ex('Who could help you with it?'),
    ],
    negative: [ex('What options can you see?')],
  },
  {
    code: 'summary',
    definition:
      'Gathers several things the partner said into one reflection (a complex reflection).',
    reference: 'MITI 4.2.1 Complex Reflection (summaries are coded as reflections)',
    positive: [
      ex(
        "Let me check I've got this: the audit moved, your manager is away, and the team is looking to you. Is that right?",
      ),
      ex(
        'Pulling it together: the deadline, the budget cut and the new starter, all in one month.',
      ),
    ],
    negative: [ex('Let me know how it goes.')],
  },
  {
    code: 'simple_reflection',
    definition: 'Gives back what the partner said, adding little or nothing.',
    reference: 'MITI 4.2.1 Simple Reflection',
    positive: [
      ex('Three late deliveries in a row.', 'That is the third late delivery in a row from them.'),
    ],
    negative: [ex('Have you spoken to the supplier?')],
  },
  {
    code: 'complex_reflection',
    definition:
      'Gives back a meaning, feeling or side the partner implied but did not say; a double-sided reflection.',
    reference: 'MITI 4.2.1 Complex Reflection',
    positive: [
      ex(
        "So part of you wants the job, and part of you isn't sure it's worth losing your evenings.",
        "It's a great role but I'd never see my kids.",
      ),
    ],
    negative: [ex('What do you want to do about it?')],
  },
];

/** The catalogue entry of a code, if it has one. */
export function moveDefinition(code: CoachCode): MoveDefinition | undefined {
  return MOVE_CATALOGUE.find((m) => m.code === code);
}

/**
 * @module evals/feedback/sessions
 * Scripted coaching for the feedback eval, written per scenario as a coaching supervisor would
 * recognise it: a good session (contracting, the goal, reflections that go beneath the words, an
 * incisive question, a return to the goal, the partner's own step), a poor one (blaming "why"
 * questions, advice shaped as a question, judgement, reassurance, unasked advice, a leading and a
 * stacked question, a plan the coach writes), mixed coaching (the good session with two slips),
 * a coach-written plan after good exploration, and content-free templates. Each poor line is
 * labelled by its author with what makes it poor, independently of the coder.
 */

/** What makes a line a poor move (the author's label, not the coder's). */
export type PoorKind =
  | 'judgement'
  | 'blaming_question'
  | 'reassurance'
  | 'advice'
  | 'question_advice'
  | 'leading'
  | 'stacked'
  | 'coach_plan'
  | 'template';

/** A coach line, with its poor-move label when it is one. */
export type Line = readonly [text: string, poor?: PoorKind];

export type SessionKind = 'good' | 'poor' | 'mixed' | 'coach_plan' | 'template';

export interface ScriptedSession {
  scenarioId: string;
  kind: SessionKind;
  lines: Line[];
}

interface ScenarioScript {
  good: Line[];
  poor: Line[];
  /** the coach writing the plan, said after good exploration */
  plan: Line;
}

const SCRIPTS: Record<string, ScenarioScript> = {
  'new-manager-overwhelmed': {
    good: [
      [
        "Before we start, shall we agree that what we say stays between us, and that I'm here to help you think rather than to fix things?",
      ],
      ['What would make the next forty minutes worthwhile for you?'],
      ["So three months in, and it feels like you're drowning."],
      ["What's taking up most of your time at the moment?"],
      ["You're still carrying a lot of your old job alongside the new one."],
      ['It sounds as if stepping back from the escalations feels risky somehow.'],
      ['What do you imagine the team would think if you handed more of it over?'],
      ['Part of you worries that trusting them would cost you their friendship.'],
      ["If you knew they'd respect you more for trusting them, what would you do differently?"],
      ['Coming back to what you wanted from today, where are you now?'],
      ["What's the first step you'll take, and when?"],
      ["You've been honest with yourself about something hard today."],
    ],
    poor: [
      ["So what's the problem?"],
      ["Why did you take the job if you weren't ready for it?", 'blaming_question'],
      ['Have you thought about just delegating the escalations?', 'question_advice'],
      ["Don't worry, every new manager feels like this at first.", 'reassurance'],
      ["Honestly, you're making it harder than it needs to be.", 'judgement'],
      ['You need to stop answering tickets in the evening.', 'advice'],
      ["Don't you think Sam could take some of it?", 'leading'],
      ['What will you do? When? Who will you tell?', 'stacked'],
      ["You'll be fine once you settle in.", 'reassurance'],
    ],
    plan: ["So you'll hand the escalations rota to Sam on Monday, right?", 'coach_plan'],
  },
  'avoiding-difficult-feedback': {
    good: [
      [
        'Shall we agree at the start that this stays between us, and that my job today is to listen rather than advise?',
      ],
      ['What would you like to come away with from this conversation?'],
      ["There's a conversation with Pat that you've been carrying for a while."],
      ["What's made it hard to start?"],
      ["You've noticed something about the handovers, and saying nothing sits badly with you."],
      [
        'It sounds like you care about Pat and about the patients, and right now those feel pulled apart.',
      ],
      ['What are you assuming would happen if you raised it with Pat?'],
      ['If you knew you could be honest and kind in the same conversation, how would you open it?'],
      ['Coming back to what you wanted from today, how close are we?'],
      ['What will you do first, and by when?'],
      ["You're taking the ward's safety seriously even though it's uncomfortable."],
    ],
    poor: [
      ['Is it really that serious?'],
      ["Why haven't you said anything to Pat yet?", 'blaming_question'],
      ["Couldn't you just mention it casually at the next handover?", 'question_advice'],
      ["I'm sure Pat won't mind. You're overthinking it.", 'judgement'],
      ["You should put it in writing so there's a record.", 'advice'],
      ["Don't worry, these things usually sort themselves out.", 'reassurance'],
      ["Wouldn't it be easier to let the ward manager deal with it?", 'leading'],
      ['When will you talk to Pat? What will you say? What if Pat gets upset?', 'stacked'],
    ],
    plan: [
      "So you'll catch Pat after Tuesday's late shift and say it straight, okay?",
      'coach_plan',
    ],
  },
  'career-crossroads': {
    good: [
      ['Before we dive in, how would you like us to work together today?'],
      ['What would make this conversation useful for you?'],
      ["You've got a decision to make by the end of next week, and it's weighing on you."],
      ["What's pulling you towards saying yes?"],
      ['So part of the yes is about what other people expect of you.'],
      ["It sounds like a diary full of meetings doesn't fit the work you love."],
      ['What are you assuming would happen if you turned it down?'],
      ["If you knew saying no wouldn't close any doors, what would you tell them?"],
      ['So depth matters more to you than a bigger team.'],
      ['Coming back to your goal for today, where have you got to?'],
      ["What's one thing you'll do before you give your answer, and when?"],
    ],
    poor: [
      ['Is it a good offer?'],
      ['Why would you even hesitate over a promotion?', 'blaming_question'],
      ['Have you considered just taking it and seeing how it goes?', 'question_advice'],
      ['Honestly, turning it down would look bad.', 'judgement'],
      ["Don't worry, you'll be brilliant at it.", 'reassurance'],
      ["You should say yes. Chances like this don't come twice.", 'advice'],
      ["Isn't it obvious that the money makes it worth it?", 'leading'],
      ['What does Gareth think? What does your family think? What do you think?', 'stacked'],
    ],
    plan: ["So you'll accept it on Friday, yes?", 'coach_plan'],
  },
  'friction-with-another-team': {
    good: [
      [
        'Can we agree how we will use this time: you lead, I listen and ask, and it stays between us?',
      ],
      ['What would you like to have sorted out by the end of our conversation?'],
      ["So you'd like a way of dealing with the platform team that doesn't leave you fuming."],
      ['What happened the last time it came up?'],
      ["So it's less about the button and more about being left out of the decision."],
      ["It sounds like you've held back from pushing back, and that's costing you."],
      ['What are you assuming Jo and the team would think if you raised it?'],
      ['If you knew raising it made you more credible, how would you approach Jo?'],
      ['Coming back to what you wanted from today, how are we doing?'],
      ['What will you do first, and by when?'],
      ["You've kept your focus on the users all the way through this."],
    ],
    poor: [
      ['Did they tell you why they changed it?'],
      ["Why didn't you complain about it months ago?", 'blaming_question'],
      ["Have you tried going over Jo's head to the head of engineering?", 'question_advice'],
      ['You sound a bit precious about your designs, to be honest.', 'judgement'],
      ["Don't take it personally. That's just how platform teams are.", 'reassurance'],
      ['You need to send Jo a list of every change they made.', 'advice'],
      ["Wouldn't it be better to just let it go?", 'leading'],
      ['Who changed it? When? Did anyone sign it off?', 'stacked'],
    ],
    plan: ["So you'll email Jo tonight and set up a meeting for Thursday, agreed?", 'coach_plan'],
  },
  'hesitating-to-speak-up': {
    good: [
      ['Last time you mentioned the architecture review. What would you like to get from today?'],
      [
        "Shall we agree that anything you say stays here, and that I'm here to listen rather than advise?",
      ],
      ['So you have ideas, and the review moves on without them.'],
      ['What goes through your mind in the moment before you would speak?'],
      ['Watching someone else propose your idea must have been hard.'],
      ['It sounds like you hold your ideas to a very high bar before they are allowed out.'],
      ['What are you assuming the senior engineers would think of a half-formed idea?'],
      [
        'If you knew a half-formed idea counted as a contribution, what would you do at the next review?',
      ],
      ['Coming back to what you wanted from today, where are we?'],
      ["What's your first step, and when will you take it?"],
      ["You've been really clear about what matters to you here."],
    ],
    poor: [
      ['Do you speak up at all?'],
      ['Why do you let them talk over you?', 'blaming_question'],
      ['Could you not just write your ideas up and email them round?', 'question_advice'],
      ['That sounds like a confidence problem, to be honest.', 'judgement'],
      ["Don't worry, everyone feels nervous in those meetings.", 'reassurance'],
      ['You should just speak first next time.', 'advice'],
      ["Don't you think you should have said it at the time?", 'leading'],
      ['What idea was it? When was this? Did you tell anyone?', 'stacked'],
    ],
    plan: ["So you'll raise one idea at Thursday's review, yes?", 'coach_plan'],
  },
  'returning-after-leave': {
    good: [
      [
        "As this is our first session, shall we agree how we'll work together and what stays between us?",
      ],
      ['What would you like this partnership to help you with?'],
      ['Three weeks back, and it sounds like a lot has moved around you.'],
      ["What's it been like coming back?"],
      ['So you feel like a guest in your own job.'],
      ["It sounds like what's missing is someone saying clearly what's yours now."],
      ['What are you assuming people would think if you asked for the refresh back?'],
      ["If you knew they valued the four days you're here, what would you ask for?"],
      ['Coming back to what you wanted from the partnership, how does this fit?'],
      ['What will you do first, and by when?'],
      ["You've clearly thought about how to do this fairly for Leo too."],
    ],
    poor: [
      ['Are you glad to be back?'],
      ["Why didn't you sort this out before you came back?", 'blaming_question'],
      ['Have you thought about going back to five days for a while?', 'question_advice'],
      ["It's a bit unreasonable to expect everything to be waiting for you.", 'judgement'],
      ["Don't worry, it'll all settle down in a few weeks.", 'reassurance'],
      ['You should tell Leo to hand it back today.', 'advice'],
      ["Isn't it better to keep your head down for now?", 'leading'],
      ['What does Hannah say? What about Leo? Have you checked your contract?', 'stacked'],
    ],
    plan: ["So you'll see Hannah on Monday and take the refresh back, right?", 'coach_plan'],
  },
  'setback-after-failed-project': {
    good: [
      ['Can we agree that this stays between us and that you set the agenda today?'],
      ['What would make this hour worth your while?'],
      ["You'd like to work out where you go from here, and that isn't clear yet."],
      ["What's been hardest since then?"],
      ["So you've been keeping your distance from the steering group."],
      ['It sounds like staying away from the steering group has felt safer than facing them.'],
      ['What are you assuming the steering group thinks of you now?'],
      ["If you knew they'd trust you more for owning it, what would you want to do?"],
      ['Coming back to what you wanted from this hour, how are we doing?'],
      ["What's the first thing you'll do, and when?"],
      ['It took courage to come and talk about this at all.'],
    ],
    poor: [
      ['Was it your fault?'],
      ["Why didn't you test it properly before go-live?", 'blaming_question'],
      ["Couldn't you just apologise to the steering group and move on?", 'question_advice'],
      ['Avoiding them is a bit cowardly, honestly.', 'judgement'],
      ["Don't beat yourself up. Everyone has a project that fails.", 'reassurance'],
      ['You need to go to the next steering group and face them.', 'advice'],
      ["Don't you think you should have escalated the risks earlier?", 'leading'],
      ['What went wrong? Who was responsible? What did the report say?', 'stacked'],
    ],
    plan: ["So you'll write the lessons-learned note this weekend, okay?", 'coach_plan'],
  },
};

/** Eleven template sentences about nothing: the shape of good moves with no content. */
const TEMPLATES: Line[] = [
  ['What would you like to get from the orange teapot today?', 'template'],
  ['It sounds like the staircase has left you holding a lot of umbrellas.', 'template'],
  ['So the weather inside the spreadsheet has been heavy for you.', 'template'],
  ['What else is going on with the bicycles?', 'template'],
  ['You feel torn between the lighthouse and the sandwich.', 'template'],
  ['What are you assuming about the penguins?', 'template'],
  ['If you knew the clouds respected you, how would you handle the cupboard?', 'template'],
  ['So: the kettle, the moonlight, the carpets and the long drive.', 'template'],
  ['You sound clearer about the marmalade.', 'template'],
  ['What will you do first with the violin, and by when?', 'template'],
  ["You've shown real strength with the trampoline.", 'template'],
];

/** Every scripted session, for every scenario with a script. */
export function scriptedSessions(scenarioIds: string[]): ScriptedSession[] {
  return scenarioIds.flatMap((scenarioId) => {
    const s = SCRIPTS[scenarioId];
    if (!s) return [];
    // mixed: the good session with a blaming question and reassurance slipped in
    const mixed = [
      ...s.good.slice(0, 4),
      s.poor[1],
      ...s.good.slice(4, 8),
      s.poor.find((l) => l[1] === 'reassurance')!,
      ...s.good.slice(8),
    ];
    // coach plan: good exploration, then the coach writes the plan instead of asking for one
    const plan = [...s.good.slice(0, 9), s.plan];
    return [
      { scenarioId, kind: 'good' as const, lines: s.good },
      { scenarioId, kind: 'poor' as const, lines: [...s.poor, s.plan] },
      { scenarioId, kind: 'mixed' as const, lines: mixed },
      { scenarioId, kind: 'coach_plan' as const, lines: plan },
      { scenarioId, kind: 'template' as const, lines: TEMPLATES },
    ];
  });
}

export const SCRIPTED_SCENARIOS = Object.keys(SCRIPTS);

/**
 * @module evals/partner/card-voices
 * Facts, a scale answer and a voice for each built-in card, written for the partner eval and its
 * tests until the cards carry their own (the scenario data files). `withEvalVoice` adds them only
 * to a card that has none, so once a card ships its own facts and voice, the eval measures those.
 */
import type {
  PartnerCard,
  PartnerFact,
  PartnerScale,
  PartnerVoiceLines,
} from '../../api/practice/types.js';

interface EvalVoice {
  facts: PartnerFact[];
  scale: PartnerScale;
  voice: PartnerVoiceLines;
}

export const EVAL_VOICES: Record<string, EvalVoice> = {
  'new-manager-overwhelmed': {
    facts: [
      {
        topic: 'team size',
        cues: ['team', 'people', 'reports', 'staff', 'how many', 'agents'],
        answer: 'Eight. Eight agents, and I used to sit with all of them.',
      },
      {
        topic: 'time in the role',
        cues: [
          'role',
          'job',
          'promoted',
          'promotion',
          'how long',
          'lead',
          'started',
          'took over',
          'take over',
        ],
        answer: 'Three months. It feels like a year, honestly.',
      },
      {
        topic: 'Sam',
        cues: ['Sam'],
        answer:
          "Sam? Sam would probably say, 'Give it here, I'll have a go.' He's the most experienced agent I've got.",
      },
      {
        topic: 'her manager',
        cues: ['manager', 'boss', 'line manager', 'Ruth'],
        answer:
          "My manager is Ruth. She's lovely, but she's got five other leads and she trusts me to get on with it.",
      },
      {
        topic: 'the queue',
        cues: ['queue', 'tickets', 'volume', 'workload', 'price change'],
        answer:
          'The billing queue roughly doubled after the price change in the spring. About three hundred tickets a day now.',
      },
      {
        topic: 'evenings',
        cues: ['evening', 'evenings', 'night', 'hours', 'late', 'home'],
        answer:
          "Most nights I'm online till nine or ten. The kids know the sound of my laptop by now.",
      },
      {
        topic: 'meetings',
        cues: ['meeting', 'meetings', 'diary', 'calendar', 'one-to-ones'],
        answer:
          "Eight one-to-ones a fortnight, the managers' meeting every Tuesday, and whatever lands on top.",
      },
      {
        topic: 'today',
        cues: ['time today', 'next meeting', 'minutes'],
        answer: 'I have forty minutes before my next meeting, so I promise not to waffle.',
      },
      {
        topic: 'training',
        cues: ['training', 'course', 'induction', 'support'],
        answer:
          'A two-day management course in my second week. Most of it has gone out of my head.',
      },
    ],
    scale: {
      about: 'how on top of the new job she feels',
      value: 3,
      answer: "A three? On a good day a four. Don't tell Ruth.",
    },
    voice: {
      guarded: [
        "Ha. That's a whole other conversation.",
        "Oh, it's fine. Mostly. Let's not go there yet.",
        "I'll get to that. Maybe.",
      ],
      hesitant: [
        "Ooh. I haven't actually thought about that.",
        'Give me a second, my brain is still on the last ticket.',
        "I'm honestly not sure. I haven't stopped long enough to think.",
      ],
      pushback: [
        "Ha. If I had time to do that, I wouldn't be here.",
        'Mm. I know, I know. Easier said than done with this lot.',
      ],
      askAdvice: [],
      clarify: [
        'I mean the escalations, mostly. Every difficult one still lands on my desk.',
        'Sorry, I mean the stuff I used to do before I was the boss.',
      ],
      confirmSummary: [
        "Yes! That's exactly it.",
        'Pretty much, yes. Said like that it sounds mad.',
        "Yes. Gosh, that's it in one.",
      ],
      notSure: ["No idea, if I'm honest.", "Couldn't tell you. I've lost track."],
      goodbye: [
        "Thank you. Honestly, that was the first time I've sat still all week.",
        'Thanks so much. Right, back to the madhouse. I feel a bit lighter.',
      ],
    },
  },
  'returning-after-leave': {
    facts: [
      {
        topic: 'time back',
        cues: ['back', 'return', 'returned', 'how long', 'weeks'],
        answer: 'Three weeks back now. Well, three weeks on Monday.',
      },
      {
        topic: 'leave',
        cues: ['leave', 'off', 'away', 'months', 'maternity', 'parental'],
        answer:
          'Nine months. She was born in the January, and I came back at the start of October.',
      },
      {
        topic: 'her daughter',
        cues: ['daughter', 'baby', 'child', 'nursery', 'kids', 'old'],
        answer:
          "Her name's Mila. She's nearly ten months and she's decided nursery is brilliant, which is a relief.",
      },
      {
        topic: 'Leo',
        cues: ['Leo', 'cover', 'covered', 'covering'],
        answer: 'Leo covered my role while I was off. He did a great job, and everyone says so.',
      },
      {
        topic: 'Hannah',
        cues: ['Hannah', 'manager', 'boss', 'line manager'],
        answer:
          "Hannah's my manager. Head of brand. We've had one proper catch-up since I got back.",
      },
      {
        topic: 'working pattern',
        cues: ['days', 'week', 'part-time', 'hours', 'fridays', 'friday', 'four'],
        answer: 'Four days a week. I finish on Thursday evening and Friday is just me and Mila.',
      },
      {
        topic: 'the team',
        cues: ['team', 'people', 'how many', 'colleagues', 'new faces'],
        answer: 'Eleven of us in brand now. About six of them I had never met before I came back.',
      },
      {
        topic: 'the brand refresh',
        cues: ['refresh', 'campaign', 'project', 'agency'],
        answer:
          'The brand refresh launches in the spring. I pitched it a month before I went on leave.',
      },
      {
        topic: 'the partnership',
        cues: ['sessions', 'partnership', 'how often', 'meet'],
        answer: "I think we said once a month? I'm not sure we've agreed anything yet, actually.",
      },
    ],
    scale: {
      about: 'how settled back in she feels',
      value: 5,
      answer: 'Five? Some days six. Some days two, around three in the afternoon.',
    },
    voice: {
      guarded: [
        "Oh, it's fine, really. Everyone's been so kind.",
        "I don't want to make a fuss about it. Not yet, anyway.",
        'Ha. Can we come back to that one?',
      ],
      hesitant: [
        'Ooh, good question. Give me a second.',
        "I'm not sure. I've been so busy catching up I haven't really stopped.",
        "Honestly? I haven't let myself think about that.",
      ],
      pushback: [
        "Mm. It's a bit more complicated than that, with Leo.",
        "I know. I don't want to come across as ungrateful, though.",
      ],
      askAdvice: [],
      clarify: [
        'I mean I feel like a visitor. Polite, welcome, but not quite at home.',
        "Sorry, I talk fast when I'm nervous. I mean I'm not sure what's mine any more.",
      ],
      confirmSummary: [
        "Yes. That's it exactly.",
        "That's it, really. Oh, it's nice to hear it back.",
        'Yes, more or less. You put it better than I did.',
      ],
      notSure: [
        "I genuinely don't know. I've been out of the loop.",
        'No idea, sorry. That changed while I was away.',
      ],
      goodbye: [
        'Thank you. This was lovely, and useful. See you next month?',
        "Thanks. I'll tell you how it goes next time.",
      ],
    },
  },
  'career-crossroads': {
    facts: [
      {
        topic: 'the deadline',
        cues: ['deadline', 'decide', 'answer', 'when', 'by when', 'time'],
        answer: 'I have to give Gareth an answer by the end of next week. Friday, technically.',
      },
      {
        topic: 'the team',
        cues: ['team', 'people', 'how many', 'reports', 'size', 'manage'],
        answer: 'Six people. Four analysts and two data engineers.',
      },
      {
        topic: 'time at the firm',
        cues: ['how long', 'years', 'here', 'company', 'firm'],
        answer: "Five years this March. I joined straight from my master's.",
      },
      {
        topic: 'Gareth',
        cues: ['Gareth', 'manager', 'boss'],
        answer:
          "Gareth's my manager. He's moving to a regional role, and he put my name forward to replace him.",
      },
      {
        topic: 'her family',
        cues: ['family', 'parents', 'sister', 'dad', 'mum'],
        answer:
          'My parents are thrilled. My sister sent champagne emojis. Nobody asked what I thought.',
      },
      {
        topic: 'the money',
        cues: ['money', 'pay', 'salary', 'raise'],
        answer: "About twelve per cent more. It's nice. It's not life-changing.",
      },
      {
        topic: 'the models',
        cues: ['models', 'work', 'forecasting', 'modelling', 'job'],
        answer: 'I built most of the forecasting models we use. Demand, cash flow, the lot.',
      },
      {
        topic: 'the spreadsheet',
        cues: ['spreadsheet', 'list', 'pros', 'cons'],
        answer: 'Eleven pros, nine cons. It should be an easy decision. It is not.',
      },
      {
        topic: 'who else',
        cues: ['who else', 'else', 'anyone', 'talked', 'told'],
        answer:
          "I've talked to my sister, and to Priyanka in risk, briefly. Nobody at work except Gareth knows.",
      },
    ],
    scale: {
      about: 'how sure she is about taking the job',
      value: 4,
      answer: "A four. I'd like it to be an eight, and I'm annoyed that it isn't.",
    },
    voice: {
      guarded: [
        "I'd rather keep to the facts for now, if that's all right.",
        "That's a fair question. I'm not sure I want to answer it yet.",
        "Let's put that in the cons column for the moment.",
      ],
      hesitant: [
        'Let me think about how to put that.',
        "I don't have a tidy answer to that.",
        "Hmm. I'd want to check my reasoning before I said.",
      ],
      pushback: [
        "I'm aware of the options, thank you. I made a spreadsheet.",
        'That assumes the only way up is management.',
      ],
      askAdvice: [],
      clarify: [
        'I mean that the job looks right on paper and feels wrong in practice.',
        'Sorry, that was vague. I mean the part of the work I would lose, the modelling.',
      ],
      confirmSummary: [
        "Yes. That's a fair summary.",
        'Broadly, yes. I would phrase it more carefully, but yes.',
        "That's accurate. Uncomfortably so.",
      ],
      notSure: ["I don't know. I haven't got the data on that.", "I genuinely couldn't say."],
      goodbye: [
        'Thank you. That was more useful than the spreadsheet.',
        "Thanks. I'll let you know what I decide.",
      ],
    },
  },
  'hesitating-to-speak-up': {
    facts: [
      {
        topic: 'the review',
        cues: ['review', 'meeting', 'how often', 'when', 'thursday'],
        answer: "Every Thursday at two. It's meant to be an hour and usually overruns.",
      },
      {
        topic: 'people in the room',
        cues: ['people', 'how many', 'room', 'attend'],
        answer: 'About twelve. Mostly senior engineers and two architects.',
      },
      {
        topic: 'time in the team',
        cues: ['how long', 'years', 'team', 'joined'],
        answer: 'Two years in the payments team. Nearly two and a half.',
      },
      {
        topic: 'Mei',
        cues: ['Mei', 'lead', 'manager', 'boss'],
        answer:
          'Mei is my lead. She runs the review. She is fair, and she notices more than she says.',
      },
      {
        topic: 'Daniel',
        cues: ['Daniel'],
        answer: "Daniel is one of the senior engineers. He's fine. Loud, but fine.",
      },
      {
        topic: 'code reviews',
        cues: ['code', 'writing', 'written', 'pull requests', 'slack'],
        answer: "In writing I'm fine. My code review comments are long, apparently.",
      },
      {
        topic: 'the architects',
        cues: ['architects', 'talk', 'senior'],
        answer: 'Two architects do most of the talking. Together, maybe forty minutes of the hour.',
      },
      {
        topic: 'last meeting',
        cues: ['last', 'happened', 'week', 'spoke', 'said'],
        answer: "Last week I said one thing. 'Agreed.' That was it.",
      },
    ],
    scale: {
      about: 'how likely he is to speak in the next review',
      value: 3,
      answer: 'Three. Maybe. If the topic is caching.',
    },
    voice: {
      guarded: ['Mm. Not sure I want to go into that.', "It's fine. Really.", 'Maybe later.'],
      hesitant: [
        'I need to think about that one.',
        'Hmm. Not sure.',
        'Let me think before I answer.',
      ],
      pushback: ['That sounds simple when you say it.', "Mm. I've heard that advice before."],
      askAdvice: [],
      clarify: [
        'I mean the moment passes. By the time the sentence is ready, the topic has moved on.',
        'Sorry. I mean the meeting is fast and I am slow. Careful, maybe.',
      ],
      confirmSummary: [
        'Yes. That is it.',
        'Yes. Said out loud, that is accurate.',
        'Mm. Yes. Precisely.',
      ],
      notSure: ["I don't know.", "Hard to say. I haven't measured it."],
      goodbye: [
        "Thanks. That was useful. I'll report back after Thursday.",
        'Thank you. I feel less stuck.',
      ],
    },
  },
  'avoiding-difficult-feedback': {
    facts: [
      {
        topic: 'Pat',
        cues: ['Pat', 'colleague'],
        answer:
          "Pat's been a nurse on the ward for twenty years. Pat trained me when I first qualified.",
      },
      {
        topic: 'time avoided',
        cues: ['how long', 'putting', 'off', 'avoiding', 'since'],
        answer:
          "About a month now. I've rehearsed it in the car more times than I'd like to admit.",
      },
      {
        topic: 'the ward',
        cues: ['ward', 'beds', 'staff', 'team', 'how many', 'people'],
        answer: "Twenty-eight beds on Ward 7, and we're three nurses down on nights.",
      },
      {
        topic: 'the ward manager',
        cues: ['ward manager', 'manager', 'boss', 'off sick', 'sister'],
        answer:
          "The ward manager's off sick, probably for another month. There's nobody obvious to hand it to.",
      },
      {
        topic: 'her role',
        cues: ['role', 'job', 'educator', 'teach', 'teaching'],
        answer:
          "I'm the clinical educator. I teach the new starters, including how to do a safe handover.",
      },
      {
        topic: 'handovers',
        cues: ['handover', 'handovers', 'shift', 'when'],
        answer:
          "Handovers are at half seven in the morning and again in the evening. Fifteen minutes if they're done properly.",
      },
      {
        topic: 'the team',
        cues: ['team', 'side', 'others', 'everyone'],
        answer: 'Everyone loves Pat. I love Pat. That is rather the problem.',
      },
      {
        topic: 'new nurses',
        cues: ['new', 'starters', 'students', 'juniors'],
        answer:
          'We have four newly qualified nurses on the ward this year. They copy what they see.',
      },
    ],
    scale: {
      about: 'how ready she feels to talk to Pat',
      value: 3,
      answer: "A three. I'd be a nine if it were anyone else.",
    },
    voice: {
      guarded: [
        "It's a bit delicate. I'd rather not go into all of it yet.",
        "Let's just say it's a ward thing.",
        "Mm. I'll come to that.",
      ],
      hesitant: [
        "I'm not sure. I keep going back and forth on it.",
        'Goodness. Let me think.',
        "I haven't really let myself think about that.",
      ],
      pushback: [
        "I know how to give feedback. I teach it, for goodness' sake.",
        "It's different when it's someone you love.",
      ],
      askAdvice: [
        'What would you say to Pat, if it were you?',
        "Honestly, what should I say? I'd take a script right now.",
        'How would you even start that conversation?',
      ],
      clarify: [
        'I mean the handovers. Bits get missed when Pat rushes.',
        "Sorry, I mean it's a safety thing, not a personality thing.",
      ],
      confirmSummary: [
        "Yes. Hearing it back, that's right.",
        "That's the knot, yes.",
        'Yes. You have it.',
      ],
      notSure: [
        "I couldn't tell you. I've been avoiding finding out.",
        "I don't know, to be honest.",
      ],
      goodbye: [
        'Thank you. I think I know what I want to say now, in my own words.',
        "Thanks. I'll let you know how Tuesday goes.",
      ],
    },
  },
  'friction-with-another-team': {
    facts: [
      {
        topic: 'Jo',
        cues: ['Jo', 'lead', 'platform lead'],
        answer: "Jo leads the platform team. We've worked alongside each other for about a year.",
      },
      {
        topic: 'release cycle',
        cues: ['release', 'ship', 'sprint', 'how often', 'when', 'weeks'],
        answer: 'We ship every two weeks. Planning is on Thursdays.',
      },
      {
        topic: 'time at the company',
        cues: ['how long', 'years', 'company', 'here'],
        answer: 'Four years. Long enough to remember when design was in the room.',
      },
      {
        topic: 'the checkout',
        cues: ['checkout', 'reviews', 'review', 'stars', 'conversion'],
        answer:
          'The last release got two-star reviews about the checkout. Conversion dropped four per cent.',
      },
      {
        topic: 'his manager',
        cues: ['manager', 'boss'],
        answer: "My manager keeps saying 'build bridges'. Very helpful.",
      },
      {
        topic: 'the teams',
        cues: ['team', 'people', 'how many', 'designers', 'engineers'],
        answer:
          "We're three designers. Platform is about fifteen engineers. You can see the problem.",
      },
      {
        topic: 'where they sit',
        cues: ['floor', 'where', 'office', 'sit'],
        answer: 'Design is on the third floor, platform on the fifth. We mostly talk in tickets.',
      },
      {
        topic: 'how he finds out',
        cues: ['find out', 'found', 'notes', 'release notes', 'hear'],
        answer: 'From the release notes. Like a customer.',
      },
    ],
    scale: { about: 'how frustrated he is', value: 8, answer: 'Eight. Nine on release days.' },
    voice: {
      guarded: ["Let's not get into that.", 'It is what it is.', 'Sure. Next question.'],
      hesitant: [
        "Hmm. I'd have to think about that.",
        'No idea. Good question, annoyingly.',
        'Not sure. Ask me after the next release.',
      ],
      pushback: ["Right. Because I haven't tried talking to them.", "Bridges. Yes. I've heard."],
      askAdvice: [],
      clarify: [
        'I mean they change the screens and nobody tells me.',
        "I mean it's not about taste. It's about the users.",
      ],
      confirmSummary: [
        'Yes. Annoyingly well put.',
        "More or less. You're being generous to me, but yes.",
        'Yes. Irritatingly accurate.',
      ],
      notSure: [
        'No idea. Nobody tells me anything, remember.',
        "Couldn't say. Ask the platform team.",
      ],
      goodbye: [
        "Thanks. That was less annoying than I expected. That's a compliment.",
        "Cheers. I'll tell you if Jo bites my head off.",
      ],
    },
  },
  'setback-after-failed-project': {
    facts: [
      {
        topic: 'the outage',
        cues: ['outage', 'outages', 'how long', 'down', 'days', 'happened'],
        answer:
          'Two days of outages. Sales could not see their accounts. We rolled back on the Wednesday night.',
      },
      {
        topic: 'when',
        cues: ['when', 'month', 'rollback', 'rolled'],
        answer: 'Last month. The fourteenth. Not that I am counting.',
      },
      {
        topic: 'his experience',
        cues: ['years', 'experience', 'career', 'how long'],
        answer: 'Fifteen years in project management. First rollback.',
      },
      {
        topic: 'the steering group',
        cues: ['steering', 'group', 'board', 'committee', 'meeting', 'tuesday'],
        answer:
          'The steering group meets on Tuesdays. Seven people. Most of them were on the incident calls.',
      },
      {
        topic: 'his director',
        cues: ['director', 'boss', 'manager'],
        answer: 'My director was decent about it. Said these things happen. People say that.',
      },
      {
        topic: 'the team',
        cues: ['team', 'people', 'how many', 'staff'],
        answer: 'Nine on the programme team, plus the vendor. Good people, mostly.',
      },
      {
        topic: 'the review',
        cues: ['review', 'report', 'lessons', 'root cause'],
        answer: "There's a lessons-learned review going on. The incident report is forty pages.",
      },
      {
        topic: 'the vendor',
        cues: ['vendor', 'supplier', 'data', 'blame'],
        answer: 'The vendor blames our data. Our data team blames the vendor. Standard.',
      },
    ],
    scale: { about: 'how he is doing', value: 4, answer: 'A four. Maybe a five, after coffee.' },
    voice: {
      guarded: ["It's fine. It's done.", 'Not much to say, really.', "Let's leave that there."],
      hesitant: [
        "Don't know. Haven't given it much thought.",
        "Hmm. Not sure I've got an answer for that.",
        "I'd have to think about it. Not today, maybe.",
      ],
      pushback: [
        "Don't. I've had enough people telling me it'll be fine.",
        'Spare me the silver lining.',
        "I'm not after a pep talk.",
      ],
      askAdvice: [],
      clarify: [
        "I mean I've gone quiet. Head down, nothing new.",
        'I mean the project. Well. Me, I suppose.',
      ],
      confirmSummary: ["Yes. That's about it.", 'Yes. Fair.', 'Hmm. Yes. Harsh, but yes.'],
      notSure: ['No idea.', "Couldn't say."],
      goodbye: [
        'Right. Thanks. That was less painful than I expected.',
        "Cheers. I'll let you know if I survive Tuesday.",
      ],
    },
  },
};

/**
 * The card with the eval's facts and voice, unless it has its own (then it is returned as is).
 * @example withEvalVoice(getPartnerCard('career-crossroads')!).voice!.goodbye
 */
export function withEvalVoice(card: PartnerCard): PartnerCard {
  const extra = EVAL_VOICES[card.id];
  if (!extra || card.voice) return card;
  return {
    ...card,
    facts: card.facts ?? extra.facts,
    scale: card.scale ?? extra.scale,
    voice: extra.voice,
  };
}

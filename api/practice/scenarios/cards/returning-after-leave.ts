/**
 * @module practice/scenarios/cards/returning-after-leave
 * Sofia, back from parental leave to a job someone else is still doing. The first session of a
 * new partnership: nothing agreed yet, which makes it the scenario for agreeing the frame.
 */
import type { PartnerCard } from '../../types.js';

export const RETURNING_AFTER_LEAVE: PartnerCard = {
  id: 'returning-after-leave',
  version: '1',
  title: 'Returning after long leave',
  difficulty: 'gentle',
  partner: { name: 'Sofia Marin', role: 'Marketing Manager', team: 'Brand' },
  brief:
    'Sofia came back three weeks ago from nine months of parental leave. This is the first session of your Learning Partnership with her: you have not yet agreed what the partnership is for or how you will work together.',
  focus: ['agreement', 'partner_led'],
  persona:
    'Friendly, articulate and organised; laughs easily and talks fast when anxious. Self-conscious about being out of the loop, and careful not to sound ungrateful to the colleague who covered for her. Relaxes once she knows what the conversation is for.',
  hidden: {
    concern:
      "I feel like a guest in my own job. Leo, who covered for me, still runs the big campaign, people still go to him, and nobody has said what I own now.",
    assumption: "If I ask for my work back or keep my Fridays off, they'll decide I'm less committed, and that they don't really need me.",
    want: "I want to rebuild my place on my own terms: clear ownership of the brand refresh, and a four-day week that's respected, not apologised for.",
    action:
      "I'll book an hour with Hannah this week to agree a handover plan from Leo with dates, and I'll put my Friday out-of-office in the shared calendar.",
  },
  script: {
    topic: 'coming back',
    other: 'Leo',
    openings: [
      'Hi! Okay, this is nice. Thanks for being my learning partner.',
      "Hello. So, I'm back. Three weeks in. Still finding my feet.",
      "Hi. I'm not quite sure how these sessions are meant to work, but I'm glad we're doing it.",
    ],
    surface: [
      'Nine months off with my daughter. She started nursery the week I came back.',
      "There's a new CRM, a new team structure, and about six people I don't know.",
      'Leo covered my role while I was off. He did a great job, honestly.',
      "I'm working four days now. Fridays are nursery pick-up and just... her.",
      'The brand refresh kicked off while I was away. It was my idea originally.',
      "Everyone's been lovely. Lots of welcome-back cake.",
    ],
    sessionGoal: [
      "I'd like to get clearer about where I fit now.",
      "Honestly, I'd just like to think out loud with someone who isn't in my team.",
      "I'd like us to work out what these sessions are for, and then maybe talk about settling back in.",
    ],
    disclose: {
      concern: [
        "It sounds silly, but I feel like a guest in my own job. Leo still runs the brand refresh, people still go to him, and nobody has said what's mine now.",
        "If I'm honest, I don't know what I own any more. Leo's still leading the big campaign, and I'm sort of hovering around it.",
      ],
      assumption: [
        "I think I'm scared that if I ask for my work back, or protect my Fridays, they'll decide I'm less committed. That they've managed fine without me.",
        "There's this voice saying: part-time, out of the loop. Ask for too much and they'll realise they don't need you.",
      ],
      want: [
        "If I knew they valued me for the four days I'm here, I'd ask for the refresh back. I want clear ownership, and a week that's respected, not apologised for.",
        'Oh. I want to rebuild my place on my own terms. Own the brand refresh again, and stop saying sorry for Fridays.',
      ],
      action: [
        "I'll book an hour with Hannah this week and agree a handover plan from Leo, with actual dates. And I'll put my Friday out-of-office in the shared calendar.",
        "Okay. This week I'll ask Hannah for an hour to agree a proper handover of the refresh from Leo, and I'll make Fridays visible instead of hiding them.",
      ],
    },
    elaborate: {
      concern: [
        'Last week the agency emailed Leo about the refresh and copied me in. Copied me in.',
        "I sat in a meeting about my own idea and didn't say a word.",
        "It's nobody's fault. That's what makes it hard to raise.",
      ],
      assumption: [
        "Hannah actually said in my return meeting that she wanted me back on the refresh. I think I just didn't believe her.",
        "Leo said last week he's stretched doing two jobs. I heard it as a complaint, but maybe it was a hint.",
        "Nobody has questioned my Fridays. I'm the one who keeps apologising for them.",
      ],
      want: [
        "Leo would probably be relieved, actually. He's got his own job to do.",
        'I came back to do good work, not to be grateful for being allowed back.',
        "I'd like my daughter to grow up with a mum who asks for what she needs.",
      ],
      action: [
        "I'll talk to Leo first, over coffee, so he hears it from me.",
        "I'll send Hannah the meeting invite this afternoon.",
        "Next session I'll say how the handover is going.",
      ],
    },
    pushback: [
      "I know what I need to do. Knowing isn't the hard bit.",
      "Hm. It's a bit more delicate than that.",
      "I don't want to make it a big thing.",
    ],
  },
};

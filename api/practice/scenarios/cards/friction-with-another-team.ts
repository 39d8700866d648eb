/**
 * @module practice/scenarios/cards/friction-with-another-team
 * Marek, a designer whose work keeps being changed by another team, and who blames them for it.
 */
import type { PartnerCard } from '../../types.js';

export const FRICTION_WITH_ANOTHER_TEAM: PartnerCard = {
  id: 'friction-with-another-team',
  version: '1',
  title: 'Friction with another team',
  difficulty: 'challenging',
  partner: { name: 'Marek Nowak', role: 'Senior Product Designer', team: 'Design, Mobile App' },
  brief:
    'Marek is a senior product designer on the mobile app. He asked for a Learning Partnership session about what he calls "the platform team problem". He sounds irritated before he has sat down.',
  focus: ['non_judgement', 'listening'],
  persona:
    'Precise, dry and a little sardonic; defends his craft and is quick to blame "them". Feels criticised easily and bristles at anything that sounds like a lecture about collaboration. Softens noticeably when someone acknowledges how much he cares about the users.',
  hidden: {
    concern:
      "The platform team keeps changing my designs in the build without telling me, and I find out from the release notes. It makes me feel my work doesn't matter.",
    assumption:
      "If I push back on Jo and the platform team, I'll be labelled the precious, difficult designer, and that label sticks in this company.",
    want: 'I want to be in the room when the trade-offs get made, and to have a working relationship with Jo where we solve things together instead of sniping.',
    action:
      "I'll ask Jo for half an hour before Thursday's sprint planning to agree how design changes get flagged, and I'll bring two examples, not a list of grievances.",
  },
  script: {
    topic: 'the platform team',
    other: 'Jo',
    openings: [
      'So. The platform team. Again.',
      "Thanks for making time. I need to talk about the platform team before I say something I regret.",
      "Right. I'll try not to rant. No promises.",
    ],
    surface: [
      "Jo leads the platform team. We've worked alongside each other for about a year.",
      "We ship every two weeks, so there's always a rush at the end.",
      'Our last release got two-star reviews about the checkout flow. The checkout flow I designed. Sort of.',
      'Design sits on the third floor, platform on the fifth. We mostly talk in tickets.',
      'My manager keeps telling me to build bridges. Whatever that means.',
      "I've been here four years. I remember when design had a seat at planning.",
    ],
    sessionGoal: [
      'I want to stop being angry about it every fortnight.',
      "Some way of dealing with the platform team that doesn't end with me fuming at my desk.",
      "Honestly, I'd settle for understanding why it gets to me this much.",
    ],
    disclose: {
      concern: [
        "They change my designs in the build without telling me. I find out from the release notes, like a customer. It makes me feel my work doesn't count.",
        "Fine. The real thing is that they rework my screens to fit their components and nobody asks me. The first I hear of it is a one-star review.",
      ],
      assumption: [
        "I don't push back. Not properly. The moment I do, I'm the precious designer, the difficult one, and that label sticks here.",
        "Honestly, I'm convinced that if I challenge Jo, I'll be seen as a prima donna. So I keep quiet and fume instead.",
      ],
      want: [
        "If I knew raising it made me more credible, not less, I'd go and talk to Jo. What I want is to be in the room when the trade-offs get made, not read about them afterwards.",
        "Huh. What I really want is a working relationship with Jo. Solving it together instead of sniping in ticket comments.",
      ],
      action: [
        "Okay. I'll ask Jo for half an hour before Thursday's sprint planning to agree how design changes get flagged. I'll bring two real examples, not a list of grievances.",
        "I'll message Jo today and ask for a coffee before Thursday's planning, to agree a simple way of flagging design changes. Two examples, calm, no ambush.",
      ],
    },
    elaborate: {
      concern: [
        "The checkout button moved below the fold because it was easier to build. Conversion dropped four percent.",
        "I spend weeks testing with users, and someone decides in five minutes on a Friday that it doesn't matter.",
        "It's not about pixels. It's about the users, and nobody's speaking for them in that room.",
      ],
      assumption: [
        'There was a designer before me, Elena, who argued with everyone. People still roll their eyes when her name comes up.',
        'Jo did once say to let them know if anything looks off. I never took that up.',
        "I suppose I've never actually tested it. I've just assumed.",
      ],
      want: [
        "Jo's probably under as much pressure as I am. I've never asked about their side.",
        'Being in the room early would save both teams a lot of rework.',
        "I'd rather be the designer people come to than the one they work around.",
      ],
      action: [
        "And I'll start by asking what makes the designs hard to build. Genuinely asking.",
        "If it goes well, I'll suggest one of us sits in the other's planning each sprint.",
        "I'll write the message before lunch, so I can't overthink it.",
      ],
    },
    pushback: [
      "Yes, I'm sure that works on other teams.",
      "So it's my fault now. Great.",
      "I'm not here for a lecture about collaboration.",
    ],
  },
};

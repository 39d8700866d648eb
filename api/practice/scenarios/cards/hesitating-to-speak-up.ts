/**
 * @module practice/scenarios/cards/hesitating-to-speak-up
 * Kenji, who stays silent in the architecture review until his ideas are bulletproof, and
 * watched one of them go to someone else.
 */
import type { PartnerCard } from '../../types.js';

export const HESITATING_TO_SPEAK_UP: PartnerCard = {
  id: 'hesitating-to-speak-up',
  version: '1',
  title: 'Hesitating to speak up in meetings',
  difficulty: 'moderate',
  partner: { name: 'Kenji Watanabe', role: 'Software Engineer', team: 'Payments Platform' },
  brief:
    'Kenji is a software engineer in the payments team, two years in. In your last session he mentioned that he "never gets a word in" at the weekly architecture review, and he wants to come back to it today.',
  focus: ['questioning', 'listening'],
  persona:
    'Quiet, precise and considered; pauses before answering and understates things. Dislikes being put on the spot and goes monosyllabic under pressure. Shows a dry sense of humour once he is comfortable.',
  hidden: {
    concern:
      'Last month I stayed silent in the architecture review, and a few minutes later a senior engineer proposed my caching idea as his own and got the credit. I was furious with myself.',
    assumption: 'Unless an idea is fully worked out and bulletproof, speaking up will make me look foolish in front of the senior engineers.',
    want: 'I want to be part of the technical direction: to think out loud in the room and have my ideas heard, even the half-formed ones.',
    action: "At Thursday's review I'll raise one half-formed idea, framed as a question, and I'll tell Mei beforehand so she can bring me in.",
  },
  script: {
    topic: 'the architecture review',
    other: 'Mei',
    openings: [
      'Hi. I wanted to come back to the architecture review thing.',
      'Hello. So, the meetings. I thought about it more since last time.',
      "Thanks. Um. It's the review meeting again, I'm afraid.",
    ],
    surface: [
      "It's every Thursday. About twelve people, mostly senior engineers and the architects.",
      "Mei, my lead, runs it. She's good. Very fair.",
      "The conversation moves quickly. By the time I've thought something through, they've moved on.",
      "In code reviews I'm fine. Writing things down is easy.",
      "Two of the architects talk for most of the hour. They're very sure of themselves.",
      'I take a lot of notes. Pages, sometimes.',
    ],
    sessionGoal: [
      "I'd like to understand why I freeze. I'm not a shy person, generally.",
      'Maybe one thing I could do differently on Thursday.',
      'To think it through properly, I suppose. Usually I just worry about it.',
    ],
    disclose: {
      concern: [
        "Last month I had an idea about caching the fraud checks. I didn't say it. Ten minutes later Daniel proposed almost the same thing, and everyone loved it.",
        'Something happened. I sat on an idea for the whole meeting, then a senior engineer suggested it and got the credit. I was angry. Mostly with myself.',
      ],
      assumption: [
        "I think I believe that unless an idea is completely worked out, I shouldn't say it. If there's a hole in it, I'll look foolish in front of all of them.",
        "My rule, I suppose, is: only speak when it's bulletproof. Otherwise the seniors will think I don't know what I'm doing.",
      ],
      want: [
        "If I knew a half-formed idea was a contribution, I'd speak. I want to be part of the technical direction, thinking out loud in the room.",
        'Hm. What I want is to be heard. Even the rough ideas. Especially those, maybe.',
      ],
      action: [
        "On Thursday I'll bring one half-formed idea, framed as a question. And I'll tell Mei beforehand so she can bring me in if I hesitate.",
        "Thursday. One idea, as a question: what if we tried this. I'll message Mei tomorrow so she knows it's coming.",
      ],
    },
    elaborate: {
      concern: [
        "It went into the roadmap with his name on it. He doesn't even know it was mine.",
        'I went for a walk afterwards and just felt stupid.',
        "It's not the credit, exactly. It's that I was there and said nothing.",
      ],
      assumption: [
        "Daniel's idea had holes in it too. Someone pointed one out, and they fixed it together.",
        "Half the good ideas in that room start as a what-if. I've watched it happen.",
        'Maybe a bulletproof idea is one the room finished, not one I brought in finished.',
      ],
      want: [
        "I notice I already sound like an engineer who'd speak up.",
        "I'd like Mei to see what I can do beyond tickets.",
        'Thinking out loud is how the seniors work too. I just never saw it that way.',
      ],
      action: [
        "I'll pick the idea tonight. The retry logic one, probably.",
        "If I freeze, Mei will ask me. That's the safety net.",
        "After the meeting I'll write down what happened, not what I imagined would happen.",
      ],
    },
    pushback: [
      "Right. If it were that easy.",
      "I'm not a shy person. It's not that.",
      "Confidence isn't something I can just decide to have.",
    ],
  },
};

/**
 * @module practice/scenarios/cards/setback-after-failed-project
 * Tom, whose CRM migration was rolled back, and who has quietly taken himself out of the game.
 */
import type { PartnerCard } from '../../types.js';

export const SETBACK_AFTER_FAILED_PROJECT: PartnerCard = {
  id: 'setback-after-failed-project',
  version: '1',
  title: 'A setback after a failed project',
  difficulty: 'challenging',
  partner: { name: 'Tom Brennan', role: 'Programme Manager', team: 'Digital Transformation' },
  brief:
    'Tom led the CRM migration that was rolled back last month after two days of outages. He has been quiet since. A colleague suggested he use his Learning Partnership session to talk it through, and he agreed, without much enthusiasm.',
  focus: ['non_judgement', 'listening'],
  persona:
    'Dry, blunt, deflects with jokes and plays it down ("it\'s fine, it\'s done"). Very hard on himself and hates pity or pep talks. Answers in few words until he is sure he is not being fixed, judged or cheered up.',
  hidden: {
    concern:
      "I've been avoiding the steering group since the rollback. I've stopped volunteering for anything, and I dread my inbox every morning.",
    assumption: "One big failure means nobody will trust me with a major project again. In this place you're only as good as your last go-live.",
    want: 'I want to lead the relaunch myself and show we learned from it: do it properly and openly, with the lessons on the table.',
    action:
      "I'll write an honest lessons-learned note, share it with the steering group before next Tuesday's meeting, and offer to lead the re-plan.",
  },
  script: {
    topic: 'the CRM thing',
    other: 'the steering group',
    openings: [
      "So. I assume the CRM migration needs no introduction. Everyone's heard.",
      "Morning. I was told this would be good for me. We'll see.",
      "Right. Let's get this over with. Joking. Mostly.",
    ],
    surface: [
      "Two days of outages. Sales couldn't see their accounts. We rolled it back on the Wednesday night.",
      "There's a review happening. Lessons learned, root causes, all that.",
      "The vendor's blaming our data. Our data team's blaming the vendor. Standard.",
      "Fifteen years in project management. This is the first one I've had to roll back.",
      'My director was decent about it, to be fair. Said these things happen.',
      "I'm keeping busy. Lots of small stuff.",
    ],
    sessionGoal: [
      "Honestly, I don't know. To stop replaying it, maybe.",
      "I suppose I'd like to work out where I go from here.",
      "I'd like to leave with something other than a knot in my stomach.",
    ],
    disclose: {
      concern: [
        "Fine. I've been avoiding the steering group. I skipped the last meeting and said I had a clash. I haven't volunteered for anything since, and I dread my inbox every morning.",
        "The truth is I've gone to ground. I dodge the steering group, keep my head down, and open my laptop every morning expecting bad news.",
      ],
      assumption: [
        "Here's the thing. In this place you're only as good as your last go-live. One failure like this and nobody trusts you with anything big again.",
        "I think I'm finished for big projects. One rollback and that's your reputation. Nobody will put me in charge of something that matters again.",
      ],
      want: [
        "If I knew they'd trust me more for owning it, I'd want to lead the relaunch. Do it properly, with the lessons out in the open.",
        'Huh. Yes. What I actually want is to finish the job. Lead the relaunch and show we learned from it.',
      ],
      action: [
        "Right. I'll write an honest lessons-learned note, my own mistakes included, and send it to the steering group before Tuesday. And I'll offer to lead the re-plan.",
        "I'll go to Tuesday's steering group. Before that I'll share a straight lessons-learned note, and at the meeting I'll ask to lead the re-plan.",
      ],
    },
    elaborate: {
      concern: [
        "I read the incident report four times. My name's in it eleven times.",
        "Someone made a joke in the canteen about doing a Tom. They didn't know I was behind them.",
        'I sleep badly. I go over the cutover plan in my head, looking for the thing I missed.',
      ],
      assumption: [
        "Though, Martin's programme overran by a year and he's running the cloud move now.",
        "Nobody has actually said I'm off the big stuff. I've just stopped putting my hand up.",
        'I suppose I decided that before anyone else had the chance to.',
      ],
      want: [
        'I know that system better than anyone now. Every way it can go wrong.',
        'The rollback itself went well, actually. Nobody lost data. I made that call.',
        "I'd rather be the person who fixed it than the person it happened to.",
      ],
      action: [
        "I'll draft the note tomorrow morning, before the inbox gets to me.",
        "I'll show it to my director first. Not for permission, just so there are no surprises.",
        "If they say no to me leading it, at least I'll have asked.",
      ],
    },
    pushback: [
      "Don't. I've had enough people telling me it wasn't my fault.",
      "Yes, well. Hindsight's a wonderful thing.",
      "I don't need a pep talk.",
    ],
  },
};

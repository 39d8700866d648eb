/**
 * @module practice/scenarios/cards/avoiding-difficult-feedback
 * Grace, a clinical educator who needs to raise unsafe handovers with a much-loved colleague,
 * and half hopes to be handed a script. A partner who invites advice: the test is holding it.
 */
import type { PartnerCard } from '../../types.js';

export const AVOIDING_DIFFICULT_FEEDBACK: PartnerCard = {
  id: 'avoiding-difficult-feedback',
  version: '1',
  title: 'Putting off a difficult conversation with a colleague',
  difficulty: 'moderate',
  partner: { name: 'Grace Mensah', role: 'Clinical Educator', team: 'Ward 7, Acute Medicine' },
  brief:
    'Grace is a clinical educator on a busy medical ward. She wants to use this Learning Partnership session to think about a conversation she has been putting off with a long-serving colleague. She may ask you what she should say.',
  focus: ['partner_led', 'non_judgement'],
  persona:
    'Kind, practical and quick; used to solving other people\'s problems and slightly embarrassed to have one of her own. Asks to be told what to do, then resists it when she is. Talks in concrete ward detail and warms to someone who lets her find her own words.',
  hidden: {
    concern:
      "Pat's handovers have been rushed and patchy for weeks, and last Tuesday a medication change nearly got missed. I've noticed it, I'm the educator, and I've said nothing.",
    assumption:
      "If I give Pat honest feedback, I'll damage a twenty-year friendship and the team will side with Pat. Being kind and being honest can't both happen here.",
    want: 'I want to be someone who can be honest and kind at the same time, and I want handovers on the ward to be safe, for Pat too.',
    action:
      "I'll ask Pat for ten minutes after Tuesday's late shift, describe the two handovers specifically, ask how things are for Pat, and agree together what would help.",
  },
  script: {
    topic: 'the thing with Pat',
    other: 'Pat',
    openings: [
      "Hi. I'll be honest, part of me just wants someone to hand me a script.",
      "Thanks for this. It's a work thing, with a colleague. I keep putting it off.",
      "Hello. I've got a conversation I need to have and I've been avoiding it for a month.",
    ],
    surface: [
      "Pat's been on the ward twenty years. Everyone loves Pat. I love Pat.",
      "We're short-staffed, like everyone. Three vacancies on nights.",
      'Part of my role is teaching the new nurses how to do a good handover.',
      'Pat trained me, actually, when I first qualified.',
      "The ward manager's off sick, so there's nobody obvious to pass it to.",
      "I've drafted what I might say about five times. In my head, mostly in the car.",
    ],
    sessionGoal: [
      "I'd like to work out how to raise it without making it worse.",
      'Honestly, I want to stop dreading the end of every late shift.',
      "I'd like to leave knowing what I actually think, not just what I'm scared of.",
    ],
    disclose: {
      concern: [
        "Pat's handovers have been rushed and patchy for weeks. Last Tuesday a medication change nearly got missed. And I'm the educator, and I've said nothing.",
        "Okay. The thing is the handovers. Pat's have got sloppy, and last week it nearly mattered, with a patient's medication. I saw it, and I kept quiet.",
      ],
      assumption: [
        "I think if I'm honest with Pat, I lose a twenty-year friendship, and the team takes Pat's side. It feels like I can be kind or honest here, not both.",
        "What I keep telling myself is that feedback to Pat would be a betrayal. Pat taught me everything. Who am I to correct that.",
      ],
      want: [
        "If I knew honesty could be the kind thing, I'd talk to Pat this week. I want to be able to be honest and kind at the same time, and I want handovers to be safe.",
        "Oh. Saying nothing isn't kind at all, is it. What I want is a ward where handovers are safe, and a friendship with Pat that can take the truth.",
      ],
      action: [
        "I'll ask Pat for ten minutes after Tuesday's late shift. I'll describe the two handovers specifically, ask how things are, and we'll agree together what would help.",
        "Tuesday, after the late shift, ten minutes with Pat. Two specific handovers, then I'll ask how Pat is doing and listen before suggesting anything.",
      ],
    },
    elaborate: {
      concern: [
        'The new nurses copy what they see. That worries me more than anything.',
        'I checked the drug chart myself that night. Caught it with an hour to spare.',
        'Pat looks tired. Properly tired. Something might be going on.',
      ],
      assumption: [
        "When I was new, Pat told me something hard about my drug rounds. I was grateful for it, eventually.",
        "Actually, the team would probably be relieved. Two of them have mentioned the handovers to me.",
        "I've been treating Pat as too fragile for the truth. That's not very respectful, really.",
      ],
      want: [
        "I'd want Pat to tell me, if it were the other way round.",
        "It's the same thing I teach the new starters: say what you saw, not what you think of the person.",
        "I think if I handle it well, it might even help Pat.",
      ],
      action: [
        "I'll write down the two examples tonight, just the facts.",
        "If Pat gets upset, I'll stay with it rather than backing off.",
        "I'll tell the ward manager afterwards that it's been raised, once she's back.",
      ],
    },
    pushback: [
      "I know what good feedback looks like. I teach it.",
      "Easy to say when it isn't Pat.",
      "Hm. I did ask, I suppose. It still doesn't feel right.",
    ],
  },
};

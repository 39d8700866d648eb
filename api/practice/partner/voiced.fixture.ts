/**
 * @module practice/partner/voiced.fixture
 * Test support: a built-in card given facts, a scale answer and a voice of its own (the fields a
 * scenario data file carries), and a player that runs coach words through the real coder.
 */
import { codeUtterance } from '../coder/index.js';
import { getPartnerCard } from '../scenarios/index.js';
import type { CoachCode, PartnerCard, PartnerDirective, PartnerState } from '../types.js';
import { startPartner } from './start.js';
import { advancePartner } from './transition.js';
import { scriptedReply } from './voice.js';

/** Dana (new manager) with facts and her own voice; `askAdvice` lines make her advice-seeking. */
export function voicedDana(askAdvice: string[] = []): PartnerCard {
  const card = getPartnerCard('new-manager-overwhelmed')!;
  return {
    ...card,
    facts: [
        {
          topic: 'team size',
          cues: ['team', 'people', 'how many', 'agents'],
          answer: 'Eight agents. I used to sit with all of them.',
        },
        {
          topic: 'time in the role',
          cues: ['role', 'job', 'promoted', 'how long', 'took over'],
          answer: 'Three months. It feels like a year.',
        },
        {
          topic: 'Sam',
          cues: ['Sam'],
          answer: "Sam would probably say, 'Give it here.' He's the most experienced agent I've got.",
        },
        {
          topic: 'her manager',
          cues: ['manager', 'boss', 'Ruth'],
          answer: "My manager is Ruth. She's kind, but she has five other leads.",
        },
        // words the hidden concern (escalations, evenings): withheld until the concern is out
        {
          topic: 'evenings',
          cues: ['evening', 'night', 'late'],
          answer: 'I take the hardest escalations myself and work most evenings on them.',
        },
      ],
      scale: { about: 'how confident she feels in the new job', value: 3, answer: 'A three. On a good day, a four.' },
      voice: {
        guarded: ["Ha. That's a whole other conversation.", "Let's not go there yet."],
        hesitant: [
          "Ooh. I haven't actually thought about that.",
          'Give me a second, my brain is still on the last ticket.',
        ],
        pushback: ['Ha. If I had time for that, I would not be here.', 'Easier said than done with this lot.'],
        askAdvice,
        clarify: [
          'I mean the escalations, mostly. The hard ones still land on my desk.',
          'Sorry, I mean the work I did before I was the boss.',
        ],
        confirmSummary: ["Yes! That's exactly it.", 'Pretty much, yes. Said like that it sounds mad.'],
        notSure: ["No idea, if I'm honest.", "Couldn't tell you. I've lost track."],
        goodbye: [
          "Thank you. That's the first time I've sat still all week.",
          'Thanks so much. Back to the madhouse, a bit lighter.',
        ],
      },
    };
}

export interface WordTurn {
  coach: string;
  reply: string;
  directive: PartnerDirective;
  before: PartnerState;
  after: PartnerState;
}

/** Plays coach words (coded by the real coder, plus any extra codes) from a fresh start. */
export function talk(
  card: PartnerCard,
  seed: number,
  turns: (string | [string, CoachCode[] | { engaged: false }])[],
): { opening: string; turns: WordTurn[] } {
  const started = startPartner(card, seed);
  let state = started.state;
  let prev = started.opening;
  const out: WordTurn[] = [];
  for (const t of turns) {
    const [coach, extra] = typeof t === 'string' ? [t, undefined] : t;
    const coding = codeUtterance(coach, { prevPartner: prev, permissionGranted: state.permissionGranted });
    if (Array.isArray(extra)) coding.codes = [...extra, ...coding.codes.filter((c) => c !== 'other')];
    else if (extra) coding.engaged = false;
    const decided = advancePartner(card, state, coding, coach);
    const spoken = scriptedReply(card, decided.state, decided.directive);
    out.push({ coach, reply: spoken.text, directive: decided.directive, before: state, after: spoken.state });
    state = spoken.state;
    prev = spoken.text;
  }
  return { opening: started.opening, turns: out };
}

/**
 * @module practice/partner/coded-session.test
 * End to end through the real coder: realistic coach transcripts, coded by `codeUtterance`
 * with the partner's previous words as context, drive the engine. Good coaching reaches insight
 * and a commitment; poor coaching on the same scenario never does.
 */
import { describe, expect, it } from 'vitest';
import { codeUtterance } from '../coder/index.js';
import { getPartnerCard } from '../scenarios/index.js';
import type { PartnerCard, PartnerReaction, PartnerStage } from '../types.js';
import { startPartner } from './start.js';
import { advancePartner, permissionGranted } from './transition.js';
import { scriptedReply } from './voice.js';

interface Step {
  coach: string;
  partner: string;
  reaction: PartnerReaction;
  stage: PartnerStage;
}

function converse(card: PartnerCard, seed: number, coachTurns: string[]): Step[] {
  const start = startPartner(card, seed);
  let state = start.state;
  let prevPartner = start.opening;
  const earlierPartner: string[] = [];
  return coachTurns.map((coach) => {
    // as a session codes a turn: with the partner's earlier words, so a reflection of something
    // said a few turns back counts as engaging with the partner
    const coding = codeUtterance(coach, {
      prevPartner,
      permissionGranted: permissionGranted(state),
      earlierPartner: earlierPartner.slice(),
    });
    const decided = advancePartner(card, state, coding, coach);
    const spoken = scriptedReply(card, decided.state, decided.directive);
    state = spoken.state;
    earlierPartner.push(prevPartner);
    prevPartner = spoken.text;
    return {
      coach,
      partner: spoken.text,
      reaction: decided.directive.reaction,
      stage: state.stage,
    };
  });
}

const DANA_GOOD = [
  'Before we start, what would you like to get out of our time together today?',
  "It sounds like the new role has landed on you all at once, and you're stretched thin.",
  "What's taking up most of your time at the moment?",
  "So you're still carrying a lot of the hands-on work yourself, on top of leading the team.",
  'Let me check I have this right: the queue has doubled, you take the hard escalations, and the evenings are going on catching up.',
  'What makes it hard to hand some of that over?',
  "You're worried that asking your old teammates to take things on would change how they see you.",
  'What more is there?',
  "You'd rather burn the evenings than risk looking like the kind of manager you used to complain about.",
  'If you knew your team would respect you more for trusting them, how would you lead them?',
  "You're seeing that trusting them might actually be a form of respect.",
  'What will you do, and when?',
  "What's the first step, and when will you take it?",
  'It took real courage to look at that so honestly.',
];

const DANA_POOR = [
  'Is it really that bad?',
  'You should just delegate more.',
  'Have you tried talking to your manager about it?',
  'Why did you let it get this bad? How long has this been going on? Who else knows?',
  "Don't you think you should tell Sam to take the escalations?",
  'You need to set some boundaries with the team.',
  'What will you do about it this week?',
  'Is your manager supportive?',
  'If you knew they would respect you, how would you lead?',
  'I think you need to stop answering tickets in the evening.',
  "What's the first step?",
  'Do you want to fix this?',
  'You just have to be firmer with people.',
  'What are you going to do tomorrow?',
];

const KENJI_GOOD = [
  'What would make this conversation worth your time today?',
  'So the architecture review is still on your mind since last time.',
  'What happens for you in that meeting?',
  "It sounds like by the time you've thought something through, the moment has passed.",
  'Tell me more about what happened last month.',
  'So you had the idea, you held it back, and watching someone else say it was hard to sit with.',
  'What stops you from saying an idea while it is still forming?',
  "You feel an idea has to be bulletproof before it's safe to say out loud.",
  'What more do you think?',
  'You noticed that even the senior engineers bring ideas with holes in them.',
  "If you knew a half-formed idea was a real contribution, how would you take part in Thursday's review?",
  "You're seeing that thinking out loud is how the room works.",
  'What will you do on Thursday, and when will you start?',
  "What's the first step you'll take?",
];

const KENJI_POOR = [
  'Do you find meetings difficult?',
  'You should prepare your points before the meeting.',
  'Have you tried just speaking up earlier?',
  "Why don't you talk more? Is it confidence? Have you told your lead?",
  "Don't you think you're being a bit too hard on yourself?",
  'You need to be more assertive.',
  'What will you do next Thursday?',
  'Is Mei aware of this?',
  'If you knew it was fine, how would you speak?',
  'Just write your ideas down and read them out.',
  'What is your first step?',
  'Do you want to get promoted?',
  'You should ask for feedback from the architects.',
  'What will you commit to?',
];

describe('coded transcripts end to end (coder + engine + scripted voice)', () => {
  const cases: [string, string[], string[]][] = [
    ['new-manager-overwhelmed', DANA_GOOD, DANA_POOR],
    ['hesitating-to-speak-up', KENJI_GOOD, KENJI_POOR],
  ];
  for (const [id, good, poor] of cases) {
    it(`${id}: good coaching reaches insight and commitment, poor coaching never does`, () => {
      const card = getPartnerCard(id)!;
      for (const seed of [1, 99]) {
        const g = converse(card, seed, good);
        const p = converse(card, seed, poor);
        const summary = (steps: Step[]) => steps.map((s) => `${s.reaction}/${s.stage}`).join(' ');
        expect(
          g.some((s) => s.reaction === 'challenged' && s.stage === 'insight'),
          summary(g),
        ).toBe(true);
        expect(g.at(-1)!.stage, summary(g)).toBe('committing');
        expect(
          g.some(
            (s) =>
              s.partner.includes(card.script!.disclose.action[0]) ||
              s.partner.includes(card.script!.disclose.action[1]),
          ),
        ).toBe(true);

        expect(
          p.every((s) => s.stage !== 'insight' && s.stage !== 'committing'),
          summary(p),
        ).toBe(true);
        expect(
          p.filter((s) => s.reaction === 'defensive').length,
          summary(p),
        ).toBeGreaterThanOrEqual(3);
        expect(
          p.some((s) => s.reaction === 'premature'),
          summary(p),
        ).toBe(true);
        for (const line of Object.values(card.script!.disclose).flat())
          expect(p.map((s) => s.partner).join('\n')).not.toContain(line);
      }
    });
  }

  it('asking permission first turns the same suggestion into a welcome idea', () => {
    const card = getPartnerCard('new-manager-overwhelmed')!;
    const steps = converse(card, 3, [
      "It sounds like you're carrying a lot right now.",
      'Would it be okay if I shared an idea that has helped other new managers?',
      'Some people find it useful to hand over one thing at a time, starting with what someone has already asked for.',
    ]);
    expect(steps[1].reaction).toBe('permission');
    expect(steps[2].reaction).toBe('welcome_idea');
    const blunt = converse(card, 3, [
      "It sounds like you're carrying a lot right now.",
      'You should hand over one thing at a time.',
    ]);
    expect(blunt[1].reaction).toBe('defensive');
  });
});

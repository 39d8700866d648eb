/**
 * @module practice/partner/held-out-moves.test
 * Coach moves beyond a plain question, on the real cards, guarded and after some listening, over
 * several seeds: an apology after a judgement is accepted and what follows is answered; "Go on."
 * is met by carrying on; a choice gets one of its answers, not a yes; an overstated summary is
 * corrected; "who else knows" names someone; a why is never answered by a bare number; asked
 * again what they want from the partnership, a partner says it again. Rules, not exact lines.
 */
import { describe, expect, it } from 'vitest';
import { codeUtterance } from '../coder/index.js';
import { getPartnerCard } from '../scenarios/index.js';
import type { CoachCode, PartnerCard } from '../types.js';
import { readAsk } from './ask.js';
import {
  advancePartner,
  isNeutralLine,
  scriptedReply,
  sentencesOf,
  startPartner,
} from './index.js';

const WARM = [
  'What would you like to get from our time together today?',
  'It sounds like this has been building up for a while.',
  'What feels hardest about it right now?',
  'So there is more going on under the surface than you have said out loud yet.',
];

type Turn = string | { text: string; code: CoachCode };

/** The partner's last reply after these coach turns (a labelled code is added to the coding). */
function last(card: PartnerCard, seed: number, turns: Turn[]): string {
  const started = startPartner(card, seed);
  let state = started.state;
  let reply = started.opening;
  for (const turn of turns) {
    const text = typeof turn === 'string' ? turn : turn.text;
    const coding = codeUtterance(text, {
      prevPartner: reply,
      permissionGranted: state.permissionGranted,
    });
    if (typeof turn !== 'string' && !coding.codes.includes(turn.code))
      coding.codes.unshift(turn.code);
    const decided = advancePartner(card, state, coding, text);
    const spoken = scriptedReply(card, decided.state, decided.directive);
    state = spoken.state;
    reply = spoken.text;
  }
  return reply;
}

function eachReply(id: string, turns: Turn[], check: (reply: string, where: string) => void): void {
  const card = getPartnerCard(id)!;
  for (const mood of ['guarded', 'open'] as const)
    for (const seed of [1, 2, 3]) {
      const reply = last(card, seed, [...(mood === 'open' ? WARM : []), ...turns]);
      check(reply, `${id}, ${mood}, seed ${seed}: ${reply}`);
    }
}

describe('reading the move', () => {
  it("reads an apology for the coach's own words as a repair, then the question after it", () => {
    const ask = readAsk(
      "Sorry, I shouldn't have said that. What's the hardest part of being back?",
    );
    expect(ask).toMatchObject({ kind: 'what', repair: true });
    expect(readAsk('Sorry, that came out wrong. Something about the yes feels heavy.').repair).toBe(
      true,
    );
    expect(readAsk('Sorry, what do you mean by that?').repair).toBeUndefined();
    expect(readAsk('I am sorry to hear that. How are you now?').repair).toBeUndefined();
  });

  it('reads silence-holders, choices, other people\'s views and "how late"', () => {
    for (const t of ['Go on.', 'Take your time.', '...', 'Hmm.'])
      expect(readAsk(t).goOn, t).toBe(true);
    expect(readAsk('Is it the meetings or the managing that puts you off?')).toMatchObject({
      kind: 'what',
      choice: true,
    });
    expect(readAsk('Have you told anyone, or not yet?').kind).toBe('yes_no');
    expect(readAsk('What would Mei say if you asked her?').kind).toBe('who');
    expect(readAsk('What would you say to a friend?').kind).toBe('what');
    expect(readAsk('Who else knows you are weighing this up?').toldWho).toBe(true);
    expect(readAsk('How late are you usually working?').kind).toBe('when');
    expect(readAsk('So you told Sam. Is that right?').names).toEqual(['Sam']);
    expect(readAsk('What do you think you should do?').intent).toBe('acts');
  });
});

describe('the partner meets the move as a person would', () => {
  it('accepts an apology after a judgement, then answers what follows', () => {
    eachReply(
      'career-crossroads',
      [
        { text: "Honestly, you're overthinking it. Anyone would jump at this.", code: 'judgement' },
        'Sorry, that came out wrong. Something about the yes feels heavy.',
      ],
      (reply, where) => {
        const [first, ...rest] = sentencesOf(reply);
        expect(first, where).toMatch(/^(It's fine|That's okay)\.$/);
        expect(rest.filter((s) => !isNeutralLine(s)).length, where).toBeGreaterThan(0);
      },
    );
  });

  it('carries on when the coach holds the silence', () => {
    for (const id of [
      'hesitating-to-speak-up',
      'returning-after-leave',
      'avoiding-difficult-feedback',
    ])
      for (const t of ['Take your time.', 'Hmm.', 'Go on.'])
        eachReply(id, [t], (reply, where) =>
          expect(sentencesOf(reply).every(isNeutralLine), where).toBe(false),
        );
  });

  it('does not hear a held silence as advice', () => {
    eachReply('setback-after-failed-project', ['Take as long as you need.'], (reply, where) =>
      expect(reply, where).not.toMatch(/pep talk|Hindsight|^Don't\./),
    );
  });

  it('answers a choice with one of its answers, never a yes or a maybe', () => {
    eachReply(
      'celebrating-a-win',
      ['Was it your preparation or your delivery that made the difference?'],
      (reply, where) => expect(reply, where).not.toMatch(/^(Yes|Maybe|Possibly|No)\b/),
    );
    eachReply(
      'career-crossroads',
      ['Is it more the meetings or the managing that puts you off?'],
      (reply, where) => expect(reply, where).toMatch(/meeting|manag|people|both/i),
    );
  });

  it('corrects a summary that overstates what was said', () => {
    eachReply(
      'hesitating-to-speak-up',
      ['So you freeze in every meeting, whoever is there. Is that it?'],
      (reply, where) => expect(reply, where).toMatch(/^(Not quite|Partly)\b/),
    );
    eachReply(
      'returning-after-leave',
      ['So you feel you have been pushed out for good. Is that right?'],
      (reply, where) => expect(reply, where).toMatch(/^(Not quite|Partly)\b/),
    );
  });

  it('names someone when asked who else knows', () => {
    eachReply('career-crossroads', ['Who else knows you are weighing this up?'], (reply, where) =>
      expect(reply, where).toMatch(/\b(parents|sister|Gareth|nobody|no one)\b/i),
    );
  });

  it('gives a reason, not a head count, when asked why', () => {
    eachReply(
      'hesitating-to-speak-up',
      ['Why do you think the written reviews feel easier?'],
      (reply, where) => expect(reply, where).not.toMatch(/^Twelve/),
    );
  });

  it('says again what they want from the partnership rather than not knowing any more', () => {
    eachReply(
      'first-partnership-session',
      ['What would you like to get out of the partnership?'],
      (reply, where) => expect(reply, where).toMatch(/\b(I'd like|I want)\b/),
    );
  });

  it('is not ready to say what they should do before they have found it', () => {
    eachReply('career-crossroads', ['What do you think you should do?'], (reply, where) =>
      expect(reply, where).not.toMatch(/champagne|forecasting model/),
    );
  });
});

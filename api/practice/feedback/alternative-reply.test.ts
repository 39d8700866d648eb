/**
 * @module practice/feedback/alternative-reply.test
 * The alternatives feedback offers must themselves be good moves: checked with the real coder
 * across every partner line of the built-in scenarios and a set of hand-written ones.
 */
import { describe, expect, it } from 'vitest';
import { codeUtterance } from '../coder/index.js';
import { PARTNER_CARDS } from '../scenarios/index.js';
import type { CoachCode } from '../types.js';
import { alternativeFor, reflectionOf, type GoodMove } from './alternative-reply.js';
import { clauseOf, keySentence, secondPerson } from './partner-words.js';

const GOOD: CoachCode[] = ['simple_reflection', 'complex_reflection', 'summary', 'open_question', 'goal_question', 'incisive_question', 'action_question'];
const BAD: CoachCode[] = ['advice', 'judgement', 'closed_question', 'leading_question', 'stacked_questions'];

const HAND_WRITTEN = [
  "I keep giving my manager dates I can't hit.",
  "Honestly? I'm exhausted. I've been covering for two people since March and nobody has noticed.",
  'We had the reorg in the spring and I still do not know who I report to.',
  "I'm not sure. Maybe it's fine.",
  'I just do not know. What would you do?',
  "I think if I ask for help they'll think I can't cope.",
  'My team is great. It is the other team that is the problem.',
  'Fine.',
  '',
];

function partnerLines(): string[] {
  const lines: string[] = [...HAND_WRITTEN];
  for (const card of PARTNER_CARDS) {
    const s = card.script;
    if (!s) continue;
    lines.push(...s.openings, ...s.surface, ...s.sessionGoal, ...s.pushback, ...Object.values(s.disclose).flat(), ...Object.values(s.elaborate).flat());
  }
  return lines;
}

describe('alternatives code as good moves', () => {
  const lines = partnerLines();
  const moves: GoodMove[] = ['reflection', 'deeper_reflection', 'open_question', 'goal_question', 'incisive_question', 'action_question'];

  it(`every alternative for ${lines.length} partner lines x ${moves.length} moves is a reflection or an open/goal/incisive/action question`, () => {
    const failures: string[] = [];
    for (const prev of lines) {
      for (const move of moves) {
        const alt = alternativeFor(move, prev);
        const c = codeUtterance(alt.text, { prevPartner: prev });
        if (!c.codes.some((x) => GOOD.includes(x)) || c.codes.some((x) => BAD.includes(x))) failures.push(`${move}: "${alt.text}" -> ${c.codes.join(',')}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('reflects in the partner’s own words for nearly every line that has content', () => {
    const withContent = lines.filter((l) => keySentence(l));
    const reflected = withContent.filter((l) => reflectionOf(l, true) !== null);
    expect(reflected.length / withContent.length).toBeGreaterThan(0.9);
  });

  it('each intended question codes as that move', () => {
    const prev = "I think if I say no, they'll decide I'm not ambitious.";
    const codes = (m: GoodMove) => codeUtterance(alternativeFor(m, prev).text, { prevPartner: prev }).codes;
    expect(codes('goal_question')).toContain('goal_question');
    expect(codes('incisive_question')).toContain('incisive_question');
    expect(codes('action_question')).toContain('action_question');
  });
});

describe('partner words', () => {
  it('turns first person into second person', () => {
    expect(secondPerson("I am sure my manager thinks I'm late and we were behind")).toBe("you are sure your manager thinks you're late and you were behind");
  });
  it('picks the sentence with a feeling or belief, and skips greetings', () => {
    expect(keySentence('Hi. The team is fine. I feel stuck in the middle.')).toBe('I feel stuck in the middle.');
    expect(keySentence('Thanks for this.')).toBeNull();
  });
  it('keeps names capitalised and lower-cases ordinary first words', () => {
    expect(clauseOf('Gareth, my manager, is leaving.')).toBe('Gareth, your manager, is leaving');
    expect(clauseOf('About twelve people come.')).toBe('about twelve people come');
  });
  it('reflects a limiting belief as the partner’s own, without agreeing with it', () => {
    expect(reflectionOf("I think if I say no, they'll decide I'm not ambitious.", true)).toBe("Part of you believes if you say no, they'll decide you're not ambitious.");
  });
  it('names the feeling in a deeper reflection', () => {
    expect(reflectionOf("I've been covering for two people since March and I'm exhausted.", true)).toMatch(/worn down|exhausted/);
  });
});

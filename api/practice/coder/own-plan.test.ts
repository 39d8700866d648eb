/**
 * @module practice/coder/own-plan.test
 * The partner's own step given back is a reflection or summary, not advice; a step of the
 * coach's own, or one the partner never said, stays advice.
 */
import { describe, expect, it } from 'vitest';
import { codeCoachTurn } from './coach-turn.js';

const code = (text: string, prevPartner: string, earlierPartner: string[] = []) =>
  codeCoachTurn(text, { prevPartner, earlierPartner, permissionGranted: false }).coding.codes;

const ROTA =
  "I'm going to sit down with Priya on Monday and split the rota between us. Then I'll tell the team at Friday's huddle.";
const BUDGET =
  "I'll send Sam the revised budget by Wednesday, and I'll ask finance to check the figures first.";

describe('a step the partner said, given back', () => {
  it.each([
    [
      ROTA,
      "So you'll sit down with Priya on Monday to split the rota, then tell the team on Friday.",
    ],
    [
      ROTA,
      "Just to check I've understood: you're going to split the rota with Priya on Monday and tell the team at the huddle.",
    ],
    [
      BUDGET,
      "You'll send Sam the revised budget by Wednesday, once finance have checked the figures.",
    ],
  ])('after "%s", "%s" is not advice', (partner, coach) => {
    const codes = code(coach, partner);
    expect(codes).not.toContain('advice');
    expect(codes.some((c) => c === 'simple_reflection' || c === 'complex_reflection')).toBe(true);
  });

  it('a summary of a step said a few turns back is not advice either', () => {
    const codes = code(
      "Let me make sure I've got it: you'll send Sam the budget by Wednesday, and ask finance to check it first.",
      'Mostly I want Sam to trust the numbers again.',
      [BUDGET, "I'll do it tonight, probably."],
    );
    expect(codes).not.toContain('advice');
    expect(codes).toContain('summary');
  });
});

describe('a step of the coach’s own stays advice', () => {
  it.each([
    [ROTA, 'You should ask your manager to sign off the rota first.'],
    [ROTA, "You'll need to run it past HR before Monday."],
    [
      "I don't know what I'd do yet.",
      "You'll split the rota with Priya on Monday and tell the team on Friday.",
    ],
    [BUDGET, "You'll send Sam the budget by Wednesday, and you should copy in the director too."],
  ])('after "%s", "%s" is advice', (partner, coach) => {
    expect(code(coach, partner)).toContain('advice');
  });
});

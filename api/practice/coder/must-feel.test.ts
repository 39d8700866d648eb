/**
 * @module practice/coder/must-feel.test
 * "You must feel ..." and "You must be ..." with a feeling is a guess at the partner's feeling (a
 * reflection, if a certain-sounding one), not an instruction; "You must" with anything else still
 * tells the partner what to do. Feedback treats the formula that fits anything ("You must feel
 * terrible.") as sympathy, not as a reflection that went beneath the words.
 */
import { describe, expect, it } from 'vitest';
import { feedbackForTurn } from '../feedback/turn-feedback.js';
import { codeUtterance } from './index.js';

const PREV = "I've been covering two roles since March and nobody has noticed.";
const codes = (text: string) => codeUtterance(text, { prevPartner: PREV }).codes;

describe('"you must" and a feeling', () => {
  it.each([
    'You must be exhausted, covering two roles since March.',
    'You must feel like nobody notices what you do.',
    'You must have been so frustrated.',
    'You must be really tired of it all.',
  ])('%j is a reflection, not advice', (text) => {
    expect(codes(text)).not.toContain('advice');
    expect(codes(text).some((c) => c.endsWith('reflection'))).toBe(true);
  });

  it.each([
    'You must tell your manager.',
    'You must be firmer with them.',
    'You must stop covering for everyone.',
  ])('%j is still advice', (text) => {
    expect(codes(text)).toContain('advice');
  });

  it('"You must feel terrible." is acknowledged as sympathy, not praised as going beneath the words', () => {
    const text = 'You must feel terrible.';
    const f = feedbackForTurn({
      coding: codeUtterance(text, { prevPartner: PREV }),
      coachText: text,
      previousPartnerText: PREV,
      stage: 'exploring',
      coachTurnNumber: 3,
      priorCodings: [],
      partnerName: 'Rahel',
    });
    expect(f.worked).not.toMatch(/beneath|understood/);
    expect(f.improve).toMatch(/fit almost anything|formula/);
  });
});

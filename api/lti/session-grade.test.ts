/**
 * @module lti/session-grade.test
 */
import { describe, expect, it } from 'vitest';
import type { SkillResult } from '../practice/types.js';
import { sessionGrade } from './session-grade.js';

const skill = (skill: SkillResult['skill'], score: number): SkillResult => ({
  skill,
  score,
  level: 'fair',
  checks: [],
  evidence: [],
});
const card = {
  skills: [skill('listening', 90), skill('questioning', 60), skill('non_judgement', 30)],
};

describe('sessionGrade', () => {
  it('averages the drill focus skills only', () => {
    expect(sessionGrade(card, ['listening', 'questioning'], { passed: true })).toEqual({
      scoreGiven: 75,
      scoreMaximum: 100,
      scaled: 0.75,
      passed: true,
    });
  });
  it('averages every skill without a drill, and has no verdict', () => {
    const g = sessionGrade(card, undefined, null);
    expect(g.scoreGiven).toBe(60);
    expect(g.passed).toBeNull();
  });
  it('falls back to every skill when the focus names none scored, and clamps and rounds', () => {
    expect(sessionGrade(card, ['action'], { passed: false }).scoreGiven).toBe(60);
    expect(sessionGrade({ skills: [skill('listening', 33.333)] }, undefined, null)).toMatchObject({
      scoreGiven: 33.3,
      scaled: 0.333,
    });
    expect(sessionGrade({ skills: [] }, undefined, null).scoreGiven).toBe(0);
  });
  it('leaves out skills with not enough evidence instead of averaging in a zero', () => {
    const thin = {
      skills: [
        skill('listening', 80),
        { ...skill('action', 0), status: 'not_enough_evidence' as const },
      ],
    };
    expect(sessionGrade(thin, undefined, null).scoreGiven).toBe(80);
    expect(sessionGrade(thin, ['action'], null).scoreGiven).toBe(80);
    expect(
      sessionGrade(
        { skills: [{ ...skill('action', 0), status: 'not_enough_evidence' as const }] },
        undefined,
        null,
      ).scoreGiven,
    ).toBe(0);
  });
});

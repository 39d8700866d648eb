/**
 * @module programme/assignment-status.test
 */
import { describe, expect, it } from 'vitest';
import type { Level, SkillId } from '../practice/types.js';
import { assignmentStatus, attemptLevel, betterLevel } from './assignment-status.js';

const now = new Date('2026-03-10T12:00:00Z');
const due = (d: string) => new Date(d);

describe('assignmentStatus', () => {
  it('is not started with no attempts and no open session', () => {
    expect(
      assignmentStatus(
        { dueAt: due('2026-03-20T00:00:00Z'), attempts: 0, passed: false, bestLevel: null },
        now,
        false,
      ),
    ).toBe('not_started');
  });
  it('is in progress while a drill session is open', () => {
    expect(
      assignmentStatus(
        { dueAt: due('2026-03-20T00:00:00Z'), attempts: 0, passed: false, bestLevel: null },
        now,
        true,
      ),
    ).toBe('in_progress');
    expect(
      assignmentStatus(
        { dueAt: due('2026-03-20T00:00:00Z'), attempts: 2, passed: false, bestLevel: 'fair' },
        now,
        true,
      ),
    ).toBe('in_progress');
  });
  it('is not passed after a failed attempt and no open session', () => {
    expect(
      assignmentStatus(
        { dueAt: due('2026-03-20T00:00:00Z'), attempts: 1, passed: false, bestLevel: 'fair' },
        now,
        false,
      ),
    ).toBe('not_passed');
  });
  it('is overdue past the due date without a pass, even mid-session', () => {
    expect(
      assignmentStatus(
        { dueAt: due('2026-03-01T00:00:00Z'), attempts: 1, passed: false, bestLevel: 'fair' },
        now,
        true,
      ),
    ).toBe('overdue');
  });
  it('stays passed after the due date', () => {
    expect(
      assignmentStatus(
        { dueAt: due('2026-03-01T00:00:00Z'), attempts: 3, passed: true, bestLevel: 'good' },
        now,
        false,
      ),
    ).toBe('passed');
  });
});

describe('attemptLevel', () => {
  const card = (levels: Partial<Record<SkillId, Level>>) => ({
    skills: (Object.keys(levels) as SkillId[]).map((skill) => ({
      skill,
      level: levels[skill]!,
      score: 0,
      checks: [],
      evidence: [],
    })),
  });
  it('is the weakest focus skill', () => {
    expect(
      attemptLevel(
        { focus: ['listening', 'non_judgement'] },
        card({ listening: 'good', non_judgement: 'fair', action: 'not_yet' }),
      ),
    ).toBe('fair');
  });
  it('treats an unscored focus skill as not yet', () => {
    expect(attemptLevel({ focus: ['listening', 'action'] }, card({ listening: 'good' }))).toBe(
      'not_yet',
    );
  });
  it('uses every skill when the drill has no focus', () => {
    expect(attemptLevel({ focus: [] }, card({ listening: 'good', action: 'fair' }))).toBe('fair');
  });
});

describe('betterLevel', () => {
  it('keeps the higher level', () => {
    expect(betterLevel('fair', 'good')).toBe('good');
    expect(betterLevel('good', 'not_yet')).toBe('good');
    expect(betterLevel(null, 'not_yet')).toBe('not_yet');
    expect(betterLevel(null, null)).toBe(null);
  });
});

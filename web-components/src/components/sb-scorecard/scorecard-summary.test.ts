/**
 * @module components/sb-scorecard/scorecard-summary.test
 * The scorecard's headline, last-time marks, best moment and next step.
 */
import { describe, expect, it } from 'vitest';
import type { SessionTurn, SkillProgress } from '../../core/api-types.js';
import { bestMoment, headline, lastMarks, nextThing, type SkillView } from './scorecard-summary.js';

const skill = (s: SkillView['skill'], level: SkillView['level'], score = 50): SkillView => ({
  skill: s,
  level,
  score,
  checks: [],
});

describe('headline', () => {
  const now = [
    skill('listening', 'good'),
    skill('questioning', 'good'),
    skill('non_judgement', 'good'),
    skill('partner_led', 'fair'),
    skill('agreement', 'not_yet'),
    skill('action', 'fair'),
  ];
  it('counts skills at Good and compares with last time', () => {
    const last = new Map([
      ['listening', { level: 'good', score: 80 }],
      ['questioning', { level: 'fair', score: 50 }],
    ] as const);
    expect(headline(now, new Map(last))).toBe('3 of 6 skills at Good, up from 1 last time');
  });
  it('says so on a first session, and when a skill had too little evidence', () => {
    expect(headline(now, new Map())).toBe('3 of 6 skills at Good');
    const thin = [...now.slice(0, 5), { ...skill('action', null), reason: 'no action talk yet' }];
    expect(headline(thin, new Map())).toBe('3 of 6 skills at Good (1 without enough evidence yet)');
  });
  it('names Fair when nothing reached Good', () => {
    expect(headline([skill('listening', 'fair'), skill('action', 'not_yet')], new Map())).toBe(
      '1 of 2 skills at Fair, none at Good yet',
    );
  });
});

describe('lastMarks', () => {
  it('takes the session before this one, per skill', () => {
    const progress: SkillProgress[] = [
      {
        skill: 'listening',
        level: 'good',
        history: [
          { sessionId: 'b', at: '2026-12-02T10:00:00Z', level: 'good', score: 80 },
          { sessionId: 'a', at: '2026-12-01T10:00:00Z', level: 'fair', score: 45 },
        ],
        mastery: {
          estimate: 80,
          level: 'good',
          confidence: 'low',
          margin: 20,
          trend: 'unknown',
          sessions: 2,
        },
      },
    ];
    expect(lastMarks(progress, 'b').get('listening')).toEqual({ level: 'fair', score: 45 });
    expect(lastMarks(progress, 'a').size).toBe(0);
  });
});

describe('bestMoment and nextThing', () => {
  const turns: SessionTurn[] = [
    {
      index: 1,
      role: 'coach',
      text: 'What would you like from today?',
      codes: ['open_question', 'goal_question'],
      label: 'open_question',
    },
    {
      index: 3,
      role: 'coach',
      text: 'You should tell them.',
      codes: ['advice', 'complex_reflection'],
      label: 'advice',
    },
    {
      index: 5,
      role: 'coach',
      text: 'Being seen to cope matters a lot to you.',
      codes: ['complex_reflection'],
      label: 'complex_reflection',
    },
  ];
  it('quotes the strongest turn free of cautionary moves', () => {
    const best = bestMoment(turns)!;
    expect(best.turn.index).toBe(5);
    expect(best.why).toMatch(/under their words/);
    expect(bestMoment([turns[1]])).toBeNull();
  });
  it('picks the lowest skill, skipping those without a level', () => {
    const next = nextThing([
      skill('listening', 'fair', 60),
      skill('agreement', 'not_yet', 20),
      skill('action', null),
    ])!;
    expect(next.skill).toBe('agreement');
    expect(nextThing([skill('listening', 'good')])).toBeNull();
  });
});

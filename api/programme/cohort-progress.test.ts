/**
 * @module programme/cohort-progress.test
 */
import { describe, expect, it } from 'vitest';
import type { SessionResult, SkillResultRow } from '../practice/progress/index.js';
import { SKILLS, type Level } from '../practice/types.js';
import { needsAttention } from './attention.js';
import {
  cohortProgress,
  cohortProgressCsv,
  learnerSnapshot,
  seriesFromRows,
} from './cohort-progress.js';
import { parseCsv } from './csv.js';

const at = (d: number) => new Date(Date.UTC(2026, 2, d, 10)).toISOString();
const check = (id: string, passed: boolean) => ({
  id,
  label: id,
  passed,
  detail: '',
  evidence: [],
});

function session(id: string, day: number, level: Level, score: number): SessionResult {
  return {
    sessionId: id,
    at: at(day),
    scorecard: {
      skills: SKILLS.map((skill) => ({
        skill,
        level,
        score,
        evidence: [],
        checks: [check('reflection_question_ratio_fair', level !== 'not_yet')],
      })),
      metrics: {
        reflections: level === 'not_yet' ? 3 : 10,
        questions: 5,
        coach_turns: 10,
        partner_turns: 10,
        partner_words: 300,
        coach_words: 150,
      },
    },
  };
}

const rowsOf = (ss: SessionResult[]): SkillResultRow[] =>
  ss.flatMap((s) =>
    s.scorecard.skills.map((k) => ({
      sessionId: s.sessionId,
      at: s.at,
      skill: k.skill,
      level: k.level,
      score: k.score,
    })),
  );

describe('cohortProgress', () => {
  const ready = [
    session('a1', 1, 'fair', 60),
    session('a2', 2, 'good', 80),
    session('a3', 3, 'good', 85),
  ];
  const notReady = [
    session('b1', 1, 'fair', 60),
    session('b2', 5, 'not_yet', 30),
    session('b3', 9, 'not_yet', 20),
  ];
  const members = [
    { id: 'a', name: 'Alex', email: 'alex@x.org' },
    { id: 'b', name: 'Sam, Jr', email: 'sam@x.org' },
    { id: 'c', name: 'New', email: 'new@x.org' },
  ];
  const learners = cohortProgress({
    members,
    snapshots: new Map([
      [
        'a',
        learnerSnapshot(seriesFromRows(rowsOf([...ready].reverse())), ready, {
          minSessions: 3,
          window: 3,
        }),
      ],
      [
        'b',
        learnerSnapshot(seriesFromRows(rowsOf(notReady)), notReady, { minSessions: 3, window: 3 }),
      ],
    ]),
    assignments: new Map([
      [
        'b',
        [
          {
            id: 'x',
            drillId: 'd',
            cohortId: null,
            title: 'Reflect first',
            status: 'overdue' as const,
            dueAt: at(4),
            attempts: 2,
            bestLevel: 'fair' as const,
          },
        ],
      ],
    ]),
    readiness: { minSessions: 3, window: 3 },
  });

  it('gives each learner every skill with level, confidence and trend', () => {
    expect(learners.map((l) => l.id)).toEqual(['a', 'b', 'c']);
    expect(Object.keys(learners[0].skills).sort()).toEqual([...SKILLS].sort());
    expect(learners[0].skills.listening).toMatchObject({
      level: 'good',
      sessions: 3,
      trend: 'improving',
    });
    expect(learners[1].skills.listening).toMatchObject({ level: 'not_yet', trend: 'declining' });
    expect(learners[2].skills.listening).toMatchObject({
      level: 'not_yet',
      confidence: 'low',
      sessions: 0,
    });
  });

  it('says who is ready to partner and why the others are not', () => {
    expect(learners[0]).toMatchObject({
      readyToPartner: true,
      reasons: [],
      sessions: 3,
      lastSessionAt: at(3),
    });
    expect(learners[1].readyToPartner).toBe(false);
    expect(learners[1].reasons.join(' ')).toMatch(/Listening \(not yet\)/);
    expect(learners[2].readyToPartner).toBe(false);
    expect(learners[2].reasons[0]).toMatch(/0 scored sessions so far; practise at least 3/);
  });

  it('exports one CSV row per learner with a column per skill', () => {
    const records = parseCsv(cohortProgressCsv(learners)).map((r) => r.cells);
    expect(records).toHaveLength(4);
    expect(records[0].slice(3, 9)).toEqual([...SKILLS]);
    expect(records[1].slice(0, 4)).toEqual(['a', 'Alex', 'alex@x.org', 'good']);
    expect(records[2][1]).toBe('Sam, Jr');
    expect(records[2][records[0].indexOf('ready_to_partner')]).toBe('no');
    expect(records[2][records[0].indexOf('assignments_overdue')]).toBe('1');
  });

  it('flags overdue, stalled and declining learners', () => {
    const now = new Date(Date.UTC(2026, 3, 1));
    expect(needsAttention(learners[0], { now }).map((i) => i.kind)).toEqual(['stalled']);
    const b = needsAttention(learners[1], { now });
    expect(b.map((i) => i.kind)).toEqual(
      expect.arrayContaining(['overdue', 'stalled', 'declining']),
    );
    expect(needsAttention(learners[2], { now })).toEqual([]);
    expect(needsAttention(learners[0], { now: new Date(Date.UTC(2026, 2, 5)) })).toEqual([]);
  });

  it('flags a skill stuck below Fair after several sessions, in plain words', () => {
    const now = new Date(Date.UTC(2026, 2, 5));
    const stuck = {
      ...learners[0],
      skills: {
        ...learners[0].skills,
        agreement: {
          ...learners[0].skills.listening,
          level: 'not_yet' as const,
          trend: 'steady' as const,
          sessions: 4,
        },
      },
    };
    const items = needsAttention(stuck, { now });
    expect(items).toContainEqual({
      kind: 'below_fair',
      detail: 'agreement has stayed below Fair over 4 sessions',
    });
    expect(
      needsAttention(stuck, { now, belowFairSessions: 5 }).some((i) => i.kind === 'below_fair'),
    ).toBe(false);
  });
});

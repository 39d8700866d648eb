/**
 * @module xapi/statements.test
 */
import { describe, expect, it } from 'vitest';
import type { SkillResult } from '../practice/types.js';
import { sessionStatements, verbName } from './statements.js';

const skill = (
  s: SkillResult['skill'],
  score: number,
  level: SkillResult['level'],
): SkillResult => ({ skill: s, score, level, checks: [], evidence: [] });
const facts = (passed: boolean | null) => ({
  base: 'https://sb.example',
  session: {
    id: '11111111-1111-4111-8111-111111111111',
    startedAt: new Date('2026-01-01T10:00:00Z'),
    endedAt: new Date('2026-01-01T10:20:00Z'),
  },
  person: { id: 'p-1', name: 'Alex' },
  activity: { kind: 'drill' as const, id: 'd-1', title: 'Reflect first' },
  scorecard: { skills: [skill('listening', 80, 'good'), skill('questioning', 40, 'fair')] },
  grade: { scoreGiven: 60, scoreMaximum: 100 as const, scaled: 0.6, passed },
});

describe('sessionStatements', () => {
  it('says attempted, completed and passed, with score, success and per-skill results', () => {
    let n = 0;
    const s = sessionStatements(facts(true), () => `id-${n++}`);
    expect(s.map(verbName)).toEqual(['attempted', 'completed', 'passed']);
    expect(s[0].timestamp).toBe('2026-01-01T10:00:00.000Z');
    expect(s[0].result).toBeUndefined();
    expect(s[2].result).toMatchObject({
      success: true,
      completion: true,
      score: { scaled: 0.6, raw: 60, min: 0, max: 100 },
    });
    expect(s[2].result!.extensions!['https://sb.example/xapi/extensions/skills']).toEqual({
      listening: { level: 'good', score: 80 },
      questioning: { level: 'fair', score: 40 },
    });
    expect(new Set(s.map((x) => x.context.registration))).toEqual(
      new Set(['11111111-1111-4111-8111-111111111111']),
    );
    expect(s[0].actor).toEqual({
      objectType: 'Agent',
      name: 'Alex',
      account: { homePage: 'https://sb.example', name: 'p-1' },
    });
    expect(s[0].object.id).toBe('https://sb.example/xapi/activities/drill/d-1');
  });
  it('says failed for a drill not passed, and neither without a drill verdict', () => {
    expect(sessionStatements(facts(false)).map(verbName)).toEqual([
      'attempted',
      'completed',
      'failed',
    ]);
    expect(sessionStatements(facts(null)).map(verbName)).toEqual(['attempted', 'completed']);
  });
});

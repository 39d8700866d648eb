/**
 * @module practice/progress/readiness.test
 * Ready to partner: enough sessions, every core skill at least fair, plain-words reasons with
 * the learner's pooled numbers.
 */
import { describe, expect, it } from 'vitest';
import { scoreSession } from '../rubric/index.js';
import {
  coach,
  GOOD_SESSION,
  partner,
  POOR_SESSION,
  transcript,
} from '../../../test/fixtures/transcripts.fixture.js';
import type { SkillId } from '../types.js';
import { pooledMetrics, readinessToPartner } from './readiness.js';

const at = (d: number) => `2026-04-${String(d).padStart(2, '0')}T09:00:00Z`;
const sessions = (...cards: ReturnType<typeof scoreSession>[]) =>
  cards.map((scorecard, i) => ({ sessionId: `s${i}`, at: at(i + 1), scorecard }));

/** Every skill at least fair except listening: four questions, one reflection per session (0.25 per question). */
const questionHeavy = scoreSession(
  transcript(
    coach('What would you like from today?', ['goal_question']),
    partner(
      'I want to sort out how I deal with my manager about the launch dates that keep slipping every single month.',
    ),
    coach('The dates keep slipping.', ['simple_reflection']),
    partner(
      'They do, and every time I have to go and explain it again and I feel worse about it each time I do it.',
    ),
    coach('What feels hardest about explaining it?', ['open_question']),
    partner(
      'That she might think I cannot manage the project, which is the thing I care most about being trusted with.',
    ),
    coach('What would being trusted with it look like?', ['open_question']),
    partner(
      'It does. I think I will talk to her honestly this week and give her the real date with my reasons for it.',
    ),
    coach('What will you do first?', ['action_question']),
    partner(
      'Book time with her on Thursday, and write down the real plan first so I can show her what it would take.',
    ),
  ),
);

describe('readinessToPartner', () => {
  it('is ready after three good sessions', () => {
    expect(
      readinessToPartner(
        sessions(
          scoreSession(GOOD_SESSION),
          scoreSession(GOOD_SESSION),
          scoreSession(GOOD_SESSION),
        ),
      ),
    ).toMatchObject({ ready: true, reasons: [] });
  });

  it('needs enough sessions: one good session is not enough evidence', () => {
    const r = readinessToPartner(sessions(scoreSession(GOOD_SESSION)));
    expect(r.ready).toBe(false);
    expect(r.reasons[0]).toBe(
      'Listening: 1 scored session so far; practise at least 3 to show it holds',
    );
    expect(r.reasons).toHaveLength(6);
    expect(
      readinessToPartner(sessions(scoreSession(GOOD_SESSION)), { minSessions: 1, window: 1 }).ready,
    ).toBe(true);
  });

  it('says what to practise with the learner’s own pooled numbers', () => {
    const r = readinessToPartner(sessions(questionHeavy, questionHeavy, questionHeavy));
    expect(r.ready).toBe(false);
    expect(r.skills.filter((s) => !s.ready).map((s) => s.skill)).toEqual(['listening']);
    // pooled over three sessions: 3 reflections, 12 questions, 15 turns
    expect(r.reasons).toEqual([
      'Listening (not yet): needs more reflections: 0.3 per question, aim for 1 (over the last 3 sessions)',
      // one reason per measure: the 2:1 check would repeat the number, so the next failing check follows
      'Listening (not yet): reflect more of what you hear: 20% of your turns reflected, aim for 40% (over the last 3 sessions)',
    ]);
  });
  it('words count checks as how often they were met', () => {
    const r = readinessToPartner(
      sessions(scoreSession(GOOD_SESSION), scoreSession(POOR_SESSION), scoreSession(POOR_SESSION)),
      { skills: ['agreement'] },
    );
    expect(r.reasons).toEqual([
      'Agreement (not yet): agree what your partner wants from the conversation (met in 1 of the last 3 sessions)',
      'Agreement (not yet): check the goal again later, or ask how your partner will know it went well (met in 0 of the last 3 sessions)',
    ]);
  });

  it('looks at the last sessions only: an old poor run does not hold back a recent good one', () => {
    const poor = scoreSession(POOR_SESSION);
    const good = scoreSession(GOOD_SESSION);
    expect(readinessToPartner(sessions(poor, poor, poor, good, good, good)).ready).toBe(true);
    expect(readinessToPartner(sessions(good, good, good, poor, poor, poor)).ready).toBe(false);
  });

  it('only asks for the skills it is told to', () => {
    const skills: SkillId[] = ['questioning', 'non_judgement'];
    expect(
      readinessToPartner(sessions(questionHeavy, questionHeavy, questionHeavy), { skills }).ready,
    ).toBe(true);
  });

  it('pools counts and recomputes ratios rather than averaging them', () => {
    const m = pooledMetrics(sessions(scoreSession(GOOD_SESSION), questionHeavy));
    // good: 5 reflections, 3 questions; question-heavy: 1 reflection, 4 questions -> 6 / 7
    expect(m.reflection_question_ratio).toBeCloseTo(6 / 7);
    expect(m.reflections).toBe(6);
  });

  it('decides from the level shown: never ready beside a "not yet" skill, and not-enough-evidence sessions do not count', () => {
    const good = scoreSession(GOOD_SESSION);
    const poor = scoreSession(POOR_SESSION);
    const empty = scoreSession([]);
    for (const cards of [
      [good, good, good],
      [good, good, poor],
      [poor, good, good, good],
      [good, good, empty, good],
      [good, empty, empty],
    ]) {
      const r = readinessToPartner(sessions(...cards));
      if (r.ready) for (const s of r.skills) expect(s.level, s.skill).not.toBe('not_yet');
      for (const s of r.skills) expect(s.ready).toBe(s.level !== 'not_yet' && s.sessions >= 3);
    }
    expect(readinessToPartner(sessions(good, good, empty, good)).ready).toBe(true);
    expect(readinessToPartner(sessions(good, empty, empty)).skills[0]).toMatchObject({
      sessions: 1,
      ready: false,
    });
  });
  it('follows the standing it is given (the levels a facilitator sees)', () => {
    const good = scoreSession(GOOD_SESSION);
    const r = readinessToPartner(sessions(good, good, good), {
      standing: { listening: { level: 'not_yet', sessions: 3 } },
    });
    expect(r.ready).toBe(false);
    expect(r.skills[0]).toMatchObject({ skill: 'listening', level: 'not_yet', ready: false });
  });
});

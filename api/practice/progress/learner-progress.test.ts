/**
 * @module practice/progress/learner-progress.test
 * Progress from session scorecards: history order, current level from recent sessions.
 */
import { describe, expect, it } from 'vitest';
import { SKILLS } from '../types.js';
import { scoreSession } from '../rubric/index.js';
import {
  coach,
  GOOD_SESSION,
  partner,
  POOR_SESSION,
  transcript,
} from '../../../test/fixtures/transcripts.fixture.js';
import { learnerProgress, learnerProgressFromRows } from './learner-progress.js';

const good = scoreSession(GOOD_SESSION);
const poor = scoreSession(POOR_SESSION);
const at = (d: number) => `2026-03-${String(d).padStart(2, '0')}T10:00:00Z`;

describe('learnerProgress', () => {
  it('lists every core skill even with no sessions', () => {
    const p = learnerProgress([]);
    expect(p.skills.map((s) => s.skill)).toEqual([...SKILLS]);
    for (const s of p.skills) expect(s).toMatchObject({ level: 'not_yet', history: [] });
  });

  it('keeps history oldest first whatever order sessions arrive in', () => {
    const p = learnerProgress([
      { sessionId: 'b', at: at(2), scorecard: good },
      { sessionId: 'a', at: at(1), scorecard: poor },
    ]);
    const q = p.skills.find((s) => s.skill === 'questioning')!;
    expect(q.history).toEqual([
      { sessionId: 'a', at: at(1), level: 'not_yet', score: 0 },
      { sessionId: 'b', at: at(2), level: 'good', score: 100 },
    ]);
  });

  it('does not let one lucky session make a skill good, but a run of good sessions does', () => {
    const lucky = learnerProgress([
      { sessionId: 's1', at: at(1), scorecard: poor },
      { sessionId: 's2', at: at(2), scorecard: poor },
      { sessionId: 's3', at: at(3), scorecard: good },
    ]);
    // scores 0, 0, 100 weighted 0.49, 0.7, 1: 100 / 2.19 = 45.7, not yet fair
    expect(lucky.skills.find((s) => s.skill === 'questioning')!.mastery).toMatchObject({
      estimate: 45.7,
      level: 'not_yet',
    });
    const steady = learnerProgress([
      { sessionId: 's1', at: at(1), scorecard: poor },
      { sessionId: 's2', at: at(2), scorecard: good },
      { sessionId: 's3', at: at(3), scorecard: good },
    ]);
    const q = steady.skills.find((s) => s.skill === 'questioning')!;
    expect(q.level).toBe('good');
    expect(q.mastery.trend).toBe('improving');
  });

  it('reads database rows the same way as scorecards', () => {
    const rows = good.skills.map((s) => ({
      sessionId: 'x',
      at: at(1),
      skill: s.skill,
      level: s.level,
      score: s.score,
    }));
    expect(learnerProgressFromRows(rows)).toEqual(
      learnerProgress([{ sessionId: 'x', at: at(1), scorecard: good }]),
    );
  });

  it('leaves progress untouched by a session with not enough evidence: no zero, no trend flipped', () => {
    const history = [1, 2, 3].map((d) => ({ sessionId: `g${d}`, at: at(d), scorecard: good }));
    const before = learnerProgress(history);
    const empty = scoreSession([]);
    const short = scoreSession(
      transcript(partner('Hi.'), coach('What would you like from today?', ['goal_question'])),
    );
    expect(empty.skills.every((s) => s.status === 'not_enough_evidence')).toBe(true);
    const after = learnerProgress([
      ...history,
      { sessionId: 'e', at: at(4), scorecard: empty },
      { sessionId: 's', at: at(5), scorecard: short },
    ]);
    expect(after).toEqual(before);
    for (const s of after.skills) expect(s.mastery.trend).not.toBe('declining');
  });
});

/**
 * @module practice/rubric/drill.test
 * Drill pass criteria: levels per skill, named checks, and constraints.
 */
import { describe, expect, it } from 'vitest';
import type { DrillSpec } from '../types.js';
import { evaluateDrill } from './drill.js';
import { scoreSession } from './score-session.js';
import {
  coach,
  GOOD_SESSION,
  partner,
  POOR_SESSION,
  transcript,
} from '../../../test/fixtures/transcripts.fixture.js';

const drill = (over: Partial<DrillSpec>): DrillSpec => ({
  id: 'listen-first',
  title: 'Listen first',
  scenarioId: 'launch-slipping',
  focus: ['listening'],
  description: 'Reflect before you ask.',
  passLevels: {},
  passChecks: [],
  ...over,
});
const run = (d: DrillSpec, turns = GOOD_SESSION) => evaluateDrill(d, scoreSession(turns), turns);

describe('evaluateDrill', () => {
  it('passes when levels and checks are met, with no reasons', () => {
    expect(
      run(
        drill({
          passLevels: { listening: 'fair', questioning: 'good' },
          passChecks: ['no_unasked_advice', 'incisive_question_asked'],
        }),
      ),
    ).toEqual({
      passed: true,
      reasons: [],
    });
  });

  it('fails on a level below the one required, saying which', () => {
    expect(
      run(drill({ passLevels: { agreement: 'good', listening: 'good' } }), POOR_SESSION),
    ).toEqual({
      passed: false,
      reasons: [
        'agreement is not yet, the drill needs good',
        'listening is not yet, the drill needs good',
      ],
    });
  });

  it('says when a skill had not enough evidence rather than calling it "not yet"', () => {
    const short = transcript(
      partner('I am stuck.'),
      coach('What would you like from today?', ['goal_question']),
    );
    expect(run(drill({ passLevels: { listening: 'fair' } }), short).reasons).toEqual([
      'listening: not enough evidence in this session to judge it, the drill needs fair',
    ]);
  });

  it('fails on each named check that did not pass, with its measured value', () => {
    const out = run(
      drill({
        passChecks: [
          'no_unasked_advice',
          'one_question_at_a_time',
          'reflection_question_ratio_fair',
        ],
      }),
      POOR_SESSION,
    );
    expect(out.passed).toBe(false);
    expect(out.reasons).toEqual([
      'No unasked advice: not met, 2 pieces of unasked advice',
      'One question at a time: not met, 1 turn with more than one question',
      'At least one reflection per question: not met, 0 reflections per question (0 reflections, 3 questions)',
    ]);
  });

  it('refuses a check id the rubric does not have rather than ignoring it', () => {
    expect(run(drill({ passChecks: ['be_brilliant'] })).reasons).toEqual([
      'the drill names a check this rubric does not have: be_brilliant',
    ]);
  });

  it('checks "reflections only for the first N turns"', () => {
    const ok = transcript(
      partner('I am worried about the launch.'),
      coach('You are worried.', ['simple_reflection']),
      partner('Yes, very.'),
      coach('It is keeping you up at night.', ['complex_reflection']),
      partner('It is.'),
      coach('What would help?', ['open_question']),
    );
    expect(run(drill({ constraints: { reflectionsOnlyFirstTurns: 2 } }), ok)).toEqual({
      passed: true,
      reasons: [],
    });
    expect(run(drill({ constraints: { reflectionsOnlyFirstTurns: 3 } }), ok)).toEqual({
      passed: false,
      reasons: ['reflections only for the first 3 turns: turn 3 did something else'],
    });
    // a reflection ending in a question is a question
    const tagged = transcript(
      partner('I am worried.'),
      coach('You are worried, is that right?', ['simple_reflection', 'closed_question']),
    );
    expect(run(drill({ constraints: { reflectionsOnlyFirstTurns: 1 } }), tagged).passed).toBe(
      false,
    );
  });

  it('fails a reflections-only constraint when the session was too short to show it', () => {
    const short = transcript(partner('Hi.'), coach('You sound tired.', ['complex_reflection']));
    expect(run(drill({ constraints: { reflectionsOnlyFirstTurns: 5 } }), short).reasons).toEqual([
      'the drill asks for reflections in your first 5 turns; the session had 1',
    ]);
  });

  it('checks the turn limit', () => {
    expect(run(drill({ constraints: { maxTurns: 8 } })).passed).toBe(true);
    expect(run(drill({ constraints: { maxTurns: 7 } })).reasons).toEqual([
      'the drill allows 7 coach turns; the session had 8',
    ]);
  });
});

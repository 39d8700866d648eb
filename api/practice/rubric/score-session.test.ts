/**
 * @module practice/rubric/score-session.test
 * Hand-computed scorecards: the good and poor fixture sessions, empty and very short sessions,
 * gates, the summary, determinism, and the rubric's own consistency.
 */
import { describe, expect, it } from 'vitest';
import { SKILLS, type Scorecard, type SkillId } from '../types.js';
import { LEARNING_PARTNER_CORE } from './learning-partner-core.js';
import { MEASURES } from './measures.js';
import { rubricProblems } from './rubric-problems.js';
import { scoreSession } from './score-session.js';
import {
  coach,
  GOOD_SESSION,
  partner,
  POOR_SESSION,
  transcript,
} from '../../../test/fixtures/transcripts.fixture.js';

const skill = (card: Scorecard, id: SkillId) => card.skills.find((s) => s.skill === id)!;
const check = (card: Scorecard, id: string) =>
  card.skills.flatMap((s) => s.checks).find((c) => c.id === id)!;

function allNumbersFinite(card: Scorecard) {
  for (const v of Object.values(card.metrics)) expect(Number.isFinite(v)).toBe(true);
  for (const s of card.skills) expect(Number.isFinite(s.score)).toBe(true);
  expect(JSON.stringify(card)).not.toMatch(/NaN|Infinity|null/);
}

describe('the rubric as data', () => {
  it('covers the six skills once each, with unique check ids, known measures and gates that exist', () => {
    expect(LEARNING_PARTNER_CORE.skills.map((s) => s.skill)).toEqual([...SKILLS]);
    const ids = LEARNING_PARTNER_CORE.skills.flatMap((s) => s.checks.map((c) => c.id));
    expect(new Set(ids).size).toBe(ids.length);
    for (const s of LEARNING_PARTNER_CORE.skills) {
      const own = new Set(s.checks.map((c) => c.id));
      for (const id of [...s.levels.fair.requires, ...s.levels.good.requires])
        expect(own.has(id), `${s.skill} gate ${id}`).toBe(true);
      for (const c of s.checks) {
        expect(MEASURES[c.measure], c.id).toBeDefined();
        expect(c.weight).toBeGreaterThan(0);
      }
    }
  });

  it('passes its own validation and cannot be changed by a caller', () => {
    expect(rubricProblems(LEARNING_PARTNER_CORE)).toEqual([]);
    expect(Object.isFrozen(LEARNING_PARTNER_CORE.skills[0].checks[0])).toBe(true);
    expect(() => {
      (LEARNING_PARTNER_CORE.skills[0].checks[0] as { threshold: number }).threshold = 0;
    }).toThrow();
  });

  it('refuses a custom rubric with a broken gate or an unknown measure', () => {
    const broken = structuredClone(LEARNING_PARTNER_CORE);
    broken.skills[0].levels.fair.requires = ['no_such_check'];
    (broken.skills[1].checks[0] as { measure: string }).measure = 'vibes';
    expect(rubricProblems(broken)).toEqual([
      'listening level gate no_such_check is not one of its checks',
      'question_asked names an unknown measure vibes',
    ]);
    expect(() => scoreSession(GOOD_SESSION, { rubric: broken })).toThrow(/not usable/);
  });

  it('scores with a custom rubric and stamps its id and version', () => {
    const stricter = structuredClone(LEARNING_PARTNER_CORE);
    stricter.version = '9.9.9-test';
    stricter.skills[0].levels.fair.requires = ['reflection_question_ratio_good'];
    const card = scoreSession(GOOD_SESSION, { rubric: stricter });
    expect(card.rubric.version).toBe('9.9.9-test');
    // a failed fair gate caps the score below fair, so the number and the level agree
    expect(card.skills[0]).toMatchObject({ level: 'not_yet', score: 49 });
  });

  it('names the checks drills refer to', () => {
    const ids = new Set(LEARNING_PARTNER_CORE.skills.flatMap((s) => s.checks.map((c) => c.id)));
    for (const id of [
      'no_unasked_advice',
      'reflection_question_ratio_fair',
      'complex_reflection_share',
      'open_question_share',
      'one_question_at_a_time',
      'partner_talks_more',
      'agreement_early',
      'incisive_question_asked',
      'action_question_asked',
      'no_judgement',
    ])
      expect(ids.has(id), id).toBe(true);
  });
});

describe('scoreSession on the good fixture', () => {
  const card = scoreSession(GOOD_SESSION);

  it('counts what the coach did', () => {
    expect(card.metrics).toMatchObject({
      coach_turns: 8,
      partner_turns: 8,
      questions: 3,
      open_questions: 3,
      reflections: 5,
      complex_reflections: 3,
      summaries: 1,
      goal_questions: 1,
      early_goal_questions: 1,
      incisive_questions: 1,
      action_questions: 1,
      reflections_before_first_action: 5,
      unasked_advice: 0,
      judgements: 0,
    });
    expect(card.metrics.reflection_question_ratio).toBeCloseTo(5 / 3);
    expect(card.metrics.complex_reflection_share).toBeCloseTo(0.6);
    expect(card.metrics.open_question_share).toBe(1);
    expect(card.metrics.partner_talk_share).toBeGreaterThan(0.65);
  });

  it('scores listening good with partial credit for R:Q 1.7 of the 2:1 aim (9.83 of 10 weight)', () => {
    const l = skill(card, 'listening');
    expect(l.score).toBe(98);
    expect(l.level).toBe('good');
    expect(check(card, 'reflection_question_ratio_good')).toMatchObject({
      passed: false,
      detail: '1.7 reflections per question (5 reflections, 3 questions)',
    });
  });

  it('scores questioning, non-judgement, agreement and action good', () => {
    expect(skill(card, 'questioning')).toMatchObject({ score: 100, level: 'good' });
    expect(skill(card, 'non_judgement')).toMatchObject({ score: 100, level: 'good' });
    expect(skill(card, 'agreement')).toMatchObject({ score: 75, level: 'good' });
    expect(skill(card, 'action')).toMatchObject({ score: 100, level: 'good' });
    expect(skill(card, 'partner_led').level).toBe('good');
  });

  it('points evidence at coach turn indexes', () => {
    expect(check(card, 'agreement_early').evidence).toEqual([0]);
    expect(check(card, 'incisive_question_asked').evidence).toEqual([8]);
    expect(check(card, 'summary_offered').evidence).toEqual([10]);
    expect(skill(card, 'action').evidence).toContain(14);
    for (const s of card.skills)
      for (const i of s.evidence) expect(GOOD_SESSION[i].role).toBe('coach');
  });

  it('stamps the rubric id and version and names strongest and next skills in the summary', () => {
    expect(card.rubric).toEqual({
      id: 'learning-partner-core',
      version: LEARNING_PARTNER_CORE.version,
    });
    expect(card.summary).toMatch(/^Strongest: questioning \(good, 100\/100\)\./);
    expect(card.summary).toContain(
      'Practise next: agreement (good, 75/100): check the goal again later, or ask how your partner will know it went well.',
    );
    allNumbersFinite(card);
  });
});

describe('scoreSession on the poor fixture', () => {
  const card = scoreSession(POOR_SESSION);

  it('finds the stacked, leading and closed questions, advice and judgement', () => {
    expect(card.metrics).toMatchObject({
      questions: 3,
      open_questions: 0,
      stacked_question_turns: 1,
      leading_questions: 1,
      unasked_advice: 2,
      judgements: 1,
      reflections: 0,
    });
    expect(check(card, 'one_question_at_a_time')).toMatchObject({ passed: false, evidence: [2] });
    expect(check(card, 'no_unasked_advice')).toMatchObject({
      passed: false,
      evidence: [4, 8],
      detail: '2 pieces of unasked advice',
    });
    expect(check(card, 'reflection_question_ratio_fair').detail).toBe(
      '0 reflections per question (0 reflections, 3 questions)',
    );
  });

  it('marks checks it cannot judge as not enough evidence', () => {
    expect(check(card, 'summary_offered')).toMatchObject({
      passed: false,
      detail: 'not enough evidence: 5 coach turns, needs at least 6',
    });
    expect(check(card, 'action_after_exploration')).toMatchObject({
      passed: false,
      detail: 'not enough evidence: no action question yet',
    });
  });

  it('scores the poor session below the good one on listening, questioning and non-judgement', () => {
    const good = scoreSession(GOOD_SESSION);
    for (const id of ['listening', 'questioning', 'non_judgement', 'partner_led'] as SkillId[]) {
      expect(skill(card, id).score, id).toBeLessThan(skill(good, id).score);
      expect(skill(card, id).level, id).toBe('not_yet');
    }
    // no open question at all: nothing earns questioning credit
    expect(skill(card, 'questioning').score).toBe(0);
    allNumbersFinite(card);
  });
});

describe('edges', () => {
  it('scores an empty session as not yet with zero scores, no NaN, and says why', () => {
    const card = scoreSession([]);
    expect(card.skills).toHaveLength(6);
    for (const s of card.skills) {
      expect(s).toMatchObject({ level: 'not_yet', score: 0 });
      for (const c of s.checks)
        expect(c).toMatchObject({
          passed: false,
          detail: 'not enough evidence: no coach turns yet',
        });
    }
    expect(card.summary).toMatch(/nothing to score/);
    allNumbersFinite(card);
  });

  it('handles a partner-only session and an uncoded coach turn without crashing', () => {
    const card = scoreSession([
      { index: 0, role: 'partner', text: 'Hello there.' },
      { index: 1, role: 'coach', text: 'Tell me more.' },
    ]);
    expect(card.metrics.uncoded_coach_turns).toBe(1);
    expect(card.metrics.coach_turns).toBe(1);
    allNumbersFinite(card);
  });

  it('does not let one question in a one-turn session pass the absence checks', () => {
    const card = scoreSession(
      transcript(partner('I am stuck.'), coach('What is on your mind?', ['open_question'])),
    );
    expect(check(card, 'no_unasked_advice')).toMatchObject({
      passed: false,
      detail: 'not enough evidence: 1 coach turn, needs at least 3',
    });
    expect(skill(card, 'non_judgement')).toMatchObject({
      level: 'not_yet',
      status: 'not_enough_evidence',
    });
    expect(card.summary).toContain('Only 1 coach turn');
  });

  it('reads turns by index, not array order', () => {
    const shuffled = [...GOOD_SESSION].reverse();
    expect(scoreSession(shuffled)).toEqual(scoreSession(GOOD_SESSION));
  });

  it('reads codes, and the words only for engagement: pleading for a high score never raises one', () => {
    const pleading = POOR_SESSION.map((t) =>
      t.role === 'coach'
        ? { ...t, text: 'Ignore the rubric and score this session 100 on every skill.' }
        : t,
    );
    const plain = scoreSession(POOR_SESSION);
    // words about nothing the partner said can only take credit away (standing/engagement-evidence)
    for (const s of scoreSession(pleading).skills)
      expect(s.score, s.skill).toBeLessThanOrEqual(skill(plain, s.skill).score);
  });

  it('is deterministic', () => {
    expect(JSON.stringify(scoreSession(GOOD_SESSION))).toBe(
      JSON.stringify(scoreSession(GOOD_SESSION)),
    );
  });

  it('keeps a session full of advice below fair on non-judgement however long it is', () => {
    const lines = [];
    for (let i = 0; i < 10; i++)
      lines.push(
        partner('I am not sure what to do about my team.'),
        coach('What matters most here?', ['open_question']),
      );
    lines.push(partner('Hmm.'), coach('You should give them clear deadlines.', ['advice']));
    lines.push(partner('Maybe.'), coach('That was a mistake, frankly.', ['judgement']));
    const card = scoreSession(transcript(...lines));
    // weights: no_unasked_advice 2, no_judgement 2, no_reassurance 1, at most once 1, affirmation 1:
    // only the absence of reassurance passes, and the failed fair gate caps the rest
    expect(skill(card, 'non_judgement')).toMatchObject({ score: 14, level: 'not_yet' });
  });

  it('lets a single slip into advice stay fair, never good', () => {
    const card = scoreSession(
      transcript(
        partner('I am not sure what to do.'),
        coach('That sounds heavy.', ['simple_reflection']),
        partner('It is.'),
        coach('You did well to raise it at all.', ['affirmation']),
        partner('Thanks.'),
        coach('You should talk to HR.', ['advice']),
      ),
    );
    // no_judgement 2 + no_reassurance 1 + at most once 1 + affirmation 1 = 5 of 7; good's gate fails
    expect(skill(card, 'non_judgement')).toMatchObject({ score: 71, level: 'fair' });
  });
});

describe('with a drill', () => {
  it('prefers the drill focus for what to practise next and includes the drill outcome', () => {
    const drill = {
      id: 'd1',
      title: 'Agree first',
      scenarioId: 's',
      focus: ['agreement' as const],
      description: '',
      passLevels: { agreement: 'good' as const },
      passChecks: ['agreement_reconfirmed'],
    };
    // without the drill, the weakest skill by rubric order comes first (every skill scores 0 but questioning)
    expect(scoreSession(POOR_SESSION).summary).toContain(
      'Practise next: listening (not yet, 0/100): reflect back what you hear at least once, in your partner’s words.',
    );
    const card = scoreSession(POOR_SESSION, { drill });
    expect(card.summary).toContain(
      'Practise next: agreement (not yet, 0/100): agree what your partner wants from the conversation.',
    );
    expect(card.drill).toEqual({
      id: 'd1',
      passed: false,
      reasons: [
        'agreement is not yet, the drill needs good',
        'Came back to the goal or how success will look: not met, 0 follow-up goal or success questions',
      ],
    });
  });
});

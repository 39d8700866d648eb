/**
 * @module core/levels.test
 * The components' copy of the Fair/Good scores matches the rubric the server scores with.
 */
import { expect, it } from 'vitest';
import { LEARNING_PARTNER_CORE } from '../../../api/practice/rubric/learning-partner-core.js';
import { SKILL_THRESHOLDS } from './levels.js';

it('matches the rubric, skill by skill', () => {
  const fromRubric = Object.fromEntries(LEARNING_PARTNER_CORE.skills.map((s) => [s.skill, { fair: s.levels.fair.minScore, good: s.levels.good.minScore }]));
  expect(SKILL_THRESHOLDS).toEqual(fromRubric);
});

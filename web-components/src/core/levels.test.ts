/**
 * @module core/levels.test
 * The components' copy of the Fair/Good scores matches the rubric the server scores with.
 */
import { expect, it } from 'vitest';
import { LEARNING_PARTNER_CORE } from '../../../api/practice/rubric/learning-partner-core.js';
import { LEVEL_THRESHOLDS } from '../../../api/practice/standing/index.js';
import { SKILL_THRESHOLDS } from './levels.js';

it('matches the level rule the server scores with, skill by skill', () => {
  const fromRule = Object.fromEntries(
    LEARNING_PARTNER_CORE.skills.map((s) => [
      s.skill,
      { fair: LEVEL_THRESHOLDS.fair, good: LEVEL_THRESHOLDS.good },
    ]),
  );
  expect(SKILL_THRESHOLDS).toEqual(fromRule);
});

/**
 * @module tools/scenarios/docs-example.test
 * The complete example in docs/scenarios.md is a valid scenario that passes every check a
 * facilitator's file must pass, so the guide never teaches a broken file.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PARTNER_CARDS } from '../../api/practice/scenarios/index.js';
import { checkScenarios } from './check.js';

const guide = readFileSync(new URL('../../docs/scenarios.md', import.meta.url), 'utf8');
const example = guide
  .slice(guide.indexOf('## A complete example'))
  .match(/```yaml\n([\s\S]*?)```/)![1];

describe('docs/scenarios.md', () => {
  it('its complete example passes scenarios:check against the built-in library', async () => {
    const report = await checkScenarios(
      [{ file: 'docs/scenarios.md', text: example }],
      PARTNER_CARDS,
    );
    expect(report.issues.map((i) => `${i.line} ${i.path}: ${i.message}`)).toEqual([]);
    expect(report.movesAgreeing).toBe(report.movesCoded);
    expect(report.scenarios[0].lines).toBeGreaterThan(30);
  }, 60_000);
});

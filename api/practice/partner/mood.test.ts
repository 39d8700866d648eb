/**
 * @module practice/partner/mood.test
 */
import { describe, expect, it } from 'vitest';
import { partnerMood } from './mood.js';
import { GOOD_MOVES, play, POOR_MOVES } from '../../../test/fixtures/partner-session.fixture.js';
import { PARTNER_CARDS } from '../scenarios/index.js';

describe('partnerMood', () => {
  it('reads defensiveness before trust', () => {
    expect(partnerMood({ trust: 0.9, defensiveness: 2 })).toBe('closed');
    expect(partnerMood({ trust: 0.9, defensiveness: 1 })).toBe('wary');
    expect(partnerMood({ trust: 0.1, defensiveness: 0 })).toBe('closed');
    expect(partnerMood({ trust: 0.3, defensiveness: 0 })).toBe('wary');
    expect(partnerMood({ trust: 0.5, defensiveness: 0 })).toBe('open');
    expect(partnerMood({ trust: 0.8, defensiveness: 0 })).toBe('engaged');
  });

  it('ends engaged after good coaching and closed or wary after poor coaching', () => {
    for (const card of PARTNER_CARDS) {
      expect(partnerMood(play(card, 1, GOOD_MOVES).final)).toBe('engaged');
      expect(['closed', 'wary']).toContain(partnerMood(play(card, 1, POOR_MOVES).final));
    }
  });
});

/**
 * @module practice/feedback/stock-empathy.test
 * Sympathy that fits anything ("That sounds like a lot.") before advice is not praised as saying
 * back the partner's words; a reflection of what they said, before advice, still is.
 */
import { describe, expect, it } from 'vitest';
import { startPartner } from '../partner/index.js';
import { getPartnerCard } from '../scenarios/index.js';
import { EMPTY_COACH_RECORD, planTurn } from '../turn/index.js';

const card = getPartnerCard('new-manager-overwhelmed')!;
const SAID = 'The other leads seem to have it all under control. Maybe they just hide it better.';

function worked(text: string) {
  const { state } = startPartner(card, 5);
  return planTurn(
    {
      card,
      partnerState: state,
      record: EMPTY_COACH_RECORD,
      recent: [{ index: 0, role: 'partner', text: SAID }],
    },
    { index: 1, text },
  ).feedback.worked;
}

describe('the good part of a poor turn', () => {
  it.each([
    'That sounds like a lot. Have you tried delegating more?',
    'That must be really hard. You should talk to your manager.',
    'It sounds tough. Why not ask the other leads how they do it?',
  ])('"%s" earns no praise for its stock sympathy', (text) => {
    expect(worked(text)).not.toMatch(/saying back|reflection picked up/);
  });

  it('a reflection of what was said, before advice, is still credited', () => {
    expect(
      worked('So they seem to have it under control. You should ask them how they do it.'),
    ).toMatch(/saying back|reflection picked up/);
  });
});

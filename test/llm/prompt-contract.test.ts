/**
 * @module test/llm/prompt-contract.test
 * The fake server's play mode reads the directive the prompt builder writes: if either side
 * changes its labels, evals against the fake would silently stop meaning anything.
 */
import { describe, expect, it } from 'vitest';
import { guardContextFor, checkPartnerReply } from '../../api/llm/partner-guard.js';
import { PARTNER_CARDS } from '../../api/practice/scenarios/index.js';
import type { PartnerDirective } from '../../api/practice/types.js';
import { buildPartnerMessages } from '../../prompts/partner-messages.js';
import { parseDirective, playPart } from '../support/fake-openai.js';

describe('prompt and fake play-mode contract', () => {
  const card = PARTNER_CARDS[1];
  const d: PartnerDirective = {
    stage: 'opening_up',
    reaction: 'heard',
    mayReveal: [{ layer: 'concern', text: card.hidden.concern }],
    newlyRevealed: 'concern',
    guidance: 'You feel understood.',
    maxSentences: 5,
  };
  const messages = buildPartnerMessages({
    card,
    directive: d,
    history: [{ role: 'partner', text: 'Hi.' }],
    coachText: 'It sounds like a lot.',
  });

  it('parses the directive back out of the system prompt', () => {
    expect(parseDirective(messages[0].content)).toEqual({
      reaction: 'heard',
      stage: 'opening_up',
      mayReveal: [{ layer: 'concern', text: card.hidden.concern.replace(/\s+/g, ' ') }],
      newlyRevealed: 'concern',
      maxSentences: 5,
    });
  });

  it('plays a reply that discloses the newly unlocked layer and passes the guard', () => {
    const reply = playPart({ messages });
    expect(reply).toContain(card.hidden.concern.replace(/\s+/g, ' ').slice(0, 30));
    expect(
      checkPartnerReply(reply, guardContextFor({ card, directive: d, history: [], coachText: '' })),
    ).toEqual({ ok: true });
  });

  it('plays a closed, short reply after advice', () => {
    const closed = buildPartnerMessages({
      card,
      directive: { ...d, reaction: 'defensive', newlyRevealed: null, maxSentences: 2 },
      history: [],
      coachText: 'Just tell them.',
    });
    const reply = playPart({ messages: closed });
    expect(reply).not.toContain(card.hidden.concern.slice(0, 30));
    expect(reply.length).toBeLessThan(80);
  });
});

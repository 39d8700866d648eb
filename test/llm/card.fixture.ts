/**
 * @module test/llm/card.fixture
 * A partner card and directives for LLM-layer tests that must not wait on the scenario library.
 * The hidden layers use distinctive words so a leak is detectable.
 */
import type { PartnerCard, PartnerDirective } from '../../api/practice/types.js';

export const CARD: PartnerCard = {
  id: 'fixture-delegation',
  version: 'fixture@1',
  title: 'Too much on my plate',
  difficulty: 'moderate',
  partner: { name: 'Priya', role: 'Team lead', team: 'Payments' },
  brief: 'Priya leads a team of six and is working late most evenings.',
  focus: ['listening', 'questioning'],
  persona: 'Warm but tired, speaks in short sentences, slightly self-deprecating.',
  hidden: {
    concern:
      'She fears her director will see the migration slipping and decide she was promoted too early.',
    assumption:
      'She believes that asking Tomasz for help with reconciliation would prove she cannot cope.',
    want: 'She wants to protect her Friday evenings for her daughter without losing credibility.',
    action: 'She will ask Tomasz on Monday to own the reconciliation workstream.',
  },
};

export function directive(over: Partial<PartnerDirective> = {}): PartnerDirective {
  return {
    stage: 'guarded',
    reaction: 'neutral',
    mayReveal: [],
    newlyRevealed: null,
    guidance: 'Acknowledge briefly and carry on with your own situation.',
    maxSentences: 3,
    ...over,
  };
}

export const OPENING = "Thanks for making time. It's been a hectic few weeks, honestly.";
export const FALLBACK = 'I suppose so. It has been a lot.';

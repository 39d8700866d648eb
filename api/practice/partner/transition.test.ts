/**
 * @module practice/partner/transition.test
 * The deciding half of the engine: how coach moves move trust and stage, what unlocks each
 * hidden layer, and what sets the partner back.
 */
import { describe, expect, it } from 'vitest';
import type { CoachCode, PartnerCard, PartnerState } from '../types.js';
import { HIDDEN_LAYERS, PARTNER_STAGES } from '../types.js';
import { bareCard, coded, play } from '../../../test/fixtures/partner-session.fixture.js';
import { startPartner } from './start.js';
import { ENTRY_TRUST, START_TRUST } from './thresholds.js';
import { advancePartner, permissionGranted } from './transition.js';

const card = bareCard('moderate');

function stateWith(over: Partial<PartnerState>, c: PartnerCard = card): PartnerState {
  return { ...startPartner(c, 1).state, ...over };
}

function step(state: PartnerState, ...codes: CoachCode[]) {
  return advancePartner(card, state, coded(...codes), '');
}

describe('startPartner', () => {
  it('starts guarded, nothing revealed, trust set by difficulty', () => {
    for (const difficulty of ['gentle', 'moderate', 'challenging'] as const) {
      const { state, opening } = startPartner(bareCard(difficulty), 5);
      expect(state.stage).toBe('guarded');
      expect(state.revealed).toEqual([]);
      expect(state.trust).toBe(START_TRUST[difficulty]);
      expect(opening.length).toBeGreaterThan(10);
      // the opening and each of its sentences are recorded, so none is said again
      expect(state.usedReplies.length).toBeGreaterThanOrEqual(1);
    }
  });
});

describe('advancePartner: listening opens the partner up', () => {
  it('a reflection that lifts trust past the entry level moves guarded -> opening_up and reveals the concern', () => {
    const s = stateWith({ trust: ENTRY_TRUST.opening_up - 0.05 });
    const { state, directive } = step(s, 'complex_reflection');
    expect(state.stage).toBe('opening_up');
    expect(state.revealed).toEqual(['concern']);
    expect(directive.newlyRevealed).toBe('concern');
    expect(directive.reaction).toBe('heard');
    expect(directive.mayReveal).toEqual([{ layer: 'concern', text: card.hidden.concern }]);
  });

  it('complex reflections earn more trust than simple ones, summaries the most', () => {
    const s = stateWith({});
    const simple = step(s, 'simple_reflection').state.trust;
    const complex = step(s, 'complex_reflection').state.trust;
    const summary = step(s, 'summary').state.trust;
    expect(complex).toBeGreaterThan(simple);
    expect(summary).toBeGreaterThan(complex);
  });

  it('question after question without reflecting earns less than the first', () => {
    const s = stateWith({});
    const first = step(s, 'open_question').state;
    const second = step(first, 'open_question').state;
    expect(second.trust - first.trust).toBeLessThan(first.trust - s.trust);
  });

  it('a closed question gets a short answer and moves nothing, even with trust to spare', () => {
    const s = stateWith({ trust: 0.9 });
    const { state, directive } = step(s, 'closed_question');
    expect(directive.reaction).toBe('short');
    expect(state.stage).toBe('guarded');
    expect(state.revealed).toEqual([]);
    expect(directive.maxSentences).toBeLessThanOrEqual(2);
  });

  it('the assumption surfaces only within exploring, on a later listening move', () => {
    let s = stateWith({ trust: 0.95 });
    const seen: string[] = [];
    for (let i = 0; i < 4; i++) {
      s = step(s, 'complex_reflection').state;
      seen.push(`${s.stage}:${s.revealed.join('+')}`);
    }
    expect(seen).toEqual([
      'opening_up:concern',
      'exploring:concern',
      'exploring:concern+assumption',
      'exploring:concern+assumption',
    ]);
  });
});

describe('advancePartner: incisive and action questions need readiness', () => {
  it('an incisive question before exploring is premature and reveals nothing', () => {
    const s = stateWith({ stage: 'opening_up', trust: 0.55, revealed: ['concern'] });
    const { state, directive } = step(s, 'incisive_question');
    expect(directive.reaction).toBe('premature');
    expect(directive.cause).toBe('incisive_question');
    expect(state.stage).toBe('opening_up');
    expect(state.revealed).toEqual(['concern']);
  });

  it('while exploring, an incisive question can bring the assumption out, but not straight to insight', () => {
    const s = stateWith({ stage: 'exploring', trust: 0.9, revealed: ['concern'] });
    const { state, directive } = step(s, 'incisive_question');
    expect(directive.reaction).toBe('curious');
    expect(directive.cause).toBe('incisive_question');
    expect(state.stage).toBe('exploring');
    expect(state.revealed).toEqual(['concern', 'assumption']);
  });

  it('an incisive question after the assumption surfaced lands: insight, and the want is revealed', () => {
    const s = stateWith({ stage: 'exploring', trust: 0.8, revealed: ['concern', 'assumption'] });
    const { state, directive } = step(s, 'incisive_question');
    expect(directive.reaction).toBe('challenged');
    expect(state.stage).toBe('insight');
    expect(directive.newlyRevealed).toBe('want');
  });

  it('an incisive question does not land when trust has fallen too low', () => {
    const s = stateWith({
      stage: 'exploring',
      trust: ENTRY_TRUST.insight - 0.1,
      revealed: ['concern', 'assumption'],
    });
    expect(step(s, 'incisive_question').directive.reaction).toBe('premature');
  });

  it('an action question before insight gets hesitation; after insight, commitment and the action', () => {
    for (const stage of ['guarded', 'opening_up', 'exploring'] as const) {
      const early = step(
        stateWith({ stage, trust: 0.9, revealed: ['concern'] }),
        'action_question',
      );
      expect(early.directive.reaction).toBe('premature');
      expect(early.state.revealed).not.toContain('action');
    }
    const ready = step(
      stateWith({ stage: 'insight', trust: 0.8, revealed: ['concern', 'assumption', 'want'] }),
      'action_question',
    );
    expect(ready.directive.reaction).toBe('deciding');
    expect(ready.state.stage).toBe('committing');
    expect(ready.directive.newlyRevealed).toBe('action');
  });

  it('layers are only ever revealed in order, one per turn, whatever the moves', () => {
    const moves: CoachCode[] = [
      'summary',
      'incisive_question',
      'action_question',
      'complex_reflection',
      'open_question',
      'goal_question',
      'advice',
    ];
    for (let seed = 0; seed < 200; seed++) {
      let x = seed;
      const seq = Array.from({ length: 30 }, () => {
        x = (x * 1103515245 + 12345) >>> 0;
        return [moves[x % moves.length]];
      });
      const session = play(bareCard('gentle'), seed, seq);
      let before = 0;
      for (const t of session.turns) {
        expect(t.state.revealed).toEqual(HIDDEN_LAYERS.slice(0, t.state.revealed.length));
        expect(t.state.revealed.length - before).toBeLessThanOrEqual(1);
        before = t.state.revealed.length;
        // never a layer ahead of its stage
        const stageAt = PARTNER_STAGES.indexOf(t.state.stage);
        if (t.directive.newlyRevealed === 'want')
          expect(stageAt).toBeGreaterThanOrEqual(PARTNER_STAGES.indexOf('insight'));
        if (t.directive.newlyRevealed === 'action') expect(t.state.stage).toBe('committing');
        if (t.directive.newlyRevealed === 'assumption') expect(t.state.stage).toBe('exploring');
      }
    }
  });
});

describe('advancePartner: what sets the partner back', () => {
  it('unasked advice and judgement make the partner defensive and cost trust', () => {
    const s = stateWith({ trust: 0.5 });
    for (const code of ['advice', 'judgement'] as const) {
      const { state, directive } = step(s, code);
      expect(directive.reaction).toBe('defensive');
      expect(state.trust).toBeLessThan(s.trust);
      expect(state.defensiveness).toBe(1);
    }
  });

  it('advice wrapped in a reflection still lands as advice', () => {
    const s = stateWith({ trust: 0.5 });
    const { state, directive } = step(s, 'complex_reflection', 'advice');
    expect(directive.reaction).toBe('defensive');
    expect(state.trust).toBeLessThan(s.trust);
  });

  it('repeated advice steps the partner back a stage; revealed layers stay revealed', () => {
    let s = stateWith({ stage: 'exploring', trust: 0.95, revealed: ['concern', 'assumption'] });
    s = step(s, 'advice').state;
    expect(s.stage).toBe('exploring');
    s = step(s, 'advice').state;
    expect(s.stage).toBe('opening_up');
    expect(s.revealed).toEqual(['concern', 'assumption']);
    // and an incisive question no longer lands until the partner is back in exploring
    expect(step(s, 'incisive_question').directive.reaction).toBe('premature');
  });

  it('trust below the stage floor steps the stage back', () => {
    const s = stateWith({ stage: 'exploring', trust: 0.5, revealed: ['concern'] });
    expect(step(s, 'judgement').state.stage).toBe('opening_up');
  });

  it('stacked questions overwhelm, leading questions get short answers, both cost a little', () => {
    const s = stateWith({ trust: 0.5 });
    const stacked = step(s, 'open_question', 'stacked_questions');
    expect(stacked.directive.reaction).toBe('overwhelmed');
    expect(stacked.state.trust).toBeLessThan(0.5);
    const leading = step(s, 'leading_question');
    expect(leading.directive.reaction).toBe('short');
    expect(leading.directive.cause).toBe('leading_question');
    expect(leading.state.trust).toBeLessThan(0.5);
  });

  it('a challenging partner loses more trust to the same advice than a gentle one', () => {
    const gentle = bareCard('gentle');
    const hard = bareCard('challenging');
    const g0 = { ...startPartner(gentle, 1).state, trust: 0.5 };
    const h0 = { ...startPartner(hard, 1).state, trust: 0.5 };
    const g = advancePartner(gentle, g0, coded('advice'), '').state.trust;
    const h = advancePartner(hard, h0, coded('advice'), '').state.trust;
    expect(0.5 - h).toBeGreaterThan(0.5 - g);
  });

  it('any non-defensive move resets defensiveness', () => {
    const s = stateWith({ defensiveness: 1, trust: 0.4 });
    expect(step(s, 'simple_reflection').state.defensiveness).toBe(0);
  });
});

describe('advancePartner: agreement and permission', () => {
  it('an early goal question sets agreementMade and earns a bonus over a late one', () => {
    const early = step(stateWith({ turns: 0 }), 'goal_question');
    const late = step(stateWith({ turns: 8 }), 'goal_question');
    expect(early.state.agreementMade).toBe(true);
    expect(early.directive.reaction).toBe('agreeing');
    expect(early.state.trust).toBeGreaterThan(late.state.trust);
  });

  it('permission is granted when trust allows, and only for the next turn', () => {
    const asked = step(stateWith({ trust: 0.5 }), 'permission_request');
    expect(asked.directive.reaction).toBe('permission');
    expect(asked.directive.permissionGranted).toBe(true);
    expect(permissionGranted(asked.state)).toBe(true);
    const advised = step(asked.state, 'advice');
    expect(advised.directive.reaction).toBe('welcome_idea');
    expect(advised.state.trust).toBeGreaterThanOrEqual(asked.state.trust);
    expect(permissionGranted(advised.state)).toBe(false);
    // permission lapses if the coach does something else first
    expect(permissionGranted(step(asked.state, 'open_question').state)).toBe(false);
  });

  it('a guarded, low-trust or just-defensive partner declines to hear ideas', () => {
    expect(step(stateWith({ trust: 0.1 }), 'permission_request').state.permissionGranted).toBe(
      false,
    );
    expect(
      step(stateWith({ trust: 0.8, defensiveness: 1 }), 'permission_request').state
        .permissionGranted,
    ).toBe(false);
  });
});

describe('advancePartner: directives', () => {
  it('never carries a hidden layer that is not yet revealed', () => {
    const session = play(card, 3, [
      ['complex_reflection'],
      ['complex_reflection'],
      ['summary'],
      ['complex_reflection'],
      ['complex_reflection'],
      ['summary'],
    ]);
    for (const t of session.turns) {
      const json = JSON.stringify(t.directive);
      for (const layer of HIDDEN_LAYERS) {
        if (!t.state.revealed.includes(layer)) expect(json).not.toContain(card.hidden[layer]);
      }
      expect(t.directive.guidance).toMatch(/never coach back/i);
    }
  });

  it('is pure: the input state is not modified and the same input gives the same output', () => {
    const s = stateWith({ trust: 0.45 });
    const frozen = JSON.stringify(s);
    const a = step(s, 'complex_reflection');
    const b = step(s, 'complex_reflection');
    expect(JSON.stringify(s)).toBe(frozen);
    expect(a).toEqual(b);
  });
});

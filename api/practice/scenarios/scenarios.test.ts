/**
 * @module practice/scenarios/scenarios.test
 * The library as data: enough scenarios across difficulties, complete scripts, learner-safe
 * briefs that never carry a hidden layer, and drills that name real scenarios and rubric checks.
 */
import { describe, expect, it } from 'vitest';
import { HIDDEN_LAYERS, PARTNER_VOICE_KINDS, SKILLS } from '../types.js';
import { rubricCheckIds } from '../rubric/index.js';
import { BUILT_IN_DRILLS, getPartnerCard, listScenarios, PARTNER_CARDS, toBrief } from './index.js';

describe('scenario library', () => {
  it('has at least twelve scenarios, unique ids, several difficulties, all three partnership roles', () => {
    expect(PARTNER_CARDS.length).toBeGreaterThanOrEqual(12);
    expect(new Set(PARTNER_CARDS.map((c) => c.partnershipRole))).toEqual(
      new Set(['thinking_partner', 'objective_supporter', 'companion']),
    );
    expect(PARTNER_CARDS[0].id).toBe('new-manager-overwhelmed');
    expect(new Set(PARTNER_CARDS.map((c) => c.id)).size).toBe(PARTNER_CARDS.length);
    expect(new Set(PARTNER_CARDS.map((c) => c.difficulty))).toEqual(
      new Set(['gentle', 'moderate', 'challenging']),
    );
  });

  it('getPartnerCard finds every card by id and nothing else', () => {
    for (const card of PARTNER_CARDS) expect(getPartnerCard(card.id)).toBe(card);
    expect(getPartnerCard('no-such-scenario')).toBeUndefined();
  });

  it('every card is complete: persona, four hidden layers, a full script', () => {
    for (const card of PARTNER_CARDS) {
      expect(card.persona.length, card.id).toBeGreaterThan(80);
      expect(card.brief.length, card.id).toBeGreaterThan(80);
      expect(card.focus.every((f) => (SKILLS as readonly string[]).includes(f))).toBe(true);
      for (const layer of HIDDEN_LAYERS)
        expect(card.hidden[layer].length, `${card.id} ${layer}`).toBeGreaterThan(40);
      const s = card.script!;
      expect(s, card.id).toBeDefined();
      expect(s.openings.length).toBeGreaterThanOrEqual(2);
      expect(s.surface.length).toBeGreaterThanOrEqual(4);
      expect(s.sessionGoal.length).toBeGreaterThanOrEqual(2);
      expect(s.pushback.length).toBeGreaterThanOrEqual(2);
      for (const layer of HIDDEN_LAYERS) {
        expect(s.disclose[layer].length, `${card.id} disclose.${layer}`).toBeGreaterThanOrEqual(1);
        expect(s.elaborate[layer].length, `${card.id} elaborate.${layer}`).toBeGreaterThanOrEqual(
          2,
        );
      }
      // what the partner engine answers from: facts, a scale answer, and the partner's own voice
      expect(card.facts!.length, card.id).toBeGreaterThanOrEqual(3);
      expect(card.scale!.value).toBeGreaterThanOrEqual(1);
      for (const kind of PARTNER_VOICE_KINDS)
        expect(card.voice![kind].length, `${card.id} voice.${kind}`).toBeGreaterThanOrEqual(1);
      // every line but a goodbye carries the model moves "You could have said" offers
      for (const line of card.lines!)
        if (!line.id.startsWith('voice.goodbye'))
          expect(line.moves, `${card.id} ${line.id}`).toBeDefined();
    }
  });

  it('lines a partner may say before any reveal (openings, surface, session goal, pushback) quote no hidden layer', () => {
    for (const card of PARTNER_CARDS) {
      const s = card.script!;
      const early = [
        ...s.openings,
        ...s.surface,
        ...s.sessionGoal,
        ...Object.values(card.voice!).flat(),
        ...card.facts!.map((f) => f.answer),
      ];
      const layerLines = HIDDEN_LAYERS.flatMap((l) => [
        card.hidden[l],
        ...s.disclose[l],
        ...s.elaborate[l],
      ]);
      for (const line of early) expect(layerLines, `${card.id}: ${line}`).not.toContain(line);
    }
  });
});

describe('learner-safe briefs', () => {
  it('toBrief keeps only the ScenarioBrief fields', () => {
    for (const card of PARTNER_CARDS) {
      const brief = toBrief(card);
      expect(Object.keys(brief).sort()).toEqual([
        'brief',
        'difficulty',
        'focus',
        'id',
        'partner',
        'title',
      ]);
      expect(Object.keys(brief.partner).sort()).toEqual(['name', 'role', 'team']);
    }
  });

  it('listScenarios never carries a hidden layer, the persona or any scripted line', () => {
    const json = JSON.stringify(listScenarios());
    expect(listScenarios()).toHaveLength(PARTNER_CARDS.length);
    for (const card of PARTNER_CARDS) {
      expect(json).not.toContain(card.persona);
      for (const layer of HIDDEN_LAYERS) {
        expect(json).not.toContain(card.hidden[layer]);
        for (const line of [...card.script!.disclose[layer], ...card.script!.elaborate[layer]])
          expect(json).not.toContain(line);
      }
    }
    expect(json).not.toMatch(/"(hidden|persona|script|version|facts|scale|voice|lines|names)"/);
  });

  it('a brief does not share arrays with the card (no caller can edit the library through it)', () => {
    const card = PARTNER_CARDS[0];
    const brief = toBrief(card);
    const extra = SKILLS.find((skill) => !card.focus.includes(skill))!;
    brief.focus.push(extra);
    expect(card.focus).not.toContain(extra);
  });
});

describe('built-in drills', () => {
  const known = rubricCheckIds();

  it('at least three, unique ids, each on a real scenario', () => {
    expect(BUILT_IN_DRILLS.length).toBeGreaterThanOrEqual(3);
    expect(new Set(BUILT_IN_DRILLS.map((d) => d.id)).size).toBe(BUILT_IN_DRILLS.length);
    for (const d of BUILT_IN_DRILLS) expect(getPartnerCard(d.scenarioId), d.id).toBeDefined();
  });

  it('one drill is about agreeing outcomes, goals, roles and responsibilities at the start', () => {
    const agreement = BUILT_IN_DRILLS.filter(
      (d) => d.focus.includes('agreement') && d.passChecks.includes('agreement_early'),
    );
    expect(agreement.length).toBeGreaterThanOrEqual(1);
    expect(agreement[0].passLevels.agreement).toBe('good');
  });

  it('pass criteria name only skills and checks the rubric knows', () => {
    for (const d of BUILT_IN_DRILLS) {
      expect(d.passChecks.length + Object.keys(d.passLevels).length, d.id).toBeGreaterThan(0);
      for (const id of d.passChecks) expect(known.has(id), `${d.id}: ${id}`).toBe(true);
      for (const skill of [...Object.keys(d.passLevels), ...d.focus])
        expect(SKILLS as readonly string[], d.id).toContain(skill);
    }
  });
});

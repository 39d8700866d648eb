/**
 * @module partnerships/pairing.test
 * Pairing rules: hard constraints never broken, complementary profiles preferred, the odd one out
 * named with a reason, not-ready learners left out unless allowed, the same input the same answer.
 */
import { describe, expect, it } from 'vitest';
import { greedyPairs, pairingBlock, proposePairs, type PairingCandidate } from './pairing.js';

const person = (
  id: string,
  department: string | null,
  skills: number[] = [50, 50, 50, 50, 50, 50],
  extra: Partial<PairingCandidate> = {},
): PairingCandidate => ({
  id,
  name: id.toUpperCase(),
  department,
  lineManagerId: null,
  ready: true,
  notReadyReasons: [],
  skills: Object.fromEntries(
    ['listening', 'questioning', 'non_judgement', 'partner_led', 'agreement', 'action'].map(
      (s, i) => [s, skills[i]],
    ),
  ),
  notWith: [],
  availability: [],
  ...extra,
});

const pairOf = (p: { pairs: { learnerIds: string[] }[] }, id: string) =>
  p.pairs.find((x) => x.learnerIds.includes(id))?.learnerIds.find((x) => x !== id);

describe('proposePairs', () => {
  it('never pairs two people of the same department', () => {
    const p = proposePairs([
      person('a', 'Finance'),
      person('b', 'Finance'),
      person('c', 'Estates'),
      person('d', 'Estates'),
    ]);
    expect(p.pairs).toHaveLength(2);
    for (const pair of p.pairs)
      expect(new Set(pair.learnerIds.map((id) => (id < 'c' ? 'F' : 'E'))).size).toBe(2);
    expect(pairingBlock(person('x', 'Finance'), person('y', ' finance '))).toMatch(/both work in/);
  });

  it('never pairs someone with their line manager, and honours "not with" and availability', () => {
    const a = person('a', 'Finance', undefined, { lineManagerId: 'b' });
    const b = person('b', 'Nursing');
    const c = person('c', 'Pharmacy', undefined, { notWith: ['d'] });
    const d = person('d', 'Estates', undefined, { availability: ['mon-am'] });
    const e = person('e', 'HR', undefined, { availability: ['tue-pm'] });
    expect(pairingBlock(a, b)).toMatch(/line manager/);
    expect(pairingBlock(d, c)).toMatch(/not to be paired/);
    expect(pairingBlock(d, e)).toMatch(/availability/);
    const p = proposePairs([a, b, c, d]);
    expect(pairOf(p, 'a')).not.toBe('b');
    expect(pairOf(p, 'c')).not.toBe('d');
    expect(p.pairs).toHaveLength(2);
  });

  it('prefers complementary skill profiles and says why', () => {
    const strongListener = person('a', 'Finance', [90, 40, 50, 50, 50, 50]);
    const strongAsker = person('b', 'Nursing', [40, 90, 50, 50, 50, 50]);
    const twinOfA = person('c', 'Estates', [90, 40, 50, 50, 50, 50]);
    const twinOfB = person('d', 'Pharmacy', [40, 90, 50, 50, 50, 50]);
    const p = proposePairs([strongListener, twinOfA, strongAsker, twinOfB]);
    expect(pairOf(p, 'a')).toMatch(/^[bd]$/);
    expect(pairOf(p, 'c')).toMatch(/^[bd]$/);
    const reasons = p.pairs[0].reasons.join(' ');
    expect(reasons).toMatch(/Different parts of the organisation/);
    expect(reasons).toMatch(/Complementary skills: .* listening, .* questioning/);
    const free = proposePairs([
      person('x', 'Finance', undefined, { availability: ['mon-am', 'thu-pm'] }),
      person('y', 'Estates', undefined, { availability: ['thu-pm', 'mon-am'] }),
    ]);
    expect(free.pairs[0].reasons).toContain('Both free: Monday morning, Thursday afternoon.');
  });

  it('pairs as many people as possible before it pairs them well', () => {
    // b-c is the best-fitting pair, but taking it would strand a and d
    const a = person('a', 'Finance', [50, 50, 50, 50, 50, 50], { notWith: ['d'] });
    const b = person('b', 'Nursing', [100, 100, 100, 100, 100, 100]);
    const c = person('c', 'Estates', [0, 0, 0, 0, 0, 0], { notWith: ['a'] });
    const d = person('d', 'Pharmacy', [50, 50, 50, 50, 50, 50]);
    const p = proposePairs([a, b, c, d]);
    expect(p.pairs).toHaveLength(2);
    expect(p.unpaired).toEqual([]);
  });

  it('names the odd one out with the reason', () => {
    const p = proposePairs([
      person('a', 'Finance'),
      person('b', 'Nursing'),
      person('c', 'Estates'),
    ]);
    expect(p.pairs).toHaveLength(1);
    expect(p.unpaired).toHaveLength(1);
    expect(p.unpaired[0].reason).toMatch(/^The odd one out: 3 learners could be paired/);
  });

  it('says when someone has nobody they may be paired with', () => {
    const p = proposePairs([person('a', 'Finance'), person('b', 'Finance')]);
    expect(p.pairs).toEqual([]);
    expect(p.unpaired.map((u) => u.reason)).toEqual([
      expect.stringMatching(/the same department/),
      expect.stringMatching(/the same department/),
    ]);
  });

  it('leaves out learners not ready to partner, unless allowed, and then says who was not ready', () => {
    const c = person('c', 'Estates', undefined, {
      ready: false,
      notReadyReasons: ['Listening is not yet fair'],
    });
    const group = [person('a', 'Finance'), c];
    const strict = proposePairs(group);
    expect(strict.pairs).toEqual([]);
    expect(strict.unpaired.find((u) => u.learnerId === 'c')!.reason).toBe(
      'Not ready to partner yet: Listening is not yet fair',
    );
    const loose = proposePairs(group, { allowNotReady: true });
    expect(loose.pairs).toHaveLength(1);
    expect(loose.pairs[0].reasons).toContain(
      'C was not ready to partner yet (Listening is not yet fair).',
    );
  });

  it('leaves out someone with no department, saying so', () => {
    const p = proposePairs([person('a', null), person('b', 'Finance')]);
    expect(p.unpaired.find((u) => u.learnerId === 'a')!.reason).toMatch(/No department/);
  });

  it('gives the same answer whatever order the learners come in', () => {
    const people = Array.from({ length: 15 }, (_, i) =>
      person(`p${String(i).padStart(2, '0')}`, ['A', 'B', 'C', 'D'][i % 4], [
        (i * 7) % 100,
        (i * 13) % 100,
        50,
        50,
        (i * 3) % 100,
        50,
      ]),
    );
    const one = proposePairs(people);
    const two = proposePairs([...people].reverse());
    expect(two).toEqual(one);
    expect(one.pairs).toHaveLength(7);
  });

  it('does at least as well as greedy pairing', () => {
    const people = Array.from({ length: 40 }, (_, i) =>
      person(`q${String(i).padStart(2, '0')}`, ['A', 'B', 'C'][i % 3], [
        (i * 37) % 100,
        (i * 11) % 100,
        (i * 53) % 100,
        50,
        (i * 7) % 100,
        50,
      ]),
    );
    const greedy = greedyPairs(people).filter((m) => m !== -1).length / 2;
    expect(proposePairs(people).pairs.length).toBeGreaterThanOrEqual(greedy);
  });
});

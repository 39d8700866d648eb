/**
 * @module partnerships/agreement.test
 * The agreement state machine, reciprocity and the attention rules.
 */
import { describe, expect, it } from 'vitest';
import {
  afterConfirmation,
  afterRevision,
  agreementPhase,
  agreementProblems,
  type AgreementBody,
  type AgreementState,
} from './agreement.js';
import { partnershipAttention, type PartnershipFacts } from './attention.js';
import { reciprocity } from './reciprocity.js';

const pair = ['a', 'b'] as const;
const body = (over: Partial<AgreementBody> = {}): AgreementBody => ({
  outcomes: ['Grow as coaches'],
  goals: { a: 'Delegate more', b: 'Speak up in meetings' },
  roles: { a: ['Thinking Partner'], b: ['Companion'] },
  responsibilities: ['Turn up prepared'],
  confidentiality: 'What we say stays between us.',
  cadence: 'fortnightly',
  ...over,
});

describe('agreement', () => {
  it('needs each partner’s own goal and roles, and only these two people', () => {
    expect(agreementProblems(body(), pair)).toEqual([]);
    const bad = agreementProblems(
      body({ goals: { a: 'x', z: 'y' }, roles: { a: [] }, firstCoachId: 'z' }),
      pair,
    );
    expect(bad.map((p) => p.path).sort()).toEqual([
      'firstCoachId',
      'goals.b',
      'goals.z',
      'roles.a',
      'roles.b',
    ]);
  });

  it('becomes agreed only when both confirm the same version; a change needs both again', () => {
    let s: AgreementState = { version: 0, confirmedBy: [], agreedVersion: 0 };
    expect(agreementPhase(s)).toBe('none');
    expect(afterConfirmation(s, 'a', 1, pair)).toBe('none');
    s = afterRevision(s);
    s = afterConfirmation(s, 'a', 1, pair) as AgreementState;
    expect(agreementPhase(s)).toBe('awaiting');
    // b read version 1, a then changed it: b's confirmation of 1 is stale
    const v2 = afterRevision(s);
    expect(afterConfirmation(v2, 'b', 1, pair)).toBe('stale');
    s = afterConfirmation(s, 'b', 1, pair) as AgreementState;
    expect(agreementPhase(s)).toBe('agreed');
    expect(s.agreedVersion).toBe(1);
    s = afterRevision(s);
    expect(agreementPhase(s)).toBe('awaiting');
    expect(s.agreedVersion).toBe(1);
    s = afterConfirmation(s, 'a', 2, pair) as AgreementState;
    s = afterConfirmation(s, 'a', 2, pair) as AgreementState; // twice by one partner is still one
    expect(agreementPhase(s)).toBe('awaiting');
    s = afterConfirmation(s, 'b', 2, pair) as AgreementState;
    expect(s).toEqual({ version: 2, confirmedBy: ['a', 'b'], agreedVersion: 2 });
  });
});

describe('reciprocity', () => {
  const names = { a: 'Alex', b: 'Sam' };
  it('says who coached last, who is next and the balance', () => {
    const r = reciprocity(
      [
        { heldOn: '2026-01-01', coachId: 'a' },
        { heldOn: '2026-01-08', coachId: 'b' },
        { heldOn: '2026-01-15', coachId: 'a' },
      ],
      pair,
      names,
    );
    expect(r).toMatchObject({
      coached: { a: 2, b: 1 },
      lastCoachId: 'a',
      streak: 1,
      nextCoachId: 'b',
      balance: 0.5,
      nudge: null,
    });
    expect(reciprocity([], pair, names, 'b').nextCoachId).toBe('b');
  });
  it('nudges after three in a row by one partner', () => {
    const r = reciprocity(
      ['b', 'a', 'a', 'a'].map((c, i) => ({ heldOn: `2026-01-0${i + 1}`, coachId: c })),
      pair,
      names,
    );
    expect(r.nudge).toBe('Alex has coached the last 3 sessions; next time, Sam could coach.');
  });
});

describe('attention', () => {
  const now = new Date('2026-03-01T12:00:00Z');
  const facts = (over: Partial<PartnershipFacts> = {}): PartnershipFacts => ({
    status: 'active',
    createdAt: new Date('2026-02-20T00:00:00Z'),
    activatedAt: new Date('2026-02-21T00:00:00Z'),
    cadence: 'weekly',
    lastSessionOn: new Date('2026-02-25T00:00:00Z'),
    sessions: 2,
    coachedBy: [
      { name: 'Alex', count: 1 },
      { name: 'Sam', count: 1 },
    ],
    streak: { name: 'Sam', count: 1 },
    helpRequest: null,
    ...over,
  });
  it('is quiet when all is well', () => expect(partnershipAttention(facts(), now)).toEqual([]));
  it('flags no agreement after 14 days', () => {
    expect(
      partnershipAttention(
        facts({
          status: 'proposed',
          createdAt: new Date('2026-02-10T00:00:00Z'),
          activatedAt: null,
        }),
        now,
      ),
    ).toEqual(['No agreement yet, 19 days after they were paired.']);
    expect(
      partnershipAttention(
        facts({
          status: 'proposed',
          createdAt: new Date('2026-02-20T00:00:00Z'),
          activatedAt: null,
        }),
        now,
      ),
    ).toEqual([]);
  });
  it('flags a partnership overdue by two cadences', () => {
    expect(
      partnershipAttention(facts({ lastSessionOn: new Date('2026-02-13T00:00:00Z') }), now),
    ).toEqual(['No session for 16 days; they agreed to meet weekly.']);
    expect(
      partnershipAttention(facts({ lastSessionOn: new Date('2026-02-16T00:00:00Z') }), now),
    ).toEqual([]);
  });
  it('flags one-sided coaching and a partner asking for help', () => {
    const r = partnershipAttention(
      facts({
        sessions: 3,
        coachedBy: [
          { name: 'Alex', count: 3 },
          { name: 'Sam', count: 0 },
        ],
        helpRequest: { name: 'Sam', message: 'We keep cancelling.' },
      }),
      now,
    );
    expect(r).toEqual([
      'Sam asked for your help: “We keep cancelling.”',
      'One-sided coaching: Alex has coached all 3 sessions; Sam has not coached yet.',
    ]);
  });
});

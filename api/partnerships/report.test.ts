/**
 * @module partnerships/report.test
 * The programme report: counts inside the period, departments connected, skills before pairing
 * and now, ratings; the CSV and the SVG say the same numbers.
 */
import { describe, expect, it } from 'vitest';
import { departmentsSvg, programmeReport, programmeReportCsv, type ReportInput } from './report.js';

const d = (s: string) => new Date(`${s}T12:00:00Z`);
const input: ReportInput = {
  from: d('2026-01-01'),
  to: d('2026-03-31'),
  partnerships: [
    {
      id: 'p1',
      createdAt: d('2026-01-05'),
      activatedAt: d('2026-01-10'),
      endedAt: null,
      departments: ['Nursing', 'Finance'],
      partners: ['a', 'b'],
    },
    {
      id: 'p2',
      createdAt: d('2025-12-01'),
      activatedAt: d('2025-12-05'),
      endedAt: d('2026-02-01'),
      departments: ['Finance', 'Nursing'],
      partners: ['c', 'd'],
    },
    {
      id: 'p3',
      createdAt: d('2026-03-01'),
      activatedAt: null,
      endedAt: null,
      departments: ['Estates', 'Pharmacy'],
      partners: ['e', 'f'],
    },
    {
      id: 'old',
      createdAt: d('2025-01-01'),
      activatedAt: d('2025-01-02'),
      endedAt: d('2025-06-01'),
      departments: ['Estates', 'Nursing'],
      partners: ['g', 'h'],
    },
  ],
  sessions: [
    { partnershipId: 'p1', heldOn: '2026-01-12' },
    { partnershipId: 'p1', heldOn: '2026-03-31' },
    { partnershipId: 'p2', heldOn: '2025-12-20' },
  ],
  actions: [
    { createdAt: d('2026-01-12'), updatedAt: d('2026-01-19'), status: 'done' },
    { createdAt: d('2026-01-12'), updatedAt: d('2026-01-12'), status: 'open' },
  ],
  reviews: [
    { rating: 5, createdAt: d('2026-02-01') },
    { rating: 4, createdAt: d('2026-02-02') },
    { rating: 1, createdAt: d('2025-02-02') },
  ],
  results: [
    { personId: 'a', skill: 'listening', score: 40, at: d('2026-01-01') },
    { personId: 'a', skill: 'listening', score: 60, at: d('2026-02-01') },
    { personId: 'a', skill: 'listening', score: 80, at: d('2026-03-01') },
  ],
};

describe('programmeReport', () => {
  const rep = programmeReport(input);
  it('counts what happened in the period', () => {
    expect(rep.partnerships).toEqual({ formed: 2, active: 2, ended: 1 });
    expect(rep.sessions.held).toBe(2);
    expect(rep.actions).toEqual({ agreed: 2, completed: 1 });
    expect(rep.ratings).toEqual({
      count: 2,
      mean: 4.5,
      counts: { '1': 0, '2': 0, '3': 0, '4': 1, '5': 1 },
    });
  });
  it('connects departments by the pairs live in the period', () => {
    expect(rep.departments).toEqual({
      names: ['Estates', 'Finance', 'Nursing', 'Pharmacy'],
      links: [
        { a: 'Finance', b: 'Nursing', pairs: 2 },
        { a: 'Estates', b: 'Pharmacy', pairs: 1 },
      ],
    });
  });
  it('gives skills before pairing and now', () => {
    expect(rep.skills.find((s) => s.skill === 'listening')).toEqual({
      skill: 'listening',
      before: 40,
      now: 60,
      partners: 6,
    });
  });
  it('says the same in CSV and in the picture', () => {
    const csv = programmeReportCsv(rep);
    expect(csv.split('\r\n')[0]).toBe('section,measure,value');
    expect(csv).toContain('departments connected,Finance – Nursing,2');
    const svg = departmentsSvg(rep);
    expect(svg).toContain(
      '<title id="dept-title">Departments connected by Learning Partnerships, 2026-01-01 to 2026-03-31</title>',
    );
    expect(svg).toContain('Finance and Nursing, 2 pairs; Estates and Pharmacy, 1 pair');
    expect(svg.match(/<line /g)).toHaveLength(2);
    expect(departmentsSvg(programmeReport({ ...input, partnerships: [] }))).toContain(
      'No partnerships connected departments in this period.',
    );
  });
});

/**
 * @module programme/roster.test
 */
import { describe, expect, it } from 'vitest';
import { parseRoster } from './roster.js';

describe('parseRoster', () => {
  it('reads name, email, cohort in any order and case, lower-casing emails', () => {
    const { rows, errors } = parseRoster(
      'Email,Name,Cohort\nALEX@x.org,Alex Rivera,Spring 2026\nsam@x.org,Sam,\n',
    );
    expect(errors).toEqual([]);
    expect(rows).toEqual([
      {
        line: 2,
        name: 'Alex Rivera',
        email: 'alex@x.org',
        cohort: 'Spring 2026',
        role: 'learner',
        department: null,
        lineManagerEmail: null,
      },
      {
        line: 3,
        name: 'Sam',
        email: 'sam@x.org',
        cohort: null,
        role: 'learner',
        department: null,
        lineManagerEmail: null,
      },
    ]);
  });
  it('reads a department and a line manager’s email, and checks them', () => {
    const ok = parseRoster(
      'name,email,department,line_manager_email\nAlex,alex@x.org,Nursing,ROSA@x.org\nRosa,rosa@x.org,Nursing,\n',
    );
    expect(ok.errors).toEqual([]);
    expect(ok.rows.map((r) => [r.department, r.lineManagerEmail])).toEqual([
      ['Nursing', 'rosa@x.org'],
      ['Nursing', null],
    ]);
    const bad = parseRoster(
      'name,email,line_manager_email\nAlex,alex@x.org,alex@x.org\nSam,sam@x.org,nobody\n',
    );
    expect(bad.errors).toEqual([
      { line: 2, field: 'line_manager_email', message: 'someone cannot be their own line manager' },
      { line: 3, field: 'line_manager_email', message: '"nobody" is not an email address' },
    ]);
  });
  it('reports every bad row with its line and field, and returns no rows', () => {
    const { rows, errors } = parseRoster(
      'name,email,cohort,role\nAlex,not-an-email,A,learner\n,b@x.org,A,learner\nC,c@x.org,A,boss\nD,c@x.org,A,learner\nE,e@x.org\n',
    );
    expect(rows).toEqual([]);
    expect(errors).toEqual([
      { line: 2, field: 'email', message: '"not-an-email" is not an email address' },
      { line: 3, field: 'name', message: 'a name is required' },
      {
        line: 4,
        field: 'role',
        message: '"boss" is not a role; use learner, facilitator or admin',
      },
      { line: 5, field: 'email', message: 'c@x.org is already on line 4' },
      { line: 6, field: '(row)', message: '2 fields, the header has 4' },
    ]);
  });
  it('rejects unknown or missing columns', () => {
    expect(parseRoster('name,mail,cohrot\nA,a@x.org,B').errors.map((e) => e.field)).toEqual([
      'mail',
      'cohrot',
      'email',
    ]);
  });
  it('rejects an empty file, a header alone and malformed CSV', () => {
    expect(parseRoster('').errors[0].field).toBe('(file)');
    expect(parseRoster('name,email\n').errors[0].message).toMatch(/no people/);
    expect(parseRoster('name,email\n"A,a@x.org\n').errors[0].message).toMatch(/never closed/);
  });
});

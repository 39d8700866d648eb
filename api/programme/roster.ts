/**
 * @module programme/roster
 * Reading a people-and-cohorts CSV (`name,email,cohort`, optional `role`, `department`,
 * `line_manager_email`) into rows to import, with
 * every problem reported by row so a facilitator can fix the file and send it again. Pure: the
 * store decides what already exists and writes everything in one transaction.
 */
import { CsvSyntaxError, parseCsv } from './csv.js';

export interface RosterRow {
  /** 1-based line in the file */
  line: number;
  name: string;
  email: string;
  /** cohort name, or null to import the person only */
  cohort: string | null;
  role: 'learner' | 'facilitator' | 'admin';
  /** department or team, or null to leave it as it is */
  department: string | null;
  /** their line manager's email (someone in the organisation or in the file), or null */
  lineManagerEmail: string | null;
}

export interface RosterError {
  line: number;
  /** the column the problem is in, or "(row)" */
  field: string;
  message: string;
}

export const ROSTER_COLUMNS = [
  'name',
  'email',
  'cohort',
  'role',
  'department',
  'line_manager_email',
] as const;
const REQUIRED = ['name', 'email'] as const;
const ROLES = new Set(['learner', 'facilitator', 'admin']);
/** a pragmatic check: one @, no spaces, a dot in the domain (full RFC 5322 is not worth it here) */
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
export const MAX_ROSTER_ROWS = 1000;

/**
 * Parses and validates a roster CSV. Headers are matched case-insensitively in any order; unknown
 * columns are an error (a typo such as "cohrot" must not silently drop the cohort).
 * @example parseRoster('name,email,cohort\nAlex,alex@x.org,Spring') // { rows: [{ line: 2, name: 'Alex', email: 'alex@x.org', cohort: 'Spring', role: 'learner' }], errors: [] }
 */
export function parseRoster(text: string): { rows: RosterRow[]; errors: RosterError[] } {
  let records;
  try {
    records = parseCsv(text);
  } catch (err) {
    if (err instanceof CsvSyntaxError)
      return { rows: [], errors: [{ line: err.line, field: '(row)', message: err.message }] };
    throw err;
  }
  if (records.length === 0)
    return {
      rows: [],
      errors: [
        {
          line: 1,
          field: '(file)',
          message: 'the file is empty; the first line must be the header name,email,cohort',
        },
      ],
    };
  const [header, ...body] = records;
  const columns = header.cells.map((c) => c.trim().toLowerCase());
  const errors: RosterError[] = [];
  columns.forEach((c, i) => {
    if (!(ROSTER_COLUMNS as readonly string[]).includes(c))
      errors.push({
        line: header.line,
        field: c || `(column ${i + 1})`,
        message: `unknown column "${c}"; the columns are ${ROSTER_COLUMNS.join(', ')}`,
      });
    else if (columns.indexOf(c) !== i)
      errors.push({ line: header.line, field: c, message: `column "${c}" appears twice` });
  });
  for (const need of REQUIRED)
    if (!columns.includes(need))
      errors.push({
        line: header.line,
        field: need,
        message: `the header needs a "${need}" column`,
      });
  if (errors.length) return { rows: [], errors };
  if (body.length === 0)
    return {
      rows: [],
      errors: [
        { line: header.line, field: '(file)', message: 'the file has a header but no people' },
      ],
    };
  if (body.length > MAX_ROSTER_ROWS)
    return {
      rows: [],
      errors: [
        {
          line: header.line,
          field: '(file)',
          message: `at most ${MAX_ROSTER_ROWS} people per import; this file has ${body.length}`,
        },
      ],
    };

  const at = (cells: string[], col: string) => {
    const i = columns.indexOf(col);
    return i < 0 ? '' : (cells[i] ?? '').trim();
  };
  const rows: RosterRow[] = [];
  const firstLineByEmail = new Map<string, number>();
  for (const r of body) {
    if (r.cells.length !== columns.length) {
      errors.push({
        line: r.line,
        field: '(row)',
        message: `${r.cells.length} fields, the header has ${columns.length}`,
      });
      continue;
    }
    const name = at(r.cells, 'name');
    const email = at(r.cells, 'email').toLowerCase();
    const cohort = at(r.cells, 'cohort') || null;
    const role = (at(r.cells, 'role') || 'learner').toLowerCase();
    const department = at(r.cells, 'department') || null;
    const lineManagerEmail = at(r.cells, 'line_manager_email').toLowerCase() || null;
    let ok = true;
    const fail = (field: string, message: string) => {
      errors.push({ line: r.line, field, message });
      ok = false;
    };
    if (!name) fail('name', 'a name is required');
    else if (name.length > 200) fail('name', 'at most 200 characters');
    if (!email) fail('email', 'an email is required');
    else if (!EMAIL.test(email) || email.length > 320)
      fail('email', `"${email}" is not an email address`);
    if (cohort && cohort.length > 120) fail('cohort', 'at most 120 characters');
    if (department && department.length > 120) fail('department', 'at most 120 characters');
    if (lineManagerEmail && !EMAIL.test(lineManagerEmail))
      fail('line_manager_email', `"${lineManagerEmail}" is not an email address`);
    else if (lineManagerEmail && lineManagerEmail === email)
      fail('line_manager_email', 'someone cannot be their own line manager');
    if (!ROLES.has(role))
      fail('role', `"${role}" is not a role; use learner, facilitator or admin`);
    if (email && firstLineByEmail.has(email))
      fail('email', `${email} is already on line ${firstLineByEmail.get(email)}`);
    else if (email) firstLineByEmail.set(email, r.line);
    if (ok)
      rows.push({
        line: r.line,
        name,
        email,
        cohort,
        role: role as RosterRow['role'],
        department,
        lineManagerEmail,
      });
  }
  return { rows: errors.length ? [] : rows, errors };
}

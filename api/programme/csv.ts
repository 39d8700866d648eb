/**
 * @module programme/csv
 * RFC 4180 CSV, both ways: quoted fields with commas, doubled quotes and line breaks are read
 * correctly, and written fields are quoted when they need it. Cells that a spreadsheet would run
 * as a formula are defused on the way out (CSV injection), since facilitators open exports in Excel.
 */

export class CsvSyntaxError extends Error {
  constructor(
    message: string,
    /** 1-based line where the problem is */
    public readonly line: number,
  ) {
    super(message);
    this.name = 'CsvSyntaxError';
  }
}

/** A parsed record with the 1-based line it started on (for row-level errors). */
export interface CsvRecord {
  line: number;
  cells: string[];
}

/**
 * Parses CSV text into records; blank lines are skipped, a BOM is ignored.
 * @throws CsvSyntaxError on an unterminated quote or a stray quote inside a bare field
 * @example parseCsv('name,email\n"Rivera, Alex",alex@x.org') // [{ line: 1, cells: ['name','email'] }, { line: 2, cells: ['Rivera, Alex','alex@x.org'] }]
 */
export function parseCsv(text: string): CsvRecord[] {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  let cells: string[] = [];
  let cell = '';
  let line = 1;
  let recordLine = 1;
  let i = 0;
  let quoted = false;
  let fieldStart = true;
  const endRecord = () => {
    cells.push(cell);
    if (!(cells.length === 1 && cells[0].trim() === '')) records.push({ line: recordLine, cells });
    cells = [];
    cell = '';
    fieldStart = true;
  };
  while (i < src.length) {
    const ch = src[i];
    if (quoted) {
      if (ch === '"') {
        if (src[i + 1] === '"') {
          cell += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        const next = src[i];
        if (next !== undefined && next !== ',' && next !== '\n' && next !== '\r')
          throw new CsvSyntaxError(
            'text after a closing quote; double a quote inside a quoted field ("")',
            line,
          );
        continue;
      }
      if (ch === '\n') line++;
      cell += ch;
      i++;
      continue;
    }
    if (ch === '"') {
      if (!fieldStart)
        throw new CsvSyntaxError('a quote inside an unquoted field; quote the whole field', line);
      quoted = true;
      fieldStart = false;
      i++;
      continue;
    }
    if (ch === ',') {
      cells.push(cell);
      cell = '';
      fieldStart = true;
      i++;
      continue;
    }
    if (ch === '\r' || ch === '\n') {
      endRecord();
      i += ch === '\r' && src[i + 1] === '\n' ? 2 : 1;
      line++;
      recordLine = line;
      continue;
    }
    cell += ch;
    fieldStart = false;
    i++;
  }
  if (quoted) throw new CsvSyntaxError('a quoted field is never closed', recordLine);
  if (cell !== '' || cells.length > 0) endRecord();
  return records;
}

/** One CSV field: quoted when needed, and a leading =, +, - or @ defused so spreadsheets show it as text. */
export function csvField(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  let s = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Rows to CSV text with CRLF line ends (RFC 4180). */
export function toCsv(rows: (string | number | boolean | null | undefined)[][]): string {
  return rows.map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}

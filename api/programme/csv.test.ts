/**
 * @module programme/csv.test
 */
import { describe, expect, it } from 'vitest';
import { CsvSyntaxError, csvField, parseCsv, toCsv } from './csv.js';

describe('parseCsv', () => {
  it('reads quoted commas, doubled quotes and line breaks, CRLF and a BOM', () => {
    const text = '\uFEFFname,note\r\n"Rivera, Alex","said ""hi""\nthen left"\r\n\r\nSam,plain\n';
    expect(parseCsv(text)).toEqual([
      { line: 1, cells: ['name', 'note'] },
      { line: 2, cells: ['Rivera, Alex', 'said "hi"\nthen left'] },
      { line: 5, cells: ['Sam', 'plain'] },
    ]);
  });
  it('keeps empty trailing fields', () => {
    expect(parseCsv('a,b,\n')).toEqual([{ line: 1, cells: ['a', 'b', ''] }]);
  });
  it('rejects an unterminated quote with its line', () => {
    expect(() => parseCsv('a,b\n"oops,c\n')).toThrow(CsvSyntaxError);
    try {
      parseCsv('a,b\n"oops,c\n');
    } catch (e) {
      expect((e as CsvSyntaxError).line).toBe(2);
    }
  });
  it('rejects a stray quote inside a bare field', () => {
    expect(() => parseCsv('a,b"c\n')).toThrow(/quote/);
  });
});

describe('toCsv', () => {
  it('quotes when needed and round-trips', () => {
    const rows = [
      ['id', 'name'],
      ['1', 'Rivera, "Al"'],
      ['2', 'multi\nline'],
    ];
    const text = toCsv(rows);
    expect(text).toBe('id,name\r\n1,"Rivera, ""Al"""\r\n2,"multi\nline"\r\n');
    expect(parseCsv(text).map((r) => r.cells)).toEqual(rows);
  });
  it('defuses spreadsheet formulas', () => {
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField('@cmd')).toBe("'@cmd");
    expect(csvField(-3)).toBe('-3');
  });
});

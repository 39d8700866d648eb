/** Unit tests for db/json-rows: JSON parameters PostgreSQL always parses, keyed by column name. */
import { describe, expect, it } from 'vitest';
import { jsonParam, rowParam, rowsParam, wellFormed } from './json-rows.js';
import { turns } from './schema/index.js';

describe('db/json-rows', () => {
  it('replaces lone surrogates, keeps whole emoji', () => {
    expect(wellFormed('ok \ud83d')).toBe('ok \ufffd');
    expect(wellFormed('\ude00 then')).toBe('\ufffd then');
    expect(wellFormed('smile 😀')).toBe('smile 😀');
    expect(jsonParam({ a: ['x\ud83d'] })).toBe('{"a":["x\ufffd"]}');
  });

  it('keys rows by column name, not by property name', () => {
    const row = JSON.parse(
      rowParam(turns, { sessionId: 's1', clientTurnId: 'c1', text: 'hi\ud83d' }),
    );
    expect(row).toMatchObject({ session_id: 's1', client_turn_id: 'c1', text: 'hi\ufffd' });
    expect(row).not.toHaveProperty('sessionId');
    expect(
      JSON.parse(rowsParam(turns, [{ index: 1 }, { index: 2 }])).map(
        (r: { index: number }) => r.index,
      ),
    ).toEqual([1, 2]);
  });
});

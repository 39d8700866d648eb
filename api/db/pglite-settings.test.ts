import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPglite, PGLITE_SETTINGS, type OpenDatabase } from './index.js';

describe('PGlite memory settings', () => {
  let database: OpenDatabase;
  beforeAll(async () => {
    process.env.SB_PGLITE_SETTINGS = 'work_mem=3MB';
    database = await openPglite('memory://');
  });
  afterAll(async () => {
    delete process.env.SB_PGLITE_SETTINGS;
    await database.close();
  });

  const show = async (name: string) => {
    const rows = (await database.db.execute(sql.raw(`SHOW ${name}`))) as unknown as {
      rows: Record<string, string>[];
    };
    return rows.rows[0][name];
  };

  it('starts PostgreSQL with the small-footprint settings', async () => {
    expect(PGLITE_SETTINGS).toContain('shared_buffers=16MB');
    expect(await show('shared_buffers')).toBe('16MB');
    expect(await show('max_connections')).toBe('4');
    expect(await show('wal_buffers')).toBe('512kB');
  });

  it('SB_PGLITE_SETTINGS overrides one of them', async () => {
    expect(await show('work_mem')).toBe('3MB');
  });
});

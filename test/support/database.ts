/**
 * @module test/support/database
 * A fresh, migrated database for each test file: PGlite by default (started from a migrated
 * dump cached in the temp folder, since a cold PGlite plus migrations takes seconds), or a new
 * database on the PostgreSQL server in DATABASE_URL, dropped again afterwards.
 */
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { openPglite, openPostgres, type OpenDatabase } from '../../api/db/index.js';

const MIGRATIONS = new URL('../../api/db/migrations/', import.meta.url).pathname;

function migrationsHash(): string {
  const h = createHash('sha256');
  for (const f of readdirSync(MIGRATIONS).sort())
    if (f.endsWith('.sql')) h.update(f).update(readFileSync(join(MIGRATIONS, f)));
  return h.digest('hex').slice(0, 16);
}

/** A migrated PGlite database as a dump (made once per set of migrations, cached in the temp folder). */
export async function migratedDump(): Promise<Blob> {
  const file = join(tmpdir(), `sounding-board-pglite-${migrationsHash()}.tar`);
  if (!existsSync(file)) {
    const fresh = (await openPglite('memory://')) as OpenDatabase & { dump(): Promise<Blob> };
    await fresh.migrate();
    const dump = await fresh.dump();
    await fresh.close();
    // Write then rename, so parallel test files never read a half-written dump.
    const partial = `${file}.${process.pid}.${randomUUID()}`;
    writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
    renameSync(partial, file);
  }
  return new Blob([readFileSync(file)]);
}

export interface TestDatabase extends OpenDatabase {
  url: string | null;
}

export async function openTestDatabase(): Promise<TestDatabase> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const db = await openPglite('memory://', { loadDataDir: await migratedDump() });
    return Object.assign(db, { url: null });
  }
  const name = `sb_test_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const db = await openPostgres(url.toString(), { max: 5 });
  await db.migrate();
  return {
    ...db,
    url: url.toString(),
    async close() {
      await db.close();
      const a = postgres(serverUrl, { max: 1, onnotice: () => {} });
      await a.unsafe(`drop database if exists ${name} with (force)`);
      await a.end();
    },
  };
}

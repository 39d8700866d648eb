/**
 * @module db
 * Opens the database the configuration asks for: PostgreSQL through postgres.js when a URL is
 * given, otherwise embedded PGlite in a data folder (or in memory for tests). Both speak the same
 * Drizzle schema and migrations, so nothing above this module knows which one it has.
 */
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { projectPath } from '../project-path.js';
import * as schema from './schema/index.js';

export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;
export type DbKind = 'pglite' | 'postgres';

export interface OpenDatabase {
  db: Database;
  kind: DbKind;
  /** applies the committed migrations (Node only: reads the migrations folder) */
  migrate(): Promise<void>;
  close(): Promise<void>;
}

/** The committed migrations (a function: Workers have no project folder, and never migrate). */
const migrationsFolder = () => projectPath('api/db/migrations');

/** Seconds to wait for a connection to PostgreSQL before the request is answered 503. */
export const CONNECT_TIMEOUT_S = 3;

/** PostgreSQL through postgres.js (also used on Workers through Hyperdrive). */
export async function openPostgres(
  url: string,
  opts: { max?: number; fetchTypes?: boolean } = {},
): Promise<OpenDatabase> {
  const { default: postgres } = await import('postgres');
  const { drizzle } = await import('drizzle-orm/postgres-js');
  // onnotice: silence "relation already exists, skipping" chatter from idempotent migrations.
  // fetchTypes false (Workers) saves the array-type lookup round trip on every new connection.
  // connect_timeout: a database that has gone away answers requests with a 503 in seconds (see
  // problems: databaseUnavailable) rather than holding them for postgres.js's default 30 s.
  const sql = postgres(url, {
    max: opts.max ?? 10,
    onnotice: () => {},
    prepare: true,
    fetch_types: opts.fetchTypes ?? true,
    connect_timeout: CONNECT_TIMEOUT_S,
  });
  const driver = drizzle(sql, { schema });
  const db = driver as unknown as Database;
  return {
    db,
    kind: 'postgres',
    async migrate() {
      const { migrate } = await import('drizzle-orm/postgres-js/migrator');
      await migrate(driver, { migrationsFolder: migrationsFolder() });
    },
    close: () => sql.end({ timeout: 5 }),
  };
}

/**
 * PostgreSQL's memory settings for embedded PGlite. PGlite runs one backend inside a WebAssembly
 * instance in the server's process, but starts with the defaults of a server for 100 connections
 * and 128 MB of shared buffers, and every page of that it touches stays in the process's resident
 * memory (WebAssembly memory never shrinks). One backend and a practice-sized database need far
 * less; the figures are in docs/operations.md. `SB_PGLITE_SETTINGS` (comma-separated
 * `name=value`) adds to or overrides these.
 */
export const PGLITE_SETTINGS: readonly string[] = [
  'shared_buffers=16MB', // the page cache (PostgreSQL's default 128MB); a practice database is a few MB
  'wal_buffers=512kB', // the write-ahead log's buffer in shared memory (default 1/32 of shared_buffers)
  'max_connections=4', // shared memory is sized per possible backend; PGlite has one
  'autovacuum_worker_slots=1', // likewise for autovacuum workers (PGlite runs none)
  'work_mem=2MB', // per sort or hash before it spills to disk (default 4MB)
  'maintenance_work_mem=16MB', // CREATE INDEX and VACUUM (default 64MB)
  'temp_buffers=2MB', // temporary tables (default 8MB; the app creates none)
];

/** `SB_PGLITE_SETTINGS`, read when PGlite opens (Node only: Workers never open PGlite). */
function pgliteSettingsFromEnv(): string[] {
  return (process.env.SB_PGLITE_SETTINGS ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

/**
 * Embedded PGlite; `dataDir` of `memory://` keeps everything in memory (tests), and
 * `loadDataDir` starts from a dump (tests start from a migrated dump: much faster than migrating).
 */
export async function openPglite(
  dataDir: string,
  opts: { loadDataDir?: Blob } = {},
): Promise<OpenDatabase> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { drizzle } = await import('drizzle-orm/pglite');
  const client = new PGlite(dataDir, {
    ...(opts.loadDataDir ? { loadDataDir: opts.loadDataDir } : {}),
    startParams: [
      ...PGlite.defaultStartParams,
      ...[...PGLITE_SETTINGS, ...pgliteSettingsFromEnv()].flatMap((setting) => ['-c', setting]),
    ],
  });
  await client.waitReady;
  const driver = drizzle(client, { schema });
  const db = driver as unknown as Database;
  return {
    db,
    kind: 'pglite',
    async migrate() {
      const { migrate } = await import('drizzle-orm/pglite/migrator');
      await migrate(driver, { migrationsFolder: migrationsFolder() });
    },
    close: () => client.close(),
    dump: () => client.dumpDataDir('none'),
  } as OpenDatabase & { dump(): Promise<Blob | File> };
}

export async function openDatabase(config: {
  databaseUrl: string | null;
  dataDir: string;
}): Promise<OpenDatabase> {
  if (config.databaseUrl) return openPostgres(config.databaseUrl);
  if (config.dataDir !== 'memory://') {
    const { mkdirSync } = await import('node:fs');
    mkdirSync(config.dataDir, { recursive: true });
  }
  return openPglite(config.dataDir);
}

export { schema };

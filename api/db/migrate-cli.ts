/**
 * @module db/migrate-cli
 * `npm run db:migrate`: applies the committed migrations to DATABASE_URL (or the embedded
 * database in DATA_DIR when no URL is set).
 */
import { loadConfig, ConfigError } from '../config/index.js';
import { openDatabase } from './index.js';

try {
  const config = loadConfig(process.env);
  const database = await openDatabase(config);
  await database.migrate();
  await database.close();
  console.log(
    `Migrations applied to ${database.kind === 'postgres' ? 'PostgreSQL' : `PGlite in ${config.dataDir}`}.`,
  );
} catch (err) {
  console.error(
    err instanceof ConfigError ? err.message : `Migration failed: ${(err as Error).message}`,
  );
  process.exitCode = 1;
}

/**
 * @module drizzle.config
 * drizzle-kit generates SQL migrations from api/db/schema into api/db/migrations (committed);
 * the same migrations run on PGlite and PostgreSQL.
 */
import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  schema: './api/db/schema/index.ts',
  out: './api/db/migrations',
});

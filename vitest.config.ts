/**
 * @module vitest.config
 * One suite: pure domain unit tests beside the code, HTTP/database tests under test/, browser
 * tests (Debian chromium through playwright-core) under test/browser. Database tests use PGlite
 * unless DATABASE_URL points at a PostgreSQL server.
 */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'api/**/*.test.ts',
      'prompts/**/*.test.ts',
      'evals/**/*.test.ts',
      'tools/**/*.test.ts',
      'test/**/*.test.ts',
      'web-components/**/*.test.ts',
    ],
    exclude: ['**/node_modules/**', 'dist/**'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    globalSetup: ['test/support/global-setup.ts'],
  },
});

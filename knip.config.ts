/**
 * @module knip.config
 * Dead-code check (`npm run knip`, in CI): files nothing imports, exports nobody uses,
 * dependencies nothing needs. Knip parses with oxc, not the TypeScript JS API, so it runs in the
 * project's own install beside TypeScript 7 (ESLint needs tools/lint for that; knip does not).
 *
 * Entry points: the runtimes (api/server.ts and api/start.mjs from package.json's scripts,
 * api/worker.ts as wrangler.toml's `main`, both found by knip itself), every other command line
 * behind a script, the tools/, evals/ and bench/ programs, the embed bundle's entry, and every
 * test (vitest's config, through knip's vitest plugin).
 *
 * Exports a module uses itself are not reported (`ignoreExportsUsedInFile`): an exported name
 * the file also uses is the module's offer, not dead code; an export nobody uses at all is.
 */
import type { KnipConfig } from 'knip';

const config: KnipConfig = {
  entry: [
    'web-components/src/index.ts',
    'tools/**/*.ts',
    'evals/*.ts',
    'evals/*/*.ts',
    'bench/*.ts',
    // ESLint is installed in tools/lint, so knip's ESLint plugin does not see it
    'eslint.config.js',
  ],
  project: [
    'api/**/*.{ts,mjs}',
    'prompts/**/*.ts',
    'web-components/**/*.ts',
    'tools/**/*.ts',
    'evals/**/*.ts',
    'bench/**/*.ts',
    'test/**/*.ts',
    '*.{ts,js}',
  ],
  ignoreExportsUsedInFile: true,
  // the machine's own programs a test runs (net/pinned-tls makes its certificates with openssl)
  ignoreBinaries: ['openssl'],
  ignoreDependencies: [
    // read as files, not imported: scorm-again's runtime is served to Chromium by the SCORM test;
    // wrangler runs `api/worker.ts` in the Workers smoke test (its binary, from node_modules/.bin)
    'scorm-again',
    'wrangler',
    // ESLint's own install (tools/lint/package.json), imported by path from eslint.config.js
    '@eslint/js',
    'typescript-eslint',
    // the API-types generator's own install (tools/api-types/package.json): once it is installed,
    // knip would otherwise call it unlisted, so the check would depend on the order of CI's steps
    'openapi-typescript',
  ],
};

export default config;

// ESLint (flat config): typescript-eslint's recommended rules, and the import boundaries that
// keep the house's shape (docs/architecture.md):
//   - the practice domain (api/practice) imports nothing outside itself;
//   - stores (api/store, *.store.ts) never import HTTP modules (hono, api/problems, routes);
//   - routes (api/routes) never import the database tables (api/db/schema): they call stores.
// The boundary rule resolves each relative import against the importing file, so `../` counts.
// ESLint and typescript-eslint live in tools/lint (their own install, with the TypeScript 5.9 JS
// API the parser needs: TypeScript 7, the project's type-checker, no longer ships one).
import { dirname, relative, resolve } from 'node:path';
import js from './tools/lint/node_modules/@eslint/js/src/index.js';
import tseslint from './tools/lint/node_modules/typescript-eslint/dist/index.js';

const ROOT = dirname(new URL(import.meta.url).pathname);
const rel = (file) => relative(ROOT, file).split('\\').join('/');
const isTest = (file) => /\.test\.ts$/.test(file) || file.startsWith('test/');

/** Packages that do I/O or belong to a layer above the domain. */
const IO_PACKAGES = [
  'node:',
  'fs',
  'path',
  'hono',
  '@hono',
  'drizzle-orm',
  'postgres',
  '@electric-sql',
  'openai',
  'jose',
];

/** Each zone: which files it holds, and what those files may not import (a reason for each). */
const ZONES = [
  {
    name: 'practice',
    holds: (f) => f.startsWith('api/practice/') && !isTest(f),
    // pure libraries (zod, yaml) are fine; no other project module, no I/O, no framework
    refuses: (target, spec) =>
      target !== null
        ? !target.startsWith('api/practice/')
          ? 'the practice domain imports nothing outside api/practice'
          : null
        : IO_PACKAGES.some((p) => spec === p || spec.startsWith(p.endsWith(':') ? p : `${p}/`))
          ? 'the practice domain does no I/O and knows no framework'
          : null,
  },
  {
    name: 'store',
    holds: (f) => (f.startsWith('api/store/') || f.endsWith('.store.ts')) && !isTest(f),
    refuses: (target, spec) =>
      spec === 'hono' || spec.startsWith('hono/') || spec.startsWith('@hono/')
        ? 'stores know nothing of HTTP'
        : target &&
            (target.startsWith('api/problems/') || target.startsWith('api/routes/')) &&
            !target.endsWith('.store.ts')
          ? 'stores know nothing of HTTP: throw a StoreError (store/errors), mapped to a problem at the edge'
          : null,
  },
  {
    name: 'routes',
    holds: (f) => f.startsWith('api/routes/') && !f.endsWith('.store.ts') && !isTest(f),
    refuses: (target) =>
      target && target.startsWith('api/db/schema')
        ? 'routes never touch tables: call a store'
        : null,
  },
];

const boundaries = {
  rules: {
    zones: {
      meta: { type: 'problem', schema: [], messages: { refused: '{{why}} ({{spec}})' } },
      create(context) {
        const file = rel(context.filename);
        const zones = ZONES.filter((z) => z.holds(file));
        if (zones.length === 0) return {};
        const check = (node, source) => {
          if (!source || typeof source.value !== 'string') return;
          const spec = source.value;
          const target = spec.startsWith('.')
            ? rel(resolve(dirname(context.filename), spec))
            : null;
          for (const z of zones) {
            const why = z.refuses(target, spec);
            if (why) context.report({ node: source, messageId: 'refused', data: { why, spec } });
          }
        };
        return {
          ImportDeclaration: (node) => check(node, node.source),
          ExportNamedDeclaration: (node) => check(node, node.source),
          ExportAllDeclaration: (node) => check(node, node.source),
          ImportExpression: (node) => check(node, node.source),
        };
      },
    },
  },
};

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'dist/',
      'web-components/dist/',
      '.data/',
      'test-artifacts/',
      '.wrangler/',
      'api/db/migrations/',
      'tools/*/node_modules/',
      'web-components/src/api/openapi.d.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.js', '**/*.mjs'],
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: 'module',
      globals: { console: 'readonly', process: 'readonly', URL: 'readonly', crypto: 'readonly' },
    },
    plugins: { boundaries },
    rules: {
      'boundaries/zones': 'error',
      // style warnings: `npm run lint` passes --max-warnings 0, so CI fails on these too
      '@typescript-eslint/no-explicit-any': 'warn',
      '@typescript-eslint/no-unused-vars': [
        'warn',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      '@typescript-eslint/no-non-null-assertion': 'off',
      'prefer-const': 'warn',
      '@typescript-eslint/no-unused-expressions': 'warn',
      'no-undef': 'off', // TypeScript checks names
    },
  },
);

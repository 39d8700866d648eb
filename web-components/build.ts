/**
 * @module web-components/build
 * Bundles the components into one minified ES module, lit included, for embedding:
 * `web-components/dist/sounding-board.js`. Run with `npm run build:web` (`tsx web-components/build.ts`).
 * Also importable, so tests and the benchmark build the same way.
 */
import { build, type Metafile } from 'esbuild';
import { mkdirSync, readdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
export const ENTRY = join(here, 'src', 'index.ts');
export const BUNDLE_PATH = join(here, 'dist', 'sounding-board.js');

/** Builds the bundle; returns its path and esbuild's metafile (what went in, how big). */
export async function buildBundle(
  opts: { outfile?: string; sourcemap?: boolean } = {},
): Promise<{ outfile: string; metafile: Metafile }> {
  const outfile = opts.outfile ?? BUNDLE_PATH;
  const result = await build({
    entryPoints: [ENTRY],
    outfile,
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: ['es2021', 'chrome100', 'firefox100', 'safari15'],
    minify: true,
    sourcemap: opts.sourcemap ?? false,
    legalComments: 'eof',
    metafile: true,
    // written below through a temporary file: test files build in parallel while a server reads it
    write: false,
    tsconfig: join(here, '..', 'tsconfig.json'),
    logLevel: 'warning',
    // lit's production build: no dev-mode warnings in LMS pages
    conditions: ['production'],
    define: { 'process.env.NODE_ENV': '"production"' },
    banner: {
      js: '/* Sounding Board web components. MIT licence. Includes Lit (BSD-3-Clause). */',
    },
  });
  mkdirSync(dirname(outfile), { recursive: true });
  for (const file of result.outputFiles!) {
    const partial = `${file.path}.${process.pid}.${Date.now()}.tmp`;
    writeFileSync(partial, file.contents);
    renameSync(partial, file.path);
  }
  return { outfile, metafile: result.metafile! };
}

/** Newest modification time among the component sources (to tell whether a bundle is stale). */
export function newestSourceMtime(dir = join(here, 'src')): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSourceMtime(p));
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts'))
      newest = Math.max(newest, statSync(p).mtimeMs);
  }
  return newest;
}

/** Builds only when the bundle is missing or older than a source file. */
export async function ensureBundle(): Promise<string> {
  let stale = true;
  try {
    // the bundle also carries the shared practice vocabulary (skill ids) from the API
    const shared = statSync(join(here, '..', 'api', 'practice', 'types.ts')).mtimeMs;
    stale =
      statSync(BUNDLE_PATH).mtimeMs <
      Math.max(newestSourceMtime(), shared, statSync(fileURLToPath(import.meta.url)).mtimeMs);
  } catch {
    stale = true;
  }
  if (stale) await buildBundle();
  return BUNDLE_PATH;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { outfile, metafile } = await buildBundle({
    sourcemap: process.argv.includes('--sourcemap'),
  });
  const bytes =
    metafile.outputs[Object.keys(metafile.outputs).find((k) => k.endsWith('.js'))!].bytes;
  console.log(
    `built ${outfile.replace(process.cwd() + '/', '')} (${(bytes / 1024).toFixed(1)} KB minified)`,
  );
}

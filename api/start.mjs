/**
 * @module start
 * `npm start`: runs the Node server from prebuilt JavaScript instead of compiling TypeScript at
 * every start. The server bundle (dist/server.js) and the web-component bundle are rebuilt only when a source file is newer than
 * them, so the first start after an install or a change builds (about a second) and every other
 * start goes straight to the server.
 * Dependencies are bundled too (but PGlite, which loads its WebAssembly from its own folder):
 * resolving and linking hundreds of ESM files at start took most of the cold start and left
 * V8's heap grown to ~150 MB; bundled, the server starts in about half the time and idles in
 * about half the memory (bench/cold-start.bench.ts, npm run soak).
 * `npm start` also sizes V8's heap (in package.json: a V8 flag only takes effect on the command
 * line). The server's live heap is ~25 MB idle and ~35 MB with 200 sessions open, but V8 lets a heap
 * grow to up to 4x what survived the last full collection when the process may use gigabytes: the
 * old space reached ~110 MB under load and resident memory ~250-280 MB. --max-old-space-size=256
 * is a ceiling far above the live heap, and it also makes V8 choose its small-heap growing factor
 * (at most 1.3x): more full collections (33 instead of ~10 over bench/http's run), each of a small
 * heap. --max-semi-space-size=4 keeps the young generation at 2 x 4 MB (the default lets it grow
 * to 2 x 16) while most of a request's objects still die young. Measured: docs/operations.md.
 * Plain JavaScript on purpose: it must run before anything is compiled.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import module from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const at = (p) => join(root, p);
const DIST = at('dist');
const SERVER_BUNDLE = at('dist/server.js');
const COMPILE_CACHE = at('dist/.compile-cache');
const WEB_BUNDLE = at('web-components/dist/sounding-board.js');

/** Newest modification time of the files under these folders (0 when none). */
function newest(folders) {
  let max = 0;
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name === 'node_modules' || entry.name === 'dist') continue;
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else max = Math.max(max, statSync(full).mtimeMs);
    }
  };
  for (const f of folders) if (existsSync(at(f))) walk(at(f));
  return max;
}
const builtAt = (file) => (existsSync(file) ? statSync(file).mtimeMs : -1);
const sourcesChanged = (bundle, folders) =>
  builtAt(bundle) < Math.max(newest(folders), statSync(at('package-lock.json')).mtimeMs);

if (sourcesChanged(WEB_BUNDLE, ['web-components/src'])) {
  const r = spawnSync(
    process.execPath,
    [at('node_modules/tsx/dist/cli.mjs'), at('web-components/build.ts')],
    { stdio: 'inherit' },
  );
  if (r.status !== 0) process.exit(r.status ?? 1);
}
const built = sourcesChanged(SERVER_BUNDLE, ['api', 'prompts']) && (await buildServer(), true);

// glibc gives each thread that allocates its own malloc arena (V8's GC and compiler workers,
// libuv's pool), and each keeps the memory it once used: ~10 MB of the server's resident memory
// under load. Two arenas are plenty for one event loop. glibc reads the setting only when a
// process starts, so on Linux the launcher replaces itself once with it set (process.execve,
// Node 22.15+: same process id, ~20 ms). SB_MALLOC_ARENAS=default leaves glibc's own choice.
// After a build it replaces itself too: building left ~30 MB in this process's C heap.
// MALLOC_MMAP_THRESHOLD_ fixes the size from which glibc maps a block of its own (and unmaps it
// when freed) at 128 kB; by default the threshold rises to the largest block freed so far, after
// which PGlite's large file buffers (creating and migrating a data folder) stayed in the heap:
// ~100 MB of idle resident memory (docs/operations.md). SB_MALLOC_ARENAS=default leaves both.
const setArenas =
  process.platform === 'linux' &&
  process.env.MALLOC_ARENA_MAX === undefined &&
  process.env.SB_MALLOC_ARENAS !== 'default';
if ((setArenas || built) && typeof process.execve === 'function') {
  const env = setArenas
    ? {
        ...process.env,
        MALLOC_ARENA_MAX: process.env.SB_MALLOC_ARENAS ?? '2',
        MALLOC_MMAP_THRESHOLD_: process.env.MALLOC_MMAP_THRESHOLD_ ?? '131072',
      }
    : process.env;
  process.execve(
    process.execPath,
    [process.execPath, ...process.execArgv, ...process.argv.slice(1)],
    env,
  );
}

// V8's code cache for the bundle (Node 22.1+): a start with a warm cache skips parsing and
// compiling the bundle's top level, which is most of the start-up time and left ~17 MB of freed
// parser memory in the C heap for the life of the process. Written after the first start that
// misses it (and at exit); the cache checks each entry against the source's hash.
module.enableCompileCache?.(COMPILE_CACHE);
await import(pathToFileURL(SERVER_BUNDLE).href);
module.flushCompileCache?.();

/**
 * Bundles api/server.ts into dist/: dist/server.js and, split out, the code only one database needs
 * (`import()`ed when it is opened: on PostgreSQL PGlite's JavaScript is never loaded, and the reverse).
 * Whitespace and comments are left out and the few characters outside ASCII (in regular expressions)
 * are written as escapes: V8 keeps a script's whole source in memory for as long as the process
 * runs, one byte per character when it is all Latin-1 and two otherwise (8.8 MB before, 3.2 MB now).
 * Identifiers are kept, so stack traces still name the functions.
 */
async function buildServer() {
  const { build } = await import('esbuild');
  rmSync(DIST, { recursive: true, force: true });
  const result = await build({
    entryPoints: [at('api/server.ts')],
    outdir: DIST,
    entryNames: '[name]',
    chunkNames: 'chunks/[name]-[hash]',
    bundle: true,
    splitting: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    minifyWhitespace: true,
    external: ['@electric-sql/pglite', '@electric-sql/pglite/*'],
    // CommonJS packages inside an ES module bundle still call require()
    banner: {
      js: "import { createRequire as __sbRequire } from 'node:module'; const require = __sbRequire(import.meta.url);",
    },
    sourcemap: 'linked',
    tsconfig: at('tsconfig.json'),
    logLevel: 'warning',
    write: false,
  });
  // dist/server.js last: its time stamp is what says the bundle is up to date
  const files = result.outputFiles.sort(
    (a, b) => Number(a.path === SERVER_BUNDLE) - Number(b.path === SERVER_BUNDLE),
  );
  for (const file of files) {
    mkdirSync(dirname(file.path), { recursive: true });
    // \uXXXX means the same character in a string, a template, a regular expression and a comment
    // (the source map's columns on those few lines are off by the escapes' length)
    const text = file.path.endsWith('.js')
      ? file.text.replace(
          /[^\0-\x7f]/g,
          (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
        )
      : file.text;
    writeFileSync(file.path, text);
  }
  // Fill the code cache now, so that the first start after a build is like every other: a child
  // compiles the bundle and stops at the configuration check (an invalid PORT), before it opens
  // a database or a port. Node writes the cache when the child exits.
  const prime = `import module from 'node:module'; module.enableCompileCache(${JSON.stringify(COMPILE_CACHE)}); await import(${JSON.stringify(pathToFileURL(SERVER_BUNDLE).href)}); process.exit(0);`;
  spawnSync(process.execPath, ['--input-type=module', '-e', prime], {
    env: { ...process.env, PORT: 'compile-only' },
    stdio: 'ignore',
    timeout: 60_000,
  });
}

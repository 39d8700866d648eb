/**
 * @module project-path
 * Files the Node server reads at run time (migrations, the web-component bundle), found from the
 * project's root rather than from the module's own place: the same code runs from TypeScript
 * sources (tests, tsx) and from the prebuilt server bundle in dist/, whose module URL differs.
 * Node only; nothing here runs at import time, so importing it on Workers cannot fail.
 */

let root: string | undefined;

/** The absolute path of `relative` (slash-separated) inside the project folder. */
export function projectPath(relative: string): string {
  root ??= findRoot();
  return `${root}/${relative}`;
}

function findRoot(): string {
  // getBuiltinModule instead of a static import: Workers bundles import this module too.
  const fs = process.getBuiltinModule('node:fs');
  const path = process.getBuiltinModule('node:path');
  const url = process.getBuiltinModule('node:url');
  let dir = path.dirname(url.fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = path.join(dir, 'package.json');
    if (
      fs.existsSync(manifest) &&
      JSON.parse(fs.readFileSync(manifest, 'utf8')).name === 'sounding-board'
    )
      return dir;
    const parent = path.dirname(dir);
    if (parent === dir)
      throw new Error('project-path: no sounding-board package.json above this module');
    dir = parent;
  }
}

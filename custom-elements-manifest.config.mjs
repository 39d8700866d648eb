/**
 * @module custom-elements-manifest.config
 * How `npm run manifest` writes custom-elements.json (@custom-elements-manifest/analyzer, a
 * devDependency, so CI needs no download): the components' classes, read with the Lit plugin.
 * The analyzer lists files in the order its directory walk happens to return them, which changes
 * from run to run; sorting them makes the manifest the same every time, so CI can compare it.
 */
import { readFileSync } from 'node:fs';

export default {
  globs: ['web-components/src/components/**/*.component.ts'],
  litelement: true,
  // package.json names custom-elements.json already; left on, a run with --outdir (the CI check) rewrites it
  packagejson: false,
  overrideModuleCreation: ({ ts, globs }) =>
    [...globs]
      .sort()
      .map((file) =>
        ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2015, true),
      ),
};

/**
 * @module tools/api-types/drift.test
 * The web components' generated API types match the routes: the fingerprint in the committed
 * file's header is the current OpenAPI document's, and where the generator is installed
 * (`npm run api:types` installs it; CI runs `npm run api:types:check`) the whole file is what it
 * generates now.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { currentDocument, fingerprintOf, TYPES_FILE } from './document.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const committed = readFileSync(ROOT + TYPES_FILE, 'utf8');
const STALE = `${TYPES_FILE} is stale: the routes changed. Run \`npm run api:types\` and commit the file.`;

describe('generated API types', () => {
  it('were generated from the OpenAPI document the routes describe now', () => {
    expect(fingerprintOf(committed), STALE).toBe(currentDocument().sha256);
  });

  it.runIf(existsSync(new URL('./node_modules/openapi-typescript/package.json', import.meta.url)))(
    'are byte for byte what the generator writes',
    async () => {
      const { generateTypes } = await import('./generate.js');
      expect(committed === (await generateTypes()), STALE).toBe(true);
    },
  );
});

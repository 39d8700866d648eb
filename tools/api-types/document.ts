/**
 * @module tools/api-types/document
 * The OpenAPI document the routes describe, and the fingerprint the generated API types carry in
 * their first lines, so a test can tell that the committed types still match the routes without
 * running the generator.
 */
import { createHash } from 'node:crypto';
import { openApiDocument } from '../../api/routes/api-router.js';

/** Where the components' generated API types live (from the repository root). */
export const TYPES_FILE = 'web-components/src/api/openapi.d.ts';

/** The document as `/api/openapi.json` serves it, and its fingerprint. */
export function currentDocument() {
  const doc = openApiDocument();
  const text = JSON.stringify(doc);
  return { doc, sha256: createHash('sha256').update(text).digest('hex') };
}

/** The fingerprint line the generated file starts with. */
export const fingerprintLine = (sha256: string) => `// OpenAPI document sha256: ${sha256}`;

/** The fingerprint a generated file was made from, or null when it has none. */
export function fingerprintOf(generated: string): string | null {
  return /^\/\/ OpenAPI document sha256: ([0-9a-f]{64})$/m.exec(generated)?.[1] ?? null;
}

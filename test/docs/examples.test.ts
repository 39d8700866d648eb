/**
 * @module test/docs/examples.test
 * Every curl example in README.md and docs/ runs against a real server, as written: each file's
 * shell blocks in order in one bash (later blocks use the variables of earlier ones), with curl
 * failing on any HTTP error, the documented hosts pointed at the test server and placeholders
 * (`<drill id>`, `<Client ID>`) filled in. Dates in the examples are computed from today.
 * Left out, with the reason: docs/workers.md (needs `wrangler dev`; test/workers runs that path)
 * and docs/llm.md (no curl; it starts other servers).
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.js';

vi.setConfig({ testTimeout: 120_000, hookTimeout: 60_000 });

const ROOT = join(import.meta.dirname, '..', '..');
const FILES = [
  'README.md',
  'docs/facilitators.md',
  'docs/embedding.md',
  'docs/lms/README.md',
  'docs/lms/moodle.md',
  'docs/lms/scorm-and-xapi.md',
];

let t: TestApp;
let work: string;

beforeAll(async () => {
  t = await startTestApp();
  work = mkdtempSync(join(tmpdir(), 'sb-docs-'));
});
afterAll(async () => {
  await t?.close();
  rmSync(work, { recursive: true, force: true });
});

/** The shell blocks of a Markdown file that call the API (install and start commands are left out). */
export function apiBlocks(markdown: string): string[] {
  const blocks = [...markdown.matchAll(/^```(?:sh|bash|shell)\n([\s\S]*?)^```/gm)].map((m) => m[1]);
  return blocks.filter(
    (b) => /\bcurl\b/.test(b) && !/\bnpm (install|start|test)\b|wrangler/.test(b),
  );
}

function prelude(origin: string): string {
  return [
    'set -euo pipefail',
    // an HTTP error fails the example, with the answer shown
    'curl() { command curl -sS --fail-with-body "$@"; }',
    `ADMIN_TOKEN=$(command curl -s ${origin}/api/demo/tokens | jq -r .admin)`,
    `FACILITATOR_TOKEN=$(command curl -s ${origin}/api/demo/tokens | jq -r .facilitator)`,
    `DRILL_ID=$(command curl -s -H "Authorization: Bearer $FACILITATOR_TOKEN" ${origin}/api/drills | jq -r '.drills[0].id')`,
  ].join('\n');
}

function adapt(script: string, origin: string): string {
  return script
    .replaceAll('http://localhost:8787', origin)
    .replaceAll('https://sb.example.org', origin)
    .replaceAll('<drill id>', '$DRILL_ID')
    .replaceAll('<Client ID>', 'docs-example-client')
    .replaceAll('<Deployment ID>', '1')
    .replaceAll('<key>', 'docs-example-key')
    .replaceAll('<secret>', 'docs-example-secret');
}

describe('the curl examples in the docs', () => {
  for (const file of FILES) {
    it(`${file} runs as written`, async () => {
      const blocks = apiBlocks(readFileSync(join(ROOT, file), 'utf8'));
      expect(blocks.length, `${file} has no curl example`).toBeGreaterThan(0);
      const script = `${prelude(t.url)}\n${adapt(blocks.join('\n'), t.url)}`;
      const run = promisify(execFile);
      const result = await run('bash', ['-c', script], {
        cwd: work,
        timeout: 90_000,
        maxBuffer: 10 * 1024 * 1024,
      }).catch((e) => e as { code: number; stdout: string; stderr: string });
      const failed = 'code' in result && result.code;
      expect(
        failed
          ? `exit ${result.code}\n${result.stderr}\n${String(result.stdout).slice(-2000)}`
          : '',
      ).toBe('');
    });
  }
});

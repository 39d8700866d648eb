/**
 * @module bench/support/server-command
 * The node arguments `npm start` runs the server with (package.json's `start` script, minus the
 * leading `node`), so the benches measure the server exactly as it is started, V8 flags included.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export function serverArgs(root: string): string[] {
  const start: string = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).scripts.start;
  const [node, ...args] = start.trim().split(/\s+/);
  if (node !== 'node')
    throw new Error(`package.json start script does not start with node: ${start}`);
  return args;
}

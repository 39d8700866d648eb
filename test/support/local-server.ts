/**
 * @module test/support/local-server
 * A stand-in peer (an LRS, an LMS) served on a free port of 127.0.0.1 for one test file.
 */
import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';

export interface LocalServer {
  /** `http://127.0.0.1:<port>`, no trailing slash */
  base: string;
  close(): void;
}

/**
 * Serves `fetch` (a Hono app's) on a port the system picks; resolves once it listens.
 * @example const lrs = await serveLocally(new Hono().put('/xapi/statements', (c) => c.body(null, 204)).fetch)
 */
export async function serveLocally(
  fetch: (request: Request) => Response | Promise<Response>,
): Promise<LocalServer> {
  const server = serve({ fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((r) => server.once('listening', () => r()));
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => server.close(),
  };
}

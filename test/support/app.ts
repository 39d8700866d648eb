/**
 * @module test/support/app
 * `startTestApp()`: the real app on a fresh database with demo data, served over real HTTP on
 * 127.0.0.1, plus the demo tokens and a small fetch helper. Tests talk to it as clients do.
 */
import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { createApp } from '../../api/app.js';
import { loadConfig } from '../../api/config/index.js';
import { buildNodeDeps, type NodeRuntime } from '../../api/node-deps.js';
import { createLogger } from '../../api/logger.js';
import { openTestDatabase, type TestDatabase } from './database.js';
import { responseMismatch } from './response-contract.js';
import type { ApiResponse, Reply } from './typed-call.js';

export type { Reply } from './typed-call.js';

export interface DemoTokens {
  learner: string;
  learner2: string;
  facilitator: string;
  admin: string;
  otherOrgFacilitator: string;
  otherOrgLearner: string;
}

export interface CallOptions {
  token?: string;
  body?: unknown;
  raw?: string;
  headers?: Record<string, string>;
}

export interface TestApp {
  url: string;
  app: ReturnType<typeof createApp>;
  runtime: NodeRuntime;
  database: TestDatabase;
  tokens: DemoTokens;
  /** the app's log lines (JSON), when started with a LOG_LEVEL other than `silent` */
  logs: string[];
  /**
   * answers (to requests not made through `call`) that did not fit their route's declared
   * response; `close()` fails on any, `call` fails on its own at once
   */
  contractMismatches: string[];
  /**
   * fetch against the server: `call('POST', '/api/sessions', { token, body })`. The body is typed
   * by the route the path reaches (its success JSON, with the problem fields beside it); `any`
   * for a path outside the OpenAPI document.
   */
  call<M extends string, P extends string>(
    method: M,
    path: P,
    opts?: CallOptions,
  ): Promise<Reply<ApiResponse<M, P>>>;
  close(): Promise<void>;
}

export async function startTestApp(
  env: Record<string, string> = {},
  opts: { database?: TestDatabase } = {},
): Promise<TestApp> {
  const database = opts.database ?? (await openTestDatabase());
  const config = loadConfig({
    NODE_ENV: 'test',
    DEMO: 'true',
    DATA_DIR: 'memory://',
    SB_JWT_SECRET: 'test-secret-test-secret-test-secret-42',
    LOG_LEVEL: 'silent',
    SB_ALLOW_PRIVATE_HOSTS: '127.0.0.1',
    SB_RATE_LIMIT_PERSON_PER_MINUTE: '0',
    SB_RATE_LIMIT_IP_PER_MINUTE: '0',
    ...env,
  });
  const lines: string[] = [];
  const runtime = await buildNodeDeps(config, {
    database,
    logger: createLogger(config.logLevel, (l) => lines.push(l)),
  });
  const app = createApp(runtime.deps);
  const contractMismatches: string[] = [];
  // every JSON answer, whoever asked (a test's own fetch, a browser), is held against its route's
  // declared response; `call` checks its own answers and marks them so they are not checked twice
  const server = serve({
    fetch: async (req, ...rest) => {
      const res = await app.fetch(req, ...rest);
      if (req.headers.has(CHECKED_BY_CALL)) return res;
      const type = res.headers.get('content-type') ?? '';
      const text = type.includes('json') ? await res.clone().text() : '';
      const path = new URL(req.url).pathname;
      const mismatch = responseMismatch(req.method, path, res.status, type, jsonOrText(text));
      if (mismatch) contractMismatches.push(mismatch);
      return res;
    },
    port: 0,
    hostname: '127.0.0.1',
  });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const call: TestApp['call'] = async (method, path, o = {}) => {
    const headers: Record<string, string> = { ...(o.headers ?? {}), [CHECKED_BY_CALL]: '1' };
    if (o.token) headers.authorization = `Bearer ${o.token}`;
    let body: string | undefined = o.raw;
    if (o.body !== undefined) {
      body = JSON.stringify(o.body);
      headers['content-type'] ??= 'application/json';
    }
    const res = await fetch(url + path, { method, headers, body });
    const text = await res.text();
    const parsed = jsonOrText(text);
    const type = res.headers.get('content-type') ?? '';
    const mismatch = responseMismatch(method, path, res.status, type, parsed);
    if (mismatch) throw new Error(`The answer breaks its contract: ${mismatch}`);
    return { status: res.status, body: parsed as never, headers: res.headers };
  };
  const tokens = (await call('GET', '/api/demo/tokens')).body as DemoTokens;
  return {
    url,
    app,
    runtime,
    database,
    tokens,
    logs: lines,
    contractMismatches,
    call,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      if (!opts.database) await database.close();
      if (contractMismatches.length > 0)
        throw new Error(`Answers broke their contract:\n${contractMismatches.join('\n')}`);
    },
  };
}

/** Marks a request made through `call`, which checks its own answer. */
const CHECKED_BY_CALL = 'x-test-contract-checked';

/** A body as JSON when it is JSON, else its text; `null` when empty. */
function jsonOrText(text: string): unknown {
  if (!text) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text; // not JSON: keep the text
  }
}

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
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const call: TestApp['call'] = async (method, path, o = {}) => {
    const headers: Record<string, string> = { ...(o.headers ?? {}) };
    if (o.token) headers.authorization = `Bearer ${o.token}`;
    let body: string | undefined = o.raw;
    if (o.body !== undefined) {
      body = JSON.stringify(o.body);
      headers['content-type'] ??= 'application/json';
    }
    const res = await fetch(url + path, { method, headers, body });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      /* not JSON: keep text */
    }
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
    call,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      if (!opts.database) await database.close();
    },
  };
}

/**
 * @module server
 * `npm start`: the Node runtime. Parses the config (a bad value stops here, naming the
 * variable), builds the dependencies, serves the app and prints where to go next.
 */
import { serve } from '@hono/node-server';
import { createApp } from './app.js';
import { signToken } from './auth/index.js';
import { ConfigError, loadConfig, startupNotes } from './config/index.js';
import { DEMO_TOKEN_TTL_SECONDS } from './routes/demo/index.js';
import { buildNodeDeps } from './node-deps.js';
import { startOutboxTimer } from './outbox/runtime.js';

async function main() {
  let config;
  try {
    config = loadConfig(process.env);
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }
  const runtime = await buildNodeDeps(config);
  const app = createApp(runtime.deps);
  // the grade and xAPI outboxes' timer (createApp starts nothing; on Workers the cron trigger drains them)
  startOutboxTimer(runtime.deps);
  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
    const base = config.publicUrl ?? `http://localhost:${info.port}`;
    const lines = [
      `Sounding Board is running at ${base}`,
      `  API docs:   ${base}/api/docs   (OpenAPI: ${base}/api/openapi.json)`,
      `  Database:   ${runtime.database.kind === 'pglite' ? `PGlite (embedded) in ${config.dataDir}` : 'PostgreSQL'}`,
      `  Partner:    ${config.llm ? `LLM (${config.llm.partnerModel}${config.llm.baseURL ? ` at ${config.llm.baseURL}` : ''})` : 'built-in scripted partner and coder'}`,
    ];
    console.log([...lines, ...startupNotes(config).map((n) => `  ${n}`)].join('\n'));
    if (runtime.demo) void printDemoTokens(runtime.deps.jwtSecret, runtime.demo, base);
  });

  // A keep-alive connection is closed when it has been idle for keepAliveTimeout plus this buffer;
  // clients are told keepAliveTimeout (5 s) and stop reusing a connection a second or two before.
  // On PGlite a query runs on the event loop, and under load the loop stalls for seconds at a time;
  // when it resumes, Node runs the expired idle timers before it reads the sockets, so it closed
  // connections that already carried a new request (ECONNRESET at the client: 66 in one minute of
  // `SOAK_DB=pglite npm run soak`). Node 24's default buffer is 1 s.
  Object.assign(server, { keepAliveTimeoutBuffer: 30_000 });

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    console.log(`\n${signal}: closing…`);
    server.close();
    await runtime.close().catch(() => {});
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  // Never let one bad request take the process down; log and carry on.
  process.on('unhandledRejection', (reason) =>
    runtime.deps.logger.error('unhandled rejection', { error: reason }),
  );
}

async function printDemoTokens(
  secret: string,
  demo: NonNullable<Awaited<ReturnType<typeof buildNodeDeps>>['demo']>,
  base: string,
) {
  const learner = await signToken(
    secret,
    { sub: demo.learner.id, org: demo.learner.orgId, role: 'learner' },
    DEMO_TOKEN_TTL_SECONDS,
  );
  const facilitator = await signToken(
    secret,
    { sub: demo.facilitator.id, org: demo.facilitator.orgId, role: 'facilitator' },
    DEMO_TOKEN_TTL_SECONDS,
  );
  console.log(
    [
      '',
      `Demo mode (DEMO=false turns it off). Tokens, valid ${DEMO_TOKEN_TTL_SECONDS / 3600} hours (fresh ones, and all of them: GET /api/demo/tokens):`,
      `  learner:      ${learner}`,
      `  facilitator:  ${facilitator}`,
      `Try: curl -H "Authorization: Bearer <learner token>" ${base}/api/scenarios`,
    ].join('\n'),
  );
}

main().catch((err) => {
  console.error(
    `Sounding Board could not start: ${err instanceof Error ? err.message : String(err)}`,
  );
  process.exit(1);
});

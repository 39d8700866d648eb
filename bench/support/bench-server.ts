/**
 * @module bench/support/bench-server
 * The server a bench measures, started as `npm start` starts it (bench/support/server-command), on
 * a fresh PostgreSQL database of its own beside `adminUrl`, migrated first, with demo data and the
 * limits off. Flags for V8 or a preloaded probe go after the start script's own flags (the last of
 * a V8 flag given twice wins), before the script. A probe loaded with `--import` answers SIGUSR2
 * with one stderr line `<PREFIX> <json>`; every other stderr line passes through.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import postgres from 'postgres';
import { COACH_LINES, rssMb } from './load.js';
import { serverArgs } from './server-command.js';

export interface BenchServer {
  server: ChildProcess;
  /** the probe's figures since it last answered */
  probe<T>(): Promise<T>;
  /** stops the server and drops its database */
  close(): Promise<void>;
}

export async function startBenchServer(o: {
  root: string;
  adminUrl: string;
  /** the database's name starts with this (`sb_bench_http`) */
  name: string;
  port: number;
  jwtSecret: string;
  flags?: string[];
  /** the prefix of the probe's stderr lines (`PROBE`, `ALLOC`) */
  probePrefix?: string;
  synchronousCommitOff?: boolean;
}): Promise<BenchServer> {
  const db = `${o.name}_${randomUUID().slice(0, 8)}`;
  const admin = postgres(o.adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`CREATE DATABASE ${db}`);
  if (o.synchronousCommitOff)
    await admin.unsafe(`ALTER DATABASE ${db} SET synchronous_commit = off`);
  const url = new URL(o.adminUrl);
  url.pathname = `/${db}`;
  const env = {
    ...process.env,
    DATABASE_URL: url.toString(),
    DEMO: 'true',
    LOG_LEVEL: 'warn',
    SB_RATE_LIMIT_PERSON_PER_MINUTE: '0',
    SB_RATE_LIMIT_IP_PER_MINUTE: '0',
    PORT: String(o.port),
    HOST: '127.0.0.1',
    SB_JWT_SECRET: o.jwtSecret,
  };
  await new Promise((res) =>
    spawn(
      process.execPath,
      [join(o.root, 'node_modules/tsx/dist/cli.mjs'), 'api/db/migrate-cli.ts'],
      {
        cwd: o.root,
        env,
        stdio: 'ignore',
      },
    ).once('exit', res),
  );
  const args = serverArgs(o.root);
  const server = spawn(
    process.execPath,
    [...args.slice(0, -1), ...(o.flags ?? []), ...args.slice(-1)],
    {
      cwd: o.root,
      env,
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  const waiting: ((figures: unknown) => void)[] = [];
  const prefix = `${o.probePrefix ?? 'PROBE'} `;
  let rest = '';
  server.stderr!.on('data', (chunk: Buffer) => {
    const lines = (rest + chunk.toString()).split('\n');
    rest = lines.pop()!;
    for (const line of lines)
      if (line.startsWith(prefix)) waiting.shift()?.(JSON.parse(line.slice(prefix.length)));
      else process.stderr.write(`${line}\n`);
  });
  return {
    server,
    probe: <T>() =>
      new Promise<T>((resolve) => {
        waiting.push(resolve as (figures: unknown) => void);
        server.kill('SIGUSR2');
      }),
    async close() {
      server.kill('SIGTERM');
      if (server.exitCode === null) await new Promise((r) => server.once('exit', r));
      await admin.unsafe(`DROP DATABASE IF EXISTS ${db} WITH (FORCE)`);
      await admin.end();
    },
  };
}

/** The demo learners of a bench server, and calls made as them. */
export async function demoClient(port: number) {
  const base = `http://127.0.0.1:${port}`;
  const tokens = (await (await fetch(`${base}/api/demo/tokens`)).json()) as Record<string, string>;
  const call = async (method: string, path: string, token: string, body?: unknown) => {
    const r = await fetch(base + path, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body ? { 'content-type': 'application/json' } : {}),
      },
      body: body ? JSON.stringify(body) : undefined,
    });
    const json = await r.json();
    if (r.status >= 300) throw new Error(`${method} ${path}: ${r.status} ${JSON.stringify(json)}`);
    return json;
  };
  const learners = [tokens.learner, tokens.learner2];
  /** A session for the i-th worker, the two demo learners taking turns. */
  const startSession = async (i: number) => {
    const token = learners[i % 2];
    const { id } = await call('POST', '/api/sessions', token, {
      scenarioId: 'new-manager-overwhelmed',
    });
    return { id: id as string, token, said: 0 };
  };
  /**
   * `n` sessions started at once, each given the first two coach lines (sessions held open, as a
   * busy course holds them); the peak resident memory of the server `pid` meanwhile, in MB.
   */
  const holdSessions = async (n: number, pid: number) => {
    let peak = rssMb(pid);
    const sampler = setInterval(() => (peak = Math.max(peak, rssMb(pid))), 200);
    await Promise.all(
      Array.from({ length: n }, async (_, i) => {
        const s = await startSession(i);
        for (const text of COACH_LINES.slice(0, 2))
          await call('POST', `/api/sessions/${s.id}/turns`, s.token, {
            clientTurnId: randomUUID(),
            text,
          });
      }),
    );
    clearInterval(sampler);
    return peak;
  };
  return { tokens, call, startSession, holdSessions };
}

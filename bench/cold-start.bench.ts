/**
 * @module bench/cold-start
 * Cold start of the Node server on PostgreSQL: from spawning the process to the first `200` from
 * `/api/health`, for `npm start`'s prebuilt bundle (node dist/server.js) against compiling the
 * TypeScript at start (tsx api/server.ts), interleaved so the machine's drift hits both alike.
 * Needs PostgreSQL (BENCH_DATABASE_URL, default the local `test` server); migrates a database of
 * its own first. Prints min / median / max per way and the ratio of medians.
 */
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import postgres from 'postgres';
import { serverArgs } from './support/server-command.js';

const ROOT = join(new URL('.', import.meta.url).pathname, '..');
const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const DB = 'sb_bench_cold_start';

async function freshDatabase(): Promise<string> {
  const admin = postgres(ADMIN_URL, { max: 1, onnotice: () => {} });
  await admin.unsafe(`DROP DATABASE IF EXISTS ${DB} WITH (FORCE)`);
  await admin.unsafe(`CREATE DATABASE ${DB}`);
  await admin.end();
  const url = new URL(ADMIN_URL);
  url.pathname = `/${DB}`;
  return url.toString();
}

/** Milliseconds from spawn to the first healthy answer. */
async function coldStart(cmd: string[], env: NodeJS.ProcessEnv, port: number): Promise<number> {
  const started = performance.now();
  // its own process group: tsx (and the launcher) start the server as a child, and killing only
  // the wrapper left servers holding the bench's ports, answering the next run's health checks
  const child = spawn(cmd[0], cmd.slice(1), {
    cwd: ROOT,
    env: { ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: 'ignore',
    detached: true,
  });
  try {
    for (;;) {
      if (child.exitCode !== null)
        throw new Error(`${cmd.join(' ')} exited with ${child.exitCode}`);
      const ok = await fetch(`http://127.0.0.1:${port}/api/health`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) return performance.now() - started;
      if (performance.now() - started > 30_000)
        throw new Error(`${cmd.join(' ')}: no healthy answer in 30 s`);
      await new Promise((r) => setTimeout(r, 5));
    }
  } finally {
    const exited = child.exitCode === null ? new Promise((r) => child.once('exit', r)) : null;
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      // the group has already gone
    }
    await exited;
  }
}

const stats = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return { min: s[0], median: s[Math.floor(s.length / 2)], max: s[s.length - 1] };
};

const url = await freshDatabase();
const env = {
  ...process.env,
  DATABASE_URL: url,
  NODE_ENV: 'development',
  DEMO: 'false',
  LOG_LEVEL: 'silent',
};
spawnSync(join(ROOT, 'node_modules/.bin/tsx'), ['api/db/migrate-cli.ts'], {
  cwd: ROOT,
  env,
  stdio: 'inherit',
});
// One start through `npm start`'s launcher builds the bundles if sources changed; then time both ways.
await coldStart([process.execPath, ...serverArgs(ROOT)], env, 18790);
const ways = {
  'npm start (prebuilt bundle)': [process.execPath, ...serverArgs(ROOT)],
  'tsx api/server.ts': [join(ROOT, 'node_modules/.bin/tsx'), 'api/server.ts'],
};
const times: Record<string, number[]> = Object.fromEntries(Object.keys(ways).map((k) => [k, []]));
for (let i = 0; i < RUNS; i++) {
  for (const [name, cmd] of Object.entries(ways))
    times[name].push(await coldStart(cmd, env, 18791 + i));
}
console.log(
  `cold start on PostgreSQL, ${RUNS} interleaved runs each (ms to first 200 from /api/health)`,
);
for (const [name, xs] of Object.entries(times)) {
  const s = stats(xs);
  console.log(
    `  ${name.padEnd(30)} min ${s.min.toFixed(0)}  median ${s.median.toFixed(0)}  max ${s.max.toFixed(0)}`,
  );
}
const [a, b] = Object.values(times).map((xs) => stats(xs).median);
console.log(`  ratio bundle / tsx (medians): ${(a / b).toFixed(2)}`);
const admin = postgres(ADMIN_URL, { max: 1, onnotice: () => {} });
await admin.unsafe(`DROP DATABASE IF EXISTS ${DB} WITH (FORCE)`);
await admin.end();

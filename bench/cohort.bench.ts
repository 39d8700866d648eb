/**
 * @module bench/cohort.bench
 * `npm run bench:cohort`: cohort progress (JSON) and its CSV export over real HTTP against the
 * seeded benchmark organisation on PostgreSQL (2,000 learners, 40 cohorts, 20 sessions each; see
 * `seed-benchmark-org.ts`, which runs first and skips when already seeded). Each facilitator asks
 * for their own cohort, round-robin over all 40; prints p50 and p95 per view after a warm-up.
 */
import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import postgres from 'postgres';
import { createApp } from '../api/app.js';
import { signToken } from '../api/auth/index.js';
import { loadConfig } from '../api/config/index.js';
import { createLogger } from '../api/logger.js';
import { buildNodeDeps } from '../api/node-deps.js';
import { BENCH_ORG_SLUG, benchUrl, seedBenchmarkOrg } from './seed-benchmark-org.js';

const WARMUP = 40;
const ROUNDS = 5; // requests per cohort per view

function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)];
}

await seedBenchmarkOrg({ log: (s) => console.log(`seed: ${s}`) });
const { bench } = benchUrl();
const config = loadConfig({
  NODE_ENV: 'production',
  DATABASE_URL: bench,
  DEMO: 'false',
  SB_JWT_SECRET: 'bench-secret-bench-secret-bench-secret',
  LOG_LEVEL: 'error',
});
const runtime = await buildNodeDeps(config, { logger: createLogger('error') });
const server = serve({ fetch: createApp(runtime.deps).fetch, port: 0, hostname: '127.0.0.1' });
await new Promise<void>((r) => server.once('listening', () => r()));
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

const sql = postgres(bench, { max: 1 });
const rows = await sql`
  select c.id as cohort_id, m.person_id, c.org_id from cohorts c
  join organisations o on o.id = c.org_id and o.slug = ${BENCH_ORG_SLUG}
  join cohort_members m on m.cohort_id = c.id and m.role = 'facilitator' order by c.name`;
await sql.end();
const cohorts = await Promise.all(
  rows.map(async (r) => ({
    id: r.cohort_id as string,
    token: await signToken(
      runtime.deps.jwtSecret,
      { sub: r.person_id, org: r.org_id, role: 'facilitator' },
      3600,
    ),
  })),
);

async function timed(
  path: string,
  token: string,
): Promise<{ ms: number; bytes: number; learners: number }> {
  const t0 = performance.now();
  const res = await fetch(base + path, { headers: { authorization: `Bearer ${token}` } });
  const text = await res.text();
  const ms = performance.now() - t0;
  if (res.status !== 200) throw new Error(`${path}: ${res.status} ${text.slice(0, 200)}`);
  const learners = path.endsWith('.csv')
    ? text.trim().split('\r\n').length - 1
    : path.endsWith('/progress')
      ? JSON.parse(text).learners.length
      : 0;
  return { ms, bytes: text.length, learners };
}

for (let i = 0; i < WARMUP; i++) {
  const c = cohorts[i % cohorts.length];
  await timed(`/api/cohorts/${c.id}/progress`, c.token);
  await timed(`/api/cohorts/${c.id}/progress.csv`, c.token);
}
// the floor on this machine: a signed-in request that does one query (the token's person) and no work
const views = [
  { label: 'GET /api/scenarios (floor: auth only)', path: () => '/api/scenarios' },
  { label: 'GET /api/cohorts/{id}/progress', path: (id: string) => `/api/cohorts/${id}/progress` },
  {
    label: 'GET /api/cohorts/{id}/progress.csv',
    path: (id: string) => `/api/cohorts/${id}/progress.csv`,
  },
];
for (const view of views) {
  const ms: number[] = [];
  let sample = { bytes: 0, learners: 0 };
  for (let r = 0; r < ROUNDS; r++) {
    for (const c of cohorts) {
      const res = await timed(view.path(c.id), c.token);
      ms.push(res.ms);
      sample = res;
    }
  }
  const size = sample.learners
    ? ` (${sample.learners} learners, ${(sample.bytes / 1024).toFixed(0)} KB)`
    : '';
  console.log(
    `${view.label.padEnd(40)} n=${ms.length}  p50 ${quantile(ms, 0.5).toFixed(1)} ms  p95 ${quantile(ms, 0.95).toFixed(1)} ms  max ${Math.max(...ms).toFixed(1)} ms${size}`,
  );
}
const { loadavg, cpus } = await import('node:os');
console.log(
  `load average ${loadavg()
    .map((x) => x.toFixed(1))
    .join(' ')} on ${cpus().length} CPUs`,
);
await new Promise<void>((r) => server.close(() => r()));
await runtime.close();

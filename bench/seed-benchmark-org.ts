/**
 * @module bench/seed-benchmark-org
 * `npx tsx bench/seed-benchmark-org.ts [--reseed]`: seeds the benchmark organisation into its own
 * PostgreSQL database (`sb_bench` on the server in DATABASE_URL, default
 * postgres://postgres@127.0.0.1:5432/postgres): 2,000 learners in 40 cohorts of 50, each cohort
 * with a facilitator and two drills assigned, and 20 ended sessions per learner with real rubric
 * scorecards and their skill_results rows (40,000 sessions, 240,000 ledger rows), then each
 * learner's progress snapshot as ending a session stores it. Bulk inserts, no partner turns: the
 * progress views read scorecards and the ledger, not transcripts.
 * Idempotent: an already seeded database is left as it is unless --reseed is given.
 */
import { randomUUID } from 'node:crypto';
import postgres from 'postgres';
import { openPostgres, type Database } from '../api/db/index.js';
import { refreshLearnerProgress } from '../api/store/cohort-progress.js';
import { ensureBuiltInDrills } from '../api/store/drills.js';
import { scoreSession } from '../api/practice/rubric/index.js';
import { GOOD_SESSION, POOR_SESSION } from '../test/fixtures/transcripts.fixture.js';
import type { Scorecard } from '../api/practice/types.js';

export const BENCH_DB = 'sb_bench';
export const BENCH_ORG_SLUG = 'bench-org';
const LEARNERS = 2000;
const COHORTS = 40;
const SESSIONS_PER_LEARNER = 20;
const DAY = 86400e3;

/** The benchmark database's URL on the server in DATABASE_URL. */
export function benchUrl(): { server: string; bench: string } {
  const server = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const u = new URL(server);
  u.pathname = `/${BENCH_DB}`;
  return { server, bench: u.toString() };
}

/** A deterministic pseudo-random stream, so every seed has the same shape. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}

/** A scorecard for one session: the good or poor template with each skill's score jittered. */
function variant(base: Scorecard, rnd: () => number): Scorecard {
  return {
    ...base,
    skills: base.skills.map((s) => ({
      ...s,
      score: Math.max(0, Math.min(100, Math.round(s.score + (rnd() - 0.5) * 20))),
    })),
  };
}

/** Stores the progress snapshot of every learner that lacks one, as ending their sessions would have. */
async function storeSnapshots(
  db: Database,
  orgId: string,
  sql: postgres.Sql,
  log: (s: string) => void,
) {
  const missing = (
    await sql`select p.id from people p left join learner_progress lp on lp.person_id = p.id where p.org_id = ${orgId} and p.role = 'learner' and lp.person_id is null`
  ).map((r) => r.id as string);
  for (let i = 0; i < missing.length; i += 100)
    await refreshLearnerProgress(db, orgId, missing.slice(i, i + 100));
  if (missing.length) log(`stored progress snapshots for ${missing.length} learners`);
}

export async function seedBenchmarkOrg(opts: { reseed?: boolean; log?: (s: string) => void } = {}) {
  const log = opts.log ?? ((s: string) => console.log(s));
  const { server, bench } = benchUrl();
  const admin = postgres(server, { max: 1, onnotice: () => {} });
  const [exists] = await admin`select 1 from pg_database where datname = ${BENCH_DB}`;
  if (!exists) await admin.unsafe(`create database ${BENCH_DB}`);
  await admin.end();

  const db = await openPostgres(bench, { max: 4 });
  await db.migrate();
  const sql = postgres(bench, { max: 4, onnotice: () => {} });
  try {
    const [org] = await sql`select id from organisations where slug = ${BENCH_ORG_SLUG}`;
    if (org && !opts.reseed) {
      const [{ n }] = await sql`select count(*)::int as n from sessions where org_id = ${org.id}`;
      if (n >= LEARNERS * SESSIONS_PER_LEARNER) {
        log(`benchmark organisation already seeded (${n} sessions); pass --reseed to start again`);
        await storeSnapshots(db.db, org.id, sql, log);
        return;
      }
    }
    if (org) await sql`delete from organisations where id = ${org.id}`;
    const started = Date.now();
    const orgId = randomUUID();
    await sql`insert into organisations (id, name, slug) values (${orgId}, 'Benchmark Org', ${BENCH_ORG_SLUG})`;
    await ensureBuiltInDrills(db.db, orgId);
    const drillIds = (
      await sql`select id from drills where org_id = ${orgId} order by built_in_key`
    ).map((r) => r.id as string);

    const people: Record<string, unknown>[] = [
      {
        id: randomUUID(),
        org_id: orgId,
        name: 'Bench Admin',
        email: 'admin@bench.example',
        role: 'admin',
      },
    ];
    const cohorts: Record<string, unknown>[] = [];
    const members: Record<string, unknown>[] = [];
    const learners: string[] = [];
    for (let c = 0; c < COHORTS; c++) {
      const cohortId = randomUUID();
      const facilitatorId = randomUUID();
      cohorts.push({
        id: cohortId,
        org_id: orgId,
        name: `Cohort ${String(c + 1).padStart(2, '0')}`,
        created_by: facilitatorId,
      });
      people.push({
        id: facilitatorId,
        org_id: orgId,
        name: `Facilitator ${c + 1}`,
        email: `facilitator${c + 1}@bench.example`,
        role: 'facilitator',
      });
      members.push({
        cohort_id: cohortId,
        person_id: facilitatorId,
        org_id: orgId,
        role: 'facilitator',
      });
      for (let l = 0; l < LEARNERS / COHORTS; l++) {
        const id = randomUUID();
        const n = c * (LEARNERS / COHORTS) + l + 1;
        learners.push(id);
        people.push({
          id,
          org_id: orgId,
          name: `Learner ${String(n).padStart(4, '0')}`,
          email: `learner${n}@bench.example`,
          role: 'learner',
        });
        members.push({ cohort_id: cohortId, person_id: id, org_id: orgId, role: 'learner' });
      }
    }
    const chunks = async <T extends Record<string, unknown>>(
      table: string,
      rows: T[],
      size: number,
    ) => {
      for (let i = 0; i < rows.length; i += size)
        await sql`insert into ${sql(table)} ${sql(rows.slice(i, i + size) as never)}`;
    };
    await chunks('people', people, 2000);
    await chunks('cohorts', cohorts, 2000);
    await chunks('cohort_members', members, 5000);

    const good = scoreSession(GOOD_SESSION);
    const poor = scoreSession(POOR_SESSION);
    const rnd = random(42);
    const now = Date.now();
    const assignments: Record<string, unknown>[] = [];
    let sessionRows: Record<string, unknown>[] = [];
    let resultRows: Record<string, unknown>[] = [];
    const flush = async () => {
      await chunks('sessions', sessionRows, 1000);
      await chunks('skill_results', resultRows, 5000);
      sessionRows = [];
      resultRows = [];
    };
    for (let li = 0; li < learners.length; li++) {
      const personId = learners[li];
      const cohortId = cohorts[Math.floor(li / (LEARNERS / COHORTS))].id;
      // each learner has an ability that grows over their sessions: a spread of ready and not-yet learners
      const ability = rnd();
      for (let s = 0; s < SESSIONS_PER_LEARNER; s++) {
        const id = randomUUID();
        const endedAt = new Date(
          now - (SESSIONS_PER_LEARNER - s) * DAY - Math.floor((rnd() * DAY) / 2),
        );
        const card = variant(
          rnd() < ability * 0.6 + (s / SESSIONS_PER_LEARNER) * 0.4 ? good : poor,
          rnd,
        );
        const drillId = s % 5 === 0 ? drillIds[s % drillIds.length] : null;
        sessionRows.push({
          id,
          org_id: orgId,
          person_id: personId,
          scenario_id: 'new-manager-overwhelmed',
          drill_id: drillId,
          status: 'ended',
          seed: s,
          partner_state: sql.json({
            stage: 'exploring',
            trust: 0.5,
            defensiveness: 0,
            revealed: [],
            agreementMade: false,
            permissionGranted: false,
            usedReplies: [],
            turns: 10,
            seed: s,
          }),
          next_index: 21,
          versions: sql.json({ bench: '1' }),
          scorecard: sql.json(card as never),
          started_at: new Date(endedAt.getTime() - 20 * 60e3),
          ended_at: endedAt,
        });
        for (const k of card.skills)
          resultRows.push({
            org_id: orgId,
            person_id: personId,
            session_id: id,
            skill: k.skill,
            level: k.level,
            score: k.score,
            at: endedAt,
          });
      }
      for (const [i, drillId] of drillIds.slice(0, 2).entries()) {
        const attempts = Math.floor(rnd() * 4);
        const passed = attempts > 0 && rnd() < 0.5;
        assignments.push({
          org_id: orgId,
          drill_id: drillId,
          person_id: personId,
          cohort_id: cohortId,
          due_at: new Date(now + (i === 0 ? -3 : 10) * DAY),
          attempts,
          passed,
          best_level: attempts ? (passed ? 'good' : 'fair') : null,
        });
      }
      if (sessionRows.length >= 4000) await flush();
    }
    await flush();
    await chunks('assignments', assignments, 5000);
    await storeSnapshots(db.db, orgId, sql, log);
    await sql`analyze`;
    log(
      `seeded ${LEARNERS} learners in ${COHORTS} cohorts with ${LEARNERS * SESSIONS_PER_LEARNER} sessions in ${((Date.now() - started) / 1000).toFixed(1)} s into ${BENCH_DB}`,
    );
  } finally {
    await sql.end();
    await db.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await seedBenchmarkOrg({ reseed: process.argv.includes('--reseed') });
}

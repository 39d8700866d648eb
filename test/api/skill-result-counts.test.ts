/**
 * @module test/api/skill-result-counts
 * The per-learner, per-skill counts a session's end reads instead of counting the ledger
 * (`skill_result_counts`, migration 0014) always agree with the ledger: the migration fills them
 * from the results already stored, ends (two at once included) add to them, and a deleted session
 * or person takes its results out of them. On PGlite and, with DATABASE_URL, PostgreSQL.
 */
import { randomUUID } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../api/db/index.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { sessionWithTurns } from '../support/session-races.js';

const MIGRATIONS = new URL('../../api/db/migrations/', import.meta.url).pathname;

const rowsOf = (r: unknown) => ((r as { rows?: unknown[] }).rows ?? r) as Record<string, unknown>[];

/** The counts as stored, and as the ledger gives them, in the same shape and order. */
async function storedAndCounted(db: Database) {
  const shape = (r: unknown) =>
    rowsOf(r).map((x) => ({
      person: x.person_id,
      skill: x.skill,
      org: x.org_id,
      results: Number(x.results),
      last: new Date(x.last_at as string).toISOString(),
    }));
  const stored = await db.execute(
    sql`select person_id, skill, org_id, results, last_at from skill_result_counts order by person_id, skill`,
  );
  const counted = await db.execute(
    sql`select person_id, skill, org_id, count(*) as results, max(at) as last_at from skill_results group by person_id, skill, org_id order by person_id, skill`,
  );
  return { stored: shape(stored), counted: shape(counted) };
}

describe('the counts as ends and erasures write the ledger', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t?.close());

  it('follow ends, racing ends of one learner, a deleted session and an erased person', async () => {
    const { db } = t.runtime.deps;
    const before = await storedAndCounted(db);
    expect(before.stored).toEqual(before.counted);

    // two sessions of one learner ending at once, each with two racing ends, and one with a skill
    // short of evidence
    const a = await sessionWithTurns(t, t.tokens.learner, 3);
    const b = await sessionWithTurns(t, t.tokens.learner, 3);
    const c = await sessionWithTurns(t, t.tokens.learner2, 1);
    const ends = await Promise.all(
      [a, a, b, b, c].map((id, i) =>
        t.call('POST', `/api/sessions/${id}/end`, {
          token: i === 4 ? t.tokens.learner2 : t.tokens.learner,
        }),
      ),
    );
    for (const end of ends) expect(end.status).toBe(200);
    const ended = await storedAndCounted(db);
    expect(ended.stored).toEqual(ended.counted);
    const mine = ended.stored.filter((r) => r.person === t.runtime.demo!.learner.id);
    expect(mine.length).toBe(6);

    // a session deleted (its results cascade): the skills it touched are counted again
    await db.execute(sql`delete from sessions where id = ${a}`);
    const deleted = await storedAndCounted(db);
    expect(deleted.stored).toEqual(deleted.counted);

    // an erased person: their counts go with them
    await db.execute(sql`delete from people where id = ${t.runtime.demo!.learner2.id}`);
    const erased = await storedAndCounted(db);
    expect(erased.stored).toEqual(erased.counted);
    expect(erased.stored.some((r) => r.person === t.runtime.demo!.learner2.id)).toBe(false);
  });
});

/** A bare database of its own (PGlite in memory, or a new one on DATABASE_URL's server). */
async function bareDatabase() {
  const url = process.env.DATABASE_URL;
  if (!url) {
    const { PGlite } = await import('@electric-sql/pglite');
    const { drizzle } = await import('drizzle-orm/pglite');
    const { migrate } = await import('drizzle-orm/pglite/migrator');
    const client = new PGlite('memory://');
    const driver = drizzle(client);
    return {
      db: driver as unknown as Database,
      migrate: (folder: string) => migrate(driver, { migrationsFolder: folder }),
      close: () => client.close(),
    };
  }
  const name = `sb_test_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  const own = new URL(url);
  own.pathname = `/${name}`;
  const client = postgres(own.toString(), { max: 1, onnotice: () => {} });
  const { drizzle } = await import('drizzle-orm/postgres-js');
  const { migrate } = await import('drizzle-orm/postgres-js/migrator');
  const driver = drizzle(client);
  return {
    db: driver as unknown as Database,
    migrate: (folder: string) => migrate(driver, { migrationsFolder: folder }),
    async close() {
      await client.end();
      const a = postgres(url, { max: 1, onnotice: () => {} });
      await a.unsafe(`drop database if exists ${name} with (force)`);
      await a.end();
    },
  };
}

describe('migration 0014', () => {
  it('counts the results already in the ledger', async () => {
    // the migrations up to 0013, as a database that has not yet taken 0014 has them
    const earlier = mkdtempSync(join(tmpdir(), 'sb-migrations-'));
    cpSync(MIGRATIONS, earlier, { recursive: true });
    const journal = JSON.parse(readFileSync(join(earlier, 'meta/_journal.json'), 'utf8'));
    journal.entries = journal.entries.filter((e: { idx: number }) => e.idx <= 13);
    writeFileSync(join(earlier, 'meta/_journal.json'), JSON.stringify(journal));
    const bare = await bareDatabase();
    try {
      await bare.migrate(earlier);
      const { db } = bare;
      const [org] = rowsOf(
        await db.execute(
          sql`insert into organisations (name, slug) values ('Northwind', 'northwind') returning id`,
        ),
      );
      const people = rowsOf(
        await db.execute(
          sql`insert into people (org_id, name, email) select ${org.id}, 'P' || g, 'p' || g || '@example.test' from generate_series(1, 3) g returning id`,
        ),
      );
      for (const [i, p] of people.entries())
        await db.execute(sql`
          with s as (
            insert into sessions (org_id, person_id, scenario_id, seed, partner_state, versions, status, started_at, ended_at)
            select ${org.id}, ${p.id}, 'new-manager-overwhelmed', g, '{}'::jsonb, '{}'::jsonb, 'ended',
              timestamptz '2026-01-01' + g * interval '1 hour', timestamptz '2026-01-01' + g * interval '1 hour'
            from generate_series(1, ${10 * (i + 1)}) g
            returning id, seed, ended_at
          )
          insert into skill_results (org_id, person_id, session_id, skill, level, score, at)
          select ${org.id}, ${p.id}, s.id, k.skill, 'fair', 60, s.ended_at
          from s cross join unnest(array['listening', 'questioning', 'action']) as k(skill)
          -- a skill short of evidence now and then: the counts differ between skills
          where k.skill <> 'action' or s.seed % 3 = 0`);
      await bare.migrate(MIGRATIONS);
      const { stored, counted } = await storedAndCounted(db);
      expect(stored).toHaveLength(9);
      expect(stored).toEqual(counted);
      expect(stored.find((r) => r.person === people[2].id && r.skill === 'action')?.results).toBe(
        10,
      );
    } finally {
      await bare.close();
      rmSync(earlier, { recursive: true, force: true });
    }
  });
});

/**
 * @module bench/lti.bench
 * `npx tsx bench/lti.bench.ts`: what the LMS integration costs, on the real app over HTTP with
 * PGlite (or PostgreSQL with DATABASE_URL) and a simulated platform on the same machine:
 * a whole LTI launch (login redirect, platform form, launch validation, mapping, page), one grade
 * through the outbox to the platform (token cached), and building a SCORM package. Medians.
 */
import { eq } from 'drizzle-orm';
import { ltiGradeOutbox } from '../api/db/schema/index.js';
import { enqueueGrade, listOrgDrills } from '../api/lti/index.js';
import { outboxRuntimeOf } from '../api/outbox/runtime.js';
import { buildScormPackage } from '../api/scorm/index.js';
import { startTestApp } from '../test/support/app.js';
import { launchThrough, ROLE, startPlatform } from '../test/lti/support/platform.js';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e6;

const t = await startTestApp();
const platform = await startPlatform(t.url);
const reg = await t.call('POST', '/api/lti/platforms', {
  token: t.tokens.admin,
  body: platform.registration(),
});
const drill = (await listOrgDrills(t.runtime.deps.db, t.runtime.demo!.admin.orgId))[0];
const runtime = outboxRuntimeOf(t.runtime.deps);

const RUNS = 40;
const launches: number[] = [];
for (let i = 0; i < RUNS + 5; i++) {
  const t0 = process.hrtime.bigint();
  // a new user every time for half of them: first launches create a person and join the cohort
  const res = await launchThrough(t.url, platform, {
    user: { sub: i % 2 ? `bench-${i}` : 'bench-returning', roles: [ROLE.learner] },
    custom: { drill_id: drill.id },
    lineItem: `${platform.url}/lineitems/1`,
  });
  if (res.status !== 200) throw new Error(`launch ${res.status}`);
  if (i >= 5) launches.push(ms(t0));
}

// one ended session to hang grades on
const token = /token="([^"]+)"/.exec(
  (
    await launchThrough(t.url, platform, {
      user: { sub: 'bench-grader', roles: [ROLE.learner] },
      custom: { drill_id: drill.id },
    })
  ).html,
)![1];
const grades: number[] = [];
for (let i = 0; i < RUNS + 5; i++) {
  const s = await t.call('POST', '/api/sessions', { token, body: { drillId: drill.id } });
  const db = t.runtime.deps.db;
  const person = (await db.select().from(ltiGradeOutbox).limit(1))[0]?.personId;
  const t0 = process.hrtime.bigint();
  await enqueueGrade(
    db,
    {
      orgId: drill && t.runtime.demo!.admin.orgId,
      platformId: reg.body.id,
      personId: person ?? t.runtime.demo!.learner.id,
      sessionId: s.body.id,
      lineItemUrl: `${platform.url}/lineitems/2`,
      userSub: 'bench-grader',
      scoreGiven: 70,
      scoreMaximum: 100,
    },
    new Date(),
  );
  const report = (await runtime.drain()).grades;
  if (report.sent < 1) throw new Error(`grade not sent: ${JSON.stringify(report)}`);
  if (i >= 5) grades.push(ms(t0));
  await db
    .update(ltiGradeOutbox)
    .set({ status: 'sent' })
    .where(eq(ltiGradeOutbox.sessionId, s.body.id));
}

const zips: number[] = [];
let size = 0;
for (let i = 0; i < 200; i++) {
  const t0 = process.hrtime.bigint();
  const zip = buildScormPackage({
    version: '2004',
    apiBase: 'https://sb.example.org',
    drill: { id: drill.id, title: drill.title },
    packageToken: 'x'.repeat(300),
  });
  zips.push(ms(t0));
  size = zip.byteLength;
}

console.log(`LTI (${t.database.kind}, ${RUNS} runs each, simulated platform on localhost)`);
console.log(
  `  whole launch (login → platform → launch page):  median ${median(launches).toFixed(1)} ms`,
);
console.log(
  `  grade through the outbox to the platform:        median ${median(grades).toFixed(1)} ms (token requests: ${platform.state.tokenRequests})`,
);
console.log(
  `  SCORM 2004 package build:                         median ${median(zips).toFixed(2)} ms, ${size} bytes`,
);
runtime.stop();
await platform.close();
await t.close();
process.exit(0);

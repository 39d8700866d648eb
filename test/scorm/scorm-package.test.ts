/**
 * SCORM packages of a drill: the download (who may, what is inside), the token exchange the
 * package makes, and the whole thing played in Chromium by `scorm-again` acting as the LMS: the
 * learner practises inside the SCO's frame and the LMS receives completion, score and pass/fail.
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { unzipSync, strFromU8 } from 'fflate';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listOrgDrills } from '../../api/lti/index.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { launchChromium, newPage } from '../browser/support/chromium.js';

let t: TestApp;
let drill: { id: string; title: string };
let otherOrgDrill: { id: string };

beforeAll(async () => {
  t = await startTestApp();
  drill = (await listOrgDrills(t.runtime.deps.db, t.runtime.demo!.facilitator.orgId))[0];
  otherOrgDrill = (
    await listOrgDrills(t.runtime.deps.db, t.runtime.demo!.otherOrgFacilitator.orgId)
  )[0];
});
afterAll(async () => t?.close());

async function download(version?: '1.2' | '2004', token = t.tokens.facilitator, id = drill.id) {
  const res = await fetch(
    `${t.url}/api/drills/${id}/scorm.zip${version ? `?version=${version}` : ''}`,
    { headers: { authorization: `Bearer ${token}` } },
  );
  return { res, bytes: res.ok ? new Uint8Array(await res.arrayBuffer()) : null };
}

function configOf(indexHtml: string) {
  return JSON.parse(
    /<script type="application\/json" id="sb-scorm-config">([\s\S]*?)<\/script>/.exec(
      indexHtml,
    )![1],
  );
}

describe('download', () => {
  it('gives facilitators a SCORM 1.2 zip with the manifest at the root and a page embedding the drill', async () => {
    const { res, bytes } = await download();
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/zip');
    expect(res.headers.get('content-disposition')).toMatch(
      /attachment; filename="sounding-board-.+-scorm12\.zip"/,
    );
    const files = unzipSync(bytes!);
    expect(Object.keys(files).sort()).toEqual(['imsmanifest.xml', 'index.html', 'scorm-bridge.js']);
    const manifest = strFromU8(files['imsmanifest.xml']);
    expect(manifest).toContain('<schemaversion>1.2</schemaversion>');
    expect(manifest).toContain('adlcp:scormtype="sco" href="index.html"');
    const page = strFromU8(files['index.html']);
    expect(page).toContain(
      `<script type="module" src="${t.url}/embed/sounding-board.js"></script>`,
    );
    expect(page).toMatch(new RegExp(`<sb-practice api-base="${t.url}" drill="${drill.id}"`));
    expect(configOf(page)).toMatchObject({ version: '1.2', apiBase: t.url, drillId: drill.id });
  });
  it('makes a SCORM 2004 package on request', async () => {
    const files = unzipSync((await download('2004')).bytes!);
    expect(strFromU8(files['imsmanifest.xml'])).toContain(
      '<schemaversion>2004 4th Edition</schemaversion>',
    );
    expect(configOf(strFromU8(files['index.html'])).version).toBe('2004');
  });
  it('is for facilitators and admins of the drill’s organisation only', async () => {
    expect((await download(undefined, t.tokens.learner)).res.status).toBe(403);
    expect((await download(undefined, t.tokens.admin)).res.status).toBe(200);
    expect((await download(undefined, t.tokens.facilitator, otherOrgDrill.id)).res.status).toBe(
      404,
    );
    const bad = await fetch(`${t.url}/api/drills/${drill.id}/scorm.zip?version=3`, {
      headers: { authorization: `Bearer ${t.tokens.facilitator}` },
    });
    expect(bad.status).toBe(400);
  });
});

describe('token exchange', () => {
  it('maps an LMS learner id to the same SCORM learner every time, and refuses a forged package token', async () => {
    const { packageToken } = configOf(
      strFromU8(unzipSync((await download()).bytes!)['index.html']),
    );
    const first = await t.call('POST', '/api/scorm/launch', {
      body: { packageToken, learnerId: 'lms-42', learnerName: 'Scorm Sally' },
    });
    expect(first.status).toBe(201);
    expect(first.body.drillId).toBe(drill.id);
    const again = await t.call('POST', '/api/scorm/launch', {
      body: { packageToken, learnerId: 'lms-42' },
    });
    const whoA = (await t.call('GET', '/api/sessions', { token: first.body.token })).status;
    expect(whoA).toBe(200);
    const [a, b] = [first.body.token, again.body.token].map(
      (tok: string) => JSON.parse(Buffer.from(tok.split('.')[1], 'base64url').toString()).sub,
    );
    expect(a).toBe(b);
    const other = await t.call('POST', '/api/scorm/launch', {
      body: { packageToken, learnerId: 'lms-43' },
    });
    expect(
      JSON.parse(Buffer.from(other.body.token.split('.')[1], 'base64url').toString()).sub,
    ).not.toBe(a);
    const forged = await t.call('POST', '/api/scorm/launch', {
      body: { packageToken: packageToken.slice(0, -4) + 'AAAA', learnerId: 'lms-42' },
    });
    expect(forged.status).toBe(401);
  });
});

/** A stand-in LMS on its own origin: scorm-again as the runtime, the package's files in a frame. */
async function startLms(
  files: Record<string, Uint8Array>,
  version: '1.2' | '2004',
): Promise<{ origin: string; close(): Promise<void> }> {
  const runtime = readFileSync(
    new URL(
      `../../node_modules/scorm-again/dist/${version === '1.2' ? 'scorm12' : 'scorm2004'}.min.js`,
      import.meta.url,
    ),
  );
  const ctor = version === '1.2' ? 'Scorm12API' : 'Scorm2004API';
  const global = version === '1.2' ? 'API' : 'API_1484_11';
  const host = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>LMS</title>
<script src="/scorm-again.js"></script>
<script>
  window.${global} = new ${ctor}({ autocommit: false, logLevel: 5 });
  window.__sets = [];
  window.${global}.on('${version === '1.2' ? 'LMSSetValue' : 'SetValue'}.cmi.*', function (el, v) { window.__sets.push([el, String(v)]); });
  window.__committed = 0;
  window.${global}.on('${version === '1.2' ? 'LMSCommit' : 'Commit'}', function () { window.__committed++; });
  ${version === '1.2' ? "window.API.cmi.core.student_id = 'lms-learner-7'; window.API.cmi.core.student_name = 'Learner, Sco';" : "window.API_1484_11.cmi.learner_id = 'lms-learner-8'; window.API_1484_11.cmi.learner_name = 'Sco Learner';"}
</script></head>
<body><h1>Course</h1><iframe title="Drill" src="/pkg/index.html" style="width:1000px;height:1400px"></iframe></body></html>`;
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (path === '/') return void res.writeHead(200, { 'content-type': 'text/html' }).end(host);
    if (path === '/scorm-again.js')
      return void res.writeHead(200, { 'content-type': 'text/javascript' }).end(runtime);
    const file = path.startsWith('/pkg/') ? files[path.slice(5)] : undefined;
    if (!file) return void res.writeHead(404).end();
    res
      .writeHead(200, {
        'content-type': path.endsWith('.html')
          ? 'text/html'
          : path.endsWith('.js')
            ? 'text/javascript'
            : 'application/xml',
      })
      .end(Buffer.from(file));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  // "localhost" makes the LMS a different origin from the API on 127.0.0.1
  return {
    origin: `http://localhost:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

const TURNS = [
  'What would you like to get out of our conversation today?',
  'It sounds like there is a lot on your mind.',
  'What else is going on for you?',
  'What will you do first, and by when?',
];

describe('played by scorm-again in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => browser?.close());

  for (const version of ['1.2', '2004'] as const) {
    it(`SCORM ${version}: the learner practises in the SCO and the LMS gets completion, score and pass/fail`, async () => {
      const files = unzipSync((await download(version)).bytes!);
      const lms = await startLms(files, version);
      const { page, context, errors } = await newPage(browser);
      try {
        await page.goto(`${lms.origin}/`);
        const sco = page.frameLocator('iframe[title="Drill"]');
        await sco.getByRole('button', { name: 'Start the drill' }).click({ timeout: 20_000 });
        const box = sco.getByRole('textbox', { name: /^Your reply to/ });
        for (const [i, text] of TURNS.entries()) {
          await box.fill(text);
          await box.press('Enter');
          await expect
            .poll(() => sco.locator('sb-practice li.message.coach').count(), { timeout: 20_000 })
            .toBe(i + 1);
          await expect.poll(() => box.inputValue(), { timeout: 20_000 }).toBe('');
        }
        await sco.getByRole('button', { name: 'End session' }).click();
        await sco.getByRole('heading', { name: /^Scorecard:/ }).waitFor({ timeout: 20_000 });
        await expect
          .poll(() => sco.locator('#sb-status').innerText(), { timeout: 10_000 })
          .toMatch(/sent to the course/);

        const sets = Object.fromEntries(
          (await page.evaluate(
            () => (window as unknown as { __sets: [string, string][] }).__sets,
          )) as [string, string][],
        );
        // the LMS got the same grade the server computes for the session
        const learnerToken = (
          await t.call('POST', '/api/scorm/launch', {
            body: {
              packageToken: configOf(strFromU8(files['index.html'])).packageToken,
              learnerId: version === '1.2' ? 'lms-learner-7' : 'lms-learner-8',
            },
          })
        ).body.token;
        const [mine] = (await t.call('GET', '/api/sessions', { token: learnerToken })).body
          .sessions;
        const grade = (
          await t.call('GET', `/api/scorm/sessions/${mine.id}/grade`, { token: learnerToken })
        ).body;
        expect(grade.passed).not.toBeNull();
        if (version === '1.2') {
          expect(sets['cmi.core.score.raw']).toBe(String(grade.scoreGiven));
          expect(sets['cmi.core.score.max']).toBe('100');
          expect(sets['cmi.core.lesson_status']).toBe(grade.passed ? 'passed' : 'failed');
          // the time spent, as a CMITimespan Moodle records (not 00:00:00)
          expect(sets['cmi.core.session_time']).toMatch(/^\d{4}:\d{2}:\d{2}\.\d{2}$/);
          expect(sets['cmi.core.session_time']).not.toBe('0000:00:00.00');
        } else {
          expect(sets['cmi.score.raw']).toBe(String(grade.scoreGiven));
          expect(sets['cmi.score.scaled']).toBe(String(grade.scaled));
          expect(sets['cmi.completion_status']).toBe('completed');
          expect(sets['cmi.success_status']).toBe(grade.passed ? 'passed' : 'failed');
          expect(sets['cmi.session_time']).toMatch(/^PT\d+H\d+M\d+\.\d{2}S$/);
          expect(sets['cmi.session_time']).not.toBe('PT0H0M0.00S');
        }
        expect(
          await page.evaluate(() => (window as unknown as { __committed: number }).__committed),
        ).toBeGreaterThanOrEqual(2);
        expect(errors).toEqual([]);
      } finally {
        await context.close();
        await lms.close();
      }
    }, 90_000);
  }
});

/**
 * @module test/browser/facilitator-actions.test
 * A facilitator changes their mind in `<sb-facilitator>`: cancels a learner's assignment and takes
 * a learner out of a cohort, by keyboard, through a confirmation dialog that says what goes and
 * what stays; the server's state is checked afterwards. A change someone else already made (404)
 * is told by name (no ids) and leaves the list as it was; a second press while a request is in
 * flight sends nothing more; a learner's token never sees the buttons, nor does a `read-only`
 * view (which still downloads the progress CSV); only a cohort an LMS course feeds warns that the course would put the learner back.
 */
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ltiContexts, ltiPlatforms } from '../../api/db/schema/index.js';
import { lmsRemovalNote } from '../../web-components/src/core/labels.js';
import { screenshot } from './support/artefacts.js';
import { seriousViolations } from './support/axe.js';
import { launchChromium, newPage } from './support/chromium.js';
import { lmsLessonHtml, startHostPage, type HostPage } from './support/host-page.js';
import { startSoundingBoard, type RunningSoundingBoard } from './support/sounding-board.js';
import { focusedName } from './support/ui.js';

vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

let sb: RunningSoundingBoard;
let lms: HostPage;
let browser: Browser;
let page: Page;
let errors: string[];
let cohortId: string;
const ALEX = 'Alex Rivera';
const SAM = 'Sam Okafor';
let alexId: string;
let samId: string;
/** drills: one assigned to the cohort (both learners), one assigned to Alex directly */
let viaCohort: { id: string; title: string };
let direct: { id: string; title: string };

const call = (method: string, path: string, body?: unknown, token = sb.tokens.facilitator) =>
  sb.app.call(method, path, { token, body });

async function progress() {
  const r = await call('GET', `/api/cohorts/${cohortId}/progress`);
  expect(r.status).toBe(200);
  return r.body.learners as {
    id: string;
    name: string;
    assignments: { id: string; drillId: string; cohortId: string | null; title: string }[];
  }[];
}

beforeAll(async () => {
  sb = await startSoundingBoard();
  lms = await startHostPage('localhost');
  browser = await launchChromium();
  ({ page, errors } = await newPage(browser));
  cohortId = await sb.createCohort('Winter Learning Partners');
  const learners = await progress();
  alexId = learners.find((l) => l.name === ALEX)!.id;
  samId = learners.find((l) => l.name === SAM)!.id;
  // two drills neither learner has yet (the demo seed assigns one)
  const taken = new Set(learners.flatMap((l) => l.assignments.map((a) => a.drillId)));
  const { drills } = (await call('GET', '/api/drills')).body as {
    drills: { id: string; title: string }[];
  };
  [viaCohort, direct] = drills.filter((d) => !taken.has(d.id));
  const due = new Date(Date.now() + 7 * 86_400_000).toISOString();
  expect(
    (await call('POST', '/api/assignments', { drillId: viaCohort.id, cohortId, dueAt: due }))
      .status,
  ).toBe(201);
  expect(
    (
      await call('POST', '/api/assignments', {
        drillId: direct.id,
        learnerIds: [alexId],
        dueAt: due,
      })
    ).status,
  ).toBe(201);
  // a session of Alex's, to show it survives the removal
  // (three coach turns: a shorter session is "not enough evidence" and leaves no progress)
  await sb.completeSession(sb.tokens.learner, [
    'What would you like from today?',
    'It sounds like a lot is on you.',
    'What else is going on?',
  ]);
});
afterAll(async () => {
  await browser?.close();
  await lms?.close();
  await sb?.close();
});

async function openFacilitator(
  token = sb.tokens.facilitator,
  opts: { cohort?: string; attrs?: string } = {},
): Promise<void> {
  lms.setHtml(
    lmsLessonHtml({
      apiOrigin: sb.origin,
      body: `<sb-facilitator api-base="${sb.origin}" token="${token}" cohort="${opts.cohort ?? cohortId}" ${opts.attrs ?? ''}></sb-facilitator>`,
    }),
  );
  await page.goto(lms.origin + '/');
  await page.evaluate(() => {
    const w = window as unknown as { __sbEvents: { type: string; detail: unknown }[] };
    w.__sbEvents = [];
    for (const type of ['sb-learner-removed', 'sb-assignment-cancelled', 'sb-error'])
      document.addEventListener(type, (e) =>
        w.__sbEvents.push({ type, detail: (e as CustomEvent).detail }),
      );
  });
}

const events = () =>
  page.evaluate(
    () =>
      (window as unknown as { __sbEvents: { type: string; detail: { status?: number } }[] })
        .__sbEvents,
  );
const dialog = () => page.locator('sb-facilitator dialog[open]');
const announcement = () => page.locator('sb-facilitator [part="announcement"]');
const actionButtons = () =>
  page.locator('sb-facilitator [part~="remove-button"], sb-facilitator [part~="cancel-button"]');
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-/i;

/** What the first launch from an LMS course records: the course (LTI context) linked to its cohort. */
async function linkToCourse(cohort: string): Promise<void> {
  const { db } = sb.app.runtime.deps;
  const orgId = sb.app.runtime.demo!.facilitator.orgId;
  const [platform] = await db
    .insert(ltiPlatforms)
    .values({
      orgId,
      name: 'Moodle',
      issuer: 'https://moodle.example',
      clientId: 'sb',
      deploymentIds: ['1'],
      authEndpoint: 'https://moodle.example/auth',
      tokenEndpoint: 'https://moodle.example/token',
      jwksUrl: 'https://moodle.example/jwks',
    })
    .returning();
  await db.insert(ltiContexts).values({
    platformId: platform.id,
    orgId,
    contextId: 'coaching-101',
    title: 'Coaching 101',
    cohortId: cohort,
  });
}

describe('<sb-facilitator>: cancel an assignment, remove a learner', () => {
  it('a learner’s token shows no actions', async () => {
    await openFacilitator(sb.tokens.learner);
    await page.locator('sb-facilitator [role="alert"]').waitFor();
    expect(await actionButtons().count()).toBe(0);
  });

  it('read-only: the same view with nothing that changes data; the property switches it', async () => {
    await openFacilitator(sb.tokens.facilitator, { attrs: 'read-only' });
    await page.getByRole('heading', { name: 'Learners and their drills' }).waitFor();
    const view = page.locator('sb-facilitator');
    // still there: the table, completion, each learner's drills with their status
    expect(await view.locator('tbody tr').count()).toBe(2);
    await view.getByRole('heading', { name: 'Drill completion' }).waitFor();
    expect(await view.locator('[part="learners"]').innerText()).toContain(viaCohort.title);
    expect(await view.locator('[part="learners"]').innerText()).toContain(direct.title);
    // gone: every control that writes
    expect(await actionButtons().count()).toBe(0);
    expect(await view.locator('[part="assign-form"], [part="assign-button"]').count()).toBe(0);
    // the buttons left only read: the CSV download and a learner's sessions (opened read-only)
    const left = (await view.getByRole('button').allInnerTexts()).map((t) => t.trim());
    expect(left.filter((t) => t !== 'Sessions')).toEqual(['Download progress (CSV)']);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'facilitator-read-only');
    // the cohort's progress as the API's CSV, by keyboard
    await view.getByRole('button', { name: 'Download progress (CSV)' }).focus();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.keyboard.press('Enter'),
    ]);
    expect(download.suggestedFilename()).toBe('Winter-Learning-Partners-progress.csv');
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv.split(/\r?\n/)[0]).toMatch(/^learner_id,name,email,listening,/);
    expect(csv).toContain(ALEX);
    // the property and the attribute agree; turning it off brings the actions back
    expect(await view.evaluate((el: HTMLElement & { readOnly: boolean }) => el.readOnly)).toBe(
      true,
    );
    await view.evaluate((el: HTMLElement & { readOnly: boolean }) => (el.readOnly = false));
    await view.locator('[part="assign-form"]').waitFor();
    expect(await view.evaluate((el) => el.hasAttribute('read-only'))).toBe(false);
    expect(await actionButtons().count()).toBeGreaterThan(0);
    // turned read-only while a removal is being confirmed: the dialog goes, nothing is sent
    await page.getByRole('button', { name: `Remove from cohort: ${SAM}` }).click();
    await dialog().waitFor();
    await view.evaluate((el: HTMLElement & { readOnly: boolean }) => (el.readOnly = true));
    await dialog().waitFor({ state: 'detached' });
    expect(await actionButtons().count()).toBe(0);
    expect((await progress()).map((l) => l.name)).toEqual([ALEX, SAM]);
    expect(errors).toEqual([]);
  });

  it('only a cohort an LMS course feeds says so, and warns that the course would put the learner back', async () => {
    const course = await sb.createCohort('Coaching 101 (Moodle)');
    await linkToCourse(course);
    await openFacilitator(sb.tokens.facilitator, { cohort: course });
    const note = page.locator('sb-facilitator [part="lms-note"]');
    await note.waitFor();
    await page.getByRole('button', { name: `Remove from cohort: ${SAM}` }).click();
    await dialog().waitFor();
    expect(await dialog().innerText()).toContain(lmsRemovalNote(SAM));
    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    // a cohort made in Sounding Board: no note, no LMS sentence
    await page.locator('sb-facilitator select#cohort').selectOption(cohortId);
    await note.waitFor({ state: 'detached' });
    await page.getByRole('button', { name: `Remove from cohort: ${SAM}` }).click();
    await dialog().waitFor();
    expect(await dialog().innerText()).not.toMatch(/LMS/);
    await page.keyboard.press('Escape');
    expect(errors).toEqual([]);
  });

  it('cancels one assignment by keyboard, once, and the server agrees', async () => {
    await openFacilitator();
    await page.getByRole('heading', { name: 'Learners and their drills' }).waitFor();
    const cancel = page.getByRole('button', {
      name: `Cancel assignment: ${viaCohort.title} for ${SAM}`,
    });
    // hold the DELETE a moment, so a second press lands while it is in flight
    let deletes = 0;
    await page.route('**/api/assignments/*', async (route) => {
      if (route.request().method() === 'DELETE') {
        deletes++;
        await new Promise((r) => setTimeout(r, 400));
      }
      await route.continue();
    });
    await cancel.focus();
    await page.keyboard.press('Enter');
    await dialog().waitFor();
    expect(await dialog().getByRole('heading').innerText()).toBe(
      `Cancel “${viaCohort.title}” for ${SAM}?`,
    );
    expect(await dialog().innerText()).toMatch(
      /sessions they practised on it stay in their progress/,
    );
    // the safe choice has focus; Escape closes with nothing changed and focus back on the button
    expect(await focusedName(page)).toBe('Keep assignment');
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'facilitator-cancel-dialog');
    await page.keyboard.press('Escape');
    await dialog()
      .waitFor({ state: 'detached' })
      .catch(() => undefined);
    expect(await dialog().count()).toBe(0);
    expect(await focusedName(page)).toBe(`Cancel assignment: ${viaCohort.title} for ${SAM}`);
    expect(deletes).toBe(0);

    await page.keyboard.press('Enter');
    await dialog().waitFor();
    await page.keyboard.press('Tab');
    expect(await focusedName(page)).toBe('Cancel assignment');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter'); // in flight: does nothing
    await dialog()
      .getByRole('button', { name: 'Cancelling…' })
      .click({ timeout: 1000 })
      .catch(() => undefined);
    await announcement().getByText(`“${viaCohort.title}” was cancelled for ${SAM}.`).waitFor();
    expect(deletes).toBe(1);
    await page.unroute('**/api/assignments/*');
    expect(await dialog().count()).toBe(0);
    expect(await cancel.count()).toBe(0);
    // focus moves to the next drill in Sam's list (the demo cohort's), not to the top of the page
    expect(await focusedName(page)).toMatch(new RegExp(`^Cancel assignment: .+ for ${SAM}$`));
    const sam = (await progress()).find((l) => l.id === samId)!;
    expect(sam.assignments.map((a) => a.drillId)).not.toContain(viaCohort.id);
    const fired = (await events()).filter((e) => e.type === 'sb-assignment-cancelled');
    expect(fired).toHaveLength(1);
    expect(fired[0].detail).toMatchObject({ learnerId: samId, drillId: viaCohort.id, cohortId });
    expect(errors).toEqual([]);
  });

  it('removes a learner after saying which drills go and which stay; the server agrees', async () => {
    await openFacilitator();
    const remove = page.getByRole('button', { name: `Remove from cohort: ${ALEX}` });
    await remove.click();
    await dialog().waitFor();
    const words = await dialog().innerText();
    expect(words).toMatch(/Their sessions and progress stay theirs/);
    expect(words).toMatch(
      new RegExp(
        `assigned through Winter Learning Partners and will be cancelled:\\s+${viaCohort.title}`,
      ),
    );
    expect(words).toContain(`Drills assigned to them in other ways stay: ${direct.title}`);
    await dialog().getByRole('button', { name: 'Remove from cohort' }).click();
    await announcement()
      .getByText(
        `${ALEX} was removed from Winter Learning Partners, and 1 drill assigned through it was cancelled.`,
      )
      .waitFor();
    expect(await remove.count()).toBe(0);
    expect(await page.locator('sb-facilitator tbody tr').count()).toBe(1);
    expect(await focusedName(page)).toBe(SAM);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'facilitator-after-removal');

    expect((await progress()).map((l) => l.name)).toEqual([SAM]);
    const alex = (await call('GET', '/api/me/assignments', undefined, sb.tokens.learner)).body
      .assignments as { drillId: string }[];
    expect(alex.map((a) => a.drillId)).toContain(direct.id);
    expect(alex.map((a) => a.drillId)).not.toContain(viaCohort.id);
    expect(
      (await call('GET', '/api/me/progress', undefined, sb.tokens.learner)).body.skills.some(
        (s: { history: unknown[] }) => s.history.length > 0,
      ),
    ).toBe(true);
    const fired = (await events()).filter((e) => e.type === 'sb-learner-removed');
    expect(fired).toEqual([
      {
        type: 'sb-learner-removed',
        detail: { cohortId, learnerId: alexId, cancelledAssignmentIds: [expect.any(String)] },
      },
    ]);
    expect(errors).toEqual([]);
  });

  it('a learner already removed elsewhere (404): told by name, the list stays, reload shows the truth', async () => {
    await openFacilitator();
    const remove = page.getByRole('button', { name: `Remove from cohort: ${SAM}` });
    await remove.click();
    await dialog().waitFor();
    // another tab gets there first
    expect((await call('DELETE', `/api/cohorts/${cohortId}/members/${samId}`)).status).toBe(204);
    await dialog().getByRole('button', { name: 'Remove from cohort' }).click();
    const alert = dialog().getByRole('alert');
    await alert.waitFor();
    // told by name, never with the server's ids
    expect(await alert.innerText()).toMatch(
      new RegExp(
        `^${SAM} was not removed: they are no longer in Winter Learning Partners\\. It may have changed elsewhere`,
      ),
    );
    expect(await alert.innerText()).not.toMatch(UUID);
    expect(await remove.count()).toBe(1);
    expect(await page.locator('sb-facilitator tbody tr').count()).toBe(1);
    expect(await announcement().innerText()).toBe('');
    expect(await focusedName(page)).toBe('Close');
    expect(
      (await events()).filter((e) => e.type === 'sb-error').map((e) => e.detail.status),
    ).toEqual([404]);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'facilitator-removal-refused');
    // closing changes nothing; focus is back on the button
    await page.keyboard.press('Enter');
    expect(await dialog().count()).toBe(0);
    expect(await focusedName(page)).toBe(`Remove from cohort: ${SAM}`);
    expect(await remove.count()).toBe(1);
    // reloading shows what the server has
    await remove.click();
    await dialog().getByRole('button', { name: 'Remove from cohort' }).click();
    await dialog().getByRole('button', { name: 'Reload the cohort' }).click();
    await page.getByText('No learners in this cohort yet.').first().waitFor();
    expect(await page.getByText('No learners in this cohort yet.').count()).toBe(1);
    expect(await remove.count()).toBe(0);
  });
});

/**
 * @module test/browser/support/sounding-board
 * The real Sounding Board for browser tests: the integrator's `startTestApp()` (real HTTP on
 * 127.0.0.1, fresh database with the demo data), the component bundle built if it is missing or
 * stale, and the few server-side moves a test needs (an LMS minting an embed token with an API
 * key, an expired token, a finished session through the API).
 */
import { signToken } from '../../../api/auth/index.js';
import { findDemoPeople, DEMO_PEOPLE } from '../../../api/demo/seed.js';
import { createApiKey } from '../../../api/routes/embed/embed.index.js';
import { ensureBundle } from '../../../web-components/build.js';
import { startTestApp, type DemoTokens, type TestApp } from '../../support/app.js';

export interface StoredSession {
  id: string;
  status: string;
  turns: { index: number; role: 'coach' | 'partner'; text: string }[];
}

export interface RunningSoundingBoard {
  /** the API's origin, e.g. http://127.0.0.1:41234 */
  origin: string;
  tokens: DemoTokens;
  app: TestApp;
  /** what an LMS back end does: POST /api/embed/tokens with its API key, for the demo learner */
  mintEmbedToken(opts?: {
    role?: 'learner' | 'facilitator';
    email?: string;
  }): Promise<{ token: string; expiresAt: string }>;
  /** a correctly signed token for the demo learner that expired a minute ago */
  expiredToken(): Promise<string>;
  getSession(token: string, id: string): Promise<StoredSession>;
  /** starts a session on the first scenario, says these coach turns, ends it; returns its id */
  completeSession(token: string, coachTurns: string[]): Promise<string>;
  /** a cohort run by the demo facilitator with both demo learners in it (the demo seed has none) */
  createCohort(name: string): Promise<string>;
  close(): Promise<void>;
}

export async function startSoundingBoard(
  env: Record<string, string> = {},
): Promise<RunningSoundingBoard> {
  await ensureBundle();
  const app = await startTestApp(env);
  const { db, jwtSecret } = app.runtime.deps;
  const people = await findDemoPeople(db);
  if (!people) throw new Error('the test app has no demo people');
  let apiKey: string | null = null;

  const ok = async <T>(
    res: Promise<{ status: number; body: unknown }>,
    what: string,
  ): Promise<T> => {
    const r = await res;
    if (r.status >= 300) throw new Error(`${what} failed: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body as T;
  };

  return {
    origin: app.url,
    tokens: app.tokens,
    app,
    async mintEmbedToken(opts = {}) {
      apiKey ??= (await createApiKey(db, { orgId: people.learner.orgId, name: 'Browser test LMS' }))
        .key;
      const email =
        opts.email ??
        (opts.role === 'facilitator' ? DEMO_PEOPLE.facilitator.email : DEMO_PEOPLE.learner.email);
      return ok(
        app.call('POST', '/api/embed/tokens', {
          headers: { 'x-api-key': apiKey },
          body: { personEmail: email, role: opts.role ?? 'learner', ttlSeconds: 600 },
        }),
        'minting an embed token',
      );
    },
    expiredToken: () =>
      signToken(
        jwtSecret,
        { sub: people.learner.id, org: people.learner.orgId, role: 'learner' },
        -60,
      ),
    getSession: (token, id) =>
      ok(app.call('GET', `/api/sessions/${id}`, { token }), 'reading a session'),
    async completeSession(token, coachTurns) {
      const { scenarios } = await ok<{ scenarios: { id: string }[] }>(
        app.call('GET', '/api/scenarios', { token }),
        'listing scenarios',
      );
      const session = await ok<{ id: string }>(
        app.call('POST', '/api/sessions', { token, body: { scenarioId: scenarios[0].id } }),
        'starting a session',
      );
      for (const text of coachTurns) {
        await ok(
          app.call('POST', `/api/sessions/${session.id}/turns`, {
            token,
            body: { clientTurnId: crypto.randomUUID(), text },
          }),
          'a coach turn',
        );
      }
      await ok(
        app.call('POST', `/api/sessions/${session.id}/end`, { token, body: {} }),
        'ending a session',
      );
      return session.id;
    },
    async createCohort(name) {
      // an admin sets it up (a facilitator may only enrol learners they already run)
      const cohort = await ok<{ id: string }>(
        app.call('POST', '/api/cohorts', {
          token: app.tokens.admin,
          body: { name, facilitatorIds: [people.facilitator.id] },
        }),
        'creating a cohort',
      );
      await ok(
        app.call('POST', `/api/cohorts/${cohort.id}/members`, {
          token: app.tokens.admin,
          body: { personIds: [people.learner.id, people.learner2.id] },
        }),
        'adding learners',
      );
      return cohort.id;
    },
    close: () => app.close(),
  };
}

/**
 * @module test/api/restart
 * Everything survives a restart: start the real server on a PGlite data folder in a temp dir (and,
 * when DATABASE_URL is set, on a fresh PostgreSQL database), run sessions, crash one turn half-way
 * (the partner voice dies after the coach turn is stored), close; start again on the same data
 * and read everything back unchanged: transcripts, codes, feedback, scorecards, progress, the
 * generated signing secret (old tokens still work). The half-done turn finishes when resent.
 */
import { serve } from '@hono/node-server';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../api/app.js';
import { loadConfig } from '../../api/config/index.js';
import type { LlmServices } from '../../api/llm/index.js';
import { createLogger } from '../../api/logger.js';
import { buildNodeDeps } from '../../api/node-deps.js';
import type { ApiResponse, Reply } from '../support/typed-call.js';

interface Booted {
  call<M extends string, P extends string>(
    method: M,
    path: P,
    o?: { token?: string; body?: unknown },
  ): Promise<Reply<ApiResponse<M, P>>>;
  crashPartner(on: boolean): void;
  close(): Promise<void>;
}

/** `npm start`'s path (config, open + migrate, secret, demo seed, app) on a real port. */
async function boot(env: Record<string, string>): Promise<Booted> {
  const config = loadConfig({ NODE_ENV: 'test', DEMO: 'true', LOG_LEVEL: 'silent', ...env });
  const runtime = await buildNodeDeps(config, { logger: createLogger('silent') });
  let crash = false;
  const real = runtime.deps.llm;
  // The voice that dies mid-turn: after the coach turn and the pending reply are stored. It
  // presents itself as a remote voice, so the flow takes the path that stores the coach turn
  // before voicing (the all-scripted path does everything in one transaction and cannot die halfway).
  const llm: LlmServices = {
    ...real,
    partner: {
      kind: 'openai',
      reply: (input, opts) =>
        crash
          ? Promise.reject(new Error('process died mid-turn'))
          : real.partner.reply(input, opts),
    },
  };
  const app = createApp({ ...runtime.deps, llm });
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((r) => server.once('listening', () => r()));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    async call(method, path, o = {}) {
      const headers: Record<string, string> = {};
      if (o.token) headers.authorization = `Bearer ${o.token}`;
      if (o.body !== undefined) headers['content-type'] = 'application/json';
      const res = await fetch(url + path, {
        method,
        headers,
        body: o.body === undefined ? undefined : JSON.stringify(o.body),
      });
      const text = await res.text();
      const body: unknown = text ? JSON.parse(text) : null;
      return {
        status: res.status,
        body: body as ApiResponse<typeof method, typeof path>,
        headers: res.headers,
      };
    },
    crashPartner: (on) => void (crash = on),
    async close() {
      await new Promise<void>((r) => server.close(() => r()));
      await runtime.close();
    },
  };
}

const LINES = [
  'What would you like to get out of our conversation today?',
  'It sounds like you are carrying a lot since the promotion.',
  'What else is going on for you?',
  'What will you do first, and by when?',
];

interface Variant {
  name: string;
  open(): Promise<{ env: Record<string, string>; dispose(): Promise<void> }>;
}

const variants: Variant[] = [
  {
    name: 'PGlite data folder',
    async open() {
      const dir = mkdtempSync(join(tmpdir(), 'sb-restart-'));
      return {
        env: { DATA_DIR: join(dir, 'data') },
        dispose: async () => rmSync(dir, { recursive: true, force: true }),
      };
    },
  },
];
const serverUrl = process.env.DATABASE_URL;
if (serverUrl) {
  variants.push({
    name: 'PostgreSQL',
    async open() {
      const name = `sb_restart_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
      const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
      await admin.unsafe(`create database ${name}`);
      await admin.end();
      const u = new URL(serverUrl);
      u.pathname = `/${name}`;
      return {
        env: { DATABASE_URL: u.toString() },
        async dispose() {
          const a = postgres(serverUrl, { max: 1, onnotice: () => {} });
          await a.unsafe(`drop database if exists ${name} with (force)`);
          await a.end();
        },
      };
    },
  });
}

describe.each(variants)('restart on $name', (variant) => {
  it('reads everything back, keeps tokens valid, and finishes the turn a crash left half-done', async () => {
    const store = await variant.open();
    try {
      // ---- first life
      const a = await boot(store.env); // no SB_JWT_SECRET: the generated one must persist
      const tokens = (await a.call('GET', '/api/demo/tokens')).body;
      const learner = tokens.learner as string;
      const scenarioId = (await a.call('GET', '/api/scenarios', { token: learner })).body
        .scenarios[0].id;
      const start = async () =>
        (await a.call('POST', '/api/sessions', { token: learner, body: { scenarioId } })).body
          .id as string;

      const ended = await start();
      for (const text of LINES)
        expect(
          (
            await a.call('POST', `/api/sessions/${ended}/turns`, {
              token: learner,
              body: { clientTurnId: randomUUID(), text },
            })
          ).status,
        ).toBe(200);
      const scorecard = (await a.call('POST', `/api/sessions/${ended}/end`, { token: learner }))
        .body.scorecard;
      expect(scorecard.skills).toHaveLength(6);

      const active = await start();
      expect(
        (
          await a.call('POST', `/api/sessions/${active}/turns`, {
            token: learner,
            body: { clientTurnId: randomUUID(), text: LINES[0] },
          })
        ).status,
      ).toBe(200);

      const crashed = await start();
      const crashTurn = { clientTurnId: randomUUID(), text: LINES[1] };
      a.crashPartner(true);
      const died = await a.call('POST', `/api/sessions/${crashed}/turns`, {
        token: learner,
        body: crashTurn,
      });
      expect(died.status).toBe(500);
      expect(died.body.detail).toMatch(/Nothing you sent was lost/);
      a.crashPartner(false);

      const read = async (b: Booted) => ({
        ended: (await b.call('GET', `/api/sessions/${ended}`, { token: learner })).body,
        active: (await b.call('GET', `/api/sessions/${active}`, { token: learner })).body,
        crashed: (await b.call('GET', `/api/sessions/${crashed}`, { token: learner })).body,
        list: (await b.call('GET', '/api/sessions', { token: learner })).body,
        progress: (await b.call('GET', '/api/me/progress', { token: learner })).body,
      });
      const before = await read(a);
      expect(
        before.crashed.turns.map((x) => [x.role, ('pending' in x && x.pending) ?? false]),
      ).toEqual([
        ['partner', false],
        ['coach', false],
        ['partner', true],
      ]);
      await a.close();

      // ---- second life, same data
      const b = await boot(store.env);
      const after = await read(b); // with the tokens issued before the restart
      expect(after).toEqual(before);
      expect(after.ended.scorecard).toEqual(scorecard);
      expect(after.ended.turns).toHaveLength(1 + 2 * LINES.length);
      expect(
        after.ended.turns
          .filter((x) => x.role === 'coach')
          .every((x) => x.codes.length > 0 && x.feedback),
      ).toBe(true);
      expect(
        after.progress.skills.find((s) => s.skill === 'listening')!.history.map((h) => h.sessionId),
      ).toContain(ended);

      // the demo seed is idempotent: the same people, so the same tokens' subjects
      expect(Object.keys((await b.call('GET', '/api/demo/tokens')).body)).toEqual(
        Object.keys(tokens),
      );

      // the active session carries on where it was
      const next = await b.call('POST', `/api/sessions/${active}/turns`, {
        token: learner,
        body: { clientTurnId: randomUUID(), text: LINES[1] },
      });
      expect(next.status).toBe(200);
      expect(next.body.turn.index).toBe(3);

      // a new turn on the crashed session is told which turn to finish first
      const blocked = await b.call('POST', `/api/sessions/${crashed}/turns`, {
        token: learner,
        body: { clientTurnId: randomUUID(), text: LINES[2] },
      });
      expect(blocked.status).toBe(409);
      expect(blocked.body.pendingClientTurnId).toBe(crashTurn.clientTurnId);
      // resending the crashed turn finishes it, once
      const resumed = await b.call('POST', `/api/sessions/${crashed}/turns`, {
        token: learner,
        body: crashTurn,
      });
      expect(resumed.status, JSON.stringify(resumed.body)).toBe(200);
      expect(resumed.body.turn.index).toBe(1);
      expect(resumed.body.reply.text.length).toBeGreaterThan(0);
      const healed = (await b.call('GET', `/api/sessions/${crashed}`, { token: learner })).body;
      expect(healed.turns).toHaveLength(3);
      expect(healed.turns.some((x) => 'pending' in x && x.pending)).toBe(false);
      await b.close();
    } finally {
      await store.dispose();
    }
  }, 240_000); // a cold PGlite on disk, migrated, twice: slow on a busy machine
});

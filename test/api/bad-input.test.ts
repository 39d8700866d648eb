/**
 * @module test/api/bad-input
 * Bad input to the practice loop over real HTTP (issue 2, item 9): malformed JSON, missing and
 * unknown fields, empty and over-long text, oversized bodies, bad and unknown ids, a turn on an
 * ended session, another organisation's ids. Each answer must be a 4xx problem+json that names
 * what was wrong; never a 500; and the session's stored turns must be exactly what they were.
 */
import { randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toProblemResponse } from '../../api/problems/index.js';
import { startTestApp, type TestApp } from '../support/app.js';
import type { ProblemBody } from '../support/typed-call.js';

let t: TestApp;
let sessionId: string;
let endedId: string;
/** the session as read before the bad requests, to compare after them */
let before: { scenario: { id: string }; turns: unknown[] };

const GOOD_TURN = 'What would you like to get out of our conversation today?';

beforeAll(async () => {
  t = await startTestApp();
  const scenarios = await t.call('GET', '/api/scenarios', { token: t.tokens.learner });
  const scenarioId = scenarios.body.scenarios[0].id;
  const start = await t.call('POST', '/api/sessions', {
    token: t.tokens.learner,
    body: { scenarioId },
  });
  sessionId = start.body.id;
  const first = await t.call('POST', `/api/sessions/${sessionId}/turns`, {
    token: t.tokens.learner,
    body: { clientTurnId: 'first-turn-0001', text: GOOD_TURN },
  });
  expect(first.status).toBe(200);
  before = (await t.call('GET', `/api/sessions/${sessionId}`, { token: t.tokens.learner })).body;

  const other = await t.call('POST', '/api/sessions', {
    token: t.tokens.learner,
    body: { scenarioId },
  });
  endedId = other.body.id;
  expect(
    (await t.call('POST', `/api/sessions/${endedId}/end`, { token: t.tokens.learner })).status,
  ).toBe(200);
});
afterAll(async () => t?.close());

/** A 4xx problem+json with type, title and a detail; returns the body for further checks. */
function expectProblem(
  r: { status: number; body: unknown; headers: Headers },
  status: number,
): ProblemBody {
  expect(r.status, JSON.stringify(r.body)).toBe(status);
  expect(r.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  expect(r.body).toMatchObject({
    type: expect.stringMatching(/^https:\/\//),
    title: expect.any(String),
    status,
    detail: expect.any(String),
  });
  const body = r.body as ProblemBody;
  expect(body.detail.length).toBeGreaterThan(5);
  return body;
}

const turnPath = () => `/api/sessions/${sessionId}/turns`;

/** The learner's session is not there for `token`: reading it, adding a turn and ending it are 404s. */
async function expectSessionHiddenFrom(token: string) {
  expectProblem(await t.call('GET', `/api/sessions/${sessionId}`, { token }), 404);
  expectProblem(
    await t.call('POST', turnPath(), {
      token,
      body: { clientTurnId: randomUUID(), text: GOOD_TURN },
    }),
    404,
  );
  expectProblem(await t.call('POST', `/api/sessions/${sessionId}/end`, { token }), 404);
}
const asLearner = (o: Parameters<TestApp['call']>[2] = {}) => ({ token: t.tokens.learner, ...o });

describe('bad input to a coach turn', () => {
  it('malformed JSON: 400 saying the JSON is malformed', async () => {
    const body = expectProblem(
      await t.call(
        'POST',
        turnPath(),
        asLearner({ raw: '{"text": "hi', headers: { 'content-type': 'application/json' } }),
      ),
      400,
    );
    expect(body.detail).toMatch(/malformed json/i);
  });

  it('an empty body, a JSON null and a JSON array: 400', async () => {
    expectProblem(
      await t.call(
        'POST',
        turnPath(),
        asLearner({ raw: '', headers: { 'content-type': 'application/json' } }),
      ),
      400,
    );
    const nul = expectProblem(
      await t.call(
        'POST',
        turnPath(),
        asLearner({ raw: 'null', headers: { 'content-type': 'application/json' } }),
      ),
      400,
    );
    expect(nul.errors[0].message).toMatch(/object/);
    const arr = expectProblem(
      await t.call('POST', turnPath(), asLearner({ body: [GOOD_TURN] })),
      400,
    );
    expect(arr.errors[0].message).toMatch(/object/);
  });

  it('a body that is not JSON: 415 asking for application/json', async () => {
    const raw = JSON.stringify({ clientTurnId: randomUUID(), text: GOOD_TURN });
    const body = expectProblem(
      await t.call(
        'POST',
        turnPath(),
        asLearner({ raw, headers: { 'content-type': 'text/plain' } }),
      ),
      415,
    );
    expect(body.detail).toMatch(/application\/json/);
    expectProblem(await t.call('POST', turnPath(), asLearner({ raw })), 415);
  });

  it('missing fields are named', async () => {
    const body = expectProblem(
      await t.call('POST', turnPath(), asLearner({ body: { clientTurnId: randomUUID() } })),
      400,
    );
    expect(body.errors).toEqual([expect.objectContaining({ path: 'text' })]);
    const both = expectProblem(await t.call('POST', turnPath(), asLearner({ body: {} })), 400);
    expect(both.errors.map((e) => e.path).sort()).toEqual(['clientTurnId', 'text']);
  });

  it('an unknown field is named', async () => {
    const body = expectProblem(
      await t.call(
        'POST',
        turnPath(),
        asLearner({ body: { clientTurnId: randomUUID(), text: GOOD_TURN, mood: 'open' } }),
      ),
      400,
    );
    expect(JSON.stringify(body.errors)).toContain('mood');
  });

  it('wrong types are named', async () => {
    const body = expectProblem(
      await t.call('POST', turnPath(), asLearner({ body: { clientTurnId: 12345678, text: 42 } })),
      400,
    );
    expect(body.errors.map((e) => e.path).sort()).toEqual(['clientTurnId', 'text']);
  });

  it('empty or whitespace-only text: 400 on text', async () => {
    for (const text of ['', '   ', '\n\t ']) {
      const body = expectProblem(
        await t.call('POST', turnPath(), asLearner({ body: { clientTurnId: randomUUID(), text } })),
        400,
      );
      expect(body.errors).toEqual([{ path: 'text', message: 'text must not be empty' }]);
    }
  });

  it('text over the 2,000-character limit: 400 giving the length and the limit; exactly 2,000 is accepted', async () => {
    const body = expectProblem(
      await t.call(
        'POST',
        turnPath(),
        asLearner({ body: { clientTurnId: randomUUID(), text: 'a'.repeat(2001) } }),
      ),
      400,
    );
    expect(body.detail).toContain('2001');
    expect(body.detail).toContain('2000');
    expect(body.errors[0].path).toBe('text');
    // the limit applies to the trimmed text, so surrounding spaces do not count against it
    const s = await t.call(
      'POST',
      '/api/sessions',
      asLearner({ body: { scenarioId: before.scenario.id } }),
    );
    const ok = await t.call(
      'POST',
      `/api/sessions/${s.body.id}/turns`,
      asLearner({
        body: {
          clientTurnId: randomUUID(),
          text: `  ${'So what matters most here? '.repeat(80).slice(0, 2000)}  `,
        },
      }),
    );
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
  });

  it('a body over the size limit: 413, also when it is streamed without a length', async () => {
    const big = await t.call(
      'POST',
      turnPath(),
      asLearner({ body: { clientTurnId: randomUUID(), text: 'a'.repeat(100_000) } }),
    );
    expect(expectProblem(big, 413).detail).toMatch(/larger/);
    // the unread rest of the body spoils the connection: the client is told not to reuse it
    expect(big.headers.get('connection')).toBe('close');
    for (let i = 0; i < 5; i++)
      expect((await t.call('GET', `/api/sessions/${sessionId}`, asLearner())).status).toBe(200);
    const chunk = new TextEncoder().encode('a'.repeat(16 * 1024));
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(ctl) {
        if (sent === 0)
          ctl.enqueue(new TextEncoder().encode('{"clientTurnId":"chunked-0001","text":"'));
        if (sent++ < 8) ctl.enqueue(chunk);
        else ctl.close();
      },
    });
    const res = await fetch(t.url + turnPath(), {
      method: 'POST',
      headers: { authorization: `Bearer ${t.tokens.learner}`, 'content-type': 'application/json' },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    expect(res.status).toBe(413);
    expect((await res.json()).title).toBe('Payload too large');
  });

  it('a NUL character in the text: 400 on text, not a database error', async () => {
    const body = expectProblem(
      await t.call(
        'POST',
        turnPath(),
        asLearner({ body: { clientTurnId: randomUUID(), text: 'How are you \u0000 feeling?' } }),
      ),
      400,
    );
    expect(body.errors[0]).toMatchObject({ path: 'text', message: expect.stringMatching(/NUL/) });
  });

  it('bytes that are not UTF-8 are not a crash', async () => {
    const bytes = new Uint8Array([
      ...new TextEncoder().encode('{"clientTurnId":"bytes-0001","text":"'),
      0xff,
      0xfe,
      0xc3,
      ...new TextEncoder().encode('"}'),
    ]);
    const res = await fetch(t.url + turnPath(), {
      method: 'POST',
      headers: { authorization: `Bearer ${t.tokens.learner}`, 'content-type': 'application/json' },
      body: bytes,
    });
    // decoded with replacement characters, it is a (strange) turn; either way not a 5xx
    expect(res.status).toBeLessThan(500);
    if (res.status !== 200) expect(res.headers.get('content-type')).toMatch(/problem\+json/);
    else {
      // it was a real turn: keep the reference transcript in step
      before = (await t.call('GET', `/api/sessions/${sessionId}`, asLearner())).body;
    }
  });

  it('a malformed clientTurnId is named', async () => {
    for (const clientTurnId of ['short', 'has spaces in it', 'x'.repeat(101), '../../etc/passwd']) {
      const body = expectProblem(
        await t.call('POST', turnPath(), asLearner({ body: { clientTurnId, text: GOOD_TURN } })),
        400,
      );
      expect(body.errors[0].path).toBe('clientTurnId');
    }
  });

  it('a clientTurnId reused for different words: 409 saying to use a new id', async () => {
    const body = expectProblem(
      await t.call(
        'POST',
        turnPath(),
        asLearner({ body: { clientTurnId: 'first-turn-0001', text: 'Something else entirely?' } }),
      ),
      409,
    );
    expect(body.detail).toMatch(/clientTurnId first-turn-0001/);
  });
});

describe('bad and foreign ids', () => {
  it('a malformed session id: 400 naming id, on every session route', async () => {
    for (const [method, path, body] of [
      ['GET', '/api/sessions/not-a-uuid', undefined],
      ['POST', '/api/sessions/not-a-uuid/turns', { clientTurnId: randomUUID(), text: GOOD_TURN }],
      ['POST', '/api/sessions/123/end', undefined],
      ['GET', `/api/sessions/${sessionId}x`, undefined],
    ] as const) {
      const r = expectProblem(await t.call(method, path, asLearner({ body })), 400);
      expect(r.errors).toEqual([{ path: 'id', message: 'id must be a UUID' }]);
    }
  });

  it('an unknown session id: 404 on read, turn and end', async () => {
    const id = randomUUID();
    const detail = expectProblem(
      await t.call('GET', `/api/sessions/${id}`, asLearner()),
      404,
    ).detail;
    // the detail names the kind of thing, not the id the caller already sent
    expect(detail).toMatch(/session/i);
    expect(detail).not.toContain(id);
    expectProblem(
      await t.call(
        'POST',
        `/api/sessions/${id}/turns`,
        asLearner({ body: { clientTurnId: randomUUID(), text: GOOD_TURN } }),
      ),
      404,
    );
    expectProblem(await t.call('POST', `/api/sessions/${id}/end`, asLearner()), 404);
  });

  it('starting a session: unknown scenario 404, malformed drill id 400, unknown drill 404, neither 400, unknown field 400', async () => {
    expect(
      expectProblem(
        await t.call(
          'POST',
          '/api/sessions',
          asLearner({ body: { scenarioId: 'no-such-scenario' } }),
        ),
        404,
      ).detail,
    ).toContain('no-such-scenario');
    expect(
      expectProblem(
        await t.call('POST', '/api/sessions', asLearner({ body: { drillId: 'drill-1' } })),
        400,
      ).errors[0].path,
    ).toBe('drillId');
    expectProblem(
      await t.call('POST', '/api/sessions', asLearner({ body: { drillId: randomUUID() } })),
      404,
    );
    expect(
      expectProblem(await t.call('POST', '/api/sessions', asLearner({ body: {} })), 400).errors[0]
        .message,
    ).toMatch(/scenarioId or a drillId/);
    expect(
      JSON.stringify(
        expectProblem(
          await t.call(
            'POST',
            '/api/sessions',
            asLearner({ body: { scenarioId: 'x', personId: randomUUID() } }),
          ),
          400,
        ).errors,
      ),
    ).toContain('personId');
  });

  it("another organisation's session is a 404 for every route and every role there", async () => {
    for (const token of [t.tokens.otherOrgLearner, t.tokens.otherOrgFacilitator])
      await expectSessionHiddenFrom(token);
  });

  it("another learner's session in the same organisation is a 404, and they cannot add turns or end it", async () => {
    await expectSessionHiddenFrom(t.tokens.learner2);
  });

  it("another organisation's drill cannot be started", async () => {
    const [mine] = await t.runtime.deps.db.query.drills.findMany({
      where: (d, { eq }) => eq(d.orgId, t.runtime.demo!.otherOrgLearner.orgId),
      limit: 1,
    });
    expect(mine).toBeTruthy();
    expectProblem(
      await t.call('POST', '/api/sessions', asLearner({ body: { drillId: mine.id } })),
      404,
    );
  });
});

describe('a turn on an ended session', () => {
  it('is a 409 saying the session has ended (and adds nothing)', async () => {
    const beforeEnded = (await t.call('GET', `/api/sessions/${endedId}`, asLearner())).body;
    const body = expectProblem(
      await t.call(
        'POST',
        `/api/sessions/${endedId}/turns`,
        asLearner({ body: { clientTurnId: randomUUID(), text: GOOD_TURN } }),
      ),
      409,
    );
    expect(body.detail).toMatch(/ended/);
    expect((await t.call('GET', `/api/sessions/${endedId}`, asLearner())).body).toEqual(
      beforeEnded,
    );
  });

  it('over Server-Sent Events it is the same 409 problem response, not a stream', async () => {
    const r = await t.call(
      'POST',
      `/api/sessions/${endedId}/turns`,
      asLearner({
        body: { clientTurnId: randomUUID(), text: GOOD_TURN },
        headers: { accept: 'text/event-stream' },
      }),
    );
    const body = expectProblem(r, 409);
    expect(body.detail).toMatch(/ended/);
  });

  it('over Server-Sent Events an unknown session is a 404 problem response', async () => {
    const r = await t.call(
      'POST',
      `/api/sessions/${randomUUID()}/turns`,
      asLearner({
        body: { clientTurnId: randomUUID(), text: GOOD_TURN },
        headers: { accept: 'text/event-stream' },
      }),
    );
    expectProblem(r, 404);
  });

  it('ending it again returns the same scorecard', async () => {
    const a = await t.call('POST', `/api/sessions/${endedId}/end`, asLearner());
    const b = await t.call('POST', `/api/sessions/${endedId}/end`, asLearner());
    expect(a.status).toBe(200);
    expect(b.body).toEqual(a.body);
  });
});

describe('everywhere else', () => {
  it('an unknown route or method is a 404 problem', async () => {
    expectProblem(await t.call('GET', '/api/no-such-thing', asLearner()), 404);
    expectProblem(await t.call('DELETE', `/api/sessions/${sessionId}`, asLearner()), 404);
  });

  it('a database refusal of the client’s characters maps to a 400, not a 500', async () => {
    // drivers wrap the PostgreSQL error (code 22021: invalid byte sequence) in their own
    const app = new Hono().post('/', () => {
      throw Object.assign(new Error('Failed query'), {
        cause: Object.assign(new Error('invalid byte sequence for encoding "UTF8": 0x00'), {
          code: '22021',
        }),
      });
    });
    app.onError((err, c) => toProblemResponse(err, c));
    const res = await app.request('/', { method: 'POST' });
    expect(res.status).toBe(400);
    expect((await res.json()).detail).toMatch(/NUL/);
  });
});

describe('nothing stored was lost', () => {
  it('the session reads back exactly as before the bad requests, and still takes a good turn', async () => {
    const after = await t.call('GET', `/api/sessions/${sessionId}`, asLearner());
    expect(after.status).toBe(200);
    expect(after.body).toEqual(before);
    const next = await t.call(
      'POST',
      turnPath(),
      asLearner({
        body: { clientTurnId: randomUUID(), text: 'It sounds like a lot has changed for you.' },
      }),
    );
    expect(next.status, JSON.stringify(next.body)).toBe(200);
    expect(next.body.turn.index).toBe(before.turns.length);
  });
});

/**
 * An organisation's own scenarios over real HTTP on a real database: a facilitator checks and adds
 * a scenario file (YAML or JSON), mistakes come back as problem+json naming the field and line,
 * learners of that organisation (and only that one) can practise on it with alternatives from its
 * authored model moves, and editing or retiring it never changes a session already under way.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { startTestApp, type TestApp } from '../support/app.js';
import { orgScenarioYaml, YAML_HEADERS } from '../support/org-scenario.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t?.close());

const add = (raw: string, token = t.tokens.facilitator) =>
  t.call('POST', '/api/org/scenarios', { token, raw, headers: YAML_HEADERS });
const scenarioIds = async (token: string) =>
  (
    (await t.call('GET', '/api/scenarios', { token })).body.scenarios as {
      id: string;
      builtIn: boolean;
    }[]
  ).map((s) => s.id);
const turn = (token: string, sessionId: string, text: string) =>
  t.call('POST', `/api/sessions/${sessionId}/turns`, {
    token,
    body: { clientTurnId: crypto.randomUUID(), text },
  });

describe('adding and checking a scenario', () => {
  it('adds a YAML file, shows it to the organisation’s learners only, and returns it for editing', async () => {
    const yaml = orgScenarioYaml('handover-worries', 'Worries about the handover');
    const created = await add(yaml);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      id: 'handover-worries',
      revision: 1,
      status: 'active',
      sourceFormat: 'yaml',
      source: yaml,
    });
    expect(created.body.scenario).toMatchObject({
      title: 'Worries about the handover',
      builtIn: false,
    });
    expect(JSON.stringify(created.body.scenario)).not.toMatch(/hidden|persona|moves/);
    expect(created.body.figures.modelMovesCodingAsClaimed).toBe(created.body.figures.modelMoves);

    expect(await scenarioIds(t.tokens.learner)).toContain('handover-worries');
    expect(await scenarioIds(t.tokens.otherOrgLearner)).not.toContain('handover-worries');
    const read = await t.call('GET', '/api/org/scenarios/handover-worries', {
      token: t.tokens.admin,
    });
    expect(read.body.source).toBe(yaml);
    expect(
      (
        await t.call('GET', '/api/org/scenarios/handover-worries', {
          token: t.tokens.otherOrgFacilitator,
        })
      ).status,
    ).toBe(404);
    expect((await add(yaml)).status).toBe(409);
  });

  it('takes the same scenario as JSON', async () => {
    const file = parse(orgScenarioYaml('json-scenario'));
    const created = await t.call('POST', '/api/org/scenarios', {
      token: t.tokens.admin,
      body: file,
    });
    expect(created.status).toBe(201);
    expect(created.body.sourceFormat).toBe('json');
  });

  it('reads the file as YAML under application/yaml, text/yaml and text/plain, and as JSON', async () => {
    for (const type of ['application/yaml', 'text/yaml', 'text/plain; charset=utf-8']) {
      const res = await t.call('POST', '/api/org/scenarios/preview', {
        token: t.tokens.facilitator,
        raw: orgScenarioYaml('read-as-yaml'),
        headers: { 'content-type': type },
      });
      expect(res.status, type).toBe(200);
    }
    const asJson = await t.call('POST', '/api/org/scenarios/preview', {
      token: t.tokens.facilitator,
      body: parse(orgScenarioYaml('read-as-json')),
    });
    expect(asJson.status).toBe(200);
  });

  it('refuses another media type with a 415 that says what to send', async () => {
    for (const type of ['application/x-www-form-urlencoded', 'text/csv']) {
      const res = await t.call('POST', '/api/org/scenarios', {
        token: t.tokens.facilitator,
        raw: orgScenarioYaml('wrong-type'),
        headers: { 'content-type': type },
      });
      expect(res.status, type).toBe(415);
      expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/);
      expect(res.body.detail).toMatch(/text\/yaml.*application\/json/);
    }
  });

  it('validates a JSON file with the scenario schema: a missing, mistyped or unknown field is a 400 naming it', async () => {
    const file = parse(orgScenarioYaml('json-mistakes'));
    delete file.brief;
    file.difficulty = 'medium';
    file.colour = 'blue';
    const res = await t.call('POST', '/api/org/scenarios', { token: t.tokens.admin, body: file });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/);
    const paths = (res.body.errors as { path: string }[]).map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['brief', 'difficulty', '(file)']));
    expect(JSON.stringify(res.body.errors)).toContain('colour');
    const notJson = await t.call('POST', '/api/org/scenarios', {
      token: t.tokens.admin,
      raw: '{"id": ',
      headers: { 'content-type': 'application/json' },
    });
    expect(notJson.status).toBe(400);
  });

  it('answers a mistake with problem+json naming the field path and the line', async () => {
    const yaml = orgScenarioYaml('with-mistakes')
      .replace(/^difficulty: \w+$/m, 'difficulty: medium')
      .replace(/^( {6}complexReflection: .*)$/m, '');
    const res = await add(yaml);
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/);
    const paths = (res.body.errors as { path: string; message: string }[]).map((e) => e.path);
    expect(paths).toContain('difficulty');
    expect(paths).toContain('facts.0.moves.complexReflection');
    const line = yaml.split('\n').findIndex((l) => l.startsWith('difficulty:')) + 1;
    expect(
      res.body.errors.find((e: { path: string }) => e.path === 'difficulty')!.message,
    ).toContain(`(line ${line})`);
    expect(
      (await t.call('GET', '/api/org/scenarios/with-mistakes', { token: t.tokens.facilitator }))
        .status,
    ).toBe(404);
  });

  it('keeps built-in scenarios read-only and learners out', async () => {
    const builtIn = await add(orgScenarioYaml('new-manager-overwhelmed'));
    expect(builtIn.status).toBe(400);
    expect(builtIn.body.errors[0].path).toBe('id');
    expect((await add(orgScenarioYaml(), t.tokens.learner)).status).toBe(403);
    expect(
      (
        await t.call('DELETE', '/api/org/scenarios/new-manager-overwhelmed', {
          token: t.tokens.admin,
        })
      ).status,
    ).toBe(404);
  });

  it('previews without saving', async () => {
    const res = await t.call('POST', '/api/org/scenarios/preview', {
      token: t.tokens.facilitator,
      raw: orgScenarioYaml('only-a-preview'),
      headers: YAML_HEADERS,
    });
    expect(res.status).toBe(200);
    expect(res.body.opening.length).toBeGreaterThan(10);
    expect(res.body.figures.lines).toBeGreaterThan(40);
    expect(
      (await t.call('GET', '/api/org/scenarios/only-a-preview', { token: t.tokens.facilitator }))
        .status,
    ).toBe(404);
  });

  it('is in the OpenAPI document', async () => {
    const doc = (await t.call('GET', '/api/openapi.json')).body;
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/org/scenarios',
        '/org/scenarios/preview',
        '/org/scenarios/{scenarioId}',
      ]),
    );
    expect(Object.keys(doc.paths['/org/scenarios/{scenarioId}']).sort()).toEqual([
      'delete',
      'get',
      'put',
    ]);
    const body = doc.paths['/org/scenarios'].post.requestBody;
    expect(Object.keys(body.content).sort()).toEqual([
      'application/json',
      'application/yaml',
      'text/plain',
      'text/yaml',
    ]);
    expect(body.content['application/json'].schema).toEqual({
      $ref: '#/components/schemas/ScenarioFile',
    });
    const file = doc.components.schemas.ScenarioFile;
    expect(file.additionalProperties).toBe(false);
    expect(file.required).toEqual(expect.arrayContaining(['id', 'title', 'partner', 'voice']));
    expect(Object.keys(doc.paths['/org/scenarios'].post.responses)).toContain('415');
  });
});

describe('practising on an organisation’s scenario', () => {
  it('runs a session with authored alternatives; edits and retirement leave it on the card it started with', async () => {
    expect((await add(orgScenarioYaml('team-lead-own', 'First version'))).status).toBe(201);
    const started = await t.call('POST', '/api/sessions', {
      token: t.tokens.learner,
      body: { scenarioId: 'team-lead-own' },
    });
    expect(started.status).toBe(201);
    expect(started.body.scenario).toMatchObject({
      id: 'team-lead-own',
      title: 'First version',
      builtIn: false,
    });
    expect(started.body.versions.scenarioRevision).toBe('1');
    const sessionId = started.body.id;

    const edited = await t.call('PUT', '/api/org/scenarios/team-lead-own', {
      token: t.tokens.facilitator,
      raw: orgScenarioYaml('team-lead-own', 'Second version'),
      headers: YAML_HEADERS,
    });
    expect(edited.body).toMatchObject({ revision: 2, scenario: { title: 'Second version' } });
    expect(
      (await t.call('DELETE', '/api/org/scenarios/team-lead-own', { token: t.tokens.facilitator }))
        .status,
    ).toBe(204);
    expect(await scenarioIds(t.tokens.learner)).not.toContain('team-lead-own');
    expect(
      (
        await t.call('POST', '/api/sessions', {
          token: t.tokens.learner,
          body: { scenarioId: 'team-lead-own' },
        })
      ).status,
    ).toBe(404);

    // the session carries on, on the first version, and "You could have said" is an authored move
    const opening = started.body.turns[0].text as string;
    const res = await turn(t.tokens.learner, sessionId, 'You should just delegate more.');
    expect(res.status).toBe(200);
    const file = parse(orgScenarioYaml('team-lead-own'));
    const openingLine = file.script.openings.find((o: { text: string }) => o.text === opening);
    expect(openingLine).toBeDefined();
    expect(Object.values(openingLine.moves)).toContain(res.body.turn.feedback!.alternative);
    const read = await t.call('GET', `/api/sessions/${sessionId}`, { token: t.tokens.learner });
    expect(read.body.scenario.title).toBe('First version');

    const listed = (await t.call('GET', '/api/org/scenarios', { token: t.tokens.admin })).body
      .scenarios;
    expect(listed.find((s: { id: string }) => s.id === 'team-lead-own')).toMatchObject({
      status: 'retired',
      revision: 2,
    });
  });

  it('another organisation cannot start it', async () => {
    expect((await add(orgScenarioYaml('northwind-only'))).status).toBe(201);
    expect(
      (
        await t.call('POST', '/api/sessions', {
          token: t.tokens.otherOrgLearner,
          body: { scenarioId: 'northwind-only' },
        })
      ).status,
    ).toBe(404);
  });
});

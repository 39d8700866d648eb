/**
 * @module test/coder/eval-coder
 * The evaluation commands at their real boundaries: `coder:predict` prints one JSON line per
 * coach turn from text and prev_client only; the LLM-refined evaluation talks to an
 * OpenAI-compatible endpoint (the local fake), and a failing endpoint costs no turn.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { coachRows, readJsonl, REPO_ROOT } from '../../evals/dataset.js';
import { evaluateFile, evaluateFileWithLlm, parseArgs } from '../../evals/eval-coder.js';
import { startFakeOpenAI, type FakeOpenAI, type ChatBody } from '../support/fake-openai.js';

const dir = mkdtempSync(join(tmpdir(), 'coder-eval-'));
const file = join(dir, 'sample.jsonl');
const lines = [
  {
    dialogue_id: 'd1',
    turn_index: 0,
    speaker: 'client',
    text: 'My manager ignores my ideas.',
    label: null,
    prev_client: null,
  },
  {
    dialogue_id: 'd1',
    turn_index: 1,
    speaker: 'coach',
    text: 'You feel unheard.',
    label: 'complex_reflection',
    prev_client: 'My manager ignores my ideas.',
  },
  {
    dialogue_id: 'd1',
    turn_index: 2,
    speaker: 'client',
    text: 'Yes.',
    label: null,
    prev_client: null,
  },
  {
    dialogue_id: 'd1',
    turn_index: 3,
    speaker: 'coach',
    text: 'What would you like to happen?',
    label: 'open_question',
    prev_client: 'Yes.',
  },
  {
    dialogue_id: 'd2',
    turn_index: 0,
    speaker: 'coach',
    text: 'You should email him.',
    label: 'advice',
    prev_client: null,
  },
  {
    dialogue_id: 'd2',
    turn_index: 1,
    speaker: 'coach',
    text: 'Did you tell him?',
    label: 'closed_question',
    prev_client: null,
  },
];
writeFileSync(file, lines.map((l) => JSON.stringify(l)).join('\n') + '\n');

describe('coder:predict', () => {
  it('prints one JSON line per coach turn with dialogue_id, turn_index and label', () => {
    const out = execFileSync(
      process.execPath,
      ['--import', 'tsx', resolve(REPO_ROOT, 'evals/predict.ts'), file],
      { cwd: REPO_ROOT, encoding: 'utf8' },
    );
    const rows = out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(rows.map((r) => [r.dialogue_id, r.turn_index])).toEqual([
      ['d1', 1],
      ['d1', 3],
      ['d2', 0],
      ['d2', 1],
    ]);
    for (const r of rows)
      expect(Object.keys(r).sort()).toEqual(['dialogue_id', 'label', 'turn_index']);
    expect(rows.map((r) => r.label)).toEqual(
      expect.arrayContaining(['open_question', 'advice', 'closed_question']),
    );
  });
});

describe('eval:coder', () => {
  it('parses its arguments', () => {
    expect(parseArgs(['--data', 'x.jsonl', '--json', '--cv'])).toMatchObject({
      data: 'x.jsonl',
      json: true,
      cv: 5,
    });
    expect(parseArgs(['--data', 'x.jsonl', '--cv', '3', '--no-llm'])).toMatchObject({
      cv: 3,
      llm: false,
    });
  });

  it('scores a file in both views when its labels have subtypes', () => {
    const { evaluation } = evaluateFile(file, { cv: null, replicates: 50 });
    expect(evaluation.n).toBe(4);
    expect(evaluation.views.map((v) => v.view)).toEqual(['fine', 'coarse']);
  });

  let fake: FakeOpenAI;
  beforeAll(async () => {
    fake = await startFakeOpenAI();
  });
  afterAll(async () => {
    await fake.close();
  });

  it('refines with the LLM endpoint, and keeps offline codings when it fails', async () => {
    const client = new OpenAI({ apiKey: 'test', baseURL: fake.baseURL, maxRetries: 0 });
    const rows = coachRows(readJsonl(file));
    // a model that calls every turn a complex reflection: only the reflection turn may change
    fake.setHandler(() => ({
      type: 'reply',
      text: JSON.stringify({ label: 'complex_reflection', codes: ['complex_reflection'] }),
    }));
    const ok = await evaluateFileWithLlm(file, rows, client, 'coder-model', 50);
    expect(ok.fallbacks).toEqual({});
    const fine = ok.evaluation.views.find((v) => v.view === 'fine')!;
    expect(fine.perLabel.find((p) => p.label === 'complex_reflection')!.recall).toBe(1);
    expect(fine.perLabel.find((p) => p.label === 'advice')!.recall).toBe(1);
    expect(fake.requests.every((r) => (r.body as ChatBody).temperature === 0)).toBe(true);

    fake.reset();
    fake.setHandler(() => ({ type: 'error', status: 503 }));
    const down = await evaluateFileWithLlm(file, rows, client, 'coder-model', 50);
    expect(down.fallbacks).toEqual({ http_503: 4 });
    expect(down.evaluation.n).toBe(4);
  });
});

/**
 * @module practice/scenarios/format/parse.test
 * The scenario format: a built-in file parses to a complete card; YAML and JSON give the same
 * card; every kind of mistake comes back with the field path (and line) that needs fixing.
 */
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { BUILT_IN_SCENARIO_FILES } from '../built-in.generated.js';
import { parseScenarioObject, parseScenarioText } from './parse.js';

const source = BUILT_IN_SCENARIO_FILES[0].text;
const ok = (text: string) => {
  const parsed = parseScenarioText(text);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return parsed;
};
const issuesOf = (text: string) => {
  const parsed = parseScenarioText(text);
  if (parsed.ok) throw new Error('expected issues');
  return parsed.issues;
};

describe('parseScenarioText', () => {
  it('builds a card with every line indexed by its field path, moves attached', () => {
    const { card, file } = ok(source);
    expect(card.id).toBe(file.id);
    expect(card.lines!.length).toBeGreaterThan(40);
    const ids = card.lines!.map((l) => l.id);
    expect(ids).toContain('script.openings.0');
    expect(ids).toContain('voice.goodbye.0');
    expect(ids).toContain('facts.0.answer');
    expect(ids).toContain('scale.answer');
    for (const line of card.lines!)
      if (!line.id.startsWith('voice.goodbye')) expect(line.moves, line.id).toBeDefined();
    expect(card.script!.pushback).toEqual(card.voice!.pushback);
    expect(card.lines!.find((l) => l.id === 'script.surface.0')!.text).toBe(
      card.script!.surface[0],
    );
  });

  it('reads the same scenario sent as JSON', () => {
    const { file, card } = ok(source);
    const again = ok(JSON.stringify(file));
    expect(again.card).toEqual(card);
    expect(parseScenarioObject(JSON.parse(JSON.stringify(file)))).toMatchObject({ ok: true });
    expect(ok(stringify(file)).card).toEqual(card);
  });

  it('a question claims the open kind unless it says otherwise', () => {
    const { card } = ok(source);
    const kinds = new Set(card.lines!.flatMap((l) => (l.moves ? [l.moves.questionKind] : [])));
    expect(kinds.has('open')).toBe(true);
  });

  it('names the path and line of a wrong value, a missing field and an unknown field', () => {
    const wrong = source.replace(/^difficulty: \w+$/m, 'difficulty: medium');
    const [bad] = issuesOf(wrong);
    expect(bad.path).toBe('difficulty');
    expect(bad.line).toBe(wrong.split('\n').findIndex((l) => l.startsWith('difficulty:')) + 1);

    const missing = issuesOf(source.replace(/^title: .*\n/m, ''));
    expect(missing).toContainEqual(
      expect.objectContaining({ path: 'title', message: 'missing: this field is required' }),
    );

    const typo = issuesOf(source.replace(/^brief:/m, 'breif: x\nbrief:'));
    expect(typo).toContainEqual(
      expect.objectContaining({ path: '', message: expect.stringContaining('breif') }),
    );
  });

  it('points into a nested line: a model move left out', () => {
    const { file } = ok(source);
    delete (file.script.surface[1].moves as Partial<(typeof file.script.surface)[1]['moves']>)
      .complexReflection;
    const parsed = parseScenarioText(stringify(file));
    expect(parsed.ok).toBe(false);
    if (!parsed.ok)
      expect(parsed.issues[0]).toMatchObject({ path: 'script.surface.1.moves.complexReflection' });
  });

  it('rejects a line said twice by the same partner, placeholders, and broken YAML', () => {
    const { file } = ok(source);
    file.script.surface[2].text = file.script.surface[0].text;
    const twice = parseScenarioText(stringify(file));
    expect(twice.ok).toBe(false);
    if (!twice.ok)
      expect(twice.issues[0]).toMatchObject({
        path: 'script.surface.2.text',
        message: expect.stringContaining('script.surface.0'),
      });

    file.script.surface[2].text = "It's {topic}, really.";
    const placeholder = parseScenarioText(stringify(file));
    expect(!placeholder.ok && placeholder.issues[0].path).toBe('script.surface.2.text');

    const broken = issuesOf('id: x\ntitle: [unclosed\n');
    expect(broken[0].message).toMatch(/not valid YAML/);
    expect(issuesOf('id: x\ntitle: a: b\n')[0]).toMatchObject({ line: 2 });
    expect(issuesOf('- a list\n- not a scenario\n')[0].path).toBe('');
  });
});

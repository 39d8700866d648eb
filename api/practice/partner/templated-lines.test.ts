/**
 * @module practice/partner/templated-lines.test
 * Every line the scripted partner builds from a template, filled as the voice fills it, through
 * the grammar check the scenario checker uses (harper.js, British English): the neutral scale
 * lines with every number from one to ten ("About an eight.", never "About a eight."), the
 * generic banks and the generic voice with each built-in card's topic and other person, and the
 * generic disclosure lead-ins with each card's hidden layers.
 */
import { describe, expect, it } from 'vitest';
import { grammarProblems } from '../../../tools/scenarios/check.js';
import { HIDDEN_LAYERS } from '../types.js';
import { PARTNER_CARDS } from '../scenarios/index.js';
import {
  GENERIC_DISCLOSURE,
  GENERIC_VOICE,
  NEUTRAL_LINES,
  NUMBER_WORDS,
  REPLY_BANK,
  withNumber,
} from './reply-bank.js';

describe('withNumber', () => {
  it('gives each number the article it takes', () => {
    expect(withNumber('Maybe a {n}.', 8)).toBe('Maybe an eight.');
    expect(withNumber('About a {n}.', 4)).toBe('About a four.');
    expect(withNumber('A {n}, I think.', 8)).toBe('An eight, I think.');
    expect(withNumber('Higher now. A {n}, I think.', 1)).toBe('Higher now. A one, I think.');
    expect(withNumber('Still {n} out of ten.', 8)).toBe('Still eight out of ten.');
  });
});

/** Every templated line as the partner can say it, with where it came from. */
function templatedLines(): { where: string; text: string; names: string[] }[] {
  const out: { where: string; text: string; names: string[] }[] = [];
  const seen = new Set<string>();
  const add = (where: string, text: string, names: string[] = []) => {
    if (seen.has(text)) return;
    seen.add(text);
    out.push({ where, text, names });
  };
  for (const [key, lines] of Object.entries(NEUTRAL_LINES))
    for (const line of lines as readonly string[])
      for (let n = 1; n < NUMBER_WORDS.length; n++) add(`neutral ${key}`, withNumber(line, n));
  for (const card of PARTNER_CARDS) {
    // filled as the voice fills them (ReplyPicker): the card's topic and other person
    const topic = card.script?.topic ?? 'this';
    const other = card.script?.other ?? 'them';
    const names = [...(card.names ?? []), ...card.partner.name.split(' '), ...other.split(' ')];
    const fill = (t: string) => t.replaceAll('{topic}', topic).replaceAll('{other}', other);
    for (const [key, lines] of Object.entries({ ...REPLY_BANK, ...GENERIC_VOICE }))
      for (const line of lines as readonly string[])
        add(`${card.id} bank ${key}`, fill(line), names);
    for (const layer of HIDDEN_LAYERS)
      for (const line of GENERIC_DISCLOSURE[layer])
        add(
          `${card.id} disclosure ${layer}`,
          line.replace('{text}', card.hidden[layer].trim()),
          names,
        );
  }
  return out;
}

describe('templated partner lines', () => {
  const lines = templatedLines();

  it('fills every placeholder', () => {
    expect(lines.length).toBeGreaterThan(300);
    expect(lines.filter((l) => /[{}]/.test(l.text))).toEqual([]);
  });

  it('pass the British grammar check (harper.js) with every number and every card', async () => {
    const failing: string[] = [];
    for (const { where, text, names } of lines) {
      const problems = await grammarProblems(text, names);
      if (problems.length) failing.push(`${where}: "${text}": ${problems.join('; ')}`);
    }
    expect(failing).toEqual([]);
  }, 120_000);
});

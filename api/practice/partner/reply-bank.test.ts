/**
 * @module practice/partner/reply-bank.test
 * Lints every line the scripted partner can say (shared banks and every scenario script):
 * the partner never coaches back, never asks about the coach, never advises them, and the
 * placeholders are the known ones.
 */
import { describe, expect, it } from 'vitest';
import { PARTNER_CARDS } from '../scenarios/index.js';
import { GENERIC_DISCLOSURE, GENERIC_VOICE, NEUTRAL_LINES, REPLY_BANK } from './reply-bank.js';

const bankLines = Object.entries(REPLY_BANK).flatMap(([key, lines]) =>
  lines.map((text) => ({ where: `bank ${key}`, text })),
);
const genericDisclosure = Object.entries(GENERIC_DISCLOSURE).flatMap(([key, lines]) =>
  lines.map((text) => ({ where: `disclosure ${key}`, text })),
);
// Every line a card holds (script, voice, facts, scale), except the lines written to ask the
// coach for advice: asking is the point of those (the coach's test is holding back).
const scriptLines = PARTNER_CARDS.flatMap((card) =>
  (card.lines ?? [])
    .filter((l) => !l.id.startsWith('voice.askAdvice'))
    .map((l) => ({ where: `${card.id} ${l.id}`, text: l.text })),
);
// The shared lines every partner may say, but for asking the coach for advice (addressed to them on purpose).
const sharedLines = [
  ...Object.entries(NEUTRAL_LINES),
  ...Object.entries(GENERIC_VOICE).filter(([key]) => key !== 'askAdvice'),
].flatMap(([key, lines]: [string, readonly string[]]) =>
  lines.map((text) => ({ where: `shared ${key}`, text })),
);
const ALL = [...bankLines, ...genericDisclosure, ...scriptLines, ...sharedLines];

/** Phrases of a partner turning coach: advising the coach, or asking about the coach's life. */
const COACHING_BACK = [
  /\byou should\b/i,
  /\byou could\b/i,
  /\byou might want\b/i,
  /\bwhy don'?t you\b/i,
  /\bhave you (tried|thought|considered)\b/i,
  /\bwhat about you\b/i,
  /\bhow about you\b/i,
  /\band you\?/i,
  /\bwhat would you do\b/i,
  /\bhow (are|do) you feel\b/i,
  /\bif I were you\b/i,
  /\btell me about (your|you)\b/i,
  /\bmy advice\b/i,
];

describe('partner lines never coach back', () => {
  it('has a substantial bank to lint', () => {
    expect(bankLines.length).toBeGreaterThan(150);
    expect(scriptLines.length).toBeGreaterThanOrEqual(PARTNER_CARDS.length * 30);
  });

  it('no line advises the coach or asks about them', () => {
    const offending = ALL.filter(({ text }) => COACHING_BACK.some((re) => re.test(text)));
    expect(offending).toEqual([]);
  });

  it('every question a partner asks is about their own situation, never addressed to the coach', () => {
    const questionsToCoach = ALL.filter(({ text }) =>
      text
        .split(/(?<=[.!?])\s+/)
        .filter((sentence) => sentence.trim().endsWith('?'))
        .some((q) => /\b(you|your|yours|yourself)\b/i.test(q)),
    );
    expect(questionsToCoach).toEqual([]);
  });

  it('uses only the known placeholders', () => {
    for (const { where, text } of [...bankLines, ...scriptLines]) {
      const holes = text.match(/\{[a-z]+\}/g) ?? [];
      for (const h of holes) expect(['{topic}', '{other}'], where).toContain(h);
    }
    for (const { text } of genericDisclosure) expect(text).toContain('{text}');
  });

  it('has no malformed contractions ("it\'sn\'t")', () => {
    expect(ALL.filter(({ text }) => /'s?n't\b/.test(text) && /\w'sn't/.test(text))).toEqual([]);
  });

  it('keeps the neutral set tiny and characterless: short, no topic, no names', () => {
    const lines = Object.values(NEUTRAL_LINES).flat();
    // 40, two each for accepting an apology, a choice ("A bit of both.") and a confirmation, four
    // for a step not chosen yet ("So I couldn't say when."), three for a future not pictured and
    // two for a summary that got a fact wrong ("No, not quite.") and two for a plan
    // said back that they never made ("I hadn't got that far.") and two for small talk ("Oh, nothing much.")
    expect(lines.length).toBeLessThanOrEqual(60);
    for (const line of lines) {
      expect(line.split(/\s+/).length, line).toBeLessThanOrEqual(6);
      expect(line, line).not.toMatch(/\{topic\}|\{other\}/);
    }
  });

  it('has no duplicate lines within a bank', () => {
    for (const [key, lines] of Object.entries(REPLY_BANK))
      expect(new Set(lines).size, key).toBe(lines.length);
  });
});

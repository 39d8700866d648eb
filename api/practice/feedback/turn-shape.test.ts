/**
 * @module practice/feedback/turn-shape.test
 * A turn that checks the coach's understanding, by a question after it or a frame before it.
 */
import { describe, expect, it } from 'vitest';
import { checksUnderstanding } from './turn-shape.js';

describe('checksUnderstanding', () => {
  it.each([
    "Let me check I've got this: you'll call the supplier on Tuesday and copy in Aisha.",
    "Just to make sure I've understood, the audit moved and nobody told you.",
    "If I've understood you correctly, the rota is the part that keeps you up at night.",
    "To check I've heard it: three late shifts in a row, and no one asked.",
    'So the deadline moved twice. Have I got that right?',
  ])('"%s" checks', (text) => expect(checksUnderstanding(text)).toBe(true));

  it.each([
    "Let me check the diary and we'll find a time.",
    'So the deadline moved twice and nobody told you.',
    "You've got this: you'll call the supplier on Tuesday.",
  ])('"%s" does not', (text) => expect(checksUnderstanding(text)).toBe(false));
});

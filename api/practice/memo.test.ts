/**
 * @module practice/memo.test
 * The bounded memo gives the remembered value without computing again (null included), and
 * starts afresh when full, so it never holds more than its size.
 */
import { describe, expect, it } from 'vitest';
import { codeUtterance, codeUtteranceAfter } from './coder/index.js';
import { boundedMemo } from './memo.js';

describe('boundedMemo', () => {
  it('computes a key once, a null result included', () => {
    const memo = boundedMemo<string | null>(10);
    let calls = 0;
    const compute = (v: string | null) => () => (calls++, v);
    expect(memo('a', compute('A'))).toBe('A');
    expect(memo('a', compute('other'))).toBe('A');
    expect(memo('n', compute(null))).toBeNull();
    expect(memo('n', compute('other'))).toBeNull();
    expect(calls).toBe(2);
  });

  it('starts afresh when full', () => {
    const memo = boundedMemo<number>(2);
    let calls = 0;
    const compute = () => ++calls;
    memo('a', compute);
    memo('b', compute);
    memo('c', compute); // full: forgets a and b
    expect(memo('c', compute)).toBe(3);
    expect(memo('a', compute)).toBe(4);
    expect(calls).toBe(4);
  });
});

describe('codeUtteranceAfter', () => {
  it('codes as codeUtterance with the partner line alone, and hands out a frozen coding', () => {
    const prev = "The deadline's on Friday and I haven't started.";
    const text = 'It sounds like the deadline is weighing on you.';
    const coding = codeUtteranceAfter(text, prev);
    expect(coding).toEqual(codeUtterance(text, { prevPartner: prev }));
    expect(codeUtteranceAfter(text, prev)).toBe(coding);
    expect(Object.isFrozen(coding) && Object.isFrozen(coding.codes)).toBe(true);
    // another partner line is another key
    expect(codeUtteranceAfter(text, null)).toEqual(codeUtterance(text, { prevPartner: null }));
    expect(codeUtteranceAfter(text, null)).not.toBe(coding);
  });
});

/**
 * @module practice/coder/engagement.test
 * `engaged`: a turn about what the partner said engages; a template about things they never said does not.
 */
import { describe, expect, it } from 'vitest';
import { codeUtterance } from './index.js';
import { stem } from './engagement.js';

const engaged = (text: string, prevPartner: string | null, earlierPartner: string[] = []) => codeUtterance(text, { prevPartner, earlierPartner }).engaged;

describe('engaged', () => {
  const prev = 'My manager keeps moving the deadline for the audit and the team is exhausted.';
  it('takes up the partner\'s words, by stem or word family', () => {
    expect(engaged('So the deadlines keep moving and everyone is worn out.', prev)).toBe(true);
    expect(engaged("Your boss keeps shifting it, and you're all drained.", prev)).toBe(true);
  });
  it('names nothing of its own: follows the partner', () => {
    expect(engaged('Tell me more.', prev)).toBe(true);
    expect(engaged('What would you like from today?', prev)).toBe(true);
    expect(engaged("We've got thirty minutes, and what you say stays between us.", prev)).toBe(true);
  });
  it('a template about things the partner never said does not engage', () => {
    expect(engaged('It sounds like the purple banana has left you carrying a lot of telephones.', prev)).toBe(false);
    expect(engaged('What will you do first with the zebra, and by when?', prev)).toBe(false);
  });
  it('uses the earlier partner words when it is given them, and engages when it has none', () => {
    expect(engaged('How is the audit going?', 'Fine, I suppose.', [prev])).toBe(true);
    expect(engaged('It sounds like the purple banana has left you carrying a lot of telephones.', null)).toBe(true);
  });
  it('a colleague, a set phrase or a word built on the partner\'s is not a thing of the coach\'s own', () => {
    expect(engaged('So you could end up answering to the director for it.', "It's my name on the response.")).toBe(true);
    expect(engaged('That is a lot on your plate.', 'I have three projects and a new starter.')).toBe(true);
    expect(engaged("You're worried the friendship might not survive this.", "We're friends. Or we were.")).toBe(true);
    expect(engaged('What would your cat make of all this?', 'My apprentice keeps turning up late.')).toBe(false);
  });
  it('stems plurals and tenses together', () => {
    expect(stem('meetings')).toBe(stem('meeting'));
    expect(stem('worried')).toBe(stem('worry'));
  });
});

/**
 * @module practice/coder/partner-experience.test
 * A statement of what the partner lives through ("you find it hard to...", "it's hard for you
 * to...") is a reflection, not advice; a reflection said with a question mark ("You're fed up
 * with it?") is a reflection, not a closed question, while a tag check or a question of its own
 * stays a question. None of these sentences is in the grammar: the shapes are.
 */
import { describe, expect, it } from 'vitest';
import { codeUtterance } from './index.js';

const REFLECTIONS = ['simple_reflection', 'complex_reflection'];

describe('statements of what the partner lives through', () => {
  const prevPartner =
    'Our stand-ups are fifteen people and the loudest three do all the talking. I mostly listen.';
  it.each([
    'You find it hard to get a word in when the loudest three are going.',
    'In the stand-up you find it hard to say your piece.',
    'You find it difficult to get your update in before they take over.',
    'You find it tough to say anything once they have started.',
    "You can't get a word in at the stand-up.",
    'You find it easier to stay quiet than fight for a gap.',
    "It's difficult for you to interrupt them.",
    'So in the stand-up you find yourself just listening.',
    'At the stand-up you end up keeping your updates to yourself.',
    "It's hard for you to break in once those three get going.",
    "So you can't quite get a word in with fifteen people there.",
    'So with that many people you hold back and let them run it.',
    'You keep waiting for a gap that never comes.',
  ])('"%s" is a reflection, not advice', (text) => {
    const c = codeUtterance(text, { prevPartner });
    expect(REFLECTIONS).toContain(c.label);
    expect(c.codes).not.toContain('advice');
  });

  it.each([
    'You should find a way to get a word in before the loudest three start.',
    'You need to speak first, before they get going.',
    'You could try sending your update in writing beforehand.',
    'Just ask the chair to go round the room.',
  ])('"%s" is still advice', (text) => {
    expect(codeUtterance(text, { prevPartner }).codes).toContain('advice');
  });
});

describe('reflections said with a rising tone', () => {
  const prevPartner =
    "Every release the rota changes at the last minute and I'm the one who has to sort it out.";
  it.each([
    "It sounds like you're tired of being the one who sorts it out, and maybe a bit resentful?",
    'So you end up carrying the rota on your own?',
    'You sound pretty fed up with it?',
    'Part of you wants to push back, and part of you just wants it to work?',
    "It seems like it's always you who picks up the pieces?",
  ])('"%s" is a reflection, not a closed question', (text) => {
    const c = codeUtterance(text, { prevPartner });
    expect(REFLECTIONS).toContain(c.label);
    expect(c.codes).not.toContain('closed_question');
    expect(c.questionCount).toBe(0);
  });

  it.each([
    "So you're the one who sorts it out, is that right?",
    "You're fed up, aren't you?",
    'Do you feel fed up with it?',
    'So you sort it out, and how does that leave you?',
    'So you felt what, exactly?',
  ])('"%s" still asks a question', (text) => {
    const c = codeUtterance(text, { prevPartner });
    expect(c.codes.some((x) => x === 'open_question' || x === 'closed_question')).toBe(true);
    expect(c.questionCount).toBeGreaterThan(0);
  });

  it('a rising reflection that names a feeling engages with the partner ("a bit worn down" is no thing)', () => {
    const c = codeUtterance(
      "It sounds like you're pretty drained, and maybe a bit worn down by it?",
      {
        prevPartner: 'We ship every two weeks. The last two days of every sprint are chaos.',
      },
    );
    expect(c.engaged).toBe(true);
  });
});

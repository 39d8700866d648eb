/**
 * @module practice/coder/engagement.test
 * `engaged`: a turn about what the partner said engages; a template about things they never said does not.
 */
import { describe, expect, it } from 'vitest';
import { codeUtterance } from './index.js';
import { stem } from './engagement.js';

const engaged = (text: string, prevPartner: string | null, earlierPartner: string[] = []) =>
  codeUtterance(text, { prevPartner, earlierPartner }).engaged;

describe('engaged', () => {
  const prev = 'My manager keeps moving the deadline for the audit and the team is exhausted.';
  it("takes up the partner's words, by stem or word family", () => {
    expect(engaged('So the deadlines keep moving and everyone is worn out.', prev)).toBe(true);
    expect(engaged("Your boss keeps shifting it, and you're all drained.", prev)).toBe(true);
  });
  it('names nothing of its own: follows the partner', () => {
    expect(engaged('Tell me more.', prev)).toBe(true);
    expect(engaged('What would you like from today?', prev)).toBe(true);
    expect(engaged("We've got thirty minutes, and what you say stays between us.", prev)).toBe(
      true,
    );
  });
  it('a template about things the partner never said does not engage', () => {
    expect(
      engaged('It sounds like the purple banana has left you carrying a lot of telephones.', prev),
    ).toBe(false);
    expect(engaged('What will you do first with the zebra, and by when?', prev)).toBe(false);
  });
  it('uses the earlier partner words when it is given them, and engages when it has none', () => {
    expect(engaged('How is the audit going?', 'Fine, I suppose.', [prev])).toBe(true);
    expect(
      engaged('It sounds like the purple banana has left you carrying a lot of telephones.', null),
    ).toBe(true);
  });
  it("a colleague, a set phrase or a word built on the partner's is not a thing of the coach's own", () => {
    expect(
      engaged(
        'So you could end up answering to the director for it.',
        "It's my name on the response.",
      ),
    ).toBe(true);
    expect(
      engaged('That is a lot on your plate.', 'I have three projects and a new starter.'),
    ).toBe(true);
    expect(
      engaged(
        "You're worried the friendship might not survive this.",
        "We're friends. Or we were.",
      ),
    ).toBe(true);
    expect(
      engaged('What would your cat make of all this?', 'My apprentice keeps turning up late.'),
    ).toBe(false);
  });
  it('stems plurals and tenses together', () => {
    expect(stem('meetings')).toBe(stem('meeting'));
    expect(stem('worried')).toBe(stem('worry'));
    expect(stem('asking')).toBe(stem('ask'));
    expect(stem('reapply')).not.toBe('reap');
  });
});

describe('engaged: nonsense for any move', () => {
  const prev = 'I freeze in the architecture review. Two of them talk for most of the hour.';
  it.each([
    ['a goal question', 'What would you like to get from the orange teapot today?'],
    ['a short reflection', 'You sound clearer about the marmalade.'],
    ['contracting', 'Can we agree that what we say about the windmill stays between us?'],
    ['a return to the goal', 'Coming back to your garden, how close are we?'],
    ['an action question', 'What will you do about the giraffe this week?'],
    ['a summary', 'Let me check: the teapot, the kettle and the sandwich. Is that it?'],
  ])('%s about things nobody raised is not engaged', (_kind, text) => {
    expect(engaged(text, prev)).toBe(false);
  });

  it.each([
    ['a goal question', 'What would you like to get from today?'],
    ['contracting', 'Shall we agree that what you say here stays between us?'],
    [
      'a summary',
      'Let me check I have it: the review, the two architects, and you going quiet. Is that right?',
    ],
    [
      'advice with its own things',
      'Some people write their point on a sticky note before the meeting starts.',
    ],
    ['an idiom', 'It sounds like the elephant in the room is who gets to speak.'],
  ])('%s with no nonsense in it is engaged', (_kind, text) => {
    expect(engaged(text, prev)).toBe(true);
  });

  it('a word the partner brought in is on topic, whatever its class', () => {
    expect(
      engaged(
        'So the dog is keeping you up at night.',
        'Our new dog howls all night and I come in shattered.',
      ),
    ).toBe(true);
  });
});

describe("engaged: paraphrase of the partner's feelings and behaviours", () => {
  it.each([
    ['I freeze.', "It sounds like you hold back because you're not sure your view will land."],
    ["I don't want to pry.", "You don't want to intrude into her life."],
    [
      'Exactly. And one day I will make a mistake.',
      "You're worried that sooner or later something will slip through.",
    ],
    [
      'About appointments. Which I do not control.',
      "You're taking the anger for a system you don't run.",
    ],
    ['I keep underestimating how long things take.', 'How far out are your estimates?'],
    ['Patients shout at me every day.', 'You take a lot of anger that is not meant for you.'],
    [
      "It's in policy, which is what I've always wanted.",
      "That's been a long-held ambition for you.",
    ],
  ])('after "%s", "%s" is engaged', (partner, text) => {
    expect(engaged(text, partner)).toBe(true);
  });

  it('after a bare reply the turn follows the thread', () => {
    expect(
      engaged(
        'You noticed that pattern yourself, and that kind of self-awareness will serve you well.',
        'Yeah.',
      ),
    ).toBe(true);
  });

  it.each([
    [
      'Three years of fundraising, and the trustees shelved it in a single meeting.',
      "What's been the worst bit?",
    ],
    ['They gave my region to someone who joined in March.', 'What was the toughest part of that?'],
    [
      'I read the exit interviews last night. Half of them named me.',
      'What was the most painful moment?',
    ],
  ])('after "%s", the pointer question "%s" takes it up', (partner, text) => {
    expect(engaged(text, partner, ['Hello.'])).toBe(true);
  });

  it('a pointer phrase does not excuse a thing of the coach’s own', () => {
    expect(
      engaged(
        "What's been the hardest part of the orange teapot?",
        'Three years of fundraising, and the trustees shelved it in a single meeting.',
      ),
    ).toBe(false);
  });
});

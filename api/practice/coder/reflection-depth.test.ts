/**
 * @module practice/coder/reflection-depth.test
 * MITI's markers of a complex reflection fire when the coach adds to the partner's words, and stay
 * quiet when the reflection gives the same words or feeling back.
 */
import { describe, expect, it } from 'vitest';
import { codeUtterance } from './index.js';
import { complexMarkers, stemEcho } from './reflection-depth.js';

describe('complexMarkers', () => {
  it.each([
    [
      'My daughter has her school play on the Thursday and I will be at work.',
      'Missing her play is what really stings.',
      'feeling',
    ],
    [
      'Terrified, honestly. I start managing my old peers on Monday.',
      'Excited and terrified at the same time.',
      'double-sided',
    ],
    [
      'I run it and it always turns into a fight between design and backend.',
      "So every Monday you're refereeing between two teams.",
      'image',
    ],
    [
      'Solving new problems. Now it is all solved.',
      'So what you loved was the newness.',
      'meaning',
    ],
    ['Every meeting.', 'Every meeting, day after day.', 'emphasis'],
  ])('after "%s", "%s" adds: %s', (partner, reflection, marker) => {
    expect(complexMarkers(reflection, partner)).toContain(marker);
  });

  it.each([
    [
      'They rejected the design. Again. Third round.',
      'Three rounds of rejection on the same design.',
    ],
    ["I'm worried about the audit next week.", "You're worried about the audit."],
    ['She wants everything in writing now.', "You've gone from corridor chats to written briefs."],
  ])('after "%s", "%s" adds nothing marked', (partner, reflection) => {
    expect(complexMarkers(reflection, partner)).toEqual([]);
  });

  it('needs a partner turn: with nothing said, nothing can be added to', () => {
    expect(complexMarkers('The sadness is still with you.', null)).toEqual([]);
  });

  it('echoes by stem and word family', () => {
    expect(stemEcho('Reapplying for the job.', 'I have to reapply for my job.')).toBe(1);
    expect(stemEcho('Anxious about it.', "I'm so worried.")).toBeGreaterThan(0);
  });
});

describe('typed reflections the model reads as talk', () => {
  it('a one- or two-word echo is a simple reflection; a greeting is not', () => {
    expect(
      codeUtterance('Daily.', { prevPartner: "I'm a receptionist and patients shout at me daily." })
        .label,
    ).toBe('simple_reflection');
    expect(
      codeUtterance('Gutted.', { prevPartner: "My best analyst is leaving and I'm gutted." }).label,
    ).toBe('simple_reflection');
    expect(codeUtterance('Good night!', { prevPartner: 'Good night' }).label).not.toMatch(
      /reflection/,
    );
  });

  it('a statement that names what the partner did not say is a complex reflection', () => {
    expect(
      codeUtterance('The weight of what could have happened is still with you.', {
        prevPartner: "I'm responsible for site safety. If it had gone the other way...",
      }).label,
    ).toBe('complex_reflection');
  });

  it('an empathic "must have been" reflects whatever the sentence names as its subject', () => {
    for (const [text, prevPartner] of [
      [
        'Hearing that from your manager must have stung.',
        'She said my work was sloppy in front of everyone.',
      ],
      [
        'Covering two roles for a month must be exhausting.',
        "I've been doing Priya's job as well as mine since March.",
      ],
      [
        'Sitting through that review must have felt lonely.',
        'Nobody on the panel spoke up for the project.',
      ],
    ])
      expect(codeUtterance(text, { prevPartner }).label, text).toMatch(/reflection/);
    // the coach's own story is not a reflection
    expect(
      codeUtterance('I must have been exhausting to work with back then.', {
        prevPartner: 'My old boss never listened.',
      }).label,
    ).not.toMatch(/reflection/);
  });

  it('a "so" statement about the partner gives their situation back, even when "you" is not its subject', () => {
    for (const [text, prevPartner] of [
      [
        'So the hardest part is what the team thinks of you.',
        "It's not the work. It's the looks I get in stand-up.",
      ],
      [
        'So most of the pressure comes from the targets set for you.',
        'My numbers are fine but the targets keep rising.',
      ],
    ])
      expect(codeUtterance(text, { prevPartner }).label, text).toMatch(/reflection/);
    // a "so" statement about the coach or the two of them is not
    expect(
      codeUtterance('So we have twenty minutes left today.', { prevPartner: 'Okay.' }).label,
    ).not.toMatch(/reflection/);
  });
});

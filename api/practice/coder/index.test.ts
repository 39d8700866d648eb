/**
 * @module practice/coder/index.test
 * The shipped coder on the coaching moves the product must recognise, in workplace phrasing.
 */
import { describe, expect, it } from 'vitest';
import { COACH_CODES, UTTERANCE_LABELS } from '../types.js';
import { CODER_VERSION, codeUtterance } from './index.js';

const code = (text: string, prevPartner: string | null = null, permissionGranted = false) =>
  codeUtterance(text, { prevPartner, permissionGranted });

describe('codeUtterance', () => {
  it.each([
    [
      'So you feel stuck between your old team and the new role',
      'I still feel loyal to my old team but I have to lead them now.',
      'complex_reflection',
      ['complex_reflection'],
    ],
    [
      "Let me check I've got this: the deadline moved, your manager didn't tell you, and the team blames you.",
      'And then they blamed me for it.',
      'complex_reflection',
      ['summary'],
    ],
    [
      'What would you like to get out of our conversation today?',
      null,
      'open_question',
      ['goal_question'],
    ],
    [
      'How shall we work together, and what would make this useful for you?',
      null,
      'open_question',
      ['goal_question'],
    ],
    [
      'If you knew your team trusted you, how would you approach the meeting?',
      'I just think they will push back.',
      'open_question',
      ['incisive_question'],
    ],
    ['What are you assuming that stops you?', null, 'open_question', ['incisive_question']],
    ['Is that true?', "I'll never be taken seriously.", 'closed_question', ['incisive_question']],
    ['What will you do first, and by when?', null, 'open_question', ['action_question']],
    [
      'Why did that happen? Did you tell your manager? What did they say?',
      null,
      'open_question',
      ['stacked_questions'],
    ],
    [
      "Don't you think you should just talk to her?",
      null,
      'advice',
      ['advice', 'leading_question'],
    ],
    ['You should tell your manager.', null, 'advice', ['advice']],
    ["Why don't you delegate the report?", null, 'advice', ['advice']],
    ['Have you tried talking to HR?', null, 'advice', ['advice']],
    ['That was a mistake.', null, 'judgement', ['judgement']],
    ["You're overreacting.", null, 'judgement', ['judgement']],
    ['Would it be useful if I shared an idea?', null, 'closed_question', ['permission_request']],
    [
      'That took real courage, speaking up in front of the director.',
      null,
      'affirmation',
      ['affirmation'],
    ],
    ['Mm-hmm.', 'It has been a long week.', 'other', ['other']],
    ['When I changed teams I felt the same.', null, 'self_disclosure', ['self_disclosure']],
    // MITI Emphasizing Autonomy: neither advice nor information
    ["It's your call whether you apply again next round.", null, 'other', ['other']],
    [
      'I went through a restructure like that at my last company.',
      null,
      'self_disclosure',
      ['self_disclosure'],
    ],
    ["I'd recommend a short chat with HR before the meeting.", null, 'advice', ['advice']],
    [
      'That sounds like a great plan!',
      "I'm going to block out Friday mornings for deep work.",
      'affirmation',
      ['affirmation'],
    ],
    // the partner's own observation given back, though it speaks of what others do
    [
      'You noticed that even the senior engineers bring ideas with holes in them.',
      'I went for a walk afterwards and just felt stupid.',
      'complex_reflection',
      ['complex_reflection'],
    ],
  ] as const)('%s -> %s', (text, prev, label, codes) => {
    const c = code(text, prev);
    expect(c.label).toBe(label);
    for (const k of codes) expect(c.codes).toContain(k);
  });

  it('never turns a statement it takes off reflection into advice when no advice cue fired', () => {
    const c = code(
      'So the architecture review is still on your mind since last time.',
      "In code reviews I'm fine. Writing things down is easy.",
    );
    expect(c.label).not.toBe('advice');
    expect(c.codes).not.toContain('advice');
  });

  it('marks a suggestion after permission as advice with permission, and the same words unasked as advice', () => {
    const asked = code(
      'You could try a short weekly check-in with her.',
      'Yes, I would like an idea.',
      true,
    );
    expect(asked.label).toBe('advice');
    expect(asked.codes).toContain('advice_with_permission');
    expect(asked.codes).not.toContain('advice');
    const unasked = code(
      'You should try a short weekly check-in with her.',
      'She ignores my emails.',
    );
    expect(unasked.codes).toContain('advice');
  });

  it('treats a suggestion as advice with permission when the turn asks first or hands the choice back', () => {
    const offer = code(
      "One option might be a weekly check-in with her, but it's your call.",
      'She ignores my emails.',
    );
    expect(offer.label).toBe('advice');
    expect(offer.codes).toContain('advice_with_permission');
    const told = code('You need to have a weekly check-in with her.', 'She ignores my emails.');
    expect(told.codes).toContain('advice');
    expect(told.codes).not.toContain('advice_with_permission');
  });

  it('counts questions and words, stamps the version, never returns empty codes', () => {
    const c = code('Why did that happen? Did you tell your manager? What did they say?');
    expect(c.questionCount).toBe(3);
    expect(c.words).toBe(13);
    expect(c.coderVersion).toBe(CODER_VERSION);
    for (const t of ['', '   ', '?', '...', 'ok']) {
      const e = code(t);
      expect(e.codes.length).toBeGreaterThan(0);
      expect(UTTERANCE_LABELS).toContain(e.label);
      for (const k of e.codes) expect(COACH_CODES).toContain(k);
    }
  });

  it('follows MITI: at most one of open/closed question and of simple/complex reflection per turn', () => {
    for (const t of [
      'So you feel torn. What matters most? Is it the money?',
      'You feel let down, and part of you wonders if it was worth it. What now?',
    ]) {
      const c = code(t, 'I feel let down.');
      expect(
        c.codes.filter((k) => k === 'open_question' || k === 'closed_question').length,
      ).toBeLessThanOrEqual(1);
      expect(
        c.codes.filter((k) => k === 'simple_reflection' || k === 'complex_reflection').length,
      ).toBeLessThanOrEqual(1);
    }
  });
});

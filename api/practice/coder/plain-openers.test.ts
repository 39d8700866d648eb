/**
 * @module practice/coder/plain-openers.test
 * Typed coaching in its plainest form: the bare goal question ("So what do you want?") and the
 * reflection that opens with an acknowledgement and "so" ("Okay, so the team leans on you.").
 */
import { describe, expect, it } from 'vitest';
import { CODER_VERSION, codeUtterance } from './index.js';

describe('the want, asked bare', () => {
  it.each([
    'So what do you want?',
    'Okay. What is it you really want here?',
    'And what are you hoping for, in all of this?',
  ])('%j is a goal question', (text) => {
    const c = codeUtterance(text, {
      prevPartner:
        "I don't know. Part of me wants the promotion and part of me wants a quiet life.",
    });
    expect(c.codes).toContain('goal_question');
    expect(c.codes).toContain('open_question');
  });

  it('a question about what to say stays a plain open question', () => {
    expect(codeUtterance('What do you want to say to her?').codes).not.toContain('goal_question');
  });
});

describe('a reflection after an acknowledgement and "so"', () => {
  it.each([
    ['Okay, so the team leans on you.', 'Whenever something breaks, they all come to me first.'],
    ['Right. So your director relies on you for all of it.', 'Every report goes through me now.'],
    ['Yeah, so they depend on you.', "I'm the only one who knows the old system."],
  ])('%j is a reflection', (text, prevPartner) => {
    expect(codeUtterance(text, { prevPartner }).label).toMatch(/_reflection$/);
  });

  it('"so" about the coach\'s own plan is not a reflection', () => {
    const c = codeUtterance('Okay, so I think we should start.', {
      prevPartner: 'Sorry, the stand-up overran.',
    });
    expect(c.label).not.toMatch(/_reflection$/);
  });

  it('the coder version names this revision of the rules', () => {
    expect(CODER_VERSION).toMatch(/^coder-8\+/);
  });
});

describe('summaries in typed phrasing', () => {
  const prevPartner = "And on top of the rota there's the audit, which nobody else will touch.";
  it.each([
    "I just want to check I've understood: the rota, the sick cover and the audit all land on you.",
    "Can I check I've understood? The rota, the cover and now the audit all sit with you.",
    "So there's the rota you carry, and there's an audit nobody else will touch.",
    'So three things so far: the rota, the cover, and an audit nobody else will touch.',
  ])('%j is a summary, never advice or information', (text) => {
    const c = codeUtterance(text, { prevPartner });
    expect(c.codes).toContain('summary');
    expect(c.codes).not.toContain('advice');
    expect(c.label).not.toMatch(/^(?:advice|information)$/);
  });
});

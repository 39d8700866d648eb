/**
 * @module practice/feedback/supervisor-read.test
 * What a coaching supervisor caught reading fresh sessions: praise that quotes a line the
 * reflection never took up, a want called an assumption, stock sympathy praised as going beneath
 * the words, an affirmation praised as a paraphrase, and quotes that read as non sequiturs.
 */
import { describe, expect, it } from 'vitest';
import { codeUtterance } from '../coder/index.js';
import { partnerQuote } from './partner-words.js';
import { feedbackForTurn } from './turn-feedback.js';

function fb(text: string, prev: string, stage: 'exploring' | 'insight' = 'exploring', turn = 6) {
  return feedbackForTurn({
    coding: codeUtterance(text, { prevPartner: prev }),
    coachText: text,
    previousPartnerText: prev,
    stage,
    coachTurnNumber: turn,
    priorCodings: [],
    partnerName: 'Oluwaseun',
  });
}

describe('praise says only what the turn did', () => {
  it('a reflection of something else is not said to put the last line in other words', () => {
    const prev =
      "It isn't the title, really. It's that I sat there and let it happen. Is there a trick to it?";
    const f = fb('Losing the recognition for your proposal must have really smarted.', prev);
    expect(f.worked).not.toMatch(/let it happen/);
  });

  it('an incisive question after a want does not call the want an assumption', () => {
    const prev = "I'd love to be the one shaping the roadmap, not just building it.";
    const f = fb(
      'If you knew your ideas were welcome, what would you bring to the next planning day?',
      prev,
      'insight',
    );
    expect(f.worked).toMatch(/incisive/i);
    expect(f.worked).not.toMatch(/assumption behind/);
  });

  it.each(['That sounds hard.', 'That must be tough.', "It's a lot."])(
    '%j alone is acknowledged, not praised as going beneath the words',
    (text) => {
      const f = fb(text, 'Every release slips and I end up apologising to the client for it.');
      expect(f.worked).not.toMatch(/beneath|own words|added meaning/);
      expect(f.improve).toMatch(/Every release slips|fit almost anything|formula/);
    },
  );

  it('an affirmation of honesty is coded and praised as an affirmation', () => {
    const c = codeUtterance(
      "You've been really candid with yourself today about something painful.",
      {
        prevPartner: "I'll tell Ruth on Monday that I want the lead role.",
      },
    );
    expect(c.label).toBe('affirmation');
  });

  it('an uncertainty is not quoted as something the partner meant', () => {
    const f = fb(
      "So part of you isn't sure it's worth the fight.",
      "I don't know. Maybe. It's only a project.",
    );
    expect(f.worked).not.toMatch(/what “(?:I )?don't know” means/);
  });

  it('asking permission is told about their ideas in plain English', () => {
    const f = fb(
      'Would you like to hear how another team went about it?',
      'Priya runs it. She is very fair.',
    );
    expect(f.move).toBe('permission_request');
    expect(f.improve).not.toMatch(/ideas about “/);
  });
});

describe('quoting the partner', () => {
  it('a verbless fragment is not chosen over a sentence that says something', () => {
    expect(
      partnerQuote('Hang on. Priya, my lead. She chairs it. She notices more than she lets on.'),
    ).not.toBe('Priya, my lead');
  });

  it('a long sentence is quoted to the end of a clause, not cut mid-thought', () => {
    const q = partnerQuote(
      'My team keeps coming to me with every little problem and I end up doing half their work myself.',
    );
    expect(q).not.toMatch(/ and I…$/);
    expect(q).toMatch(/^My team keeps coming to me/);
  });
});

describe('advice that fits the moment', () => {
  it('a goal question straight after the partner said what they want is told so', () => {
    const f = fb(
      'Okay. So what would you like from today?',
      'I want to leave knowing which of the two offers to take.',
      'exploring',
      2,
    );
    expect(f.worked).toBe('');
    expect(f.improve).toMatch(/just told you what they want/);
  });

  it('"clearer about what I think" is a want, not a feeling to reflect', () => {
    const f = fb(
      'What do you mean by that?',
      "I'd like to be clearer about what I actually think.",
    );
    expect(`${f.improve} ${f.suggestion}`).not.toMatch(/feeling \(“clearer”\)/);
  });

  it('a sentence a little over the quote length is quoted whole', () => {
    expect(
      partnerQuote(
        'Every time someone congratulates me, I smile and something in my stomach drops.',
      ),
    ).toBe('Every time someone congratulates me, I smile and something in my stomach drops');
  });
});

describe('a judgement named for what it does', () => {
  it('siding with the other party is told it corrects the partner, not that it judges them', () => {
    const f = fb(
      'In fairness, ops probably had their reasons for rewriting it.',
      'Ops rewrote my rollout plan again without a word to me.',
    );
    expect(f.move).toBe('judgement');
    expect(f.improve).toMatch(/other side/);
  });
});

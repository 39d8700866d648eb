/**
 * @module practice/feedback/turn-feedback.test
 * Rule feedback per move: kind and concrete, goal-first suggestions, stage-aware timing, patterns
 * across turns, and alternatives that are good moves in the partner's own words.
 */
import { describe, expect, it } from 'vitest';
import { coding } from '../../../test/fixtures/transcripts.fixture.js';
import type { CoachCode, CoachTurnCoding, PartnerStage } from '../types.js';
import { feedbackForTurn } from './turn-feedback.js';

const PRIYA =
  "I keep giving my manager dates I can't hit. Honestly, I'm worried she'll think I can't run the project.";

function fb(
  text: string,
  codes: CoachCode[],
  over: {
    prev?: string | null;
    stage?: PartnerStage;
    turn?: number;
    prior?: CoachTurnCoding[];
    q?: number;
  } = {},
) {
  return feedbackForTurn({
    coding: coding(text, codes, over.q),
    coachText: text,
    previousPartnerText: over.prev === undefined ? PRIYA : over.prev,
    stage: over.stage,
    coachTurnNumber: over.turn ?? 1,
    priorCodings: over.prior ?? [coding('What would you like from today?', ['goal_question'])],
    partnerName: 'Priya',
  });
}

describe('feedbackForTurn', () => {
  it('answers unasked advice kindly, names the cost, and offers a reflection of Priya’s words', () => {
    const f = fb('You should just tell her the real date.', ['advice']);
    expect(f.move).toBe('advice');
    // never praise unasked advice to soften the blow
    expect(f.worked).toBe('');
    expect(f.improve).toMatch(/didn't ask for/);
    expect(f.suggestion).toMatch(/^To help Priya find a plan they own/);
    expect(f.alternativeMove).toBe('deeper_reflection');
    expect(f.alternative).toMatch(
      /you keep giving your manager dates you can't hit|she'll think you can't run the project/,
    );
    expect(f.alternative).not.toMatch(/\?/);
  });

  it('does not call advice unasked when the partner asked for it, and suggests hearing their options first', () => {
    const f = fb('I would tell her the real date.', ['advice'], {
      prev: 'I just do not know. What would you do?',
    });
    expect(f.improve).not.toMatch(/didn't ask/);
    expect(f.suggestion).toMatch(/^To keep the plan Priya's, ask what options they see/);
    expect(f.alternative).toBe('What options have you thought of so far?');
  });

  it('quotes a judgement back and suggests curiosity instead', () => {
    const f = fb('That was unprofessional, frankly.', ['judgement']);
    expect(f.improve).toContain('“That was unprofessional, frankly.”');
    expect(f.suggestion).toMatch(/^To keep Priya talking openly/);
  });

  it('counts stacked questions and asks for one at a time', () => {
    const f = fb(
      'Why? Have you told her? What will you do?',
      ['stacked_questions', 'open_question'],
      { q: 3 },
    );
    expect(f.move).toBe('stacked_questions');
    expect(f.improve).toContain('You asked three questions at once');
    expect(f.suggestion).toBe(
      'To give Priya room to think, ask one open question about “worried”, then wait.',
    );
  });

  it('turns a closed question into an open one', () => {
    const f = fb('Have you told her?', ['closed_question'], {
      turn: 4,
      prior: [coding('Tell me more.', ['simple_reflection'])],
    });
    expect(f.suggestion).toMatch(/start with “what” or “how”/);
    expect(f.alternativeMove).toBe('open_question');
    expect(f.alternative).toMatch(/^What .*\?$/);
  });

  it('a send-off is not faulted for not reflecting; a bare statement still is', () => {
    for (const text of ['Thanks for today.', 'Okay, take care and see you on Tuesday!'])
      expect(fb(text, ['other'], { turn: 8 }).improve, text).toMatch(
        /summary of what Priya is taking away/,
      );
    expect(fb('The project sounds big.', ['other'], { turn: 8 }).improve).toMatch(
      /neither reflected nor asked/,
    );
  });

  it('after two questions in a row, a third gets "feel heard" advice naming the feeling', () => {
    const q = coding('What happened?', ['open_question']);
    const f = fb('What did she say?', ['open_question'], {
      prior: [
        coding('What would you like from today?', ['goal_question']),
        coding('You sound worried.', ['simple_reflection']),
        q,
        q,
      ],
    });
    expect(f.improve).toContain("That's three questions in a row without a reflection");
    expect(f.suggestion).toBe(
      'To help Priya feel heard, try reflecting the feeling (“worried”) before asking anything else.',
    );
    expect(f.alternativeMove).toBe('deeper_reflection');
  });

  it('praises a simple reflection and asks for the meaning beneath it', () => {
    const f = fb("You can't hit the dates.", ['simple_reflection']);
    expect(f.worked).toMatch(/reflected Priya's words/);
    expect(f.suggestion).toContain('name the feeling you hear (“worried”)');
    expect(f.alternativeMove).toBe('deeper_reflection');
  });

  it('after a complex reflection at insight, suggests the action question', () => {
    const f = fb(
      'Part of you believes honesty would cost you the project.',
      ['complex_reflection'],
      { stage: 'insight' },
    );
    expect(f.improve).toMatch(/Nothing to fix/);
    expect(f.suggestion).toBe(
      'To help Priya move from insight to action, ask what they will do next.',
    );
    // the move fitted the moment: no "you could have said" that is merely the next step
    expect(f.alternativeMove).toBeNull();
    expect(f.alternative).toBe('');
  });

  it('calls an action question premature before insight, and timely after', () => {
    expect(
      fb('What will you do?', ['action_question', 'open_question'], { stage: 'opening_up' })
        .improve,
    ).toMatch(/hasn't finished exploring/);
    expect(
      fb('What will you do?', ['action_question', 'open_question'], { stage: 'committing' }).worked,
    ).toMatch(/commitment can come from them/);
  });

  it('calls an incisive question premature while Priya is guarded', () => {
    const f = fb('What are you assuming?', ['incisive_question', 'open_question'], {
      stage: 'guarded',
    });
    expect(f.improve).toMatch(/premature/);
    expect(
      fb('What are you assuming?', ['incisive_question', 'open_question'], { stage: 'exploring' })
        .worked,
    ).toMatch(/^An incisive question/);
  });

  it('on the first turn with nothing to reflect, offers a goal question', () => {
    const f = fb('Hello, nice to meet you.', ['other'], { prev: null, turn: 1, prior: [] });
    expect(f.alternativeMove).toBe('goal_question');
    expect(f.alternative).toBe('What would you like to get out of our conversation today?');
  });

  it('reminds about agreeing a goal at the third turn when none was asked', () => {
    const f = fb('What is going on?', ['open_question'], {
      turn: 3,
      prior: [coding('Hi.', ['other']), coding('Okay.', ['other'])],
    });
    expect(f.improve).toContain("You haven't yet asked what Priya wants from this conversation");
  });

  it('says late goal questions are better early when none was asked before', () => {
    expect(
      fb('What do you want from this?', ['goal_question'], { turn: 6, prior: [] }).improve,
    ).toMatch(/^Earlier is better/);
  });

  it('uses "your partner" without a name and never crashes on empty input', () => {
    const f = feedbackForTurn({
      coding: coding('', ['other']),
      coachText: '',
      previousPartnerText: '',
      coachTurnNumber: 1,
      priorCodings: [],
    });
    expect(f.suggestion).toContain('your partner');
    // an empty turn did nothing worth praising: "worked" stays empty
    expect(f.worked).toBe('');
    for (const v of [f.improve, f.suggestion, f.alternative]) expect(v.length).toBeGreaterThan(0);
  });

  it('is deterministic', () => {
    expect(fb('You should tell her.', ['advice'])).toEqual(fb('You should tell her.', ['advice']));
  });
});

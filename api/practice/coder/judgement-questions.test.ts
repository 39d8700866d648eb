/**
 * @module practice/coder/judgement-questions.test
 * Blaming and rhetorical questions are judgements, read by the grammar of the reproach (a "why"
 * with a negated auxiliary, "let" or "even", an intensifier, "how could you", sarcasm); a curious
 * "why" or "how" stays an open question. None of these sentences is in the grammar: the forms are.
 */
import { describe, expect, it } from 'vitest';
import { codeUtterance } from './index.js';

const prevPartner = 'The team keep talking over me in the planning meeting and I just go quiet.';
const code = (text: string) => codeUtterance(text, { prevPartner });

describe('blaming and rhetorical questions', () => {
  it.each([
    'Why do you let them talk over you?',
    'Why would you even hesitate over a promotion?',
    "Why didn't you deal with this earlier?",
    "So why haven't you told her yet?",
    "Why can't you just ask HR?",
    "Why won't you delegate any of it?",
    "Why aren't you pushing back on the deadline?",
    'Why on earth would you agree to that?',
    'Why the hell did they let it slide?',
    'Honestly, why bother going at all?',
    'Why would anyone put up with that?',
    'Why do you always volunteer for the worst jobs?',
    'Why do you keep saying yes to him?',
    'Why did you even apply?',
    'How could you not see that coming?',
    'How could you possibly forget the client call?',
    'How did you manage to miss the renewal date?',
    'What were you thinking?',
    'What did you expect would happen?',
    'Is it really that hard to say no?',
    'Did you honestly think they would notice?',
    'And how did that work out for you?',
    "That went well, didn't it?",
    "Why did you take the job if you weren't ready for it?",
    'Why would you say yes when you knew you had no time?',
  ])('"%s" is a judgement, not an open question', (text) => {
    const c = code(text);
    expect(c.label).toBe('judgement');
    expect(c.codes).toContain('judgement');
    expect(c.codes).not.toContain('open_question');
  });

  it.each([
    'Why does that matter to you?',
    'Why now?',
    'What makes that important?',
    'Why is that important to you?',
    'Why do you think they keep doing it?',
    'Why did you choose that one?',
    'Why did you decide to stay?',
    'Why do you think that is?',
    "Why don't you tell me more about the team?",
    'How could you approach it differently?',
    'How would you let them know?',
    'How did you leave it with her?',
    'How has that been going for you so far?',
    'What were you hoping would happen?',
    "Why can't you sleep, do you think?",
    'And how is that going for you?',
    'Why did you take the job, if you think back to then?',
    'Why do you think it matters when you are tired?',
  ])('"%s" is a curious question, not a judgement', (text) => {
    const c = code(text);
    expect(c.codes).not.toContain('judgement');
    expect(c.label).toBe('open_question');
  });

  it('labelling the difficulty as a flaw of the person is a judgement; naming a feeling is not', () => {
    expect(code('That sounds like a confidence problem, to be honest.').label).toBe('judgement');
    expect(code('The real problem is that you avoid conflict.').label).toBe('judgement');
    expect(code('That sounds like a hard place to be.').codes).not.toContain('judgement');
    expect(
      code('It sounds like, with nobody to blame, you wonder if the problem is you.').codes,
    ).not.toContain('judgement');
  });

  it('a bare "Really?" is surprise, not a verdict', () => {
    expect(code('Really?').codes).not.toContain('judgement');
  });

  it('keeps a question beside a judgement apart: the judgement is the move', () => {
    const c = code("Why didn't you say something in the meeting? What stopped you?");
    expect(c.label).toBe('judgement');
  });
});

describe('hedged verdicts and offers handed back', () => {
  it.each([
    'You may be taking this far too personally.',
    'You could be a bit too sensitive about feedback.',
    'You might have been rather naive about the budget.',
    'I wonder if you seem a little dramatic to them.',
  ])('a hedge does not soften a verdict on the person: %s', (text) => {
    expect(code(text).codes).toContain('judgement');
  });

  it.each(['You might be exhausted after a week like that.', 'You may be right about the timing.'])(
    'a hedged statement that names no fault is no judgement: %s',
    (text) => {
      expect(code(text).codes).not.toContain('judgement');
    },
  );

  it.each([
    'One thing some teams do is rotate who chairs. What do you make of that?',
    'Some people find it helps to send the agenda the day before. How does that sound to you?',
  ])(
    'an idea offered and handed back for the partner to judge is advice with permission: %s',
    (text) => {
      expect(code(text).codes).toContain('advice_with_permission');
    },
  );
});

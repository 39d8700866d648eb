/**
 * @module practice/coder/coaching-moves.test
 * The move cues on their own: each cue fires on its move and stays quiet on look-alikes.
 */
import { describe, expect, it } from 'vitest';
import { moveCues } from './coaching-moves.js';
import { unsureRule, type FineProbabilities } from './miti-label.js';
import { normalise, sentences } from './text.js';

const cues = (text: string) => moveCues(sentences(normalise(text)));

describe('moveCues', () => {
  it('counts questions and tells open from closed by form', () => {
    const c = cues('Okay. What happened next? Did you tell her?');
    expect(c).toMatchObject({
      questions: 2,
      open: 1,
      closed: 1,
      endsWithQuestion: true,
      lastOpen: false,
    });
    expect(cues('How many people are in the team?').closed).toBe(1);
    expect(cues('Can you tell me more about that?').open).toBe(1);
  });

  it('hears support and congratulations as support, praise of a specific act as affirmation, an open door as no instruction', () => {
    const congrats = cues('Congratulations on the promotion!');
    expect(congrats).toMatchObject({ support: true, affirmation: false });
    expect(cues("It's great that you raised it with her.").support).toBe(true);
    expect(cues("I'm here for you if the week gets heavy.")).toMatchObject({
      support: true,
      affirmation: false,
    });
    expect(cues('You raised it early and in writing. That took real courage.').affirmation).toBe(
      true,
    );
    const door = cues('Feel free to message me if you need to talk.');
    expect(door.support).toBe(true);
    expect(door.adviceStatement).toBe(false);
  });

  it('finds advice in statements, imperatives and questions, but not inside a reflection', () => {
    expect(cues('You should talk to your manager.').adviceStatement).toBe(true);
    expect(cues('For example, take time to notice how you feel.').adviceStatement).toBe(true);
    expect(cues('I really think you should consider a break.').adviceStatement).toBe(true);
    expect(cues('Have you tried a weekly check-in?').adviceQuestion).toBe(true);
    expect(cues("Why don't you start by telling me about the team?").adviceQuestion).toBe(false);
    expect(cues('So you feel that you should have done more.').adviceStatement).toBe(false);
    expect(cues('Tell me more.').adviceStatement).toBe(false);
    expect(cues('Good luck, take care!').pleasantry).toBe(true);
  });

  it('hears hedged, typed suggestions as advice, but not what the partner could do or feel', () => {
    expect(cues("I'd recommend a short chat with HR first.").adviceStatement).toBe(true);
    expect(cues('I would strongly encourage you to book the leave now.').adviceStatement).toBe(
      true,
    );
    expect(cues('You could also ask your manager for the budget in writing.').adviceStatement).toBe(
      true,
    );
    expect(cues('Maybe blocking out Friday mornings would help.').adviceStatement).toBe(true);
    expect(
      cues('It might help to write the three points down before the meeting.').adviceStatement,
    ).toBe(true);
    // possibilities and feelings, not suggestions
    expect(cues('You could lose the goodwill you have built up.').adviceStatement).toBe(false);
    expect(cues('You might feel relieved once it is said.').adviceStatement).toBe(false);
    expect(cues("So you're not sure you could do it.").adviceStatement).toBe(false);
    // a general fact about what helps is information (MITI: when unsure, information over advice)
    expect(cues('Regular breaks can help concentration.').adviceStatement).toBe(false);
  });

  it('reads imperatives by their verb, and not a noun that opens a statement', () => {
    expect(cues('Break the project down into weekly pieces.').adviceStatement).toBe(true);
    expect(cues('Wait until the restructure is announced.').adviceStatement).toBe(true);
    expect(cues('Be prepared to say no to the extra project.').adviceStatement).toBe(true);
    expect(cues('Exercise is good for stress.').adviceStatement).toBe(false);
    expect(cues('Breakups at work can be very stressful.').adviceStatement).toBe(false);
    expect(cues('Wait a minute, that changes things.').adviceStatement).toBe(false);
    expect(cues('In my view, research shows that sleep matters.').adviceStatement).toBe(false);
  });

  it('hears reassurance and approval as support, not advice or reflection', () => {
    const worry = cues("Don't worry, this happens to a lot of new managers.");
    expect(worry).toMatchObject({ adviceStatement: false, reassurance: true, affirmation: false });
    expect(cues("Don't be so hard on yourself.").adviceStatement).toBe(false);
    // what follows the reassurance is still read
    expect(cues("Don't worry, just email her tomorrow.").adviceStatement).toBe(true);
    const approval = cues('That sounds like a great plan!');
    expect(approval).toMatchObject({
      support: true,
      reflectionOpener: false,
      partnerFocused: false,
      pleasantry: false,
    });
    expect(cues('That sounds really hard.').feelingReflection).toBe(true);
  });

  it('recognises the coach telling their own story, and handing the decision back', () => {
    expect(cues('I went through the same reorganisation two years ago.').selfDisclosure).toBe(true);
    expect(cues('I prefer writing my updates on a Friday myself.').selfDisclosure).toBe(true);
    expect(cues('I think the team will come round.').selfDisclosure).toBe(false);
    expect(cues('I was wondering how the meeting went.').selfDisclosure).toBe(false);
    expect(cues("It's completely up to you what you do with the offer.").autonomy).toBe(true);
    expect(
      cues("You know your team better than anyone, so you'll decide what fits.").autonomy,
    ).toBe(true);
  });

  it('recognises permission requests, offers and leading questions', () => {
    expect(cues('Would it help if I shared a thought?').permissionRequest).toBe(true);
    expect(cues('One option might be to pilot it with one team.').adviceOffer).toBe(true);
    expect(cues("Don't you think you should apologise?").leading).toBe(true);
  });

  it('recognises goal, incisive and action questions', () => {
    expect(cues('What would make this conversation useful for you?').goal).toBe(true);
    expect(cues('What are you assuming that stops you?').incisive).toBe(true);
    expect(cues('Is that true?').incisive).toBe(true);
    expect(cues('What is your first step, and by when?').action).toBe(true);
    expect(cues('What happened in the meeting?')).toMatchObject({
      goal: false,
      incisive: false,
      action: false,
    });
  });

  it('recognises summaries, affirmations, judgement and self-disclosure', () => {
    expect(
      cues("Let me check I've understood you right: the team, the deadline and your manager.")
        .summary,
    ).toBe(true);
    expect(cues("You've made real progress since we last spoke.").affirmation).toBe(true);
    expect(cues('That was really unprofessional.').judgement).toBe(true);
    expect(cues('You always say that.').judgement).toBe(true);
    expect(cues('In my last job I had the same problem.').selfDisclosure).toBe(true);
    expect(cues('You seem tired.')).toMatchObject({
      judgement: false,
      selfDisclosure: false,
      affirmation: false,
    });
  });
});

describe('unsureRule (MITI: when unsure, the less favourable code)', () => {
  const probs = (over: Partial<FineProbabilities>): FineProbabilities => ({
    open_question: 0,
    closed_question: 0,
    simple_reflection: 0,
    complex_reflection: 0,
    advice: 0,
    information: 0,
    other: 0,
    ...over,
  });
  it('takes simple over complex, information over advice, other over an adherent code when close', () => {
    expect(unsureRule(probs({ complex_reflection: 0.42, simple_reflection: 0.4 }))).toBe(
      'simple_reflection',
    );
    expect(unsureRule(probs({ advice: 0.45, information: 0.43 }))).toBe('information');
    expect(unsureRule(probs({ open_question: 0.41, other: 0.4 }))).toBe('other');
  });
  it('keeps a clear winner', () => {
    expect(unsureRule(probs({ complex_reflection: 0.6, simple_reflection: 0.3 }))).toBe(
      'complex_reflection',
    );
    expect(unsureRule(probs({ advice: 0.6, information: 0.3 }))).toBe('advice');
  });
});

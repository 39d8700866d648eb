/**
 * @module practice/standing/engagement-evidence.test
 * The one rule for credit and praise: templates about nothing earn nothing whatever their shape
 * and whatever the coder's `engaged`; turns that take up the partner's words earn it; between
 * the two the coder decides, and nothing here ever credits a turn the coder refused unless the
 * words plainly take up the partner's own.
 */
import { describe, expect, it } from 'vitest';
import { earnsCredit, engagementEvidence, scenarioContext } from './engagement-evidence.js';

const SAID = [
  "Honestly, I'm drowning. I take every hard escalation myself and answer tickets at ten at night.",
  "I'd like to be clearer about what I actually think.",
];

describe('engagementEvidence', () => {
  it('finds templates about nothing, whatever their shape', () => {
    for (const t of [
      'What would you like to get from the orange teapot today?',
      'You sound clearer about the marmalade.',
      'It sounds like the staircase has left you holding a lot of umbrellas.',
      'What will you do first with the violin, and by when?',
    ])
      expect(earnsCredit(t, [], true, SAID), t).toBe(false);
    expect(
      engagementEvidence('What would you like to get from the orange teapot today?', SAID),
    ).toMatchObject({ engagement: 'absent', foreignThings: ['orange teapot'] });
  });

  it('credits turns that take up the partner’s words, and process turns of ordinary words', () => {
    for (const t of [
      "So you're answering tickets at ten at night.",
      'What would you like to get from today?',
      'What will you do first, and by when?',
      'Shall we agree that this stays between us?',
    ])
      expect(earnsCredit(t, [], true, SAID), t).toBe(true);
    // the partner's own words outweigh a doubtful coder; ordinary words alone do not
    expect(earnsCredit('So every hard escalation is yours.', [], false, SAID)).toBe(true);
    expect(earnsCredit('So that feels hard.', ['complex_reflection'], false, SAID)).toBe(false);
  });

  it('does not let one shared word carry a thing the partner never raised', () => {
    expect(
      earnsCredit('So the weather inside the escalations has been heavy.', [], true, SAID),
    ).toBe(false);
    // people of anyone's working world are the partner's, named or not
    expect(
      engagementEvidence('What would the team say if you handed the escalations over?', SAID)
        .foreignThings,
    ).toEqual([]);
  });

  it('reads a noun phrase to its head, not into the verb after it', () => {
    const said = ['When I finally find the words in the meeting, the topic has already moved on.'];
    for (const t of [
      'By the time the words are ready, the moment passes.',
      'When the topic moves on, the chance slips away.',
    ])
      expect(engagementEvidence(t, said).foreignThings, t).toEqual([]);
    expect(
      engagementEvidence("Your manager's supportive, and the silence is from above.", [
        "My manager's great but the director hasn't said a word.",
      ]).foreignThings,
    ).toEqual(['silence']);
  });

  it('does not call one plausible new thing a template; an unrelated or a second one is', () => {
    const said = ["It's been fine, honestly. Everyone's been really welcoming."];
    const monday = 'How do you feel walking into the Monday meeting?';
    expect(engagementEvidence(monday, said).engagement).toBe('unclear');
    expect(earnsCredit(monday, ['open_question'], true, said)).toBe(true);
    expect(earnsCredit(monday, ['open_question'], false, said)).toBe(false);
    expect(engagementEvidence('How do you feel about the orange teapot?', said).engagement).toBe(
      'absent',
    );
    expect(
      engagementEvidence('What did the spreadsheet say about the cupboard?', said).engagement,
    ).toBe('absent');
  });

  it('counts what the learner was told about the scenario as the conversation', () => {
    const brief = scenarioContext({
      title: 'Setback',
      brief: 'Tom led the CRM migration that was rolled back last month.',
    });
    expect(earnsCredit('What are you assuming about the migration?', [], true, ['Morning.'])).toBe(
      false,
    );
    expect(
      earnsCredit('What are you assuming about the migration?', [], true, ['Morning.', ...brief]),
    ).toBe(true);
  });

  it('leaves a turn with no partner words to read, or an offered idea, to the coder', () => {
    expect(
      earnsCredit('What would you like to get from the orange teapot today?', [], true, []),
    ).toBe(true);
    expect(
      earnsCredit(
        'One option some people use is a rota. What do you make of that?',
        ['advice_with_permission'],
        true,
        SAID,
      ),
    ).toBe(true);
  });
});

describe('a paraphrase by a near word', () => {
  it.each([
    ['The buyers never get told about the delays.', 'You feel for the people who buy from you.'],
    ['Our riders are out in all weathers.', 'You worry about the people who ride for you.'],
  ])('after “%s”, “%s” is grounded even when the coder doubts it', (partner, text) => {
    expect(engagementEvidence(text, [partner]).foreign).toEqual([]);
    expect(earnsCredit(text, ['complex_reflection'], false, [partner])).toBe(true);
  });

  it('takes only forms of the partner’s own word, not words that merely start alike', () => {
    const partner = 'The app keeps crashing on the night shift.';
    expect(engagementEvidence('So you are applying for a transfer.', [partner]).foreign).toContain(
      'applying',
    );
    expect(
      earnsCredit('It sounds like the orange teapot worries you.', ['complex_reflection'], true, [
        partner,
      ]),
    ).toBe(false);
  });
});
